import type { AppContext } from '../context.ts';

export type Check = { status: 'ok' | 'error' | 'not_configured'; detail?: string };

async function probe(run: () => Promise<unknown>, timeoutMs: number): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'ok' };
  } catch (err) {
    return { status: 'error', detail: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Redis and Docker count only when configured (REDIS_URL, DOCKER_HOST); without DOCKER_HOST the
 * default socket is still probed and reported, but does not make the panel unready.
 */
export async function checkReadiness(ctx: AppContext) {
  const [database, redis, docker] = await Promise.all([
    probe(() => ctx.database.ping(), 3000),
    ctx.redis ? probe(() => ctx.redis!.ping(), 2000) : Promise.resolve<Check>({ status: 'not_configured' }),
    probe(() => ctx.docker.ping(), 2000),
  ]);
  const dockerRequired = Boolean(ctx.env.DOCKER_HOST);
  const ready = database.status === 'ok' && redis.status !== 'error' && (!dockerRequired || docker.status === 'ok');
  return { status: ready ? ('ready' as const) : ('not_ready' as const), checks: { database, redis, docker } };
}
