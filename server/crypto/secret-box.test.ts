import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox, loadSecretKey } from './secret-box.ts';

describe('SecretBox', () => {
  const box = new SecretBox(crypto.randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.encrypt('s3cr3t-canary-value', 'env:app1:DB_PASSWORD');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('s3cr3t');
    expect(Buffer.from(sealed.slice(3), 'base64').toString('latin1')).not.toContain('s3cr3t');
    expect(box.decrypt(sealed, 'env:app1:DB_PASSWORD')).toBe('s3cr3t-canary-value');
  });

  it('uses a fresh IV each time', () => {
    expect(box.encrypt('same', 'ctx')).not.toBe(box.encrypt('same', 'ctx'));
  });

  it('refuses a ciphertext moved to another context, tampered with, or sealed under another key', () => {
    const sealed = box.encrypt('value', 'env:app1:X');
    expect(() => box.decrypt(sealed, 'env:app2:X')).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.decrypt(`v1:${raw.toString('base64')}`, 'env:app1:X')).toThrow();
    expect(() => new SecretBox(crypto.randomBytes(32)).decrypt(sealed, 'env:app1:X')).toThrow();
  });
});

describe('loadSecretKey', () => {
  it('generates a key file with mode 0600 once and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'op-key-'));
    const first = loadSecretKey({ dataDir: dir });
    const file = path.join(dir, 'secret.key');
    expect(first.source).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ dataDir: dir }).key.equals(first.key)).toBe(true);
    fs.rmSync(dir, { recursive: true });
  });

  it('prefers the configured key and rejects a bad key file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'op-key-'));
    const configured = crypto.randomBytes(32).toString('hex');
    expect(loadSecretKey({ configured, dataDir: dir }).key.toString('hex')).toBe(configured);
    expect(fs.existsSync(path.join(dir, 'secret.key'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'secret.key'), 'short');
    expect(() => loadSecretKey({ dataDir: dir })).toThrow(/does not hold a 32-byte key/);
    fs.rmSync(dir, { recursive: true });
  });
});
