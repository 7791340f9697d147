/**
 * Chat server time, in-process through the real Hono app: a 200-turn command-mode conversation
 * (first 10 vs last 10 turns), turns with a mock model (`MockLanguageModelV4`, no network), and
 * approve → running for an approved action (an agent's create_project, approved by the owner).
 *
 *   npm run bench:chat [-- --turns 200]
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { MockLanguageModelV4 } from 'ai/test';
import { Client, createTestPanel, createToken, setupOwner } from '../server/test/harness.ts';
import { readChunks, textStep, userMessage, withModels } from '../server/chat/test-helpers.ts';
import { actions } from '../server/db/schema/actions.ts';
import { check, percentile, ratio, round, runBench } from './lib/common.ts';
import { seedApps } from './lib/seed.ts';

const { values } = parseArgs({ options: { turns: { type: 'string', default: '200' } } });
const TURNS = Number(values.turns);
const COMMANDS = ['list apps', 'list projects', 'show app bench-0001', 'help'];

/** One turn: the POST until the whole stream has been read, as the server produced it. */
async function turn(client: Client, id: string | undefined, text: string): Promise<{ ms: number; id: string }> {
  const t0 = performance.now();
  const res = await client.post('/api/chat', { ...(id ? { id } : {}), messages: [userMessage(text)] });
  if (res.status !== 200) throw new Error(`chat turn "${text}" failed: ${res.status} ${await res.text()}`);
  const chunks = await readChunks(res);
  const ms = performance.now() - t0;
  if (!chunks.some((c) => c.type === 'finish')) throw new Error(`chat turn "${text}" did not finish`);
  return { ms, id: id ?? res.headers.get('x-conversation-id')! };
}

const stats = (ms: number[]) => ({ p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), n: ms.length });

runBench('chat', 'chat turn server time and approve → running', async (log) => {
  const panel = await createTestPanel();
  try {
    const owner = await setupOwner(panel);
    await seedApps(panel.ctx, { count: 10, secrets: 2 });

    // Warm-up in a conversation of its own (JIT, first queries), then command mode in one long conversation.
    let warm: string | undefined;
    for (const c of COMMANDS) warm = (await turn(owner, warm, c)).id;
    let id: string | undefined;
    const command: number[] = [];
    for (let i = 0; i < TURNS; i++) {
      const r = await turn(owner, id, COMMANDS[i % COMMANDS.length]!);
      id = r.id;
      command.push(r.ms);
      if ((i + 1) % 50 === 0)
        log(`  command mode: ${i + 1} turns, last 10 p50 ${round(percentile(command.slice(-10), 50))} ms`);
    }
    const first10 = stats(command.slice(0, 10));
    const last10 = stats(command.slice(-10));
    log(
      `command mode, ${TURNS} turns: p50 ${round(percentile(command, 50))} ms; first 10 p50 ${first10.p50} ms, last 10 p50 ${last10.p50} ms (${ratio(last10.p50, first10.p50)}x)`,
    );

    // A mock model that answers every call with a short text: the turn's overhead without a network.
    const model = new MockLanguageModelV4({
      modelId: 'bench',
      doStream: async () => ({
        stream: new ReadableStream({
          start: (c) => {
            for (const p of textStep('Done.')) c.enqueue(p);
            c.close();
          },
        }),
      }),
    });
    const modelClient = withModels(panel, owner, { gemini: model });
    let mid: string | undefined;
    const mock: number[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await turn(modelClient, mid, `question ${i}`);
      mid = r.id;
      mock.push(r.ms);
    }
    const mockStats = stats(mock.slice(5));
    log(`mock model, 50 turns (first 5 not counted): p50 ${mockStats.p50} ms, p95 ${mockStats.p95} ms`);

    // Approve → running: the agent's write waits; the owner approves; the action's started_at says when it ran.
    const agent = Client.withToken(
      panel,
      await createToken(owner, { name: 'bench', kind: 'agent', scopes: ['read', 'write'] }),
    );
    const toRunning: number[] = [];
    const approveCall: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await agent.post('/api/tools/create_project', { name: `bench-project-${i}` });
      const body = (await res.json()) as { status: string; action?: { id: string } };
      if (body.status !== 'pending') throw new Error(`expected a pending action, got ${JSON.stringify(body)}`);
      const t0 = Date.now();
      const p0 = performance.now();
      const approve = await owner.post(`/api/actions/${body.action!.id}/approve`, {});
      if (approve.status !== 200) throw new Error(`approve failed: ${approve.status} ${await approve.text()}`);
      approveCall.push(performance.now() - p0);
      const [row] = await panel.ctx.db.select().from(actions).where(eq(actions.id, body.action!.id));
      if (!row?.startedAt) throw new Error(`the approved action ${row?.id} never started (${row?.status})`);
      toRunning.push(row.startedAt.getTime() - t0);
    }
    const running = stats(toRunning.slice(3));
    const approveStats = stats(approveCall.slice(3));
    log(
      `approve → running: p50 ${running.p50} ms (started_at, ms resolution); approve request p50 ${approveStats.p50} ms`,
    );

    return {
      checks: [
        check('command-mode turn p50 (all turns)', percentile(command, 50), 'ms', '<=', 15),
        check('command-mode turn p50, last 10 turns', last10.p50, 'ms', '<=', 15),
        check('flat: last 10 / first 10 p50', ratio(last10.p50, first10.p50), 'x', '<=', 1.5, '1.5x (flat)'),
        check('approve → running p50', running.p50, 'ms', '<=', 20),
      ],
      data: {
        turns: TURNS,
        command: { all: stats(command), first10, last10, perTurnMs: command.map((m) => round(m, 1)) },
        mockModel: mockStats,
        approveToRunning: running,
        approveRequest: approveStats,
      },
    };
  } finally {
    await panel.close();
  }
});
