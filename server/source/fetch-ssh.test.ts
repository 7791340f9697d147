import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { fetchSource } from './fetch.ts';
import { freePort, makeRepo, startSshd, tempDir, type FixtureRepo, type Sshd } from './test-helpers.ts';

// Needs Debian's openssh-server and openssh-client (a real sshd on a random localhost port).

let base: string;
let repo: FixtureRepo;
let sshd: Sshd;
let workDir: string;
let callLog: string;
let otherKey: string;
const originalPath = process.env.PATH;

beforeAll(async () => {
  base = tempDir();
  repo = makeRepo(base);
  workDir = path.join(base, 'work');
  sshd = await startSshd(fs.mkdtempSync(path.join(base, 'sshd-')));
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(base, 'other_key')]);
  otherKey = fs.readFileSync(path.join(base, 'other_key'), 'utf8');

  // An `ssh` ahead of the real one on PATH records the key file as git's ssh sees it, then hands over.
  const realSsh = execFileSync('sh', ['-c', 'command -v ssh'], { encoding: 'utf8' }).trim();
  const bin = path.join(base, 'bin');
  callLog = path.join(base, 'ssh-calls.log');
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, 'ssh'),
    `#!/bin/sh
key=""; prev=""
for arg in "$@"; do [ "$prev" = "-i" ] && key="$arg"; prev="$arg"; done
[ -n "$key" ] && echo "key $key $(stat -c %a "$key") $(stat -c %a "$(dirname "$key")")" >> '${callLog}'
echo "args $*" >> '${callLog}'
exec '${realSsh}' "$@"
`,
    { mode: 0o755 },
  );
  process.env.PATH = `${bin}:${originalPath}`;
});

afterAll(async () => {
  process.env.PATH = originalPath;
  await sshd?.stop();
  fs.rmSync(base, { recursive: true, force: true });
});

const sshUrl = (port: number) => `ssh://${sshd.user}@127.0.0.1:${port}${repo.dir}`;

/** Runs a fetch and returns what the ssh wrapper saw: the key file, its mode and its folder's mode. */
async function withCallLog<T>(run: () => Promise<T>) {
  fs.writeFileSync(callLog, '');
  const result = await run();
  const lines = fs.readFileSync(callLog, 'utf8').split('\n');
  const keyLine = lines.find((l) => l.startsWith('key '))?.split(' ');
  const args = lines.filter((l) => l.startsWith('args ')).join('\n');
  return { result, keyFile: keyLine?.[1], keyMode: keyLine?.[2], dirMode: keyLine?.[3], args };
}

const keyBody = (key: string) => key.split('\n')[1]!;

describe('fetchSource (git over ssh with a deploy key)', () => {
  it('clones through a real sshd; the key file is 0600 in a 0700 folder during the run and gone after', async () => {
    const lines: string[] = [];
    const deployKey = sshd.clientKey.replace(/\n/g, '\r\n'); // pasted from Windows
    const {
      result: src,
      keyFile,
      keyMode,
      dirMode,
      args,
    } = await withCallLog(() =>
      fetchSource(
        { type: 'git', url: sshUrl(sshd.port), ref: 'feature', deployKey },
        { workDir, onLine: (l) => lines.push(l) },
      ),
    );
    expect(src.commit).toBe(repo.featureHead);
    expect(fs.readFileSync(path.join(src.dir, 'feature.txt'), 'utf8')).toBe('feature\n');
    expect(keyMode).toBe('600');
    expect(dirMode).toBe('700');
    expect(fs.existsSync(keyFile!)).toBe(false);
    expect(fs.existsSync(path.dirname(keyFile!))).toBe(false);
    expect(args).toContain('-o IdentitiesOnly=yes');
    expect(args).toContain('-o StrictHostKeyChecking=accept-new');
    expect(args).toContain('-o BatchMode=yes');
    expect(args).toMatch(/-o UserKnownHostsFile=\S+known_hosts/);
    for (const line of lines) expect(line).not.toContain(keyBody(sshd.clientKey));
    await src.cleanup();
  });

  it('reports a key the server does not accept, and still deletes the key file', async () => {
    const lines: string[] = [];
    const {
      result: err,
      keyFile,
      keyMode,
    } = await withCallLog(() =>
      fetchSource(
        { type: 'git', url: sshUrl(sshd.port), deployKey: otherKey },
        { workDir, onLine: (l) => lines.push(l) },
      ).catch((e: unknown) => e),
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).message).toBe(
      `Could not fetch ${sshUrl(sshd.port)}: ${sshd.user}@127.0.0.1: Permission denied (publickey).`,
    );
    expect(keyMode).toBe('600');
    expect(fs.existsSync(keyFile!)).toBe(false);
    for (const text of [(err as DomainError).message, ...lines]) expect(text).not.toContain(keyBody(otherKey));
    expect(fs.existsSync(workDir) ? fs.readdirSync(workDir) : []).toEqual([]);
  });

  it('fails fast when nothing listens, and deletes the key file', async () => {
    const port = await freePort();
    const started = Date.now();
    const { result: err, keyFile } = await withCallLog(() =>
      fetchSource({ type: 'git', url: sshUrl(port), deployKey: sshd.clientKey }, { workDir }).catch((e: unknown) => e),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect((err as DomainError).message).toMatch(/Connection refused/);
    expect(fs.existsSync(keyFile!)).toBe(false);
  });

  it('fails without prompting when no deploy key is given', async () => {
    const err = await fetchSource({ type: 'git', url: sshUrl(sshd.port) }, { workDir }).catch((e: unknown) => e);
    expect((err as DomainError).message).toMatch(/Permission denied/);
  });

  it('refuses a deploy key with a non-ssh URL', async () => {
    const err = await fetchSource({ type: 'git', url: repo.url, deployKey: sshd.clientKey }, { workDir }).catch(
      (e: unknown) => e,
    );
    expect((err as DomainError).message).toBe('A deploy key only works with an ssh URL.');
  });
});
