import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR, loadPrompts, renderPrompt } from './prompts.ts';

describe('prompt files', () => {
  it('loads the prompts in prompts/ once, and fills placeholders', () => {
    const prompts = loadPrompts();
    expect([...prompts.keys()]).toEqual(expect.arrayContaining(['system', 'dockerfile', 'diagnose-deploy']));
    expect(prompts.has('README')).toBe(false);
    expect(loadPrompts()).toBe(prompts);
    const system = renderPrompt('system', { user: 'ada@example.com', role: 'operator', date: '2030-01-02' });
    expect(system).toContain('You help ada@example.com (role: operator)');
    expect(system).toContain('Today is 2030-01-02.');
    // The rules the product depends on are spelled out for the model.
    expect(system).toMatch(/Never retry a declined action/);
    expect(system).toMatch(/<untrusted-data>/);
    expect(system).toMatch(/never repeat, reveal, guess or summarize secret values/);
    expect(system).toMatch(/ask back before acting/);
    expect(renderPrompt('dockerfile')).toMatch(/```dockerfile/);
    expect(renderPrompt('diagnose-deploy')).toMatch(/What failed/);
  });

  it('keeps unknown placeholders visible and fails early when a required prompt is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
    try {
      for (const name of ['system', 'dockerfile'])
        fs.copyFileSync(path.join(PROMPTS_DIR, `${name}.md`), path.join(dir, `${name}.md`));
      expect(() => loadPrompts(dir)).toThrow(/Missing prompt files .*diagnose-deploy\.md/);
      fs.writeFileSync(path.join(dir, 'diagnose-deploy.md'), 'Hello {{nobody}}');
      expect(renderPrompt('diagnose-deploy', {}, dir)).toBe('Hello {{nobody}}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
