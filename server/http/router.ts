import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './types.ts';
import { validationError } from './errors.ts';

/** Every route module uses this, so invalid input is a 422 with field messages everywhere. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw validationError(result.error, result.target === 'json' ? 'body' : result.target);
      }
      return undefined;
    },
  });
}
