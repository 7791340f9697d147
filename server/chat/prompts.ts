import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Prompts are files in prompts/ so they are reviewed like code and edited without touching
 * TypeScript. They are read once per folder and kept: a running server answers with the prompts
 * it started with, and a missing file fails at start-up instead of mid-conversation.
 */
export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

/** The prompts the server cannot work without; others (mcp-*.md, say) load when present. */
const REQUIRED_PROMPTS = ['system', 'dockerfile', 'diagnose-deploy'] as const;
export type PromptName = (typeof REQUIRED_PROMPTS)[number] | (string & {});

const cache = new Map<string, ReadonlyMap<string, string>>();

export function loadPrompts(dir = PROMPTS_DIR): ReadonlyMap<string, string> {
  const cached = cache.get(dir);
  if (cached) return cached;
  const prompts = new Map<string, string>();
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.md') || file.toLowerCase() === 'readme.md') continue;
    prompts.set(file.slice(0, -3), fs.readFileSync(path.join(dir, file), 'utf8').trim());
  }
  const missing = REQUIRED_PROMPTS.filter((name) => !prompts.has(name));
  if (missing.length) throw new Error(`Missing prompt files in ${dir}: ${missing.map((m) => `${m}.md`).join(', ')}`);
  cache.set(dir, prompts);
  return prompts;
}

/**
 * A prompt with its `{{name}}` placeholders filled in. Unknown placeholders stay visible, so a
 * typo shows up in review rather than as a silently empty sentence.
 */
export function renderPrompt(name: PromptName, vars: Record<string, string> = {}, dir = PROMPTS_DIR): string {
  const text = loadPrompts(dir).get(name);
  if (text === undefined) throw new Error(`No prompt named ${name} in ${dir}`);
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => vars[key] ?? whole);
}
