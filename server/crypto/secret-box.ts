import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeKey } from '../env.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The one encryption helper for secrets at rest: AES-256-GCM with a random IV per value.
 * `context` is bound as associated data, so a ciphertext copied to another row (another app's
 * env var, say) fails to decrypt instead of silently moving a secret.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    this.#key = key;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string, context: string): string {
    const [version, payload] = sealed.split(':', 2);
    if (version !== VERSION || !payload) throw new Error('Unrecognised secret format');
    const raw = Buffer.from(payload, 'base64');
    const iv = raw.subarray(0, IV_BYTES);
    const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

/**
 * The key comes from OPENPANEL_SECRET_KEY when set; otherwise from `secret.key` in the data
 * folder, generated on first use with mode 0600.
 */
export function loadSecretKey(options: { configured?: string; dataDir: string }): { key: Buffer; source: string } {
  if (options.configured) {
    const key = decodeKey(options.configured);
    if (!key) throw new Error('OPENPANEL_SECRET_KEY is not 32 bytes of hex or base64');
    return { key, source: 'OPENPANEL_SECRET_KEY' };
  }
  const file = path.join(options.dataDir, 'secret.key');
  fs.mkdirSync(options.dataDir, { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting together never overwrite a key.
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = decodeKey(fs.readFileSync(file, 'utf8').trim());
  if (!key) throw new Error(`${file} does not hold a 32-byte key; restore it from backup or set OPENPANEL_SECRET_KEY`);
  return { key, source: file };
}
