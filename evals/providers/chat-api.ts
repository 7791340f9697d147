import { randomUUID } from 'node:crypto';
import { type Client, setupOwner, type TestPanel } from '../../server/test/harness.ts';
import { ownerCaller } from '../seed.ts';
import type { RecordedCall, Transcript } from '../grade.ts';
import type { Provider } from './types.ts';

/** A UI message stream chunk (AI SDK data stream protocol); only the fields evals read. */
export interface StreamChunk {
  type: string;
  toolCallId?: string;
  toolName?: string;
  input?: unknown;
  output?: unknown;
  errorText?: string;
  delta?: string;
  data?: unknown;
  approvalDescriptor?: unknown;
}

/** Splits an SSE body into its JSON chunks (`data: {...}` events; `data: [DONE]` ends it). */
export function parseUIMessageStream(body: string): StreamChunk[] {
  const chunks: StreamChunk[] = [];
  for (const event of body.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trimStart())
      .join('\n');
    if (!data || data === '[DONE]') continue;
    chunks.push(JSON.parse(data) as StreamChunk);
  }
  return chunks;
}

const STATUSES = new Set(['done', 'failed', 'pending', 'denied']);
const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));

/** Tool calls, their approval state and outputs, the assistant text, and everything else shown. */
export function readChunks(chunks: StreamChunk[]): { calls: RecordedCall[]; text: string; shown: string[] } {
  const calls = new Map<string, RecordedCall>();
  const shown: string[] = [];
  let text = '';
  const call = (c: StreamChunk) => {
    const id = c.toolCallId ?? '';
    if (!calls.has(id)) calls.set(id, { tool: c.toolName ?? 'unknown', input: {}, status: 'done', output: '' });
    return calls.get(id)!;
  };
  for (const c of chunks) {
    if (c.type === 'tool-input-available')
      Object.assign(call(c), { tool: c.toolName ?? 'unknown', input: (c.input ?? {}) as Record<string, unknown> });
    else if (c.type === 'tool-input-error') Object.assign(call(c), { status: 'error', output: c.errorText ?? '' });
    else if (c.type === 'tool-approval-request') {
      call(c).status = 'pending';
      if (c.approvalDescriptor !== undefined) shown.push(asText(c.approvalDescriptor));
    } else if (c.type === 'tool-output-denied') call(c).status = 'denied';
    else if (c.type === 'tool-output-error') Object.assign(call(c), { status: 'failed', output: c.errorText ?? '' });
    else if (c.type === 'tool-output-available') {
      const rec = call(c);
      rec.output = asText(c.output);
      // The gate's answer ({status: 'pending', text, ...}) as the chat tools pass it through.
      const status = (c.output as { status?: unknown } | null)?.status;
      if (rec.status !== 'pending' && typeof status === 'string' && STATUSES.has(status))
        rec.status = status as RecordedCall['status'];
    } else if (c.type === 'text-delta') text += c.delta ?? '';
    else if (c.type === 'error') shown.push(c.errorText ?? '');
    else if (c.type.startsWith('data-')) shown.push(asText(c.data));
  }
  return { calls: [...calls.values()], text, shown };
}

/** The person chatting: the panel's owner, signed in with a session like the web UI. */
export async function chatOwner(panel: TestPanel): Promise<{ client: Client; caller: ReturnType<typeof ownerCaller> }> {
  const client = await setupOwner(panel);
  const me = (await (await client.get('/api/auth/me')).json()) as { user: { id: string; email: string } };
  return { client, caller: ownerCaller(me.user.id, me.user.email) };
}

/**
 * Talks to POST /api/chat in-process as the web UI does: one conversation, each user turn sent as
 * the new last message (the server keeps the history), the UI message stream read back.
 */
export async function converse(
  client: Client,
  turns: string[],
  provider: string,
  afterTurn: () => Promise<void>,
): Promise<Transcript> {
  const t: Transcript = { calls: [], replies: [], extraOutputs: [] };
  const id = randomUUID();
  for (const turn of turns) {
    const message = { id: randomUUID(), role: 'user', parts: [{ type: 'text', text: turn }] };
    const res = await client.post('/api/chat', { id, messages: [message], provider });
    const body = await res.text();
    if (res.status !== 200) {
      // A refusal before the stream (an empty message, say) is the panel's answer, not a crash.
      t.replies.push(body);
      await afterTurn();
      continue;
    }
    const { calls, text, shown } = readChunks(parseUIMessageStream(body));
    t.calls.push(...calls);
    t.replies.push(text);
    t.extraOutputs.push(...shown);
    await afterTurn();
  }
  return t;
}

/** A real model (gemini, groq or ollama) behind the real chat API; keys come from the panel's env. */
export function chatApiProvider(name: string): Provider {
  const clients = new WeakMap<TestPanel, Client>();
  return {
    name,
    handles: () => true,
    async owner(panel) {
      const { client, caller } = await chatOwner(panel);
      clients.set(panel, client);
      return caller;
    },
    async run({ panel, turns, afterTurn }) {
      const client = clients.get(panel);
      if (!client) throw new Error('owner() must run before run()');
      return converse(client, turns, name, afterTurn);
    },
  };
}
