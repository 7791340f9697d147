import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { ProvidersUnavailableError, fallbackReason } from './errors.ts';
import type { ProviderLimiter } from './limits.ts';

export interface ChainLink {
  /** The provider's name as the user sees it (gemini, groq, ollama, command). */
  name: string;
  model: LanguageModelV4;
  /** Time allowed until the first token (stream) or the whole answer (generate). */
  timeoutMs: number;
  limiter?: ProviderLimiter;
}

export interface ProviderAttempt {
  provider: string;
  outcome: 'answered' | 'skipped' | 'failed';
  reason?: string;
  ms: number;
}

/**
 * Parts that can arrive before the first token. They are held back until a token follows, so a
 * provider that fails right after opening a text block is replaced without anything shown.
 */
const PREAMBLE = new Set<LanguageModelV4StreamPart['type']>([
  'stream-start',
  'response-metadata',
  'raw',
  'text-start',
  'reasoning-start',
]);

/** Rejects when the signal aborts, so a provider that never sends anything cannot hang the chain. */
function untilAborted(signal: AbortSignal): Promise<never> {
  const aborted = new Promise<never>((_, reject) => {
    const fail = () =>
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  // The race may be long settled when the signal fires (a client leaving mid-answer).
  aborted.catch(() => {});
  return aborted;
}

/**
 * One LanguageModel over a chain of providers. A provider that is rate limited, failing (5xx),
 * unreachable or silent past its timeout BEFORE its first token is skipped for the next one;
 * once a token has arrived the answer belongs to that provider and a later error is surfaced,
 * because replaying half an answer elsewhere would duplicate text and tool calls. Later steps of
 * the same chat start at the provider that answered, so one conversation turn stays on one model.
 */
export class FallbackModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly provider = 'openpanel';
  readonly supportedUrls: Record<string, RegExp[]> = {};
  readonly attempts: ProviderAttempt[] = [];
  #answered: ChainLink | null = null;

  constructor(readonly links: ChainLink[]) {
    if (!links.length) throw new Error('FallbackModel needs at least one provider');
  }

  get modelId(): string {
    return (this.#answered ?? this.links[0]!).model.modelId;
  }

  /** The provider that produced the latest answer, for the message metadata. */
  get answeredBy(): { provider: string; model: string } | null {
    return this.#answered ? { provider: this.#answered.name, model: this.#answered.model.modelId } : null;
  }

  #order(): ChainLink[] {
    const start = this.#answered ? this.links.indexOf(this.#answered) : 0;
    return this.links.slice(Math.max(start, 0));
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const failures: { provider: string; reason: string }[] = [];
    for (const link of this.#order()) {
      const started = Date.now();
      const slot = link.limiter?.tryAcquire() ?? { release: () => {} };
      if ('refused' in slot) {
        this.#record(link, 'skipped', slot.refused, started, failures);
        continue;
      }
      const timeout = new AbortController();
      const timer = setTimeout(
        () => timeout.abort(new DOMException(`no first token within ${link.timeoutMs} ms`, 'TimeoutError')),
        link.timeoutMs,
      );
      const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, timeout.signal]) : timeout.signal;
      let reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart> | undefined;
      try {
        const result = await Promise.race([
          link.model.doStream({ ...options, abortSignal: signal }),
          untilAborted(signal),
        ]);
        reader = result.stream.getReader();
        const head: LanguageModelV4StreamPart[] = [];
        for (;;) {
          const next = await Promise.race([reader.read(), untilAborted(signal)]);
          if (next.done) break;
          if (next.value.type === 'error') throw next.value.error;
          head.push(next.value);
          if (!PREAMBLE.has(next.value.type)) break;
        }
        clearTimeout(timer);
        this.#answered = link;
        this.#record(link, 'answered', undefined, started);
        return { ...result, stream: replay(head, reader, slot.release) };
      } catch (err) {
        clearTimeout(timer);
        slot.release();
        void reader?.cancel().catch(() => {});
        if (options.abortSignal?.aborted) throw err;
        const reason = timeout.signal.aborted ? `sent no first token within ${link.timeoutMs} ms` : fallbackReason(err);
        if (!reason) throw err;
        this.#record(link, 'failed', reason, started, failures);
      }
    }
    throw new ProvidersUnavailableError(failures);
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const failures: { provider: string; reason: string }[] = [];
    for (const link of this.#order()) {
      const started = Date.now();
      const slot = link.limiter?.tryAcquire() ?? { release: () => {} };
      if ('refused' in slot) {
        this.#record(link, 'skipped', slot.refused, started, failures);
        continue;
      }
      const timeout = AbortSignal.timeout(link.timeoutMs);
      const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, timeout]) : timeout;
      try {
        const result = await Promise.race([
          link.model.doGenerate({ ...options, abortSignal: signal }),
          untilAborted(signal),
        ]);
        this.#answered = link;
        this.#record(link, 'answered', undefined, started);
        return result;
      } catch (err) {
        if (options.abortSignal?.aborted) throw err;
        const reason = timeout.aborted ? `did not answer within ${link.timeoutMs} ms` : fallbackReason(err);
        if (!reason) throw err;
        this.#record(link, 'failed', reason, started, failures);
      } finally {
        slot.release();
      }
    }
    throw new ProvidersUnavailableError(failures);
  }

  #record(
    link: ChainLink,
    outcome: ProviderAttempt['outcome'],
    reason: string | undefined,
    started: number,
    failures?: { provider: string; reason: string }[],
  ) {
    this.attempts.push({ provider: link.name, outcome, ...(reason ? { reason } : {}), ms: Date.now() - started });
    if (reason && failures) failures.push({ provider: link.name, reason });
  }
}

/** The parts already read, then the rest of the provider's stream; frees the slot at the end. */
function replay(
  head: LanguageModelV4StreamPart[],
  reader: ReadableStreamDefaultReader<LanguageModelV4StreamPart>,
  release: () => void,
): ReadableStream<LanguageModelV4StreamPart> {
  return new ReadableStream({
    start(controller) {
      for (const part of head) controller.enqueue(part);
    },
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          release();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (err) {
        release();
        controller.error(err);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}
