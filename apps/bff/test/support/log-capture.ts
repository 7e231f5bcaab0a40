import { Writable } from 'node:stream';

/** Collects the JSON log lines the app writes, for assertions. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }

  records(): Record<string, any>[] {
    return this.lines.map((line) => JSON.parse(line));
  }

  text(): string {
    return this.lines.join('\n');
  }
}
