import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { APICallError, RetryError, embedMany } from 'ai';
import { EMBEDDING_DIMENSIONS } from '../db/schema/context-chunks.ts';
import { DomainError } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import { fitDimensions } from './vectors.ts';

export interface GeminiEmbedderOptions {
  /** Passed explicitly: the provider would otherwise read process.env on its own. */
  apiKey: string;
  /** Default https://generativelanguage.googleapis.com/v1beta (a proxy or a test server otherwise). */
  baseURL?: string | undefined;
  model: string;
  /** Retries on 429 and 5xx inside the AI SDK; the job queue retries outages on top. */
  maxRetries?: number;
}

/**
 * Gemini embeddings through the AI SDK provider (`models/<id>:batchEmbedContents`, or
 * `:embedContent` for a single text), asked for 768 dimensions. Task types tell Gemini whether a
 * text is a passage or a question, which measurably helps retrieval.
 */
export function geminiEmbedder(opts: GeminiEmbedderOptions): Embedder {
  const provider = createGoogleGenerativeAI({
    apiKey: opts.apiKey,
    ...(opts.baseURL ? { baseURL: opts.baseURL.replace(/\/+$/, '') } : {}),
  });
  const model = provider.embeddingModel(opts.model);
  return {
    name: `gemini:${opts.model}`,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts, { purpose = 'document', signal } = {}) {
      if (!texts.length) return [];
      try {
        const { embeddings } = await embedMany({
          model,
          values: texts,
          maxRetries: opts.maxRetries ?? 2,
          abortSignal: signal,
          providerOptions: {
            google: {
              outputDimensionality: EMBEDDING_DIMENSIONS,
              taskType: purpose === 'query' ? 'RETRIEVAL_QUERY' : 'RETRIEVAL_DOCUMENT',
            },
          },
        });
        if (embeddings.length !== texts.length)
          throw new DomainError(
            'invalid',
            `Gemini returned ${embeddings.length} embeddings for ${texts.length} texts.`,
          );
        return embeddings.map((v) => fitDimensions(v));
      } catch (err) {
        throw geminiError(err, opts.model);
      }
    },
  };
}

/** A message a person can act on: bad key, unknown model, quota, or Gemini unreachable. */
function geminiError(err: unknown, model: string): unknown {
  if (err instanceof DomainError) return err;
  const last = RetryError.isInstance(err) ? err.lastError : err;
  if (APICallError.isInstance(last)) {
    const status = last.statusCode;
    const detail = `Gemini embeddings with ${model} failed${status ? ` (HTTP ${status})` : ''}: ${apiMessage(last)}`;
    if (status === 429 || status === undefined || status >= 500)
      return new DomainError(
        'unavailable',
        detail,
        'It is retried later; check the quota of the API key if it persists.',
      );
    return new DomainError(
      'invalid',
      detail,
      status === 400 || status === 403 || status === 401
        ? 'Check GOOGLE_GENERATIVE_AI_API_KEY and OPENPANEL_EMBED_MODEL.'
        : undefined,
    );
  }
  return new DomainError(
    'unavailable',
    `Gemini embeddings with ${model} failed: ${(last as Error)?.message ?? String(last)}`,
  );
}

function apiMessage(err: APICallError): string {
  const body = err.data as { error?: { message?: string } } | undefined;
  return body?.error?.message ?? err.message;
}
