import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Checks a pasted SSH deploy key before it is stored: git runs without a terminal, so the key must
 * be a private key (not the .pub half) without a passphrase. Returns the key with normalized line
 * ends and its SHA256 fingerprint as `ssh-keygen -l` prints it, so people can match it with the
 * public key they added to the git host.
 */
export type DeployKeyCheck = { ok: true; key: string; fingerprint: string } | { ok: false; error: string };

const BLOCK = /^-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----\n([\s\S]+?)\n-----END \1PRIVATE KEY-----$/;
const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0');

export function checkDeployKey(text: string): DeployKeyCheck {
  const key = text.replace(/\r\n?/g, '\n').trim();
  if (/^(ssh-|ecdsa-|sk-)/.test(key))
    return { ok: false, error: 'this is a public key; paste the private key (the file without .pub)' };
  const block = BLOCK.exec(key);
  if (!block)
    return {
      ok: false,
      error: 'expected a PEM private key: -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----',
    };
  const fingerprint = block[1] === 'OPENSSH ' ? opensshFingerprint(block[2]!) : pemFingerprint(key);
  if (typeof fingerprint !== 'string') return { ok: false, error: fingerprint.error };
  return { ok: true, key: `${key}\n`, fingerprint };
}

/** OpenSSH's own format: magic, cipher, kdf, kdf options, key count, then the public key blob. */
function opensshFingerprint(body: string): string | { error: string } {
  const data = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (!data.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC))
    return { error: 'the OPENSSH PRIVATE KEY block is not an OpenSSH key (the base64 body is damaged)' };
  let at = OPENSSH_MAGIC.length;
  const next = (): Buffer | null => {
    if (at + 4 > data.length) return null;
    const len = data.readUInt32BE(at);
    if (at + 4 + len > data.length) return null;
    const out = data.subarray(at + 4, at + 4 + len);
    at += 4 + len;
    return out;
  };
  const cipher = next()?.toString();
  if (cipher === undefined || next() === null || next() === null)
    return { error: 'the OpenSSH key is truncated; paste the whole file' };
  if (cipher !== 'none') return { error: 'the key has a passphrase; git cannot type it: use a key without one' };
  at += 4; // number of keys
  const publicBlob = next();
  if (!publicBlob?.length) return { error: 'the OpenSSH key is truncated; paste the whole file' };
  return sha256(publicBlob);
}

/** PKCS#1, PKCS#8 and SEC1 keys, read by Node; the fingerprint is of the public key in SSH wire format. */
function pemFingerprint(pem: string): string | { error: string } {
  let priv: KeyObject;
  try {
    priv = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    const message = (err as Error).message;
    return /passphrase|encrypted/i.test(message) || /ENCRYPTED/.test(pem)
      ? { error: 'the key has a passphrase; git cannot type it: use a key without one' }
      : { error: 'the private key cannot be read; paste the whole file, unchanged' };
  }
  const blob = sshPublicBlob(createPublicKey(priv));
  return blob ? sha256(blob) : { error: `an ${priv.asymmetricKeyType} key cannot be used for SSH` };
}

function sshPublicBlob(pub: KeyObject): Buffer | null {
  const jwk = pub.export({ format: 'jwk' });
  const b = (s: string | undefined) => Buffer.from(s ?? '', 'base64url');
  if (pub.asymmetricKeyType === 'rsa') return wire(['ssh-rsa', mpint(b(jwk.e)), mpint(b(jwk.n))]);
  if (pub.asymmetricKeyType === 'ed25519') return wire(['ssh-ed25519', b(jwk.x)]);
  const curve = { 'P-256': 'nistp256', 'P-384': 'nistp384', 'P-521': 'nistp521' }[jwk.crv ?? ''];
  if (pub.asymmetricKeyType === 'ec' && curve)
    return wire([`ecdsa-sha2-${curve}`, curve, Buffer.concat([Buffer.from([4]), b(jwk.x), b(jwk.y)])]);
  return null;
}

const mpint = (n: Buffer) => (n[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), n]) : n);

function wire(parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(
    parts.flatMap((p) => {
      const data = typeof p === 'string' ? Buffer.from(p) : p;
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return [len, data];
    }),
  );
}

const sha256 = (blob: Buffer) => `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
