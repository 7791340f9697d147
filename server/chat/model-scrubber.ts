import { wrapLanguageModel, type LanguageModelMiddleware } from 'ai';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { scrubDeep } from '../crypto/scrub.ts';

/** The values to remove; a function when they are only known once the turn's decisions ran. */
export type SecretValues = readonly string[] | (() => readonly string[]);

function secretScrubber(secrets: SecretValues): LanguageModelMiddleware {
  return {
    specificationVersion: 'v4',
    transformParams: async ({ params }) => ({
      ...params,
      prompt: scrubDeep(params.prompt, typeof secrets === 'function' ? secrets() : secrets),
    }),
  };
}

export function withSecretScrubber(model: LanguageModelV4, secrets: SecretValues): LanguageModelV4 {
  return wrapLanguageModel({ model, middleware: secretScrubber(secrets) });
}
