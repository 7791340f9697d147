import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inheritedEnv } from '../server/env.ts';
import { createTestPanel, type TestPanel } from '../server/test/harness.ts';
import { resolveProviders } from '../server/providers/config.ts';
import { summarize, toMarkdown } from './report.ts';
import { loadScenarios, runSuite } from './suite.ts';
import { commandProvider } from './providers/command.ts';
import { scriptedProvider } from './providers/scripted.ts';
import { chatApiProvider } from './providers/chat-api.ts';
import type { Provider } from './providers/types.ts';

/**
 * npm run evals -- --provider command|scripted|gemini|groq|ollama [--repeat n] [--k k] [--category c] [--only id,id] [--out dir]
 * Runs every scenario the provider handles n times on a fresh in-process panel and writes
 * results.json and results.md (pass@1 and pass@k per scenario and category) to --out.
 */
const MODEL_PROVIDERS = ['gemini', 'groq', 'ollama'];
/** Provider settings a real model needs, handed to the panel's env (env.ts stays the only reader). */
const PROVIDER_ENV =
  /^(GOOGLE_GENERATIVE_AI_API_KEY|GROQ_API_KEY|OLLAMA_HOST|OPENPANEL_PROVIDERS|OPENPANEL_(GEMINI|GROQ|OLLAMA)_[A-Z_]+|OPENPANEL_PROVIDER_[A-Z_]+|OPENPANEL_CHAT_[A-Z_]+)$/;

const KEY_HINT: Record<string, string> = {
  gemini: 'GOOGLE_GENERATIVE_AI_API_KEY',
  groq: 'GROQ_API_KEY',
  ollama: 'OLLAMA_HOST (or OPENPANEL_PROVIDERS=ollama)',
};

/** A real provider must be configured, or every scenario would fail with the same refusal. */
async function assertConfigured(panel: TestPanel, name: string): Promise<void> {
  const setup = await resolveProviders(panel.ctx);
  if (!setup.order.includes(name as never))
    throw new Error(`The ${name} provider is not configured: set ${KEY_HINT[name]} in the environment.`);
}

function providerOf(name: string): Provider {
  if (name === 'command') return commandProvider;
  if (name === 'scripted') return scriptedProvider();
  if (MODEL_PROVIDERS.includes(name)) return chatApiProvider(name);
  throw new Error(`unknown provider "${name}"; expected command, scripted, ${MODEL_PROVIDERS.join(', ')}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      provider: { type: 'string', default: 'command' },
      repeat: { type: 'string', default: '1' },
      k: { type: 'string' },
      category: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string', default: path.join('evals', 'results') },
    },
  });
  const provider = providerOf(values.provider);
  const repeat = Number(values.repeat);
  const k = Number(values.k ?? values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat takes a whole number of at least 1');
  if (!Number.isInteger(k) || k < 1 || k > repeat)
    throw new Error(`--k takes a whole number from 1 to --repeat (${repeat})`);

  const scenarios = loadScenarios();
  const overrides = MODEL_PROVIDERS.includes(provider.name) ? inheritedEnv(PROVIDER_ENV) : {};
  const panel = await createTestPanel(overrides);
  if (MODEL_PROVIDERS.includes(provider.name))
    await assertConfigured(panel, provider.name).catch(async (err: unknown) => {
      await panel.close();
      throw err;
    });
  const startedAt = new Date();
  const started = performance.now();
  try {
    const results = await runSuite(panel, scenarios, {
      provider,
      repeat,
      category: values.category,
      ids: values.only?.split(','),
      onResult: (r) =>
        process.stderr.write(
          `${r.runs.every((x) => x.grade.pass) ? 'pass' : 'FAIL'} ${r.id} (${r.runs.filter((x) => x.grade.pass).length}/${r.runs.length})\n`,
        ),
    });
    const report = summarize(results, {
      provider: provider.name,
      repeat,
      k,
      startedAt,
      totalMs: performance.now() - started,
    });
    fs.mkdirSync(values.out, { recursive: true });
    fs.writeFileSync(
      path.join(values.out, `${provider.name}.json`),
      `${JSON.stringify({ ...report, runs: results }, null, 2)}\n`,
    );
    fs.writeFileSync(path.join(values.out, `${provider.name}.md`), toMarkdown(report, { perScenario: true }));
    process.stdout.write(toMarkdown(report));
  } finally {
    await panel.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
