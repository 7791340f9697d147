import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { deployments } from '../db/schema/deployments.ts';
import type { AppRow } from '../db/schema/apps.ts';
import { imageExists, removeImage } from '../engine/index.ts';
import { SUCCEEDED } from '../services/deployments.ts';

/**
 * Keeps the images of the newest OPENPANEL_IMAGE_RETENTION successful deployments (for rollback)
 * and removes older ones. Prebuilt images are only untagged from our repository name.
 */
export async function pruneImages(ctx: AppContext, app: AppRow, say: (text: string) => void): Promise<number> {
  const keep = ctx.env.OPENPANEL_IMAGE_RETENTION;
  const done = await ctx.db
    .select()
    .from(deployments)
    .where(
      and(
        eq(deployments.appId, app.id),
        inArray(deployments.status, [...SUCCEEDED, 'failed', 'cancelled']),
        eq(deployments.imagePruned, false),
      ),
    )
    .orderBy(desc(deployments.number));
  const successful = done.filter((d) => SUCCEEDED.includes(d.status));
  const kept = new Set(successful.slice(0, keep).map((d) => d.imageTag));
  let pruned = 0;
  for (const d of done) {
    if (!d.imageTag?.startsWith('openpanel/') || kept.has(d.imageTag)) continue;
    // A rollback deployment shares its image with the one it restored; never prune a kept tag.
    const removed = await removeImage(ctx.docker, d.imageTag);
    // Not removed and still there means a container uses it: try again next time.
    if (!removed && (await imageExists(ctx.docker, d.imageTag))) continue;
    await ctx.db.update(deployments).set({ imagePruned: true }).where(eq(deployments.id, d.id));
    if (removed) {
      pruned++;
      say(`Pruned image ${d.imageTag} (keeping the last ${keep})`);
    }
  }
  return pruned;
}
