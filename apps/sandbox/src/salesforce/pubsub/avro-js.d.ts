// avro-js ships no types; only the part the simulator uses is declared.
declare module 'avro-js' {
  export interface AvroType {
    toBuffer(value: unknown): Buffer;
    fromBuffer(buffer: Buffer): unknown;
    isValid(value: unknown): boolean;
  }
  export function parse(schema: string | object): AvroType;
}
