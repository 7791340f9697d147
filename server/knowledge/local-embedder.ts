import type { Embedder } from './embedder.ts';
import { vectorNorm } from './vectors.ts';
import { EMBEDDING_DIMENSIONS } from '../db/schema/context-chunks.ts';

/**
 * The offline default: feature hashing, no model and no downloads. Word unigrams carry the
 * meaning, bigrams keep short phrases ("health check"), and character trigrams let related word
 * forms ("deploy", "deployment") and identifiers share dimensions. Each feature lands in one of
 * 768 dimensions with a hash-chosen sign, so collisions cancel out on average instead of piling
 * up. Term counts are damped (1 + ln tf) so one repeated word cannot dominate a passage.
 * It knows no synonyms; full-text search and fusion make up for much of that.
 */

/** Bump when features change: chunks are only compared with queries of the same embedder name. */
export const LOCAL_EMBEDDER_NAME = 'local-hash-v1';

const GROUP_WEIGHTS = { word: 1, bigram: 0.6, trigram: 0.5 } as const;

const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my of on or our should so ' +
    'that the their them then there these they this to too us was we were what when where which who why will with would you your'
  ).split(' '),
);

export function localEmbedder(): Embedder {
  return {
    name: LOCAL_EMBEDDER_NAME,
    dimensions: EMBEDDING_DIMENSIONS,
    embed: async (texts) => texts.map(hashEmbed),
  };
}

export function hashEmbed(text: string): number[] {
  const words = tokenize(text);
  const groups = {
    word: count(words),
    bigram: count(words.slice(1).map((w, i) => `${words[i]} ${w}`)),
    trigram: count(words.flatMap(trigrams)),
  };
  const out = new Float64Array(EMBEDDING_DIMENSIONS);
  for (const [group, counts] of Object.entries(groups) as [keyof typeof groups, Map<string, number>][]) {
    // Each group is normalized on its own first, so long texts (many trigrams) keep the balance.
    const vec = new Float64Array(EMBEDDING_DIMENSIONS);
    for (const [feature, tf] of counts) {
      const h = hash32(`${group}:${feature}`);
      const sign = hash32(`~${group}:${feature}`) & 1 ? 1 : -1;
      vec[h % EMBEDDING_DIMENSIONS]! += sign * (1 + Math.log(tf));
    }
    const norm = vectorNorm(vec);
    if (norm > 0) for (let i = 0; i < vec.length; i++) out[i]! += (GROUP_WEIGHTS[group] * vec[i]!) / norm;
  }
  const total = vectorNorm(out);
  // An empty or stop-word-only text gets a fixed unit vector rather than NaNs.
  if (total === 0) return Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => (i === 0 ? 1 : 0));
  return Array.from(out, (v) => v / total);
}

/** Lower-cased words and numbers without stop words, lightly stemmed. */
export function tokenize(text: string): string[] {
  const raw =
    text
      .toLowerCase()
      .normalize('NFKD')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return raw.filter((w) => !STOP_WORDS.has(w)).map(stem);
}

/** Just enough stemming for plurals and common verb forms; trigrams handle the rest. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function trigrams(word: string): string[] {
  const padded = `#${word}#`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

function count(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** FNV-1a with a murmur3 finalizer: fast, stable across runs and platforms. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
