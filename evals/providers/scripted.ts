import { simulateReadableStream } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { createApp } from '../../server/app.ts';
import { withChatOptions } from '../../server/routes/chat.ts';
import { Client, type TestPanel } from '../../server/test/harness.ts';
import type { ScriptStep } from '../schema.ts';
import { chatOwner, converse } from './chat-api.ts';
import type { Provider } from './types.ts';

const USAGE = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

/** The script cut into user turns: a step with text and no calls ends the model's turn. */
function segments(script: ScriptStep[]): ScriptStep[][] {
  const out: ScriptStep[][] = [[]];
  for (const step of script) {
    out.at(-1)!.push(step);
    if (!step.calls?.length) out.push([]);
  }
  return out.filter((s) => s.length);
}

/**
 * A model that replays a recorded turn: each call returns the next scripted step, tool calls or
 * text. A new user message starts the next turn of the script, so a turn that stopped early (a
 * write waits for approval, which ends the stream) does not shift the rest.
 */
function scriptedModel(script: ScriptStep[]): MockLanguageModelV4 {
  const turns = segments(script);
  let turn = -1;
  let step = 0;
  let callId = 0;
  return new MockLanguageModelV4({
    provider: 'evals',
    modelId: 'scripted',
    doStream: async ({ prompt }) => {
      if (prompt.at(-1)?.role === 'user' || turn < 0) {
        turn++;
        step = 0;
      }
      const next = turns[turn]?.[step++];
      const calls = (next?.calls ?? []).map((c) => ({
        type: 'tool-call' as const,
        toolCallId: `call-${++callId}`,
        toolName: c.tool,
        input: JSON.stringify(c.input),
      }));
      const text = next?.text ?? '';
      const id = `text-${callId}-${step}`;
      return {
        stream: simulateReadableStream({
          chunks: [
            ...(text
              ? [
                  { type: 'text-start' as const, id },
                  { type: 'text-delta' as const, id, delta: text },
                  { type: 'text-end' as const, id },
                ]
              : []),
            ...calls,
            {
              type: 'finish' as const,
              finishReason: { unified: calls.length ? ('tool-calls' as const) : ('stop' as const), raw: undefined },
              usage: USAGE,
            },
          ],
        }),
      };
    },
  });
}

/** Everything the model was shown (instructions, messages, tool results), after the secret scrubber. */
function promptSeen(model: MockLanguageModelV4): string[] {
  return model.doStreamCalls.flatMap((call) =>
    call.prompt.map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content))),
  );
}

/**
 * The model-facing path without a network: POST /api/chat on an app whose "gemini" is the
 * scripted model (the chat's own test seam), so the real chain runs around it: the secret
 * scrubber, tools from the registry, approval requests and cards, untrusted wrapping, storage.
 */
export function scriptedProvider(): Provider {
  const clients = new WeakMap<TestPanel, Client>();
  return {
    name: 'scripted',
    handles: (s) => s.script !== undefined,
    async owner(panel) {
      const { client, caller } = await chatOwner(panel);
      clients.set(panel, client);
      return caller;
    },
    async run({ panel, turns, script, afterTurn }) {
      const signedIn = clients.get(panel);
      if (!signedIn) throw new Error('owner() must run before run()');
      const model = scriptedModel(script ?? []);
      const app = createApp(withChatOptions(panel.ctx, { models: { models: { gemini: model } } }));
      const client = new Client({ ...panel, app } as TestPanel);
      client.cookie = signedIn.cookie;
      client.csrf = signedIn.csrf;
      const t = await converse(client, turns, 'gemini', afterTurn);
      t.extraOutputs.push(...promptSeen(model));
      return t;
    },
  };
}
