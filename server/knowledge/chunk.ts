/**
 * Splits documents into passages small enough to embed and to quote back to a model. Markdown is
 * cut at headings first and paragraphs second, so a passage stays about one thing; other text is
 * cut at line ends. Neighbouring passages share a little text so a fact split across the cut is
 * still found whole in one of them.
 */

export const MAX_CHUNK_CHARS = 800;
const OVERLAP_CHARS = 100;
/** A huge README or log must not flood the index; its start carries the most signal. */
const MAX_CHUNKS_PER_DOCUMENT = 16;

export interface TextChunk {
  /** The heading path inside a markdown document, e.g. `Deploying › Migrations`; empty elsewhere. */
  section: string;
  text: string;
}

export interface ChunkOptions {
  format: 'markdown' | 'text';
  maxChars?: number;
  overlapChars?: number;
  maxChunks?: number;
}

export function chunkText(input: string, opts: ChunkOptions): TextChunk[] {
  const max = opts.maxChars ?? MAX_CHUNK_CHARS;
  const overlap = Math.min(opts.overlapChars ?? OVERLAP_CHARS, Math.floor(max / 4));
  const text = input.replace(/\r\n?/g, '\n');
  const chunks: TextChunk[] = [];
  if (opts.format === 'markdown') {
    for (const section of splitSections(text)) {
      const paragraphs = section.body
        .split(/\n[ \t]*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      for (const piece of pack(paragraphs, '\n\n', max, overlap)) chunks.push({ section: section.path, text: piece });
    }
  } else {
    const lines = text
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== '');
    for (const piece of pack(lines, '\n', max, overlap)) chunks.push({ section: '', text: piece });
  }
  return chunks.slice(0, opts.maxChunks ?? MAX_CHUNKS_PER_DOCUMENT);
}

interface Section {
  path: string;
  body: string;
}

/** ATX headings (`## Title`) outside code fences start a section; the path keeps the parents. */
function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let body: string[] = [];
  let inFence = false;
  const flush = () => {
    const joined = body.join('\n').trim();
    if (joined) sections.push({ path: stack.map((h) => h.title).join(' › '), body: joined });
    body = [];
  };
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) {
      body.push(line);
      continue;
    }
    flush();
    const level = heading[1]!.length;
    while (stack.length && stack.at(-1)!.level >= level) stack.pop();
    stack.push({ level, title: heading[2]!.trim() });
  }
  flush();
  return sections;
}

/**
 * Greedily joins pieces up to `max` characters. A new chunk starts with the tail of the previous
 * one (at most `overlap` characters, cut at a word boundary) when it still fits.
 */
function pack(pieces: string[], joiner: string, max: number, overlap: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces.flatMap((p) => splitLong(p, max))) {
    const candidate = current ? `${current}${joiner}${piece}` : piece;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    out.push(current);
    const carried = tail(current, overlap);
    current = carried && carried.length + joiner.length + piece.length <= max ? `${carried}${joiner}${piece}` : piece;
  }
  if (current) out.push(current);
  return out;
}

/** A paragraph or line longer than max is cut at lines, then at words, then hard. */
function splitLong(piece: string, max: number): string[] {
  if (piece.length <= max) return [piece];
  const lines = piece.split('\n');
  if (lines.length > 1) return pack(lines, '\n', max, 0);
  const parts: string[] = [];
  let rest = piece;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const cut = space > max / 2 ? space : max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

function tail(text: string, size: number): string {
  if (size <= 0 || !text) return '';
  if (text.length <= size) return text;
  const start = text.length - size;
  const space = text.indexOf(' ', start);
  return (space === -1 || space > text.length - 10 ? text.slice(start) : text.slice(space + 1)).trim();
}
