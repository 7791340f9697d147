import { describe, expect, it } from 'vitest';
import { APICallError, generateText, streamText } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { FallbackModel, type ChainLink } from './fallback.ts';
import { ProviderLimiter } from './limits.ts';
import { ProvidersUnavailableError, fallbackReason } from './errors.ts';

/** Unit checks of the chain with in-memory models; the wire formats are in providers.test.ts. */

const USAGE = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};
/** Delivers the parts one read at a time, then ends (or fails, like a connection dropping). */
const streamOf = (parts: LanguageModelV4StreamPart[], thenFail?: Error) => {
  const queue = [...parts];
  return new ReadableStream<LanguageModelV4StreamPart>({
    pull(c) {
      const next = queue.shift();
      if (next) c.enqueue(next);
      else if (thenFail) c.error(thenFail);
      else c.close();
    },
  });
};
const answer = (text: string): LanguageModelV4StreamPart[] => [
  { type: 'stream-start', warnings: [] },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: text },
  { type: 'text-end', id: 't' },
  { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: USAGE },
];
const apiError = (statusCode: number) =>
  new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'http://x',
    requestBodyValues: {},
    statusCode,
    isRetryable: statusCode >= 429,
  });
const answering = (modelId: string, text = `from ${modelId}`) =>
  new MockLanguageModelV4({ modelId, doStream: async () => ({ stream: streamOf(answer(text)) }) });
const failing = (modelId: string, err: unknown) =>
  new MockLanguageModelV4({
    modelId,
    doStream: async () => {
      throw err;
    },
  });
const link = (name: string, model: MockLanguageModelV4, extra: Partial<ChainLink> = {}): ChainLink => ({
  name,
  model,
  timeoutMs: 1000,
  ...extra,
});

async function run(model: FallbackModel) {
  // Errors are collected from the stream below; the default onError would only print them.
  const result = streamText({ model, prompt: 'hi', maxRetries: 0, onError: () => {} });
  const errors: unknown[] = [];
  let text = '';
  try {
    for await (const part of result.stream) {
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') errors.push(part.error);
    }
  } catch (err) {
    errors.push(err);
  }
  return { text, errors };
}

describe('the provider chain', () => {
  it('moves on after a 429, a 5xx, a refused connection or an error part before the first token', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const errorPart = new MockLanguageModelV4({
      modelId: 'e',
      doStream: async () => ({
        stream: streamOf([
          { type: 'stream-start', warnings: [] },
          { type: 'error', error: { code: 503, message: 'overloaded' } },
        ]),
      }),
    });
    const model = new FallbackModel([
      link('a', failing('a', apiError(429))),
      link('b', failing('b', apiError(500))),
      link('c', failing('c', refused)),
      link('d', errorPart),
      link('e', answering('e')),
    ]);
    expect(await run(model)).toEqual({ text: 'from e', errors: [] });
    expect(model.answeredBy).toEqual({ provider: 'e', model: 'e' });
    expect(model.attempts.map((a) => [a.provider, a.outcome, a.reason])).toEqual([
      ['a', 'failed', 'rate limited (429)'],
      ['b', 'failed', 'server error (500)'],
      ['c', 'failed', 'connection failed (ECONNREFUSED)'],
      ['d', 'failed', 'server error (503)'],
      ['e', 'answered', undefined],
    ]);
  });

  it('surfaces a configuration error (400, 401) instead of hiding it behind another provider', async () => {
    const next = answering('b');
    const { errors } = await run(new FallbackModel([link('a', failing('a', apiError(401))), link('b', next)]));
    expect(errors).toHaveLength(1);
    expect(next.doStreamCalls).toHaveLength(0);
  });

  it('moves on when a provider sends nothing within its timeout', async () => {
    const silent = new MockLanguageModelV4({
      modelId: 'slow',
      doStream: async () => ({ stream: new ReadableStream({ start() {} }) }),
    });
    const started = Date.now();
    const model = new FallbackModel([link('slow', silent, { timeoutMs: 150 }), link('fast', answering('fast'))]);
    expect((await run(model)).text).toBe('from fast');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(model.attempts[0]).toMatchObject({
      provider: 'slow',
      outcome: 'failed',
      reason: 'sent no first token within 150 ms',
    });
  });

  it('does not fall back once the first token arrived: the error is surfaced', async () => {
    const broken = new MockLanguageModelV4({
      modelId: 'a',
      doStream: async () => ({ stream: streamOf(answer('partial').slice(0, 3), apiError(502)) }),
    });
    const next = answering('b');
    const model = new FallbackModel([link('a', broken), link('b', next)]);
    const { text, errors } = await run(model);
    expect(text).toBe('partial');
    expect(errors).toHaveLength(1);
    expect(next.doStreamCalls).toHaveLength(0);
    expect(model.answeredBy?.provider).toBe('a');
  });

  it('skips a provider at its concurrency or per-minute cap, and frees the slot when the answer ends', async () => {
    const limiter = new ProviderLimiter(1, 100);
    const held = limiter.tryAcquire();
    expect('release' in held).toBe(true);
    const capped = answering('capped');
    const model = new FallbackModel([link('capped', capped, { limiter }), link('other', answering('other'))]);
    expect((await run(model)).text).toBe('from other');
    expect(capped.doStreamCalls).toHaveLength(0);
    expect(model.attempts[0]).toMatchObject({ outcome: 'skipped', reason: 'at its limit of 1 calls in flight' });

    if ('release' in held) held.release();
    const again = new FallbackModel([link('capped', capped, { limiter }), link('other', answering('other'))]);
    expect((await run(again)).text).toBe('from capped');
    expect(limiter.usage.inFlight).toBe(0);

    let now = 0;
    const perMinute = new ProviderLimiter(10, 2, () => now);
    expect('release' in perMinute.tryAcquire() && 'release' in perMinute.tryAcquire()).toBe(true);
    expect(perMinute.tryAcquire()).toEqual({ refused: 'at its limit of 2 calls per minute' });
    now = 60_001;
    expect('release' in perMinute.tryAcquire()).toBe(true);
  });

  it('reports every provider when none answers', async () => {
    const limited = new MockLanguageModelV4({
      modelId: 'a',
      doGenerate: async () => {
        throw apiError(429);
      },
    });
    await expect(
      generateText({ model: new FallbackModel([link('a', limited)]), prompt: 'hi', maxRetries: 0 }),
    ).rejects.toThrow(/No model provider answered: a rate limited \(429\)/);
    const err = new ProvidersUnavailableError([{ provider: 'a', reason: 'x' }]);
    expect(err.attempts).toEqual([{ provider: 'a', reason: 'x' }]);
  });

  it('falls back in generate calls too, and keeps later steps on the provider that answered', async () => {
    const good = new MockLanguageModelV4({
      modelId: 'b',
      doGenerate: async () => ({
        content: [{ type: 'text', text: 'generated' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: USAGE,
        warnings: [],
      }),
    });
    const bad = new MockLanguageModelV4({
      modelId: 'a',
      doGenerate: async () => {
        throw apiError(503);
      },
    });
    const model = new FallbackModel([link('a', bad), link('b', good)]);
    expect((await generateText({ model, prompt: 'hi', maxRetries: 0 })).text).toBe('generated');
    expect((await generateText({ model, prompt: 'again', maxRetries: 0 })).text).toBe('generated');
    expect(bad.doGenerateCalls).toHaveLength(1);
  });

  it('classifies errors by status and connection code', () => {
    expect(fallbackReason(apiError(404))).toBeNull();
    expect(fallbackReason({ status_code: 503 })).toBe('server error (503)');
    expect(fallbackReason(new DOMException('x', 'TimeoutError'))).toBe('timed out');
    expect(fallbackReason(new Error('boom'))).toBeNull();
  });
});
