import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateText, tool, type UIMessageChunk } from 'ai';
import { z } from 'zod';
import { createTestPanel, setupOwner, userWithRole, type Client, type TestPanel } from '../test/harness.ts';
import { loadEnv } from '../env.ts';
import { readChunks, userMessage } from '../chat/test-helpers.ts';
import { providerModel } from '../chat/model-chain.ts';
import { resolveProviders } from './config.ts';
import { checkProviderSchema, formatProblems } from '../../tools/provider-schema.ts';
import {
  closedPortUrl,
  gemini,
  groq,
  json,
  ndjson,
  ollama,
  sse,
  startFake,
  type FakeServer,
  type Reply,
} from './fake-servers.ts';

/**
 * Each provider adapter, configured through the base-URL settings, against a local server that
 * speaks its wire format; the chat and the fallback chain on top are the real ones.
 */
const KEYS = { gemini: 'gemini-key-3c9e1f7a', groq: 'groq-key-8b2d6e4c' };
let panel: TestPanel;
let owner: Client;
const fakes: FakeServer[] = [];

beforeAll(async () => {
  panel = await createTestPanel({ OPENPANEL_PROVIDER_TIMEOUT_MS: '1500' });
});
afterAll(() => panel.close());
beforeEach(async () => {
  await panel.reset();
  owner = await setupOwner(panel);
  expect((await owner.post('/api/apps', { name: 'api', source: { type: 'image', image: 'nginx:1.27' } })).status).toBe(
    201,
  );
});
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fake(reply: Reply): Promise<FakeServer> {
  const server = await startFake(reply);
  fakes.push(server);
  return server;
}

type Name = 'gemini' | 'groq' | 'ollama';
/** Points providers at fakes through settings (which override the environment). */
async function configure(urls: Partial<Record<Name, string>>, order = Object.keys(urls)) {
  const put = async (key: string, value: string, secret = false) =>
    expect((await owner.put(`/api/settings/${key}`, { value, secret })).status).toBe(200);
  await put('providers.order', order.join(','));
  if (urls.gemini)
    await Promise.all([
      put('providers.gemini.api_key', KEYS.gemini, true),
      put('providers.gemini.base_url', `${urls.gemini}/v1beta`),
      put('providers.gemini.model', 'gemini-test'),
    ]);
  if (urls.groq)
    await Promise.all([
      put('providers.groq.api_key', KEYS.groq, true),
      put('providers.groq.base_url', `${urls.groq}/openai/v1`),
      put('providers.groq.model', 'llama-test'),
    ]);
  if (urls.ollama)
    await Promise.all([put('providers.ollama.base_url', urls.ollama), put('providers.ollama.model', 'llama-test')]);
}

const text = (chunks: UIMessageChunk[]) => chunks.flatMap((c) => (c.type === 'text-delta' ? [c.delta] : [])).join('');
const finishMeta = (chunks: UIMessageChunk[]) =>
  (chunks.find((c) => c.type === 'finish') as { messageMetadata?: Record<string, unknown> } | undefined)
    ?.messageMetadata;

async function chat(message: string) {
  const res = await owner.post('/api/chat', { messages: [userMessage(message)] });
  expect(res.status, await res.clone().text()).toBe(200);
  return readChunks(res);
}

/** The tool loop every provider must carry: call list_apps, then answer from its result. */
function expectToolLoop(chunks: UIMessageChunk[], provider: string, model: string) {
  expect(chunks.find((c) => c.type === 'tool-output-available')).toMatchObject({
    output: { status: 'done', text: expect.stringContaining('api') },
  });
  expect(text(chunks)).toBe('There is one app: api.');
  expect(finishMeta(chunks)).toMatchObject({ provider, model });
}

describe('provider adapters on their wire formats', () => {
  it('Gemini: streamGenerateContent (SSE) with a functionCall, then the answer', async () => {
    const server = await fake((req, res) => {
      if (!req.path.startsWith('/v1beta/models/gemini-test:streamGenerateContent?alt=sse'))
        return json(res, 404, gemini.error(404, 'NOT_FOUND'));
      return sse(
        res,
        gemini.hasToolResult(req.body) ? gemini.text('There is one app: api.') : gemini.call('list_apps', {}),
      );
    });
    await configure({ gemini: server.url });
    expectToolLoop(await chat('which apps do I have?'), 'gemini', 'gemini-test');

    const [first, second] = server.requests;
    expect(first!.headers['x-goog-api-key']).toBe(KEYS.gemini);
    expect(JSON.stringify(first!.body.systemInstruction)).toContain('OpenPanel assistant');
    const declared = first!.body.tools[0].functionDeclarations.map((f: { name: string }) => f.name);
    expect(declared).toEqual(expect.arrayContaining(['list_apps', 'deploy_app', 'set_env_vars']));
    // What the adapter really sends stays inside the subset Gemini accepts (see tools/provider-schema.ts).
    for (const f of first!.body.tools[0].functionDeclarations)
      expect(formatProblems(checkProviderSchema(f.parametersJsonSchema)), f.name).toBe('');
    expect(JSON.stringify(second!.body.contents)).toMatch(/"functionResponse".*api/);
  });

  it('Gemini: generateContent for one-shot calls, including a functionCall part', async () => {
    const server = await fake((_req, res) =>
      json(res, 200, {
        candidates: [
          {
            content: {
              role: 'model',
              parts: [{ text: 'Use node:22-slim.' }, { functionCall: { name: 'lookup', args: { image: 'node' } } }],
            },
            finishReason: 'STOP',
            index: 0,
          },
        ],
        usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 3, totalTokenCount: 6 },
      }),
    );
    await configure({ gemini: server.url });
    const model = (await providerModel(panel.ctx))!;
    const result = await generateText({
      model,
      prompt: 'Which base image?',
      tools: { lookup: tool({ inputSchema: z.object({ image: z.string() }) }) },
      maxRetries: 0,
    });
    expect(result.text).toBe('Use node:22-slim.');
    expect(result.toolCalls).toEqual([expect.objectContaining({ toolName: 'lookup', input: { image: 'node' } })]);
    expect(server.requests[0]!.path).toBe('/v1beta/models/gemini-test:generateContent');
    expect(model.answeredBy).toEqual({ provider: 'gemini', model: 'gemini-test' });
  });

  it('Groq: OpenAI-compatible chat completions with tools, streamed as SSE', async () => {
    const server = await fake((req, res) => {
      if (req.path !== '/openai/v1/chat/completions') return json(res, 404, {});
      return sse(res, groq.hasToolResult(req.body) ? groq.text('There is one app: api.') : groq.call('list_apps', {}), {
        done: true,
      });
    });
    await configure({ groq: server.url });
    expectToolLoop(await chat('which apps do I have?'), 'groq', 'llama-test');

    const [first, second] = server.requests;
    expect(first!.headers.authorization).toBe(`Bearer ${KEYS.groq}`);
    expect(first!.body).toMatchObject({ model: 'llama-test', stream: true });
    expect(first!.body.messages[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('OpenPanel assistant'),
    });
    expect(first!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(
      expect.arrayContaining(['list_apps', 'deploy_app']),
    );
    for (const t of first!.body.tools)
      expect(formatProblems(checkProviderSchema(t.function.parameters)), t.function.name).toBe('');
    expect(second!.body.messages.find((m: { role: string }) => m.role === 'tool')).toMatchObject({
      tool_call_id: 'call_fake_1',
      content: expect.stringContaining('api'),
    });
  });

  it('Ollama: /api/chat streaming NDJSON with tool_calls', async () => {
    const server = await fake((req, res) => {
      if (req.path !== '/api/chat') return json(res, 404, { error: 'not found' });
      return ndjson(
        res,
        ollama.hasToolResult(req.body) ? ollama.text('There is one app: api.') : ollama.call('list_apps', {}),
      );
    });
    await configure({ ollama: server.url });
    expectToolLoop(await chat('which apps do I have?'), 'ollama', 'llama-test');

    const [first, second] = server.requests;
    expect(first!.body).toMatchObject({ model: 'llama-test', stream: true });
    expect(first!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(
      expect.arrayContaining(['list_apps', 'deploy_app']),
    );
    expect(second!.body.messages.find((m: { role: string }) => m.role === 'tool')).toMatchObject({
      content: expect.stringContaining('api'),
    });
  });
});

describe('fallback before the first token, and not after', () => {
  const groqAnswering = () => fake((_req, res) => sse(res, groq.text('Groq here.'), { done: true }));

  it('moves from a rate-limited Gemini (429) to Groq, and says Groq answered', async () => {
    const limited = await fake((_req, res) => json(res, 429, gemini.error(429, 'RESOURCE_EXHAUSTED')));
    const backup = await groqAnswering();
    await configure({ gemini: limited.url, groq: backup.url });
    const chunks = await chat('hello');
    expect(text(chunks)).toBe('Groq here.');
    expect(finishMeta(chunks)).toMatchObject({ provider: 'groq', model: 'llama-test' });
    expect(limited.requests).toHaveLength(1);
  });

  it('moves on from a refused connection and from a provider that stays silent past its timeout', async () => {
    const backup = await groqAnswering();
    await configure({ gemini: await closedPortUrl(), groq: backup.url });
    expect(finishMeta(await chat('hello'))).toMatchObject({ provider: 'groq' });

    const silent = await fake(() => {}); // accepts the request, never answers
    await configure({ gemini: silent.url, groq: backup.url });
    const started = Date.now();
    const chunks = await chat('hello');
    expect(finishMeta(chunks)).toMatchObject({ provider: 'groq' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(silent.requests).toHaveLength(1);
  });

  it('surfaces a server error after the first token instead of starting over elsewhere', async () => {
    const flaky = await fake((_req, res) => sse(res, [...groq.firstToken('The apps are'), groq.serverError]));
    const backup = await fake((_req, res) => ndjson(res, ollama.text('Ollama here.')));
    await configure({ groq: flaky.url, ollama: backup.url });
    const chunks = await chat('hello');
    expect(text(chunks)).toBe('The apps are');
    expect(chunks.find((c) => c.type === 'error')).toMatchObject({
      errorText: expect.stringMatching(/^The groq model failed/),
    });
    expect(backup.requests).toHaveLength(0);
  });

  it('names every provider it tried when none answers', async () => {
    const limited = await fake((_req, res) => json(res, 429, gemini.error(429, 'RESOURCE_EXHAUSTED')));
    await configure({ gemini: limited.url, groq: await closedPortUrl() });
    const chunks = await chat('hello');
    expect(chunks.find((c) => c.type === 'error')).toMatchObject({
      errorText: expect.stringMatching(
        /No model provider answered: gemini rate limited \(429\); groq connection failed/,
      ),
    });
  });
});

describe('GET /api/providers', () => {
  it('shows which providers are configured and healthy, never their keys, to admins only', async () => {
    const g = await fake((req, res) =>
      req.path.startsWith('/v1beta/models')
        ? json(res, 200, gemini.models(['gemini-test', 'gemini-other']))
        : json(res, 404, {}),
    );
    const q = await fake((req, res) =>
      req.path === '/openai/v1/models' ? json(res, 200, groq.models(['llama-test'])) : json(res, 404, {}),
    );
    await configure({ gemini: g.url, groq: q.url, ollama: await closedPortUrl() }, ['groq', 'gemini', 'ollama']);

    const res = await owner.get('/api/providers');
    expect(res.status).toBe(200);
    const raw = await res.text();
    for (const key of Object.values(KEYS)) expect(raw).not.toContain(key);
    const body = JSON.parse(raw);
    expect(body).toMatchObject({ order: ['groq', 'gemini', 'ollama'], mode: 'providers' });
    const byName = Object.fromEntries(body.providers.map((p: { name: string }) => [p.name, p]));
    expect(byName.gemini).toMatchObject({
      configured: true,
      apiKey: { set: true, source: 'settings' },
      models: { chat: 'gemini-test', embedding: 'gemini-embedding-001' },
      health: { ok: true, models: 2, chatModelListed: true },
    });
    expect(byName.groq).toMatchObject({ configured: true, health: { ok: true, chatModelListed: true } });
    expect(byName.ollama).toMatchObject({
      configured: true,
      apiKey: { set: false },
      health: { ok: false, error: expect.stringMatching(/connection failed/) },
    });
    expect(g.requests[0]!.headers['x-goog-api-key']).toBe(KEYS.gemini);
    expect(q.requests[0]!.headers.authorization).toBe(`Bearer ${KEYS.groq}`);

    expect(
      (await (await owner.get('/api/providers?check=false')).json()).providers.every(
        (p: { health: unknown }) => p.health === null,
      ),
    ).toBe(true);
    const operator = await userWithRole(panel, owner, 'operator');
    expect((await operator.get('/api/providers')).status).toBe(403);
  });

  it('checks Ollama through /api/tags and reports command mode when nothing is configured', async () => {
    expect(await (await owner.get('/api/providers')).json()).toMatchObject({ order: [], mode: 'command' });
    const o = await fake((req, res) =>
      req.path === '/api/tags' ? json(res, 200, ollama.tags(['llama-test:latest'])) : json(res, 404, {}),
    );
    await configure({ ollama: o.url });
    const body = await (await owner.get('/api/providers')).json();
    expect(body.providers.find((p: { name: string }) => p.name === 'ollama')).toMatchObject({
      health: { ok: true, chatModelListed: true },
    });
  });
});

describe('provider configuration', () => {
  it('reads the environment, and settings override it', async () => {
    const env = loadEnv({
      DATABASE_URL: 'memory://',
      GOOGLE_GENERATIVE_AI_API_KEY: 'env-key',
      OPENPANEL_PROVIDERS: 'groq,gemini',
      OLLAMA_HOST: '127.0.0.1:11434',
      OPENPANEL_GROQ_MODEL: 'env-groq-model',
    });
    const ctx = { ...panel.ctx, env };
    let setup = await resolveProviders(ctx);
    expect(setup.order).toEqual(['gemini']); // groq has no key; ollama is not in the order
    expect(setup.providers.gemini).toMatchObject({
      apiKey: 'env-key',
      apiKeySource: 'env',
      baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    });
    expect(setup.providers.ollama).toMatchObject({ configured: true, baseUrl: 'http://127.0.0.1:11434' });

    expect(
      (await owner.put('/api/settings/providers.groq.api_key', { value: 'settings-key', secret: true })).status,
    ).toBe(200);
    expect((await owner.put('/api/settings/providers.groq.model', { value: 'settings-groq-model' })).status).toBe(200);
    setup = await resolveProviders(ctx);
    expect(setup.order).toEqual(['groq', 'gemini']);
    expect(setup.providers.groq).toMatchObject({
      apiKey: 'settings-key',
      apiKeySource: 'settings',
      models: { chat: 'settings-groq-model', embedding: null },
    });
  });

  it('refuses a named provider that is not configured', async () => {
    const res = await owner.post('/api/chat', { messages: [userMessage('hi')], provider: 'groq' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/The groq provider is not configured/);
  });
});
