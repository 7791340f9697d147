import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_FILE } from './api-types.ts';

// The web's API types are generated from the OpenAPI document the panel serves; a server change
// that alters a response shape must come with a regenerated schema.d.ts (and a web type check).
describe('web API types', () => {
  it('the committed web/src/api/schema.d.ts matches a fresh generation (run npm run api:types)', async () => {
    const generated = await generateApiTypes();
    expect(generated).toContain('App: {');
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  }, 120_000);
});
