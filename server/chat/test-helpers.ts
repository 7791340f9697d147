import { readUIMessageStream, type UIMessageChunk } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import type { LanguageModelV4CallOptions, LanguageModelV4Prompt, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createApp } from '../app.ts';
import { Client, type TestPanel } from '../test/harness.ts';
import { withChatOptions } from '../routes/chat.ts';
import type { ChatModelOverrides } from './model-chain.ts';
import type { ChatMessage } from './conversations.ts';

/** Test helpers for the chat: scripted models, a client whose app serves them, stream readers. */

const USAGE = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};

export function toolCallStep(calls: { tool: string; input: unknown; id?: string }[]): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    ...calls.map(
      (c, i): LanguageModelV4StreamPart => ({
        type: 'tool-call',
        toolCallId: c.id ?? `call-${i + 1}`,
        toolName: c.tool,
        input: JSON.stringify(c.input),
      }),
    ),
    { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage: USAGE },
  ];
}

export function textStep(text: string): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't1' },
    { type: 'text-delta', id: 't1', delta: text },
    { type: 'text-end', id: 't1' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: USAGE },
  ];
}

/**
 * A model that answers each call with the next scripted step (a function of the prompt it got)
 * and keeps every prompt it received in `doStreamCalls`.
 */
export function scriptedModel(
  steps: ((prompt: LanguageModelV4Prompt) => LanguageModelV4StreamPart[])[],
  modelId = 'scripted',
): MockLanguageModelV4 {
  let next = 0;
  return new MockLanguageModelV4({
    modelId,
    doStream: async (options: LanguageModelV4CallOptions) => {
      const step = steps[next++];
      if (!step) throw new Error(`the scripted model was called ${next} times but has only ${steps.length} steps`);
      const parts = step(options.prompt);
      return {
        stream: new ReadableStream({
          start: (c) => {
            for (const p of parts) c.enqueue(p);
            c.close();
          },
        }),
      };
    },
  });
}

/** The same signed-in client, talking to an app whose chat uses the given models. */
export function withModels(
  panel: TestPanel,
  client: Client,
  models?: ChatModelOverrides['models'],
  order?: ChatModelOverrides['order'],
): Client {
  const app = createApp(
    models ? withChatOptions(panel.ctx, { models: { models, ...(order ? { order } : {}) } }) : panel.ctx,
  );
  const copy = new Client({ ctx: panel.ctx, env: panel.env, app, reset: panel.reset, close: panel.close });
  copy.cookie = client.cookie;
  copy.csrf = client.csrf;
  copy.bearer = client.bearer;
  return copy;
}

export const userMessage = (text: string, id = `u-${Math.random().toString(36).slice(2)}`): ChatMessage => ({
  id,
  role: 'user',
  parts: [{ type: 'text', text }],
});

/** Reads an AI SDK UI message stream response (SSE) into its chunks. */
export async function readChunks(res: Response): Promise<UIMessageChunk[]> {
  const text = await res.text();
  return text
    .split('\n\n')
    .map((event) => event.replace(/^data: /, '').trim())
    .filter((data) => data && data !== '[DONE]')
    .map((data) => JSON.parse(data) as UIMessageChunk);
}

/** The assistant message a client (useChat) builds from the chunks, continuing `previous` if given. */
export async function messageFrom(chunks: UIMessageChunk[], previous?: ChatMessage): Promise<ChatMessage> {
  let last: ChatMessage | undefined;
  const stream = new ReadableStream<UIMessageChunk>({
    start: (c) => {
      for (const ch of chunks) c.enqueue(ch);
      c.close();
    },
  });
  for await (const message of readUIMessageStream<ChatMessage>({
    stream,
    ...(previous ? { message: structuredClone(previous) } : {}),
  }))
    last = message;
  if (!last) throw new Error('the stream held no message');
  return last;
}

type AnyToolPart = {
  type: string;
  toolCallId: string;
  state: string;
  input?: unknown;
  output?: unknown;
  approval?: Record<string, unknown>;
};

export const toolParts = (m: ChatMessage) =>
  m.parts.filter((p) => p.type.startsWith('tool-')) as unknown as AnyToolPart[];

/** What useChat's addToolApprovalResponse does to the message before sending it back. */
export function respond(message: ChatMessage, toolCallId: string, approved: boolean, reason?: string): ChatMessage {
  const copy = structuredClone(message);
  const part = toolParts(copy).find((p) => p.toolCallId === toolCallId);
  if (!part) throw new Error(`no tool part ${toolCallId}`);
  part.state = 'approval-responded';
  part.approval = { ...part.approval, approved, ...(reason ? { reason } : {}) };
  return copy;
}

/** Everything the model was sent, as one string, to search for leaks. */
export const promptsOf = (model: MockLanguageModelV4) => JSON.stringify(model.doStreamCalls.map((c) => c.prompt));
