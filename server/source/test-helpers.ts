/** Real fixtures for the source tests: git repositories, a smart-HTTP git server, an sshd. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export function tempDir(prefix = 'op-src-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const identity = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 't@example.com',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...identity }, encoding: 'utf8' }).trim();
}

export interface FixtureRepo {
  dir: string;
  url: string;
  first: string; // README "v1", no app/
  tagged: string; // adds app/, annotated tag v1.0
  mainHead: string; // README "v3"
  featureHead: string; // branch feature: adds feature.txt
}

/** main: first -> tagged (v1.0, adds app/) -> mainHead; feature branches off mainHead. */
export function makeRepo(parent: string): FixtureRepo {
  const dir = path.join(parent, 'origin');
  fs.mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  fs.writeFileSync(path.join(dir, 'README.md'), 'v1\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  const first = git(dir, 'rev-parse', 'HEAD');
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app', 'Dockerfile'), 'FROM scratch\n');
  fs.writeFileSync(path.join(dir, 'README.md'), 'v2\n');
  fs.symlinkSync('/etc', path.join(dir, 'etc-link'));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'add app');
  git(dir, 'tag', '-a', 'v1.0', '-m', 'release 1.0');
  const tagged = git(dir, 'rev-parse', 'HEAD');
  fs.writeFileSync(path.join(dir, 'README.md'), 'v3\n');
  git(dir, 'commit', '-q', '-am', 'third');
  const mainHead = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'feature');
  fs.writeFileSync(path.join(dir, 'feature.txt'), 'feature\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'feature');
  const featureHead = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', 'main');
  return { dir, url: pathToFileURL(dir).href, first, tagged, mainHead, featureHead };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * git's smart HTTP protocol (git http-backend as CGI) behind basic auth, serving the repositories
 * under root at http://127.0.0.1:<port>/<name>.
 */
export async function startGitHttpServer(root: string, auth: { user: string; password: string }) {
  const expected = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: auth.user,
      },
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let headerDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      headerDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (name!.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else res.setHeader(name!, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    cgi.on('close', () => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface Sshd {
  port: number;
  user: string;
  clientKey: string; // private key text authorised on this server
  stop(): Promise<void>;
}

/**
 * A real OpenSSH server (Debian's openssh-server) on a random localhost port with a throwaway
 * host key, accepting one generated client key for the current user.
 */
export async function startSshd(dir: string): Promise<Sshd> {
  const sshd = '/usr/sbin/sshd';
  if (!fs.existsSync(sshd)) throw new Error('sshd is missing: apt-get install -y openssh-server openssh-client');
  // sshd refuses to start without its privilege separation folder, which systemd normally makes.
  if (process.getuid?.() === 0) fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'host_key')]);
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    '',
    '-C',
    'openpanel-test',
    '-f',
    path.join(dir, 'client_key'),
  ]);
  fs.copyFileSync(path.join(dir, 'client_key.pub'), path.join(dir, 'authorized_keys'));
  const user = os.userInfo().username;
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PidFile none',
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${user}`,
      '', // a trailing newline
    ].join('\n'),
  );
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn(sshd, ['-D', '-e', '-f', config, '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
    const log: string[] = [];
    const started = await new Promise<boolean>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (text: string) => {
        log.push(text);
        if (text.includes('Server listening')) resolve(true);
      });
      child.on('exit', () => resolve(false));
    });
    if (started) {
      const clientKey = fs.readFileSync(path.join(dir, 'client_key'), 'utf8');
      return { port, user, clientKey, stop: () => stopProcess(child) };
    }
    if (!log.join('').includes('Address already in use')) throw new Error(`sshd did not start: ${log.join('')}`);
  }
  throw new Error('sshd found no free port');
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
