import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, PGLITE_SETTINGS, type DatabaseHandle } from './client.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openDatabase({ url: 'memory://', dataDir: '/nonexistent' });
});
afterAll(() => database.close());

describe('embedded database', () => {
  it('runs with the small-footprint settings, not the server defaults', async () => {
    for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
      const res = await database.db.execute(sql.raw(`show ${name}`));
      const [row] = (res as unknown as { rows: Record<string, string>[] }).rows;
      expect(row![name], name).toBe(value);
    }
  });
});
