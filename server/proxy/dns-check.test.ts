import { describe, expect, it } from 'vitest';
import { checkDns, serverAddresses, type DnsResolver } from './dns-check.ts';
import { isLocalHost, normalizeHost, normalizePathPrefix, tlsMode } from './hosts.ts';

const notFound = () => Promise.reject(Object.assign(new Error('queryA ENOTFOUND'), { code: 'ENOTFOUND' }));

/** A resolver answering from a table; every name it does not know is NXDOMAIN. */
function fakeResolver(
  v4: Record<string, string[]>,
  v6: Record<string, string[]> = {},
): DnsResolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    resolve4: (h) => (asked.push(h), v4[h] ? Promise.resolve(v4[h]) : notFound()),
    resolve6: (h) => (v6[h] ? Promise.resolve(v6[h]) : notFound()),
  };
}

const HERE = ['198.51.100.7', '2001:db8::7'];

describe('the DNS check', () => {
  it('is quiet for a name that resolves to this server', async () => {
    const resolver = fakeResolver({ 'app.example.com': ['198.51.100.7'] }, { 'app.example.com': ['2001:db8::7'] });
    expect(await checkDns('app.example.com', { resolver, serverAddresses: HERE })).toEqual({
      status: 'ok',
      addresses: ['198.51.100.7', '2001:db8::7'],
    });
  });

  it('warns for a name that resolves elsewhere, even partly', async () => {
    const resolver = fakeResolver({
      'away.example.com': ['203.0.113.9'],
      'half.example.com': ['198.51.100.7', '203.0.113.9'],
    });
    const away = await checkDns('away.example.com', { resolver, serverAddresses: HERE });
    expect(away).toMatchObject({ status: 'elsewhere', addresses: ['203.0.113.9'] });
    expect(away.warning).toMatch(/resolves to 203\.0\.113\.9, not to this server \(198\.51\.100\.7, 2001:db8::7\)/);
    const half = await checkDns('half.example.com', { resolver, serverAddresses: HERE });
    expect(half.warning).toMatch(/partly not to this server/);
  });

  it('warns for a name that does not resolve, or whose server does not answer in time', async () => {
    const missing = await checkDns('nothing.example.com', { resolver: fakeResolver({}), serverAddresses: HERE });
    expect(missing).toMatchObject({ status: 'unresolved', addresses: [] });
    expect(missing.warning).toMatch(
      /does not resolve \(no A or AAAA record\)\. Create an A \(or AAAA\) record pointing at this server \(198\.51\.100\.7/,
    );
    const hanging: DnsResolver = { resolve4: () => new Promise(() => {}), resolve6: () => new Promise(() => {}) };
    const started = Date.now();
    const slow = await checkDns('slow.example.com', { resolver: hanging, serverAddresses: HERE, timeoutMs: 100 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(slow.warning).toMatch(/no answer within 100 ms/);
  });

  it('skips local names without asking DNS', async () => {
    const resolver = fakeResolver({});
    for (const host of [
      'localhost',
      'app.localhost',
      'box.local',
      'app.openpanel.test',
      'db.internal',
      '10.0.0.5',
      'intranet',
    ]) {
      expect(await checkDns(host, { resolver, serverAddresses: HERE })).toEqual({ status: 'local', addresses: [] });
    }
    expect(resolver.asked).toEqual([]);
  });

  it('compares with OPENPANEL_PUBLIC_IP when set, else with the interface addresses', () => {
    expect(serverAddresses(['203.0.113.1'])).toEqual(['203.0.113.1']);
    expect(serverAddresses(undefined)).toContain('127.0.0.1');
  });
});

describe('host names and path prefixes', () => {
  it('lower-cases names and turns IDNs into their ASCII form', () => {
    expect(normalizeHost(' App.Example.COM. ')).toEqual({ host: 'app.example.com' });
    expect(normalizeHost('bücher.example')).toEqual({ host: 'xn--bcher-kva.example' });
    expect(normalizeHost('api.localhost')).toEqual({ host: 'api.localhost' });
    expect(normalizeHost('192.168.1.20')).toEqual({ host: '192.168.1.20' });
  });

  it('refuses what is not a bare host name, saying why', () => {
    expect(normalizeHost('https://app.example.com/')).toEqual({ error: expect.stringMatching(/not a bare host name/) });
    expect(normalizeHost('app.example.com:8080')).toEqual({ error: expect.stringMatching(/no scheme, port or path/) });
    expect(normalizeHost('*.example.com')).toEqual({ error: expect.stringMatching(/Wildcard/) });
    for (const bad of [
      '-app.example.com',
      'app..example.com',
      'app_x.example.com',
      '1.2.3.999',
      `${'a'.repeat(64)}.com`,
    ]) {
      expect(normalizeHost(bad), bad).toHaveProperty('error');
    }
  });

  it('knows local names and picks the certificate source from them', () => {
    expect(['localhost', 'a.localhost', 'a.local', 'a.test', 'a.internal', '127.0.0.1'].every(isLocalHost)).toBe(true);
    expect(['example.com', 'app.example.dev', 'localhost.example.com'].some(isLocalHost)).toBe(false);
    expect(tlsMode('app.test', 'auto')).toBe('internal');
    expect(tlsMode('app.example.com', 'auto')).toBe('acme');
    expect(tlsMode('app.test', 'acme')).toBe('acme');
  });

  it('normalizes path prefixes and refuses odd ones', () => {
    expect(normalizePathPrefix('/')).toEqual({ path: '/' });
    expect(normalizePathPrefix('/api/v1/')).toEqual({ path: '/api/v1' });
    for (const bad of ['api', '/a b', '/a/*', '/a?b', '/a//b', '/a/../b'])
      expect(normalizePathPrefix(bad), bad).toHaveProperty('error');
  });
});
