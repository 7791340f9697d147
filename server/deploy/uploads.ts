import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { UUID_RE } from '../services/names.ts';

export function uploadsDir(ctx: AppContext): string {
  return path.join(ctx.env.dataDir, 'uploads');
}

/** The stored archive for an upload id (storeUpload names it <id>.tar or <id>.tar.gz). */
export function uploadPath(ctx: AppContext, id: string): string {
  if (!UUID_RE.test(id)) throw new DomainError('invalid', `"${id}" is not an upload id.`);
  for (const ext of ['.tar.gz', '.tar']) {
    const file = path.join(uploadsDir(ctx), `${id}${ext}`);
    if (fs.existsSync(file)) return file;
  }
  throw new DomainError(
    'not_found',
    `Upload ${id} is not on this server any more.`,
    'Upload the archive again with POST /api/uploads.',
  );
}
