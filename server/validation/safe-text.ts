import { z } from 'zod';

/**
 * Postgres refuses NUL bytes in text, and unpaired UTF-16 surrogates cannot be encoded as UTF-8, so
 * either one in any input would fail deep in a query (a 500, and the query's parameters in the log).
 * Every surface checks its input with this one definition before anything reaches the database.
 */
const UNSAFE_TEXT_MESSAGE = 'contains a NUL byte or an unpaired surrogate; remove it';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this regex exists to find NUL bytes
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

// Deeper than any real input; JSON.parse output cannot be cyclic, tool inputs from code could be.
const MAX_DEPTH = 64;

/**
 * The path of the first string (or object key: keys end up in jsonb columns too) that is not safe
 * text, or null when there is none. An empty path is the value itself.
 */
function unsafeTextPath(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  for (const [key, child] of entries) {
    // The key itself is unsafe: point at its parent, the key cannot be shown as it is.
    if (typeof key === 'string' && !isSafeText(key)) return [...path, key.replace(UNSAFE_ALL, '\uFFFD')];
    const found = unsafeTextPath(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** The shared zod refinement: `schema.superRefine(refineSafeText)` refuses unsafe text anywhere inside. */
function refineSafeText(value: unknown, ctx: z.RefinementCtx): void {
  const path = unsafeTextPath(value);
  if (path) ctx.addIssue({ code: 'custom', message: UNSAFE_TEXT_MESSAGE, path, input: value });
}

/** Any value; refused when a string or key anywhere inside it is not safe text. */
export const SafeInput = z.unknown().superRefine(refineSafeText);
