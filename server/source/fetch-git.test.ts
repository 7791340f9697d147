import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { fetchSource } from './fetch.ts';
import { git as execGit, makeRepo, startGitHttpServer, tempDir, type FixtureRepo } from './test-helpers.ts';

let base: string;
let repo: FixtureRepo;
let workDir: string;

beforeAll(() => {
  base = tempDir();
  repo = makeRepo(base);
  workDir = path.join(base, 'work');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const leftovers = () => (fs.existsSync(workDir) ? fs.readdirSync(workDir) : []);

async function fetchFails(spec: Parameters<typeof fetchSource>[0], lines: string[] = []): Promise<DomainError> {
  const err = await fetchSource(spec, { workDir, onLine: (l) => lines.push(l) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe('fetchSource (git)', () => {
  it('clones the default branch shallowly and records the commit', async () => {
    const lines: string[] = [];
    const src = await fetchSource({ type: 'git', url: repo.url }, { workDir, onLine: (l) => lines.push(l) });
    expect(src.commit).toBe(repo.mainHead);
    expect(read(src.dir, 'README.md')).toBe('v3\n');
    expect(fs.existsSync(path.join(src.dir, 'feature.txt'))).toBe(false);
    expect(Number(execGit(src.dir, 'rev-list', '--count', 'HEAD'))).toBe(1);
    expect(lines).toContain(`Checked out ${repo.mainHead}`);
    await src.cleanup();
    await src.cleanup(); // twice is fine
    expect(fs.existsSync(src.dir)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('clones a named branch and a tag', async () => {
    const branch = await fetchSource({ type: 'git', url: repo.url, ref: 'feature' }, { workDir });
    expect(branch.commit).toBe(repo.featureHead);
    expect(read(branch.dir, 'feature.txt')).toBe('feature\n');
    const tag = await fetchSource({ type: 'git', url: repo.url, ref: 'v1.0' }, { workDir });
    expect(tag.commit).toBe(repo.tagged); // the annotated tag is peeled to its commit
    expect(read(tag.dir, 'README.md')).toBe('v2\n');
    await Promise.all([branch.cleanup(), tag.cleanup()]);
  });

  it('checks out an older commit by full sha, fetching only that commit', async () => {
    const src = await fetchSource({ type: 'git', url: repo.url, ref: repo.first }, { workDir });
    expect(src.commit).toBe(repo.first);
    expect(read(src.dir, 'README.md')).toBe('v1\n');
    expect(fs.existsSync(path.join(src.dir, 'app'))).toBe(false);
    expect(Number(execGit(src.dir, 'rev-list', '--count', 'HEAD'))).toBe(1);
    await src.cleanup();
  });

  it('falls back to the full history when the server refuses a single commit (protocol v0)', async () => {
    const lines: string[] = [];
    process.env.GIT_CONFIG_COUNT = '1';
    process.env.GIT_CONFIG_KEY_0 = 'protocol.version';
    process.env.GIT_CONFIG_VALUE_0 = '0';
    try {
      const src = await fetchSource(
        { type: 'git', url: repo.url, ref: repo.tagged },
        { workDir, onLine: (l) => lines.push(l) },
      );
      expect(src.commit).toBe(repo.tagged);
      expect(read(src.dir, 'README.md')).toBe('v2\n');
      expect(lines.some((l) => l.includes('fetching the full history'))).toBe(true);
      await src.cleanup();
    } finally {
      delete process.env.GIT_CONFIG_COUNT;
      delete process.env.GIT_CONFIG_KEY_0;
      delete process.env.GIT_CONFIG_VALUE_0;
    }
  });

  it('checks out an abbreviated sha', async () => {
    const src = await fetchSource({ type: 'git', url: repo.url, ref: repo.first.slice(0, 10) }, { workDir });
    expect(src.commit).toBe(repo.first);
    await src.cleanup();
  });

  it('applies subdir and refuses one that escapes, is missing, or is a symlink out of the repo', async () => {
    const src = await fetchSource({ type: 'git', url: repo.url, subdir: 'app' }, { workDir });
    expect(src.dir.endsWith(`${path.sep}app`)).toBe(true);
    expect(read(src.dir, 'Dockerfile')).toBe('FROM scratch\n');
    await src.cleanup();

    for (const subdir of ['..', '../origin', 'app/../../x', '/etc']) {
      const err = await fetchFails({ type: 'git', url: repo.url, subdir });
      expect(err.kind).toBe('invalid');
      expect(err.hint).toBeTruthy();
    }
    expect((await fetchFails({ type: 'git', url: repo.url, subdir: 'nope' })).message).toMatch(/does not exist/);
    expect((await fetchFails({ type: 'git', url: repo.url, subdir: 'etc-link' })).message).toMatch(/points outside/);
    expect((await fetchFails({ type: 'git', url: repo.url, subdir: 'README.md' })).message).toMatch(/not a folder/);
    expect(leftovers()).toEqual([]);
  });

  it('reports an unknown ref or commit with git’s reason and leaves nothing behind', async () => {
    const err = await fetchFails({ type: 'git', url: repo.url, ref: 'no-such-branch' });
    expect(err.kind).toBe('invalid');
    expect(err.message).toBe(`Could not fetch ${repo.url}: Remote branch no-such-branch not found in upstream origin`);
    const missing = 'a'.repeat(40);
    expect((await fetchFails({ type: 'git', url: repo.url, ref: missing })).message).toBe(
      `The commit ${missing} was not found in ${repo.url}.`,
    );
    expect((await fetchFails({ type: 'git', url: repo.url, ref: 'abcdef1' })).message).toBe(
      `The commit abcdef1 was not found in ${repo.url}.`,
    );
    expect((await fetchFails({ type: 'git', url: `${repo.url}-missing` })).message).toMatch(
      /^Could not fetch file:\/\/.*-missing: '.*-missing' does not appear to be a git repository$/,
    );
    expect(leftovers()).toEqual([]);
  });

  it('never shows credentials from the URL, in errors or progress lines', async () => {
    for (const url of ['https://user:secret-pw@127.0.0.1:1/x.git', 'https://secret-token@127.0.0.1:1/x.git']) {
      const lines: string[] = [];
      const err = await fetchFails({ type: 'git', url }, lines);
      expect(err.message).toMatch(/^Could not fetch https:\/\/\[redacted\]@127\.0\.0\.1:1\/x\.git: .+/);
      expect(lines.length).toBeGreaterThan(0);
      for (const text of [err.message, err.hint ?? '', ...lines]) expect(text).not.toContain('secret');
    }
  });

  it('fails at once on a private https repository instead of prompting', async () => {
    const server = await startGitHttpServer(base, { user: 'deploy', password: 'hunter22' });
    try {
      const started = Date.now();
      const err = await fetchFails({ type: 'git', url: `http://127.0.0.1:${server.port}/origin` });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(err.message).toMatch(/terminal prompts disabled|Authentication failed/);
      const wrong = await fetchFails({ type: 'git', url: `http://deploy:wrong-pw@127.0.0.1:${server.port}/origin` });
      expect(wrong.message).not.toContain('wrong-pw');
    } finally {
      await server.close();
    }
  });

  it('clones over smart HTTP with credentials and does not keep them in .git/config', async () => {
    const server = await startGitHttpServer(base, { user: 'deploy', password: 'hunter22' });
    try {
      const lines: string[] = [];
      const url = `http://deploy:hunter22@127.0.0.1:${server.port}/origin`;
      const src = await fetchSource({ type: 'git', url, ref: 'feature' }, { workDir, onLine: (l) => lines.push(l) });
      expect(src.commit).toBe(repo.featureHead);
      expect(read(src.dir, '.git/config')).not.toContain('hunter22');
      expect(read(src.dir, '.git/config')).toContain(`url = http://127.0.0.1:${server.port}/origin`);
      for (const line of lines) expect(line).not.toContain('hunter22');
      await src.cleanup();
    } finally {
      await server.close();
    }
  });

  it('refuses other transports and option injection before running git', async () => {
    const canary = path.join(base, 'pwned');
    const urls = [
      `--upload-pack=touch ${canary}`,
      '-oProxyCommand=x@host:repo',
      `ext::sh -c touch% ${canary}`,
      'ext::git-upload-pack',
      'fd::17',
      'git://127.0.0.1/x.git',
      repo.dir, // a plain path
      'ssh://-oProxyCommand=touch/x',
      'https://',
    ];
    for (const url of urls) expect((await fetchFails({ type: 'git', url })).kind).toBe('invalid');
    for (const ref of [`--upload-pack=touch ${canary}`, '-b', 'main..feature', 'HEAD@{1}', 'a b', 'x:y']) {
      expect((await fetchFails({ type: 'git', url: repo.url, ref })).message).toMatch(/^The git ref/);
    }
    expect(fs.existsSync(canary)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('kills a hanging clone quickly on abort and cleans up', async () => {
    const sockets = new Set<net.Socket>();
    let closed = 0;
    const server = http.createServer(() => {}); // accepts and never answers
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => closed++);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), 300);
      const err = await fetchSource(
        { type: 'git', url: `http://127.0.0.1:${port}/x.git` },
        { workDir, signal: controller.signal },
      ).catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect((err as Error).name).toBe('AbortError');
      expect(elapsed).toBeLessThan(2500);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sockets.size).toBeGreaterThan(0);
      expect(closed).toBe(sockets.size); // git-remote-http is gone, not just git
      expect(leftovers()).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rejects at once when the signal is already aborted', async () => {
    const err = await fetchSource({ type: 'git', url: repo.url }, { workDir, signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).name).toBe('AbortError');
    expect(leftovers()).toEqual([]);
  });
});
