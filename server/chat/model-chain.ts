import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { resolveProviders, type ProviderName } from '../providers/config.ts';
import { createChatModel } from '../providers/models.ts';
import { FallbackModel, type ChainLink } from '../providers/fallback.ts';
import { limiterFor } from '../providers/limits.ts';
import { createCommandModel } from './command-model.ts';
import { collectSecretValues } from '../crypto/scrub.ts';
import { withSecretScrubber, type SecretValues } from './model-scrubber.ts';

export const PROVIDER_CHOICES = ['auto', 'command', 'gemini', 'groq', 'ollama'] as const;
export type ProviderChoice = (typeof PROVIDER_CHOICES)[number];

/**
 * The test seam: models to use in place of the real provider adapters, by provider name, so a
 * scripted MockLanguageModelV4 goes through the same chain, limits, scrubber and fallback as a
 * real provider. `order` defaults to the order of the keys.
 */
export interface ChatModelOverrides {
  models: Partial<Record<ProviderName, LanguageModelV4>>;
  order?: ProviderName[];
}

/**
 * The model for one chat turn: the configured providers in fallback order (each behind the
 * secret scrubber and its own limits), or command mode when none is configured or it was asked
 * for. A named provider is used alone, without fallback, because the user picked it.
 */
export async function chatModelFor(
  ctx: AppContext,
  choice: ProviderChoice,
  overrides?: ChatModelOverrides,
  secrets?: SecretValues,
): Promise<FallbackModel> {
  if (choice !== 'command') {
    const model = await providerModel(ctx, choice === 'auto' ? undefined : choice, overrides, secrets);
    if (model) return model;
    if (choice !== 'auto')
      throw new DomainError(
        'invalid',
        `The ${choice} provider is not configured.`,
        'See GET /api/providers, or choose "auto".',
      );
  }
  const setup = await resolveProviders(ctx);
  return new FallbackModel([
    { name: 'command', model: createCommandModel(ctx), timeoutMs: setup.providers.gemini.timeoutMs },
  ]);
}

/**
 * The configured providers as one model (fallback, limits, secret scrubber), or null when none
 * is configured. For the panel's other AI features (Dockerfile refinement, deploy diagnosis):
 * `generateText({ model, instructions: renderPrompt('dockerfile'), prompt })`.
 */
export async function providerModel(
  ctx: AppContext,
  only?: ProviderName,
  overrides?: ChatModelOverrides,
  knownSecrets?: SecretValues,
): Promise<FallbackModel | null> {
  const setup = await resolveProviders(ctx);
  const available: ProviderName[] = overrides
    ? (overrides.order ?? (Object.keys(overrides.models) as ProviderName[]))
    : setup.order;
  const names = only ? available.filter((n) => n === only) : available;
  if (!names.length) return null;
  const secrets = knownSecrets ?? (await collectSecretValues(ctx));
  const links = names.map((name): ChainLink => {
    const p = setup.providers[name];
    const model = overrides?.models[name] ?? createChatModel(p);
    return { name, model: withSecretScrubber(model, secrets), timeoutMs: p.timeoutMs, limiter: limiterFor(ctx, p) };
  });
  return new FallbackModel(links);
}
