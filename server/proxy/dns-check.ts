import { Resolver } from 'node:dns/promises';
import os from 'node:os';
import { isLocalHost } from './hosts.ts';

/**
 * Does a name point at this server? Only ever a warning: DNS may be changing, the server may sit
 * behind NAT or a load balancer, and people add the domain before the record on purpose.
 */

export interface DnsResolver {
  resolve4(host: string): Promise<string[]>;
  resolve6(host: string): Promise<string[]>;
}

type DnsStatus = 'ok' | 'local' | 'elsewhere' | 'unresolved';

export interface DnsCheck {
  status: DnsStatus;
  /** What the name resolves to (A and AAAA). */
  addresses: string[];
  /** Present when the name may not reach this server; says what to do. */
  warning?: string;
}

export function systemResolver(timeoutMs = 1_500): DnsResolver {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  return { resolve4: (h) => resolver.resolve4(h), resolve6: (h) => resolver.resolve6(h) };
}

/** OPENPANEL_PUBLIC_IP when set (behind NAT the interfaces never show it), else every interface address. */
export function serverAddresses(publicIps: string[] | undefined): string[] {
  if (publicIps?.length) return publicIps;
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a)
    .map((a) => a.address.replace(/%.*$/, ''));
}

const NO_RECORD = new Set(['ENODATA', 'ENOTFOUND', 'NOTFOUND', 'NODATA']);

async function lookup(
  resolver: DnsResolver,
  host: string,
  timeoutMs: number,
): Promise<{ addresses: string[]; error?: string }> {
  const settle = (p: Promise<string[]>) =>
    p.then(
      (addresses) => ({ addresses }),
      (err: NodeJS.ErrnoException) => ({ addresses: [] as string[], code: err.code ?? err.message }),
    );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const both = Promise.all([settle(resolver.resolve4(host)), settle(resolver.resolve6(host))]);
  const result = await Promise.race([both, timeout]).finally(() => clearTimeout(timer));
  if (result === 'timeout') return { addresses: [], error: `no answer within ${timeoutMs} ms` };
  const addresses = result.flatMap((r) => r.addresses);
  const failures = result
    .map((r) => ('code' in r ? r.code : undefined))
    .filter((c): c is string => !!c && !NO_RECORD.has(c));
  return { addresses, error: addresses.length ? undefined : (failures[0] ?? 'no A or AAAA record') };
}

export async function checkDns(
  host: string,
  opts: { resolver: DnsResolver; serverAddresses: string[]; timeoutMs?: number },
): Promise<DnsCheck> {
  if (isLocalHost(host)) return { status: 'local', addresses: [] };
  const { addresses, error } = await lookup(opts.resolver, host, opts.timeoutMs ?? 2_000);
  if (!addresses.length) {
    return {
      status: 'unresolved',
      addresses,
      warning: `${host} does not resolve (${error}). Create an A (or AAAA) record pointing at this server (${opts.serverAddresses.join(', ') || 'its public address'}); until then browsers cannot reach it and no public certificate can be issued.`,
    };
  }
  const mine = new Set(opts.serverAddresses);
  const elsewhere = addresses.filter((a) => !mine.has(a));
  if (!elsewhere.length) return { status: 'ok', addresses };
  const all = elsewhere.length === addresses.length;
  return {
    status: 'elsewhere',
    addresses,
    warning: `${host} resolves to ${addresses.join(', ')}, ${all ? 'not to' : 'partly not to'} this server (${opts.serverAddresses.join(', ')}). Point its A/AAAA records here, or set OPENPANEL_PUBLIC_IP if this server is behind NAT or a load balancer; otherwise traffic and certificate checks go elsewhere.`,
  };
}
