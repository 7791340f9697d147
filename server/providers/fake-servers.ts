import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the cloud model APIs (the one thing tests cannot run for real), speaking
 * each provider's wire format on 127.0.0.1: Gemini generateContent / streamGenerateContent (SSE),
 * Groq's OpenAI-compatible chat completions (SSE), Ollama /api/chat (NDJSON) and the model lists.
 */
interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any; // wire JSON as sent; tests inspect it freely
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Reply = (req: RecordedRequest, res: http.ServerResponse) => void | Promise<void>;

export async function startFake(reply: Reply): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const recorded = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: raw ? JSON.parse(raw) : null,
    };
    requests.push(recorded);
    await reply(recorded, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: the connection is refused. */
export async function closedPortUrl(): Promise<string> {
  const fake = await startFake((_req, res) => void res.end());
  await fake.close();
  return fake.url;
}

export function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Server-sent events; `after` runs once they are written (to fail mid-stream, say). */
export async function sse(
  res: http.ServerResponse,
  events: unknown[],
  opts: { done?: boolean; after?: () => void } = {},
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of events) {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
    await new Promise((r) => setTimeout(r, 5));
  }
  if (opts.done) res.write('data: [DONE]\n\n');
  if (opts.after) opts.after();
  else res.end();
}

export function ndjson(res: http.ServerResponse, lines: unknown[]): void {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for (const line of lines) res.write(`${JSON.stringify(line)}\n`);
  res.end();
}

// Gemini (generativelanguage.googleapis.com/v1beta)
const geminiUsage = { promptTokenCount: 12, candidatesTokenCount: 4, totalTokenCount: 16 };
export const gemini = {
  text: (text: string) => [
    { candidates: [{ content: { role: 'model', parts: [{ text }] }, index: 0 }] },
    {
      candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: geminiUsage,
    },
  ],
  call: (name: string, args: Record<string, unknown>) => [
    {
      candidates: [
        { content: { role: 'model', parts: [{ functionCall: { name, args } }] }, finishReason: 'STOP', index: 0 },
      ],
      usageMetadata: geminiUsage,
    },
  ],
  error: (code: number, status: string) => ({ error: { code, message: `fake ${status}`, status } }),
  models: (names: string[]) => ({
    models: names.map((n) => ({ name: `models/${n}`, supportedGenerationMethods: ['generateContent'] })),
  }),
  /** Whether the request already carries a tool result (the second step of a tool loop). */
  hasToolResult: (body: any) => JSON.stringify(body?.contents ?? []).includes('"functionResponse"'),
};

// Groq (OpenAI-compatible, api.groq.com/openai/v1)
const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-fake',
  object: 'chat.completion.chunk',
  created: 1_700_000_000,
  model: 'fake',
  choices: [{ index: 0, delta, finish_reason: finish }],
  ...extra,
});
const groqUsage = { x_groq: { usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 } } };
export const groq = {
  text: (text: string) => [
    chunk({ role: 'assistant', content: '' }),
    chunk({ content: text }),
    chunk({}, 'stop', groqUsage),
  ],
  call: (name: string, args: Record<string, unknown>) => [
    chunk({
      role: 'assistant',
      content: null,
      tool_calls: [
        { index: 0, id: 'call_fake_1', type: 'function', function: { name, arguments: JSON.stringify(args) } },
      ],
    }),
    chunk({}, 'tool_calls', groqUsage),
  ],
  firstToken: (text: string) => [chunk({ role: 'assistant', content: text })],
  serverError: { error: { message: 'Internal server error', type: 'internal_server_error' } },
  models: (ids: string[]) => ({ object: 'list', data: ids.map((id) => ({ id, object: 'model', owned_by: 'fake' })) }),
  hasToolResult: (body: any) => (body?.messages ?? []).some((m: { role: string }) => m.role === 'tool'),
};

// Ollama (/api/chat NDJSON, /api/tags)
const ollamaLine = (message: Record<string, unknown>, done: boolean) => ({
  model: 'fake',
  created_at: new Date(0).toISOString(),
  message: { role: 'assistant', content: '', ...message },
  done,
  ...(done
    ? {
        done_reason: 'stop',
        total_duration: 1000,
        load_duration: 10,
        prompt_eval_count: 12,
        prompt_eval_duration: 100,
        eval_count: 4,
        eval_duration: 100,
      }
    : {}),
});
export const ollama = {
  text: (text: string) => [ollamaLine({ content: text }, false), ollamaLine({}, true)],
  call: (name: string, args: Record<string, unknown>) => [
    ollamaLine({ tool_calls: [{ function: { name, arguments: args } }] }, false),
    ollamaLine({}, true),
  ],
  tags: (names: string[]) => ({
    models: names.map((name) => ({
      name,
      model: name,
      modified_at: new Date(0).toISOString(),
      size: 1,
      digest: 'sha256:fake',
      details: {},
    })),
  }),
  hasToolResult: (body: any) => (body?.messages ?? []).some((m: { role: string }) => m.role === 'tool'),
};
