import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../errors.ts';
import { redactText } from './redact.ts';

export type GitTransport = 'http' | 'ssh' | 'file';

const URL_HINT =
  'Use an https:// URL (with a token for a private repository), ssh://git@host/owner/repo.git or git@host:owner/repo.git with a deploy key, or file:// for a repository on this machine.';

// user@host:path (scp-like ssh); both names must start with a letter or digit so neither can pass as an ssh option.
const SCP_LIKE = /^[A-Za-z0-9][A-Za-z0-9._-]*@[A-Za-z0-9][A-Za-z0-9.-]*:(?!\/\/)\S+$/;

/** Accepts only the transports the panel supports and returns which one the URL uses. */
export function checkGitUrl(url: string): GitTransport {
  const shown = redactText(url);
  const refuse = (why: string) =>
    new DomainError('invalid', `The repository URL ${JSON.stringify(shown)} ${why}.`, URL_HINT);
  if (url.length === 0) throw refuse('is empty');
  if (url.startsWith('-')) throw refuse('starts with "-"');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refuses control characters on purpose
  if (/[\s\x00-\x1f\x7f]/.test(url)) throw refuse('contains whitespace or control characters');
  if (SCP_LIKE.test(url)) return 'ssh';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) throw refuse('is not a supported git URL'); // also ext::, fd:: and plain paths
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse('is not a valid URL');
  }
  if (scheme === 'https' || scheme === 'http') {
    if (!parsed.hostname) throw refuse('has no host');
    return 'http';
  }
  if (scheme === 'ssh') {
    if (!parsed.hostname || parsed.hostname.startsWith('-') || parsed.username.startsWith('-'))
      throw refuse('has no valid host');
    return 'ssh';
  }
  if (scheme === 'file') {
    if (parsed.hostname && parsed.hostname !== 'localhost') throw refuse('must point at this machine');
    return 'file';
  }
  throw refuse(`uses the unsupported transport "${scheme}"`);
}

/** A branch, tag or commit sha; refuses anything git could read as an option or a revision expression. */
export function checkGitRef(ref: string): void {
  const refuse = (why: string) =>
    new DomainError(
      'invalid',
      `The git ref ${JSON.stringify(ref)} ${why}.`,
      'Give a branch name (main), a tag (v1.2.0) or a commit sha.',
    );
  if (ref.length === 0 || ref.length > 255) throw refuse('must be 1 to 255 characters');
  if (ref.startsWith('-')) throw refuse('starts with "-"');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refuses control characters on purpose
  if (/[\s\x00-\x1f\x7f~^:?*[\\]/.test(ref)) throw refuse('contains a character git does not allow in ref names');
  if (
    ref.includes('..') ||
    ref.includes('@{') ||
    ref.includes('//') ||
    ref.startsWith('/') ||
    ref.endsWith('/') ||
    ref.endsWith('.') ||
    ref.endsWith('.lock')
  ) {
    throw refuse('is not a valid ref name');
  }
}

/** Checks the shape of a subdir before anything is fetched, so a bad one fails fast. */
export function checkSubdir(subdir: string): string {
  const refuse = (why: string) =>
    new DomainError(
      'invalid',
      `The subfolder ${JSON.stringify(subdir)} ${why}.`,
      'Give a folder relative to the repository root, such as apps/api.',
    );
  if (path.posix.isAbsolute(subdir) || /^[A-Za-z]:/.test(subdir)) throw refuse('must be relative, not absolute');
  if (subdir.split(/[\\/]/).includes('..')) throw refuse('must stay inside the repository (no "..")');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refuses control characters on purpose
  if (/[\x00-\x1f\x7f]/.test(subdir)) throw refuse('contains control characters');
  return path.posix.normalize(subdir.replace(/\\/g, '/')).replace(/\/+$/, '');
}

/** Resolves subdir inside root, refusing one that is missing, not a folder, or a symlink leading outside. */
export async function resolveSubdir(root: string, subdir: string | undefined): Promise<string> {
  if (subdir === undefined) return root;
  const relative = checkSubdir(subdir);
  if (relative === '' || relative === '.') return root;
  const hint = 'Check the folder name against the repository; it is case-sensitive.';
  let real: string;
  try {
    real = await fs.realpath(path.join(root, relative));
  } catch {
    throw new DomainError('invalid', `The subfolder ${JSON.stringify(subdir)} does not exist in the source.`, hint);
  }
  const realRoot = await fs.realpath(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new DomainError('invalid', `The subfolder ${JSON.stringify(subdir)} points outside the source.`, hint);
  }
  if (!(await fs.stat(real)).isDirectory()) {
    throw new DomainError('invalid', `The subfolder ${JSON.stringify(subdir)} is a file, not a folder.`, hint);
  }
  return real;
}
