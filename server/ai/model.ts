import type { AppContext } from '../context.ts';
import { providerModel, type ChatModelOverrides } from '../chat/model-chain.ts';
import type { FallbackModel } from '../providers/fallback.ts';

/**
 * The model behind the panel's AI features (deploy diagnosis, Dockerfile refinement): the
 * configured providers in fallback order, behind the secret scrubber and their limits, or null
 * when none is configured and the offline path answers. Apart from the chat's own seam, so a
 * scripted chat model is never asked a diagnosis question in the middle of its script.
 */
const AI_MODELS = Symbol('openpanel.aiModels');

/** The test seam: `withAiModels(ctx, { models: { gemini: mock } })` travels on the context. */
export const withAiModels = <C extends AppContext>(ctx: C, overrides: ChatModelOverrides): C =>
  ({ ...ctx, [AI_MODELS]: overrides }) as C;

export function aiModelFor(ctx: AppContext): Promise<FallbackModel | null> {
  return providerModel(ctx, undefined, (ctx as AppContext & { [AI_MODELS]?: ChatModelOverrides })[AI_MODELS]);
}
