/**
 * Pulls the Dockerfile out of a model's answer: the ```dockerfile block the prompt asks for,
 * else the first fenced block that starts like a Dockerfile, else the whole answer if it is one.
 * What is left outside the block is the model's note on what it changed.
 */
export interface ExtractedDockerfile {
  dockerfile: string;
  notes: string;
}

const FENCE = /(```|~~~)[ \t]*([\w.+-]*)[^\n]*\n([\s\S]*?)\n?\1/g;
/** Comments, parser directives and ARGs may come before the first FROM. */
const LOOKS_LIKE_DOCKERFILE = /^(?:\s*(?:#[^\n]*|ARG\s[^\n]*)?\n)*\s*FROM\s+\S+/i;

export function extractDockerfile(answer: string): ExtractedDockerfile | null {
  const blocks = [...answer.matchAll(FENCE)].map((m) => ({ whole: m[0], lang: m[2]!.toLowerCase(), body: m[3]! }));
  const chosen =
    blocks.find((b) => /^(docker(file)?|containerfile)$/.test(b.lang) && LOOKS_LIKE_DOCKERFILE.test(b.body)) ??
    blocks.find((b) => LOOKS_LIKE_DOCKERFILE.test(b.body));
  if (chosen)
    return {
      dockerfile: `${chosen.body.trim()}\n`,
      notes: answer
        .replace(chosen.whole, '')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    };
  if (!blocks.length && LOOKS_LIKE_DOCKERFILE.test(answer)) return { dockerfile: `${answer.trim()}\n`, notes: '' };
  return null;
}
