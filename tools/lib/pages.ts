import { z } from 'zod';
import { DomainError } from '../../server/errors.ts';

/**
 * Cursor pagination shared by the list tools: a page of at most `limit` rows after the row the
 * cursor names (keyset, so pages never shift or repeat while rows are added), and the cursor of
 * the next page. The cursor is opaque to callers: base64url of the sort key of the last row.
 */
export const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

/** `limit` and `cursor` input fields; `size` is the default page (a list whose rows are long may want fewer). */
export const pageInput = (size = DEFAULT_PAGE) => ({
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .optional()
    .describe(`How many to return; default ${size}, at most ${MAX_PAGE}`),
  cursor: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe("The previous page's nextCursor, to get the page after it; omit for the first page"),
});

export const nextCursorOutput = z
  .string()
  .nullable()
  .describe('Pass as cursor to get the next page; null when this is the last page');

export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key a cursor carries; a cursor that was not made by this tool is a clear 'invalid'. */
export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const ok =
    parsed !== null &&
    typeof parsed === 'object' &&
    keys.every((k) => typeof (parsed as Record<string, unknown>)[k] === 'string');
  if (!ok) throw badCursor();
  return parsed as Record<K, string>;
}

/** A cursor whose key is a whole number (a deployment's number). */
export function decodeNumberCursor(cursor: string, key: string): number {
  const n = Number(decodeCursor(cursor, [key])[key]);
  if (!Number.isSafeInteger(n)) throw badCursor();
  return n;
}

const badCursor = () =>
  new DomainError(
    'invalid',
    'The cursor is not one this list returned.',
    'Pass the nextCursor of the previous page exactly, or omit cursor to start from the first page.',
  );

/** Rows fetched one past the page tell whether another page follows, without a count query. */
export function splitPage<T>(rows: T[], limit: number): { page: T[]; more: boolean } {
  return { page: rows.slice(0, limit), more: rows.length > limit };
}
