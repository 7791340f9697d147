import { REDACTED } from '../crypto/scrub.ts';

/** Keeps credentials that people put in clone URLs out of logs and error messages (one mask: REDACTED). */

// scheme://userinfo@ anywhere in a text (git echoes URLs back in its own messages).
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@]+)@/gi;

/** Replaces URL credentials in any text; an ssh login name without a password is kept. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(URL_USERINFO, (match, scheme: string, info: string) =>
    scheme.toLowerCase().startsWith('ssh') && !info.includes(':') ? match : `${scheme}${REDACTED}@`,
  );
  // git sometimes prints the decoded credential on its own, outside a URL.
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/** The credential strings of a URL (raw and percent-decoded), to scrub wherever they show up. */
export function secretsOfUrl(url: string): string[] {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^\s/@]+)@/i.exec(url);
  const info = match?.[1];
  if (!info) return [];
  const isSsh = url.toLowerCase().startsWith('ssh');
  const colon = info.indexOf(':');
  // A bare https username is often a token (https://TOKEN@host); an ssh login name is not secret.
  const parts =
    colon === -1
      ? isSsh
        ? []
        : [info]
      : isSsh
        ? [info.slice(colon + 1)]
        : [info.slice(0, colon), info.slice(colon + 1)];
  const found = new Set<string>();
  for (const part of parts) {
    found.add(part);
    try {
      found.add(decodeURIComponent(part));
    } catch {
      // a malformed escape: the raw form is already in the set
    }
  }
  // Very short strings would blank out ordinary words in git's output.
  return [...found].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}
