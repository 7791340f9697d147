import type { LanguageModelV4CallOptions, LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';

/** A model answer as a provider would return it. */
function textResult(text: string): LanguageModelV4GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 50, text: 50, reasoning: 0 },
    },
    warnings: [],
  };
}

/** A mock model that answers with `answers` in turn (the last one repeats) and records every prompt. */
export function scriptedModel(...answers: string[]): MockLanguageModelV4 {
  let call = 0;
  return new MockLanguageModelV4({
    doGenerate: async () => textResult(answers[Math.min(call++, answers.length - 1)]!),
  });
}

/** Everything a call sent to the model, as one text: system prompt, then each message. */
export function promptText(call: LanguageModelV4CallOptions): string {
  return call.prompt
    .map(
      (m) =>
        `[${m.role}]\n${typeof m.content === 'string' ? m.content : m.content.map((p) => ('text' in p ? p.text : `<${p.type}>`)).join('\n')}`,
    )
    .join('\n\n');
}

/** The part of `text` inside the untrusted-data block whose source contains `source`. */
export function untrustedBlock(text: string, source: string): string | undefined {
  const start = text.indexOf(`<untrusted-data source="${source}`);
  if (start === -1) return undefined;
  const end = text.indexOf('</untrusted-data>', start);
  return end === -1 ? undefined : text.slice(start, end);
}

/** A mock model that answers from the prompt it was sent (as one text), recording every call. */
export function promptedModel(answer: (prompt: string) => string): MockLanguageModelV4 {
  return new MockLanguageModelV4({ doGenerate: async (call) => textResult(answer(promptText(call))) });
}

/** A mock provider that is down: every call fails with an HTTP status the fallback chain treats as an outage. */
export function failingModel(status = 503): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async () => {
      throw Object.assign(new Error('upstream exploded'), { statusCode: status });
    },
  });
}
