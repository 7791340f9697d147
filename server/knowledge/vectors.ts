import { EMBEDDING_DIMENSIONS } from '../db/schema/context-chunks.ts';
import { DomainError } from '../errors.ts';

/** Small vector helpers shared by the embedders and tests. */

export function vectorNorm(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  return Math.sqrt(sum);
}

/**
 * Brings a vector to exactly 768 dimensions and unit length. Longer vectors are truncated, which
 * suits Matryoshka-trained models (gemini-embedding-001, nomic v1.5) and loses some quality on
 * others; shorter ones are zero-padded, which keeps cosine similarity unchanged. Gemini below
 * 3072 dimensions is not normalized by the API, hence the renormalization for every provider.
 */
export function fitDimensions(vector: number[], dimensions: number = EMBEDDING_DIMENSIONS): number[] {
  const fitted =
    vector.length >= dimensions
      ? vector.slice(0, dimensions)
      : [...vector, ...new Array<number>(dimensions - vector.length).fill(0)];
  const norm = vectorNorm(fitted);
  if (!Number.isFinite(norm) || norm === 0)
    throw new DomainError('invalid', 'The embedding model returned an empty or invalid vector.');
  return fitted.map((x) => x / norm);
}

export function cosineSimilarity(a: number[], b: number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * (b[i] ?? 0);
  return dot / (vectorNorm(a) * vectorNorm(b));
}
