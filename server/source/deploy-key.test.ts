import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDeployKey } from './deploy-key.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'op-deploy-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A real key from ssh-keygen, and the fingerprint ssh-keygen prints for it. */
function keygen(name: string, args: string[]): { key: string; fingerprint: string } {
  const file = path.join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-N', '', '-C', '', '-f', file, ...args]);
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], {
    encoding: 'utf8',
  }).split(' ')[1]!;
  return { key: fs.readFileSync(file, 'utf8'), fingerprint };
}

describe('checkDeployKey', () => {
  it.each([
    ['ed25519 (OpenSSH format)', ['-t', 'ed25519']],
    ['RSA (OpenSSH format)', ['-t', 'rsa', '-b', '2048']],
    ['RSA (PKCS#1 PEM)', ['-t', 'rsa', '-b', '2048', '-m', 'PEM']],
    ['ECDSA P-256 (SEC1 PEM)', ['-t', 'ecdsa', '-b', '256', '-m', 'PEM']],
    ['ECDSA P-384 (PKCS#8)', ['-t', 'ecdsa', '-b', '384', '-m', 'PKCS8']],
  ])('accepts %s and gives the fingerprint ssh-keygen gives', (_, args) => {
    const { key, fingerprint } = keygen(args.join('').replace(/\W/g, ''), args);
    const pasted = `\n  ${key.replace(/\n/g, '\r\n')}  \n`;
    expect(checkDeployKey(pasted)).toEqual({ ok: true, key, fingerprint });
  });

  it('refuses a passphrase, a public key, a damaged or partial key, and other text, saying what to fix', () => {
    const file = path.join(dir, 'locked');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret', '-f', file]);
    const lockedPem = path.join(dir, 'locked-pem');
    execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', 'secret', '-f', lockedPem]);
    const good = keygen('good', ['-t', 'ed25519']).key;
    const lines = good.trim().split('\n');
    const cases: [string, RegExp][] = [
      [fs.readFileSync(file, 'utf8'), /passphrase/],
      [fs.readFileSync(lockedPem, 'utf8'), /passphrase/],
      [fs.readFileSync(`${file}.pub`, 'utf8'), /public key/],
      [[lines[0], lines[1], lines.at(-1)].join('\n'), /truncated/],
      [good.replace(/^(-----BEGIN OPENSSH PRIVATE KEY-----\n)b3Bl/, '$1AAAA'), /not an OpenSSH key/],
      ['-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----', /cannot be read/],
      [good.replace('-----END OPENSSH', '-----END RSA'), /expected a PEM private key/],
      ['hunter2', /expected a PEM private key/],
    ];
    for (const [text, error] of cases) {
      const checked = checkDeployKey(text);
      expect(checked.ok, text).toBe(false);
      if (!checked.ok) expect(checked.error).toMatch(error);
    }
  });
});
