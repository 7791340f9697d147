import { and, asc, eq, gt, max } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { deploymentLogs, type DeploymentLogRow } from '../db/schema/deployment-logs.ts';
import { scrubLines } from '../crypto/scrub.ts';

export type LogStream = 'stdout' | 'stderr' | 'system';

export const logEvent = (deploymentId: string) => `deployment-log:${deploymentId}`;
export const statusEvent = (deploymentId: string) => `deployment-status:${deploymentId}`;

/**
 * Persists a deployment's log lines in order. Lines are buffered for a few milliseconds and
 * written in one insert, so a chatty build does not pay a round trip per line; each line is
 * still its own row, and listeners are woken after every write.
 */
export class DeploymentLogWriter {
  #seq: number;
  #buffer: { stream: LogStream; text: string; at: Date }[] = [];
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly ctx: AppContext,
    private readonly deploymentId: string,
    startSeq: number,
  ) {
    this.#seq = startSeq;
  }

  /** Continues numbering after existing lines (a retried job appends to the same log). */
  static async open(ctx: AppContext, deploymentId: string): Promise<DeploymentLogWriter> {
    const [row] = await ctx.db
      .select({ last: max(deploymentLogs.seq) })
      .from(deploymentLogs)
      .where(eq(deploymentLogs.deploymentId, deploymentId));
    return new DeploymentLogWriter(ctx, deploymentId, row?.last ?? 0);
  }

  line(stream: LogStream, text: string): void {
    for (const part of text.replace(/\r/g, '').split('\n')) {
      if (part.trim() === '') continue;
      this.#buffer.push({ stream, text: part.slice(0, 8000), at: new Date() });
    }
    if (this.#buffer.length >= 200) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), 50);
  }

  system(text: string): void {
    this.line('system', text);
  }

  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#buffer.splice(0);
    if (!batch.length) return this.#writing;
    const rows = batch.map((l) => ({
      deploymentId: this.deploymentId,
      seq: ++this.#seq,
      stream: l.stream,
      text: l.text,
      at: l.at,
    }));
    // Scrubbed before the insert: a build or container that prints its env leaves no plaintext at rest.
    this.#writing = this.#writing
      .then(async () => this.ctx.db.insert(deploymentLogs).values(await scrubLines(this.ctx, rows)))
      .then(() => {
        this.ctx.events.emit(logEvent(this.deploymentId));
      })
      .catch((err) =>
        this.ctx.logger.error(
          { err: (err as Error).message, deploymentId: this.deploymentId },
          'could not persist log lines',
        ),
      );
    return this.#writing;
  }
}

export async function readDeploymentLogs(
  ctx: AppContext,
  deploymentId: string,
  opts: { afterSeq?: number; limit?: number } = {},
): Promise<DeploymentLogRow[]> {
  const rows = await ctx.db
    .select()
    .from(deploymentLogs)
    .where(and(eq(deploymentLogs.deploymentId, deploymentId), gt(deploymentLogs.seq, opts.afterSeq ?? 0)))
    .orderBy(asc(deploymentLogs.seq))
    .limit(opts.limit ?? 10_000);
  // Also on the way out: rows written before their value became a secret.
  return scrubLines(ctx, rows);
}
