/**
 * PHP `serialize()` / `unserialize()` for the subset WHMCS API callers send: arrays of scalars (and arrays of
 * such arrays, for `configoptions` with `{optionid, qty}`). WHMCS's AddOrder and UpdateClientProduct take
 * `customfields` / `configoptions` as `base64_encode(serialize(array(...)))`.
 *
 * String lengths in the format are **byte** lengths, so all offsets here work on UTF-8 bytes.
 */
export type PhpScalar = string | number | boolean | null;
export type PhpValue = PhpScalar | PhpArray;
/** A PHP array; keys that look like canonical integers are integer keys, as in PHP. */
export interface PhpArray {
  [key: string]: PhpValue;
}

const INTEGER_KEY = /^(0|-?[1-9][0-9]*)$/;

export function phpSerialize(value: PhpValue): string {
  if (value === null) return 'N;';
  if (typeof value === 'boolean') return `b:${value ? 1 : 0};`;
  if (typeof value === 'number') return Number.isInteger(value) ? `i:${value};` : `d:${value};`;
  if (typeof value === 'string') return `s:${Buffer.byteLength(value, 'utf8')}:"${value}";`;
  const entries = Object.entries(value);
  const body = entries
    .map(([key, item]) => (INTEGER_KEY.test(key) ? `i:${key};` : phpSerialize(key)) + phpSerialize(item))
    .join('');
  return `a:${entries.length}:{${body}}`;
}

export class PhpUnserializeError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'PhpUnserializeError';
  }
}

/** Parses one serialized value; anything outside the supported subset (objects, references) is an error. */
export function phpUnserialize(input: string): PhpValue {
  const bytes = Buffer.from(input, 'utf8');
  const reader = { bytes, offset: 0 };
  const value = readValue(reader);
  if (reader.offset !== bytes.length) throw new PhpUnserializeError('Trailing data', reader.offset);
  return value;
}

/** `base64_decode` + `unserialize`, expecting an array, as WHMCS does for `customfields[]`. */
export function decodeSerializedArray(base64: string): PhpArray {
  const value = phpUnserialize(Buffer.from(base64, 'base64').toString('utf8'));
  if (value === null || typeof value !== 'object') throw new PhpUnserializeError('Expected an array', 0);
  return value;
}

interface Reader {
  readonly bytes: Buffer;
  offset: number;
}

function readValue(reader: Reader): PhpValue {
  const type = String.fromCharCode(reader.bytes[reader.offset] ?? 0);
  if (type === 'N') {
    expect(reader, 'N;');
    return null;
  }
  reader.offset += 1;
  expect(reader, ':');
  switch (type) {
    case 'b': {
      const raw = readUntil(reader, ';');
      if (raw !== '0' && raw !== '1') throw new PhpUnserializeError('Invalid boolean', reader.offset);
      return raw === '1';
    }
    case 'i': {
      const raw = readUntil(reader, ';');
      if (!INTEGER_KEY.test(raw)) throw new PhpUnserializeError('Invalid integer', reader.offset);
      return Number(raw);
    }
    case 'd': {
      const number = Number(readUntil(reader, ';'));
      if (Number.isNaN(number)) throw new PhpUnserializeError('Invalid float', reader.offset);
      return number;
    }
    case 's': {
      const length = readLength(reader);
      expect(reader, '"');
      const end = reader.offset + length;
      if (end > reader.bytes.length) throw new PhpUnserializeError('String overruns input', reader.offset);
      const text = reader.bytes.toString('utf8', reader.offset, end);
      reader.offset = end;
      expect(reader, '";');
      return text;
    }
    case 'a': {
      const count = readLength(reader);
      expect(reader, '{');
      const result: PhpArray = {};
      for (let index = 0; index < count; index++) {
        const key = readValue(reader);
        if (typeof key !== 'string' && typeof key !== 'number') {
          throw new PhpUnserializeError('Invalid array key', reader.offset);
        }
        result[String(key)] = readValue(reader);
      }
      expect(reader, '}');
      return result;
    }
    default:
      throw new PhpUnserializeError(`Unsupported type '${type}'`, reader.offset - 2);
  }
}

function readLength(reader: Reader): number {
  const raw = readUntil(reader, ':');
  if (!/^[0-9]+$/.test(raw)) throw new PhpUnserializeError('Invalid length', reader.offset);
  return Number(raw);
}

function readUntil(reader: Reader, terminator: string): string {
  const end = reader.bytes.indexOf(terminator, reader.offset, 'utf8');
  if (end < 0) throw new PhpUnserializeError(`Missing '${terminator}'`, reader.offset);
  const text = reader.bytes.toString('utf8', reader.offset, end);
  reader.offset = end + terminator.length;
  return text;
}

function expect(reader: Reader, token: string): void {
  const actual = reader.bytes.toString('utf8', reader.offset, reader.offset + token.length);
  if (actual !== token) throw new PhpUnserializeError(`Expected '${token}'`, reader.offset);
  reader.offset += token.length;
}
