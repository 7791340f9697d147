import type { EMBEDDING_DIMENSIONS } from '../db/schema/context-chunks.ts';
import { DomainError } from '../errors.ts';
import { localEmbedder } from './local-embedder.ts';
import { geminiEmbedder } from './gemini-embedder.ts';
import { ollamaEmbedder } from './ollama-embedder.ts';

/**
 * Turns text into 768-dimensional unit vectors. Vectors from different embedders live in
 * different spaces: every chunk stores the `name` of the embedder that made it, and queries are
 * only compared with chunks of the same name.
 */
export interface Embedder {
  /** Stable id stored with each chunk, e.g. `local-hash-v1`, `gemini:gemini-embedding-001`. */
  name: string;
  dimensions: typeof EMBEDDING_DIMENSIONS;
  /**
   * One vector per text, in order. `purpose` lets models that embed queries and documents
   * differently (Gemini task types, nomic prefixes) do so; others ignore it.
   */
  embed(texts: string[], opts?: { purpose?: EmbedPurpose; signal?: AbortSignal }): Promise<number[][]>;
}

type EmbedPurpose = 'document' | 'query';
type EmbedderKind = 'local' | 'gemini' | 'ollama';

/** The configuration the embedders read (a subset of Env, so tests can pass just this). */
export interface EmbedderSettings {
  OPENPANEL_EMBEDDER: EmbedderKind;
  OPENPANEL_EMBED_MODEL?: string | undefined;
  GOOGLE_GENERATIVE_AI_API_KEY?: string | undefined;
  OPENPANEL_GEMINI_BASE_URL?: string | undefined;
  OLLAMA_HOST?: string | undefined;
}

const DEFAULT_MODELS = { gemini: 'gemini-embedding-001', ollama: 'nomic-embed-text' } as const;

export function createEmbedder(settings: EmbedderSettings): Embedder {
  const model = settings.OPENPANEL_EMBED_MODEL;
  switch (settings.OPENPANEL_EMBEDDER) {
    case 'local':
      return localEmbedder();
    case 'gemini':
      if (!settings.GOOGLE_GENERATIVE_AI_API_KEY) {
        throw new DomainError(
          'invalid',
          'OPENPANEL_EMBEDDER is gemini but GOOGLE_GENERATIVE_AI_API_KEY is not set.',
          'Set the key, or use OPENPANEL_EMBEDDER=local.',
        );
      }
      return geminiEmbedder({
        apiKey: settings.GOOGLE_GENERATIVE_AI_API_KEY,
        baseURL: settings.OPENPANEL_GEMINI_BASE_URL,
        model: model ?? DEFAULT_MODELS.gemini,
      });
    case 'ollama':
      return ollamaEmbedder({ host: settings.OLLAMA_HOST, model: model ?? DEFAULT_MODELS.ollama });
  }
}
