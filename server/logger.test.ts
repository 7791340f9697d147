import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPanel, type TestPanel } from './test/harness.ts';
import { createLogger } from './logger.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());

const SECRET = 'sk-live-canary-4242';

it('a failed query is logged with its SQL and the database’s code, never its parameters', async () => {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  // A real failure: Postgres cannot read the secret as a uuid, and quotes it in its own message too.
  const err = await panel.ctx.db.execute(sql`select ${SECRET}::uuid as id`).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(err).toBeInstanceOf(Error);
  expect(`${err!.message} ${String((err!.cause as Error)?.message)}`).toContain(SECRET);

  logger.error({ err }, 'query failed');
  logger.error(err);
  logger.warn({ err: err!.message, nested: { cause: err!.cause } }, 'as text');
  logger.warn(`plain: ${err!.message}`);

  const out = lines.join('');
  expect(out).not.toContain(SECRET);
  expect(out).toContain('select $1::uuid as id');
  expect(out).toContain('params: [omitted]');
  const first = JSON.parse(lines[0]!) as { err: { query: string; cause: { code: string; message: string } } };
  expect(first.err.query).toBe('select $1::uuid as id');
  expect(first.err.cause.code).toBe('22P02');
  expect(first.err.cause.message).toMatch(/invalid input syntax for type uuid/);
  expect(lines).toHaveLength(4);
});
