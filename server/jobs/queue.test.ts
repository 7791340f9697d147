import { afterEach, describe, expect, inject, it } from 'vitest';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import { DomainError } from '../errors.ts';
import { InProcessJobQueue } from './in-process.ts';
import { BullJobQueue } from './bullmq.ts';
import type { JobHandlers, JobQueue } from './queue.ts';

const logger = pino({ level: 'silent' });
const queues: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.close()));
});

function recorder() {
  const seen: { id: string; attempt: number }[] = [];
  let failUntil = 0;
  let final = false;
  const handlers: JobHandlers = {
    deploy: async ({ deploymentId }, info) => {
      seen.push({ id: deploymentId, attempt: info.attempt });
      if (final) throw new DomainError('invalid', 'build failed');
      if (info.attempt <= failUntil) throw new DomainError('unavailable', 'engine down');
    },
    index: async () => {}, // not exercised here; the queue's rules are the same for every job
    backup: async () => {},
  };
  return { seen, handlers, failFirst: (n: number) => (failUntil = n), failFinally: () => (final = true) };
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const kinds: [string, () => JobQueue][] = [
  ['in-process', () => new InProcessJobQueue(logger, 2)],
  [
    'bullmq',
    () =>
      new BullJobQueue(inject('redisUrl'), logger, {
        concurrency: 2,
        workers: 2,
        prefix: `t${Date.now()}${Math.random().toString(36).slice(2)}`,
      }),
  ],
];

describe.each(kinds)('%s job queue', (_name, make) => {
  it('runs each job once, even when enqueued twice with the same id while waiting', async () => {
    const q = make();
    queues.push(q);
    const r = recorder();
    await q.enqueue('deploy', { deploymentId: 'a' }, { jobId: 'deploy-a' });
    await q.enqueue('deploy', { deploymentId: 'a' }, { jobId: 'deploy-a' });
    await q.enqueue('deploy', { deploymentId: 'b' }, { jobId: 'deploy-b' });
    await q.start(r.handlers);
    await until(() => r.seen.length >= 2);
    await new Promise((res) => setTimeout(res, 300));
    expect(r.seen.map((s) => s.id).sort()).toEqual(['a', 'b']);
  });

  it('retries outages with backoff, but not final failures', async () => {
    const q = make();
    queues.push(q);
    const r = recorder();
    r.failFirst(2);
    await q.start(r.handlers);
    await q.enqueue('deploy', { deploymentId: 'x' }, { jobId: 'deploy-x' });
    await until(() => r.seen.length >= 3);
    expect(r.seen.map((s) => s.attempt)).toEqual([1, 2, 3]);

    const r2 = recorder();
    r2.failFinally();
    const q2 = make();
    queues.push(q2);
    await q2.start(r2.handlers);
    await q2.enqueue('deploy', { deploymentId: 'y' }, { jobId: 'deploy-y' });
    await until(() => r2.seen.length >= 1);
    await new Promise((res) => setTimeout(res, 2500));
    expect(r2.seen).toHaveLength(1);
  });
});

describe('bullmq with Redis down', () => {
  it('fails enqueue fast with a clear error', async () => {
    const q = new BullJobQueue('redis://127.0.0.1:1', logger);
    queues.push(q);
    const started = Date.now();
    await expect(q.enqueue('deploy', { deploymentId: 'z' }, { jobId: 'deploy-z' })).rejects.toThrow(
      /Redis is not reachable/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('uses the real Redis (the job is stored there)', async () => {
    const prefix = `p${Date.now()}`;
    const q = new BullJobQueue(inject('redisUrl'), logger, { prefix });
    queues.push(q);
    await q.enqueue('deploy', { deploymentId: 'stored' }, { jobId: 'deploy-stored' });
    const redis = new Redis(inject('redisUrl'));
    const keys = await redis.keys(`${prefix}:openpanel-jobs:*`);
    redis.disconnect();
    expect(keys.some((k) => k.endsWith(':deploy-stored'))).toBe(true);
  });
});
