import { spawn } from 'node:child_process';
import { DomainError } from '../errors.ts';
import { inheritedEnv } from '../env.ts';

/**
 * The environment git runs with: only what it needs from ours (so the server's own secrets,
 * GIT_DIR and askpass helpers never reach it), plus settings that make it fail instead of prompt.
 */
const PASSTHROUGH =
  /^(PATH|HOME|TMPDIR|SSL_CERT_FILE|SSL_CERT_DIR|GIT_SSL_CAINFO|GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|GLOBAL|NOSYSTEM)|(HTTPS?|ALL|NO)_PROXY)$/i;

export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...inheritedEnv(PASSTHROUGH),
    LC_ALL: 'C', // stable English messages for the build log and error matching
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: 'file:http:https:ssh', // defence in depth against ext:: and friends, submodules included
    ...extra,
  };
}

export interface GitResult {
  ok: boolean;
  stdout: string;
  /** git's last fatal/error line (credentials already redacted), for error messages. */
  lastError: string;
}

interface RunOptions {
  cwd?: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onLine?: (text: string) => void;
  redact: (text: string) => string;
}

const PROGRESS_EVERY_MS = 1000;
const KILL_GRACE_MS = 2000;

// git's closing words after a transport failure; the real reason is the line before them.
const BOILERPLATE =
  /^(fatal: Could not read from remote repository\.?|Please make sure you have the correct access rights|and the repository exists\.?)$/;

/** The most telling of git's last stderr lines, without its "fatal: " prefix. */
function reasonOf(lines: readonly string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!BOILERPLATE.test(line)) return line.replace(/^(fatal|error): /, '');
  }
  return lines.at(-1)?.replace(/^fatal: /, '');
}

export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : Object.assign(new Error('The fetch was aborted'), { name: 'AbortError' });
}

/** Runs git with an argument array (never a shell), streaming redacted stderr lines to onLine. */
export function runGit(args: string[], opts: RunOptions): Promise<GitResult> {
  const { signal, redact } = opts;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    // Its own process group, so an abort also takes down git-remote-https, ssh and upload-pack.
    const child = spawn('git', args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let pending = '';
    const recent: string[] = [];
    let lastProgressAt = 0;
    let killTimer: NodeJS.Timeout | undefined;

    const emit = (raw: string, isProgress: boolean) => {
      const line = redact(raw.trimEnd());
      if (!line) return;
      if (isProgress) {
        const now = Date.now();
        if (!line.includes('done') && now - lastProgressAt < PROGRESS_EVERY_MS) return;
        lastProgressAt = now;
      } else {
        recent.push(line);
        if (recent.length > 20) recent.shift();
      }
      opts.onLine?.(line);
    };

    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const onAbort = () => {
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 1_000_000) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      // git redraws progress with \r; complete lines end with \n.
      for (let match = /\r\n|\r|\n/.exec(pending); match; match = /\r\n|\r|\n/.exec(pending)) {
        emit(pending.slice(0, match.index), match[0] === '\r');
        pending = pending.slice(match.index + match[0].length);
      }
    });

    child.on('error', (err: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', onAbort);
      if (err.code !== 'ENOENT') return reject(err);
      reject(
        new DomainError(
          'unavailable',
          'git is not installed on the server.',
          'Install it (apt-get install -y git) and try again.',
        ),
      );
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      if (pending) emit(pending, false);
      if (signal?.aborted) return reject(abortError(signal));
      resolve({ ok: code === 0, stdout, lastError: reasonOf(recent) ?? `git exited with code ${code}` });
    });
  });
}
