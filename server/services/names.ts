import { z } from 'zod';

/** App and project names become container names, network aliases and host labels: DNS-safe. */
export const resourceName = z.string().regex(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, {
  error: 'expected 1–40 lower-case letters, digits and dashes, not starting or ending with a dash (e.g. "my-api")',
});

export const envVarName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, {
  error: 'expected a variable name such as DATABASE_URL (letters, digits, _; not starting with a digit)',
});

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
