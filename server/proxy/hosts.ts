import net from 'node:net';
import { domainToASCII } from 'node:url';

/**
 * Host names and path prefixes as the proxies see them. Both drivers get the same normalized
 * values, so a domain routes the same way under Caddy and Traefik.
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Lower-cased ASCII host (IDNs become xn--), or an error message a person can act on. */
export function normalizeHost(raw: string): { host: string } | { error: string } {
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) || /[/:?#@\s]/.test(trimmed)) {
    return {
      error: `"${raw}" is not a bare host name; give just the name, e.g. "app.example.com" (no scheme, port or path).`,
    };
  }
  if (trimmed.startsWith('*')) return { error: 'Wildcard names are not supported; add each name separately.' };
  if (net.isIPv4(trimmed)) return { host: trimmed };
  const host = domainToASCII(trimmed);
  if (!host || host.length > 253) return { error: `"${raw}" is not a valid host name.` };
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l))) {
    return {
      error: `"${raw}" is not a valid host name: use letters, digits and dashes in dot-separated labels, e.g. "app.example.com" or "app.localhost".`,
    };
  }
  if (/^\d+$/.test(labels.at(-1)!)) return { error: `"${raw}" is neither a host name nor an IPv4 address.` };
  return { host };
}

const LOCAL_SUFFIXES = ['.localhost', '.local', '.test', '.internal', '.home.arpa', '.lan'];

/**
 * Names that never get a public certificate and need no public DNS: localhost, the reserved
 * special-use suffixes, single-label names and IP addresses. They get the proxy's internal CA.
 */
export function isLocalHost(host: string): boolean {
  if (net.isIP(host)) return true;
  if (host === 'localhost' || !host.includes('.')) return true;
  return LOCAL_SUFFIXES.some((s) => host.endsWith(s));
}

/** "/" or "/api" (no trailing slash); matching is by string prefix, like Traefik's PathPrefix. */
export function normalizePathPrefix(raw: string): { path: string } | { error: string } {
  const p = raw.trim();
  if (!p.startsWith('/')) return { error: `The path prefix must start with "/", e.g. "/api" (got "${raw}").` };
  if (p.length > 200) return { error: 'The path prefix is longer than 200 characters.' };
  if (
    !/^[A-Za-z0-9._~!$&'()+,;=:@%/-]*$/.test(p) ||
    p.includes('//') ||
    p.split('/').some((s) => s === '..' || s === '.')
  ) {
    return {
      error: `"${raw}" is not a usable path prefix: use plain URL path segments such as "/api/v1" (no "*", "?", "#", spaces, "//" or "..").`,
    };
  }
  return { path: p.length > 1 ? p.replace(/\/+$/, '') : p };
}

/** Which issuer a domain's certificate comes from. */
export function tlsMode(host: string, requested: 'auto' | 'acme' | 'internal'): 'acme' | 'internal' {
  if (requested !== 'auto') return requested;
  return isLocalHost(host) ? 'internal' : 'acme';
}
