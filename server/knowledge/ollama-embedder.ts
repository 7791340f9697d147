import { EMBEDDING_DIMENSIONS } from '../db/schema/context-chunks.ts';
import { DomainError } from '../errors.ts';
import type { Embedder } from './embedder.ts';
import { fitDimensions } from './vectors.ts';

export interface OllamaEmbedderOptions {
  /** OLLAMA_HOST as Ollama's own CLI reads it: `http://host:11434` or just `host:11434`. */
  host?: string | undefined;
  model: string;
  timeoutMs?: number;
}

const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
/** /api/embed takes a list; batches keep one request's body and latency reasonable. */
const BATCH = 32;

/**
 * Embeddings from a local Ollama (`POST /api/embed`). nomic-embed-text gives 768 dimensions as
 * the table expects; another model's vectors are truncated or zero-padded to 768 and
 * renormalized (see fitDimensions), so any embedding model works, some better than others.
 */
export function ollamaEmbedder(opts: OllamaEmbedderOptions): Embedder {
  const base = normalizeHost(opts.host ?? DEFAULT_OLLAMA_HOST);
  // nomic-embed-text was trained with these task prefixes and retrieves noticeably worse without.
  const nomic = /^nomic-embed-text/.test(opts.model);
  return {
    name: `ollama:${opts.model}`,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts, { purpose = 'document', signal } = {}) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const input = texts
          .slice(i, i + BATCH)
          .map((t) => (nomic ? `${purpose === 'query' ? 'search_query' : 'search_document'}: ${t}` : t));
        const vectors = await post(base, opts.model, input, signal, opts.timeoutMs ?? 120_000);
        out.push(...vectors.map((v) => fitDimensions(v)));
      }
      return out;
    },
  };
}

async function post(
  base: string,
  model: string,
  input: string[],
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<number[][]> {
  const url = `${base}/api/embed`;
  let res: Response;
  try {
    const timeout = AbortSignal.timeout(timeoutMs);
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, input, truncate: true }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new DomainError(
      'unavailable',
      `Ollama is not reachable at ${base} (${cause}).`,
      'Start Ollama (ollama serve) or set OLLAMA_HOST.',
    );
  }
  const text = await res.text();
  let body: { embeddings?: unknown; error?: string } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // reported below with the raw text
  }
  if (!res.ok) {
    const message = body.error ?? (text.slice(0, 200) || res.statusText);
    const missing = res.status === 404 || /not found/i.test(message);
    throw new DomainError(
      res.status >= 500 && !missing ? 'unavailable' : 'invalid',
      `Ollama could not embed with ${model} (HTTP ${res.status}): ${message}`,
      missing ? `Pull the model first: ollama pull ${model}` : undefined,
    );
  }
  const embeddings = body.embeddings;
  if (
    !Array.isArray(embeddings) ||
    embeddings.length !== input.length ||
    !embeddings.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number'))
  ) {
    throw new DomainError(
      'invalid',
      `Ollama at ${base} answered /api/embed without ${input.length} embeddings; is ${model} an embedding model?`,
    );
  }
  return embeddings as number[][];
}

function normalizeHost(host: string): string {
  const withScheme = /^https?:\/\//i.test(host) ? host : `http://${host}`;
  return withScheme.replace(/\/+$/, '');
}
