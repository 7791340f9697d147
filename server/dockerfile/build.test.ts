/**
 * Builds generated Dockerfiles on the real Docker engine and checks that the containers answer
 * HTTP. The base images are local stand-ins made by scripts/build-base-images.sh, since this
 * machine has no registry.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import dockerignoreModule from '@balena/dockerignore';
import Docker from 'dockerode';
import tar from 'tar-fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsRepoReader } from './fs-repo-reader.ts';
import { generateDockerfile } from './generate.ts';
import type { GeneratedDockerfile } from './types.ts';

// The package is CommonJS with a default-export typing; at run time the import is the function.
const dockerignore = dockerignoreModule as unknown as typeof dockerignoreModule.default;
const docker = new Docker({ socketPath: '/var/run/docker.sock' });
const repoRoot = path.resolve(import.meta.dirname, '../..');
const runId = randomUUID().slice(0, 8);
/** Every image and container made here carries these, so cleanup touches nothing else. */
const labels = { 'org.openpanel.test': 'dockerfile-build', 'org.openpanel.test-run': runId };
const workDirs: string[] = [];
/** Images this run's builds created, build stages included (the classic builder does not label those). */
const createdImages: string[] = [];

beforeAll(async () => {
  try {
    await docker.ping();
  } catch (err) {
    throw new Error(
      `The Docker engine is not reachable at /var/run/docker.sock (${String(err)}). Start dockerd; these tests need it.`,
    );
  }
  try {
    await promisify(execFile)('bash', ['scripts/build-base-images.sh', 'node', 'python', 'nginx'], {
      cwd: repoRoot,
      timeout: 900_000,
    });
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`scripts/build-base-images.sh failed:\n${stdout}${stderr}`);
  }
}, 900_000);

afterAll(async () => {
  const filters = { label: [`org.openpanel.test-run=${runId}`] };
  for (const info of await docker.listContainers({ all: true, filters })) {
    await docker.getContainer(info.Id).remove({ force: true });
  }
  for (const info of await docker.listImages({ filters })) {
    await docker
      .getImage(info.Id)
      .remove({ force: true })
      .catch(() => undefined);
  }
  // Newest first, so each image goes before the layers under it; an image that something else
  // still uses is refused by the engine and stays.
  for (const id of createdImages.reverse()) {
    await docker
      .getImage(id)
      .remove()
      .catch(() => undefined);
  }
  for (const dir of workDirs) await rm(dir, { recursive: true, force: true });
}, 120_000);

describe('generated Dockerfiles build and serve', () => {
  it('Node http server (npm, package-lock.json, no dependencies)', async () => {
    const result = await buildAndServe('node', {
      'package.json': JSON.stringify({
        name: 'hello-node',
        version: '1.0.0',
        private: true,
        scripts: { start: 'node server.js' },
      }),
      'package-lock.json': JSON.stringify({
        name: 'hello-node',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: { '': { name: 'hello-node', version: '1.0.0' } },
      }),
      'server.js': [
        "const http = require('node:http');",
        'http.createServer((req, res) => res.end(`hello from node as ${process.getuid()}`))',
        "  .listen(Number(process.env.PORT || 3000), process.env.HOST || '0.0.0.0');",
      ].join('\n'),
      'README.md': '# hello',
      '.env': 'SECRET=never-in-the-image',
    });
    expect(result.generated.stack).toBe('node');
    expect(result.body).toBe('hello from node as 1000');
    expect(result.files).not.toContain('.env');
    expect(result.files).toContain('server.js');
  }, 240_000);

  it('Flask app (requirements.txt, gunicorn)', async () => {
    const result = await buildAndServe('flask', {
      'requirements.txt': 'flask\ngunicorn\n',
      'app.py': [
        'from flask import Flask',
        '',
        'app = Flask(__name__)',
        '',
        '@app.get("/")',
        'def index():',
        '    return "hello from flask"',
        '',
      ].join('\n'),
    });
    expect(result.generated.stack).toBe('python-flask');
    expect(result.body).toBe('hello from flask');
  }, 240_000);

  it('FastAPI app (requirements.txt, uvicorn)', async () => {
    const result = await buildAndServe('fastapi', {
      'requirements.txt': 'fastapi\nuvicorn\n',
      'main.py': [
        'from fastapi import FastAPI',
        'from fastapi.responses import PlainTextResponse',
        '',
        'app = FastAPI()',
        '',
        '@app.get("/", response_class=PlainTextResponse)',
        'def index():',
        '    return "hello from fastapi"',
        '',
      ].join('\n'),
    });
    expect(result.generated.stack).toBe('python-fastapi');
    expect(result.body).toBe('hello from fastapi');
  }, 240_000);

  it('Vite app (npm install from the registry, built, served by nginx)', async () => {
    const result = await buildAndServe('vite', {
      'package.json': JSON.stringify({
        name: 'hello-vite',
        private: true,
        scripts: { build: 'vite build' },
        devDependencies: { vite: '5.4.11' },
      }),
      'index.html':
        '<!doctype html><div id="app">hello from vite</div><script type="module" src="/main.js"></script>\n',
      'main.js': 'document.getElementById("app").dataset.ready = "yes";\n',
    });
    expect(result.generated.stack).toBe('static-vite');
    expect(result.body).toContain('<div id="app">hello from vite</div>');
    expect(result.body).toMatch(/src="\/assets\/index-[\w-]+\.js"/);
    // A client-side route falls back to index.html.
    expect(await fetchText(result.baseUrl, '/some/route')).toBe(result.body);
  }, 240_000);

  it('static HTML on a chosen port (nginx)', async () => {
    const result = await buildAndServe(
      'static',
      { 'index.html': '<!doctype html><p>hello from static</p>\n', 'about/index.html': '<p>about</p>\n' },
      { port: 8080 },
    );
    expect(result.generated.stack).toBe('static-html');
    expect(result.generated.port).toBe(8080);
    expect(result.body).toBe('<!doctype html><p>hello from static</p>\n');
    expect(await fetchText(result.baseUrl, '/about/')).toBe('<p>about</p>\n');
    expect((await fetch(new URL('/missing', result.baseUrl))).status).toBe(404);
  }, 240_000);
});

interface Served {
  generated: GeneratedDockerfile;
  body: string;
  baseUrl: string;
  /** Files in the container's working folder, to check what .dockerignore kept out. */
  files: string[];
}

/** Writes the fixture, generates, builds with the Dockerfile and .dockerignore as generated, runs, fetches `/`. */
async function buildAndServe(
  name: string,
  files: Record<string, string>,
  options?: { port?: number },
): Promise<Served> {
  const dir = await mkdtemp(path.join(tmpdir(), `openpanel-build-${name}-`));
  workDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  const generated = await generateDockerfile(fsRepoReader(dir), options);
  await writeFile(path.join(dir, 'Dockerfile'), generated.dockerfile);
  await writeFile(path.join(dir, '.dockerignore'), generated.dockerignore);

  const tag = `openpanel-test/generated-${name}:${runId}`;
  await buildImage(dir, generated.dockerignore, tag);

  const containerPort = `${generated.port}/tcp`;
  const container = await docker.createContainer({
    Image: tag,
    Labels: labels,
    ExposedPorts: { [containerPort]: {} },
    HostConfig: { PortBindings: { [containerPort]: [{ HostIp: '127.0.0.1', HostPort: '' }] } },
  });
  await container.start();
  const info = await container.inspect();
  const hostPort = info.NetworkSettings.Ports[containerPort]?.[0]?.HostPort;
  if (!hostPort) throw new Error(`container for ${tag} did not publish ${containerPort}`);
  const baseUrl = `http://127.0.0.1:${hostPort}`;
  const body = await waitForHttp(container, baseUrl);
  const listing = await execIn(container, ['ls', '-A']);
  return { generated, body, baseUrl, files: listing.split('\n').filter(Boolean) };
}

async function buildImage(dir: string, ignoreText: string, tag: string): Promise<void> {
  const rules = dockerignore().add(ignoreText.split('\n').filter((l) => l.trim() && !l.startsWith('#')));
  // Like the docker CLI: the Dockerfile and .dockerignore are always sent; the engine drops them.
  const context = tar.pack(dir, {
    ignore: (file) => {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      return rel !== 'Dockerfile' && rel !== '.dockerignore' && rules.ignores(rel);
    },
  });
  const before = new Set((await docker.listImages({ all: true })).map((i) => i.Id));
  const stream = await docker.buildImage(context as unknown as NodeJS.ReadableStream, {
    t: tag,
    labels,
    rm: true,
    forcerm: true,
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err) => (err ? reject(err) : resolve()),
      (event: { stream?: string; error?: string }) => {
        if (event.stream) log.push(event.stream);
        if (event.error) log.push(`ERROR: ${event.error}`);
      },
    );
  });
  // Step results print as " ---> <id>"; those not present before (cache hits were) are ours.
  const stepIds = new Set(log.flatMap((l) => [...l.matchAll(/---> ([0-9a-f]{12})\b/g)].map((m) => m[1])));
  for (const image of await docker.listImages({ all: true })) {
    if (!before.has(image.Id) && stepIds.has(image.Id.replace('sha256:', '').slice(0, 12)))
      createdImages.push(image.Id);
  }
  const failure = log.find((l) => l.startsWith('ERROR: '));
  if (failure) throw new Error(`docker build ${tag} failed:\n${log.slice(-30).join('')}`);
}

/** Polls until the app answers 200, failing early with the logs if the container exits. */
async function waitForHttp(container: Docker.Container, baseUrl: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(baseUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return await response.text();
      lastError = `HTTP ${response.status}`;
    } catch (err) {
      lastError = String(err);
    }
    const state = (await container.inspect()).State;
    if (!state.Running) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const logs = await container.logs({ stdout: true, stderr: true, tail: 50 });
  throw new Error(`${baseUrl} never answered (${lastError}). Container logs:\n${logs.toString('utf8')}`);
}

async function fetchText(baseUrl: string, pathname: string): Promise<string> {
  const response = await fetch(new URL(pathname, baseUrl));
  expect(response.status).toBe(200);
  return response.text();
}

async function execIn(container: Docker.Container, cmd: string[]): Promise<string> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  const stdout = { write: (c: Buffer) => chunks.push(c) } as unknown as NodeJS.WritableStream;
  docker.modem.demuxStream(stream, stdout, stdout);
  await new Promise((r) => stream.on('end', r));
  return Buffer.concat(chunks).toString('utf8');
}
