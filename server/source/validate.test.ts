import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { redactText, secretsOfUrl } from './redact.ts';
import { checkGitRef, checkGitUrl, checkSubdir } from './validate.ts';

describe('checkGitUrl', () => {
  it('names the transport of each supported URL form', () => {
    expect(checkGitUrl('https://github.com/acme/api.git')).toBe('http');
    expect(checkGitUrl('http://git.local:8080/acme/api')).toBe('http');
    expect(checkGitUrl('ssh://git@github.com/acme/api.git')).toBe('ssh');
    expect(checkGitUrl('git@github.com:acme/api.git')).toBe('ssh');
    expect(checkGitUrl('deploy@git.example.com:repos/api')).toBe('ssh');
    expect(checkGitUrl('file:///srv/git/api')).toBe('file');
  });

  it('refuses other transports and anything git could take for an option, redacting credentials', () => {
    for (const url of [
      'ext::sh -c id',
      'ext::x',
      'fd::3',
      'git://h/x',
      'ftp://h/x',
      '/srv/git/api',
      '../x',
      '-u',
      'file://evil.com/x',
      'ssh://-oProxyCommand=id/x',
      '-x@host:path',
      'git@-oProxyCommand=id:x',
      '',
    ]) {
      expect(() => checkGitUrl(url), url).toThrow(DomainError);
    }
    expect(() => checkGitUrl('gopher://me:hunter22@h/x')).toThrow(/gopher:\/\/\[redacted\]@h\/x/);
  });
});

describe('checkGitRef and checkSubdir', () => {
  it('accepts branch, tag and sha names', () => {
    for (const ref of ['main', 'release/1.x', 'v1.2.0', 'feature_x-2', 'a'.repeat(40)])
      expect(() => checkGitRef(ref)).not.toThrow();
  });

  it('refuses refs git could read as options or revision expressions', () => {
    for (const ref of [
      '-b',
      '--upload-pack=x',
      'a..b',
      'HEAD@{1}',
      'HEAD~1',
      'x^',
      'a b',
      'x:y',
      '/x',
      'x/',
      'x.lock',
      '',
    ]) {
      expect(() => checkGitRef(ref), ref).toThrow(DomainError);
    }
  });

  it('normalises subdirs and refuses ones that leave the source', () => {
    expect(checkSubdir('apps/api/')).toBe('apps/api');
    expect(checkSubdir('./apps//api')).toBe('apps/api');
    for (const bad of ['..', '../x', 'a/../../x', '/etc', 'a\\..\\..\\x', 'C:\\x'])
      expect(() => checkSubdir(bad), bad).toThrow(DomainError);
  });
});

describe('redactText', () => {
  it('hides URL credentials but keeps an ssh login name', () => {
    expect(redactText("fatal: unable to access 'https://bob:pa55word@h/x.git/'")).toBe(
      "fatal: unable to access 'https://[redacted]@h/x.git/'",
    );
    expect(redactText('https://ghp_abcdef123@github.com/a/b')).toBe('https://[redacted]@github.com/a/b');
    expect(redactText('ssh://git@github.com/a/b')).toBe('ssh://git@github.com/a/b');
    expect(redactText('ssh://git:pw@github.com/a/b')).toBe('ssh://[redacted]@github.com/a/b');
  });

  it('also hides the decoded credential wherever git prints it on its own', () => {
    const secrets = secretsOfUrl('https://deployer:p%40ss-word@h/x.git');
    expect(secrets).toEqual(expect.arrayContaining(['p@ss-word', 'p%40ss-word']));
    expect(redactText("Authentication failed for user 'deployer' with p@ss-word", secrets)).toBe(
      "Authentication failed for user '[redacted]' with [redacted]",
    );
    expect(secretsOfUrl('ssh://git@h/x')).toEqual([]);
  });
});
