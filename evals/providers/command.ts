import { requestTool, type ToolCallResult } from '../../server/approvals/gate.ts';
import type { AppContext } from '../../server/context.ts';
import type { Caller } from '../../server/audit.ts';
import { DomainError } from '../../server/errors.ts';
import { parseCommand, resolveCommand } from '../../server/chat/command-mode.ts';
import { insertOwner } from '../seed.ts';
import type { RecordedCall, Transcript } from '../grade.ts';
import type { Provider } from './types.ts';

/** A tool call through the one gate, as the chat would make it; refusals become recorded values. */
async function requestAsChat(
  ctx: AppContext,
  caller: Caller,
  tool: string,
  input: Record<string, unknown>,
): Promise<{ call: RecordedCall; result?: ToolCallResult }> {
  try {
    const result = await requestTool(ctx, { tool, input, caller, via: 'chat' });
    return { call: { tool, input, status: result.status, output: result.text }, result };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { call: { tool, input, status: 'error', output: `${err.message}${err.hint ? ` ${err.hint}` : ''}` } };
  }
}

/**
 * Command mode, fully offline: parseCommand → resolveCommand → requestTool(via: 'chat'), the
 * same path the orchestrator takes when no model provider is configured. The reply is what a
 * person would read: the parser's answer, or the tool results.
 */
export const commandProvider: Provider = {
  name: 'command',
  handles: (s) => s.commandMode,
  owner: (panel) => insertOwner(panel.ctx),
  async run({ panel, caller, turns, afterTurn }) {
    const t: Transcript = { calls: [], replies: [], extraOutputs: [] };
    for (const turn of turns) {
      const parsed = await resolveCommand(panel.ctx, parseCommand(turn));
      if (parsed.kind === 'reply') t.replies.push(parsed.text);
      else {
        const texts: string[] = [];
        for (const c of parsed.calls) {
          const { call, result } = await requestAsChat(panel.ctx, caller, c.tool, c.input);
          t.calls.push(call);
          texts.push(call.output);
          if (result?.status === 'pending') t.extraOutputs.push(result.action.summary);
        }
        t.replies.push(texts.join('\n\n'));
      }
      await afterTurn();
    }
    return t;
  },
};
