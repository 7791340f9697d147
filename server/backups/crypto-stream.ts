import crypto from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DomainError } from '../errors.ts';

/**
 * Backup encryption, format "OPBK" version 1: AES-256-GCM over fixed-size chunks, so a backup of
 * any size streams through in constant memory and every byte is authenticated.
 *
 *   header (28 bytes): "OPBK" | version u8 = 1 | 3 zero bytes | chunk size u32 BE | salt (16 random bytes)
 *   records:           ciphertext of one plaintext chunk | 16-byte GCM tag
 *
 * Every record but the last holds exactly `chunk size` plaintext bytes; the last holds 0 to
 * `chunk size`. The key is HKDF-SHA256(panel secret key, salt, "openpanel backup v1"), so it is
 * unique per file and the nonce can be a counter: 11-byte big-endian record index followed by a
 * byte that is 1 on the last record only. The header is the associated data of every record.
 * So a changed byte, swapped or dropped records, a cut-off end (the new last record lacks the
 * flag), or a different panel key all fail the tag check.
 */
const MAGIC = Buffer.from('OPBK');
const VERSION = 1;
export const HEADER_BYTES = 28;
const TAG_BYTES = 16;
const DEFAULT_CHUNK = 64 * 1024;
const MAX_CHUNK = 16 * 1024 * 1024;

function deriveKey(secretKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secretKey, salt, 'openpanel backup v1', 32));
}

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(index, 5, 6); // 48 bits of counter are plenty; the upper bytes stay zero
  n[11] = last ? 1 : 0;
  return n;
}

const corruptedEncryption = (why: string) =>
  new DomainError(
    'invalid',
    `The backup failed its encryption check (${why}): it was changed or damaged after it was written, or it was encrypted with another panel key.`,
    'Nothing was restored. Pick another backup, or restore the panel secret key it was made with.',
  );

export class EncryptStream extends Transform {
  readonly #key: Buffer;
  readonly #header: Buffer;
  readonly #chunk: number;
  #buffer = Buffer.alloc(0);
  #index = 0;

  constructor(secretKey: Buffer, chunkSize = DEFAULT_CHUNK) {
    super();
    const salt = crypto.randomBytes(16);
    this.#chunk = chunkSize;
    this.#header = Buffer.concat([MAGIC, Buffer.from([VERSION, 0, 0, 0]), u32(chunkSize), salt]);
    this.#key = deriveKey(secretKey, salt);
    this.push(this.#header);
  }

  #seal(plain: Buffer, last: boolean): void {
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#key, nonce(this.#index++, last));
    cipher.setAAD(this.#header);
    this.push(Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    // Keep at least one byte back: the last record is only known at the end.
    while (this.#buffer.length > this.#chunk) {
      this.#seal(this.#buffer.subarray(0, this.#chunk), false);
      this.#buffer = this.#buffer.subarray(this.#chunk);
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.#seal(this.#buffer, true);
    done();
  }
}

export class DecryptStream extends Transform {
  readonly #secretKey: Buffer;
  #key: Buffer | null = null;
  #header: Buffer | null = null;
  #record = 0;
  #buffer = Buffer.alloc(0);
  #index = 0;

  constructor(secretKey: Buffer) {
    super();
    this.#secretKey = secretKey;
  }

  #open(record: Buffer, last: boolean): Buffer {
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#key!, nonce(this.#index++, last));
    decipher.setAAD(this.#header!);
    decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw corruptedEncryption(`bad authentication tag in record ${this.#index - 1}`);
    }
  }

  #readHeader(): void {
    const h = this.#buffer.subarray(0, HEADER_BYTES);
    if (!h.subarray(0, 4).equals(MAGIC)) throw corruptedEncryption('not an OpenPanel encrypted backup');
    if (h[4] !== VERSION) throw corruptedEncryption(`unknown format version ${h[4]}`);
    const chunk = h.readUInt32BE(8);
    if (chunk < 1 || chunk > MAX_CHUNK) throw corruptedEncryption('bad chunk size');
    this.#header = Buffer.from(h);
    this.#record = chunk + TAG_BYTES;
    this.#key = deriveKey(this.#secretKey, h.subarray(12, 28));
    this.#buffer = this.#buffer.subarray(HEADER_BYTES);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      if (!this.#header && this.#buffer.length >= HEADER_BYTES) this.#readHeader();
      // A full record is opened only once more bytes follow it: until then it may be the last.
      while (this.#header && this.#buffer.length > this.#record) {
        this.push(this.#open(this.#buffer.subarray(0, this.#record), false));
        this.#buffer = this.#buffer.subarray(this.#record);
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (!this.#header) throw corruptedEncryption('the file is shorter than its header');
      if (this.#buffer.length < TAG_BYTES) throw corruptedEncryption('the file ends in the middle of a record');
      this.push(this.#open(this.#buffer, true));
      done();
    } catch (err) {
      done(err as Error);
    }
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
