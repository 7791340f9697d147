import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../errors.ts';
import { redactText, secretsOfUrl } from './redact.ts';
import { gitEnv, runGit, type GitResult } from './run-git.ts';
import type { SourceSpec } from './types.ts';
import { checkGitRef, checkGitUrl } from './validate.ts';

type GitSpec = Extract<SourceSpec, { type: 'git' }>;

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
const SHORT_SHA = /^[0-9a-f]{4,39}$/i;
const FETCH_HINT =
  'Check that the URL and the branch, tag or commit exist. A private repository needs an ssh URL with a deploy key, or an https URL with a token.';

/** Throws a DomainError when the spec could never be fetched, before anything touches the disk. */
export function checkGitSpec(spec: GitSpec): void {
  const transport = checkGitUrl(spec.url);
  if (spec.ref !== undefined) checkGitRef(spec.ref);
  if (spec.deployKey !== undefined && transport !== 'ssh') {
    throw new DomainError(
      'invalid',
      'A deploy key only works with an ssh URL.',
      'Use ssh://git@host/owner/repo.git or git@host:owner/repo.git.',
    );
  }
}

/** Clones spec into target (which must not exist yet) and returns the full sha checked out. */
export async function cloneGit(
  spec: GitSpec,
  target: string,
  opts: { signal?: AbortSignal; onLine?: (text: string) => void },
): Promise<string> {
  checkGitSpec(spec);
  const secrets = secretsOfUrl(spec.url);
  const redact = (text: string) => redactText(text, secrets);
  const shownUrl = redact(spec.url);
  const say = (text: string) => opts.onLine?.(text);
  const ssh = checkGitUrl(spec.url) === 'ssh' ? await prepareSsh(spec.deployKey) : undefined;
  try {
    const env = gitEnv(ssh ? { GIT_SSH_COMMAND: ssh.command } : {});
    const git = (args: string[], cwd?: string) =>
      runGit(args, { cwd, env, signal: opts.signal, onLine: opts.onLine, redact });
    const must = async (run: Promise<GitResult>) => {
      const result = await run;
      if (!result.ok) throw new DomainError('invalid', `Could not fetch ${shownUrl}: ${result.lastError}`, FETCH_HINT);
      return result;
    };
    const checkout = async (rev: string, wanted: string) => {
      const result = await git(['-c', 'advice.detachedHead=false', 'checkout', '-q', '--detach', rev], target);
      if (!result.ok)
        throw new DomainError('invalid', `The commit ${wanted} was not found in ${shownUrl}.`, FETCH_HINT);
    };
    const fullClone = async (ref: string) => {
      await fs.rm(target, { recursive: true, force: true });
      await must(git(['clone', '--progress', '--no-checkout', '--', spec.url, target]));
      await checkout(ref, ref);
    };

    const ref = spec.ref;
    say(`Fetching ${shownUrl}${ref ? ` at ${ref}` : ''}`);
    if (ref && FULL_SHA.test(ref)) {
      // Only the one commit when the server allows it (protocol v2 and GitHub do); else the whole history.
      await fs.mkdir(target);
      await must(git(['init', '-q'], target));
      await must(git(['remote', 'add', 'origin', spec.url], target));
      const shallow = await git(['fetch', '--progress', '--depth', '1', 'origin', ref], target);
      if (shallow.ok) await checkout('FETCH_HEAD', ref);
      else if (/not our ref/i.test(shallow.lastError)) {
        throw new DomainError('invalid', `The commit ${ref} was not found in ${shownUrl}.`, FETCH_HINT);
      } else {
        say('The server does not allow fetching a single commit; fetching the full history instead');
        await fullClone(ref);
      }
    } else {
      const shallow = await git([
        'clone',
        '--progress',
        '--depth',
        '1',
        ...(ref ? ['--branch', ref] : []),
        '--',
        spec.url,
        target,
      ]);
      if (!shallow.ok) {
        // Not a branch or tag, but it may be an abbreviated commit sha.
        if (ref && SHORT_SHA.test(ref) && /not found in upstream/i.test(shallow.lastError)) await fullClone(ref);
        else throw new DomainError('invalid', `Could not fetch ${shownUrl}: ${shallow.lastError}`, FETCH_HINT);
      }
    }

    const commit = (await must(git(['rev-parse', 'HEAD'], target))).stdout.trim();
    // .git/config keeps the clone URL; a token in it must not end up in a build context or an image.
    const cleanUrl = withoutCredentials(spec.url);
    if (cleanUrl !== spec.url) await must(git(['remote', 'set-url', 'origin', cleanUrl], target));
    say(`Checked out ${commit}`);
    return commit;
  } finally {
    await ssh?.dispose();
  }
}

function withoutCredentials(url: string): string {
  if (!/^https?:\/\//i.test(url)) return url;
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A private folder for ssh's files. Host keys are accepted on first use into a throwaway
 * known_hosts, and BatchMode makes ssh fail rather than prompt for a passphrase or a password.
 */
async function prepareSsh(deployKey: string | undefined): Promise<{ command: string; dispose: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'openpanel-ssh-')); // mode 0700
  const dispose = () => fs.rm(dir, { recursive: true, force: true });
  try {
    const parts = [
      'ssh',
      '-o BatchMode=yes',
      '-o StrictHostKeyChecking=accept-new',
      `-o UserKnownHostsFile=${shellQuote(path.join(dir, 'known_hosts'))}`,
    ];
    if (deployKey !== undefined) {
      const keyFile = path.join(dir, 'deploy_key');
      // ssh rejects a key without its final newline, and pasted keys often carry CRLFs.
      await fs.writeFile(keyFile, `${deployKey.replace(/\r\n?/g, '\n').trim()}\n`, { mode: 0o600, flag: 'wx' });
      parts.push(`-i ${shellQuote(keyFile)}`, '-o IdentitiesOnly=yes');
    }
    return { command: parts.join(' '), dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
