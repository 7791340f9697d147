/**
 * The web client's API types come from the panel's own OpenAPI document, never copied by hand:
 * `npm run api:types` regenerates `web/src/api/schema.d.ts`; `--check` fails when it is stale
 * (the test suite runs the check, so a server change that breaks the UI's types is caught).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../server/app.ts';
import { closeContext, createContext } from '../server/context.ts';
import { loadEnv } from '../server/env.ts';

export const SCHEMA_FILE = path.join(import.meta.dirname, '..', 'web', 'src', 'api', 'schema.d.ts');

const HEADER = '// Generated from /api/openapi.json by `npm run api:types`. Do not edit by hand.\n\n';

/** The OpenAPI document exactly as the panel serves it. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-api-types-'));
  const env = loadEnv({ DATABASE_URL: 'memory://', DATA_DIR: dataDir, OPENPANEL_LOG_LEVEL: 'silent' });
  const ctx = await createContext(env);
  try {
    const res = await createApp(ctx).request('/api/openapi.json');
    if (!res.ok) throw new Error(`GET /api/openapi.json answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await closeContext(ctx);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.stringify(await openApiDocument()), { alphabetize: true });
  return HEADER + astToString(ast);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const generated = await generateApiTypes();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (current !== generated) {
      console.error(`${path.relative(process.cwd(), SCHEMA_FILE)} is stale: run npm run api:types`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(SCHEMA_FILE, generated);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  }
}
