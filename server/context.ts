import { EventEmitter } from 'node:events';
import type Docker from 'dockerode';
import { Redis } from 'ioredis';
import type { Env } from './env.ts';
import type { Database, DatabaseHandle } from './db/client.ts';
import { openDatabase } from './db/client.ts';
import type { Logger } from './logger.ts';
import { createLogger } from './logger.ts';
import { SecretBox, loadSecretKey } from './crypto/secret-box.ts';
import { createDocker } from './docker.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import type { JobQueue } from './jobs/queue.ts';
import { InProcessJobQueue } from './jobs/in-process.ts';
import { BullJobQueue } from './jobs/bullmq.ts';
import { flushTokenUsage } from './services/auth-cache.ts';

/** Everything a service or route needs, handed in explicitly: nothing reads globals. */
export interface AppContext {
  env: Env;
  database: DatabaseHandle;
  db: Database;
  logger: Logger;
  secrets: SecretBox;
  docker: Docker;
  /** Present only when REDIS_URL is set. */
  redis: Redis | null;
  metrics: Metrics;
  /** BullMQ with REDIS_URL, in-process otherwise; workers start with the server. */
  jobs: JobQueue;
  /** In-process notifications (new log lines, status changes) that wake live streams early. */
  events: EventEmitter;
}

export async function createContext(env: Env, overrides: { logger?: Logger } = {}): Promise<AppContext> {
  const logger = overrides.logger ?? createLogger(env.OPENPANEL_LOG_LEVEL);
  const { key } = loadSecretKey({ configured: env.OPENPANEL_SECRET_KEY, dataDir: env.dataDir });
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.dataDir });
  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: true })
    : null;
  redis?.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  return {
    env,
    database,
    db: database.db,
    logger,
    secrets: new SecretBox(key),
    docker: createDocker(env.DOCKER_HOST),
    redis,
    metrics: createMetrics(),
    jobs: env.REDIS_URL
      ? new BullJobQueue(env.REDIS_URL, logger, { concurrency: env.OPENPANEL_JOB_CONCURRENCY })
      : new InProcessJobQueue(logger, env.OPENPANEL_JOB_CONCURRENCY),
    events: newEvents(),
  };
}

function newEvents(): EventEmitter {
  const events = new EventEmitter();
  events.setMaxListeners(0); // one listener per open log stream
  return events;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.close();
  ctx.redis?.disconnect();
  await flushTokenUsage(ctx.db).catch((err) =>
    ctx.logger.warn({ err: (err as Error).message }, 'token last-used times not written'),
  );
  await ctx.database.close();
}
