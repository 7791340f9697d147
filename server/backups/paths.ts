import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context.ts';

/**
 * Artifacts are written to a temp file in the data folder first (checksummed and possibly
 * encrypted on the way), then moved or uploaded. Restores download and decrypt to temp files
 * too, so a backup is fully checked before anything is touched.
 */
export function tempFile(ctx: AppContext, label: string): string {
  const dir = path.join(ctx.env.dataDir, 'tmp', 'backups');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${label}-${crypto.randomUUID()}`);
}
