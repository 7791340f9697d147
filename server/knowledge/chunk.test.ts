import { describe, expect, it } from 'vitest';
import { chunkText, MAX_CHUNK_CHARS } from './chunk.ts';

const words = (n: number, word = 'lorem') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

describe('chunkText', () => {
  it('cuts markdown at headings and keeps the heading path', () => {
    const md =
      '# Api\n\nIntro text.\n\n## Database\n\nPostgres 16.\n\n### Backups\n\nNightly.\n\n## Deploy\n\nWith the panel.\n';
    expect(chunkText(md, { format: 'markdown' })).toEqual([
      { section: 'Api', text: 'Intro text.' },
      { section: 'Api › Database', text: 'Postgres 16.' },
      { section: 'Api › Database › Backups', text: 'Nightly.' },
      { section: 'Api › Deploy', text: 'With the panel.' },
    ]);
  });

  it('does not take a # line inside a code fence for a heading', () => {
    const md = '## Setup\n\n```sh\n# install\nnpm ci\n```\n\nThen start it.';
    expect(chunkText(md, { format: 'markdown' })).toEqual([
      { section: 'Setup', text: '```sh\n# install\nnpm ci\n```\n\nThen start it.' },
    ]);
  });

  it('packs paragraphs up to the maximum, with a little overlap between neighbours', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => words(40, `p${i}w`));
    const chunks = chunkText(`## Long\n\n${paragraphs.join('\n\n')}`, { format: 'markdown' });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
    // Every paragraph survives whole in some chunk, and each chunk after the first starts with
    // the end of the one before it.
    for (const p of paragraphs) expect(chunks.some((c) => c.text.includes(p))).toBe(true);
    for (let i = 1; i < chunks.length; i++) {
      const head = chunks[i]!.text.split('\n\n')[0]!;
      expect(chunks[i - 1]!.text.endsWith(head)).toBe(true);
      expect(head.length).toBeLessThanOrEqual(100);
    }
  });

  it('splits a single huge paragraph at words, and text at lines', () => {
    const huge = chunkText(words(400), { format: 'markdown', overlapChars: 0 });
    expect(huge.length).toBeGreaterThan(3);
    expect(huge.every((c) => c.text.length <= MAX_CHUNK_CHARS && !c.text.startsWith(' '))).toBe(true);
    expect(huge.map((c) => c.text).join(' ')).toBe(words(400));

    const log = Array.from({ length: 100 }, (_, i) => `line ${i}: step output`).join('\n');
    const logChunks = chunkText(log, { format: 'text' });
    expect(logChunks.every((c) => c.section === '' && c.text.length <= MAX_CHUNK_CHARS)).toBe(true);
    expect(logChunks[0]!.text.startsWith('line 0: step output\nline 1:')).toBe(true);
    expect(logChunks.at(-1)!.text.endsWith('line 99: step output')).toBe(true);
  });

  it('caps the number of chunks per document and skips empty input', () => {
    expect(chunkText(words(5000), { format: 'text', maxChunks: 4 })).toHaveLength(4);
    expect(chunkText('\n\n  \n', { format: 'markdown' })).toEqual([]);
  });
});
