import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestPanel, type TestPanel } from '../server/test/harness.ts';
import { runTool } from '../server/approvals/gate.ts';
import type { AppContext } from '../server/context.ts';
import { defineTool, type ToolDefinition } from './define.ts';
import { findTool, tools } from './registry.ts';

/**
 * Every tool's result shape and MCP hints. The schemas are checked against real results by the
 * tests that run the tools (the gate and their helpers assert them); this file holds the rules
 * about the declarations themselves and the drift check.
 */

const hintsOf = (name: string) => {
  const tool = findTool(name);
  if (!tool) throw new Error(`no tool ${name}`);
  return tool.hints;
};

/** Paths in a JSON Schema that accept anything (`{}`, what z.unknown() gives). */
function freeForm(schema: unknown, path = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const keys = Object.keys(s).filter((k) => k !== 'description' && k !== 'id');
  if (!keys.length) return [path || '(root)'];
  const out: string[] = [];
  for (const [key, value] of Object.entries(s.properties ?? {})) out.push(...freeForm(value, `${path}.${key}`));
  if (s.items) out.push(...freeForm(s.items, `${path}[]`));
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const)
    for (const branch of (s[k] as unknown[] | undefined) ?? []) out.push(...freeForm(branch, path));
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    out.push(...freeForm(s.additionalProperties, `${path}{}`));
  return out;
}

describe('tool outputs and hints', () => {
  it.each(tools.map((t) => [t.name, t] as const))('%s declares an object output and all three hints', (_, tool) => {
    expect(tool.output).toBeInstanceOf(z.ZodObject);
    // MCP's structuredContent must be an object, and outputSchema must be representable.
    const json = z.toJSONSchema(tool.output, { io: 'input' }) as { type?: string };
    expect(json.type).toBe('object');
    expect(Object.keys(tool.hints).sort()).toEqual(['destructive', 'idempotent', 'openWorld']);
    for (const value of Object.values(tool.hints)) expect(typeof value).toBe('boolean');
  });

  it('leaves shapes open only where the data is free-form by nature (an action input or a tool result)', () => {
    const open = tools.flatMap((t) =>
      freeForm(z.toJSONSchema(t.output, { io: 'input', unrepresentable: 'any' })).map((p) => `${t.name}${p}`),
    );
    const allowed = /\.actions?(\[\])?\.(input|result\.data)$/;
    expect(open.filter((p) => !allowed.test(p))).toEqual([]);
  });

  it('marks reads as safe to repeat and changing nothing', () => {
    for (const tool of tools.filter((t) => t.risk === 'read')) {
      expect(tool.hints, tool.name).toMatchObject({ idempotent: true, destructive: false });
    }
    expect(hintsOf('search_context').openWorld).toBe(false);
    expect(hintsOf('get_app').openWorld).toBe(false);
  });

  it('marks every destructive-risk tool destructive, and says so for writes that lose data too', () => {
    for (const tool of tools.filter((t) => t.risk === 'destructive'))
      expect(tool.hints.destructive, tool.name).toBe(true);
    for (const name of ['delete_app', 'delete_backup', 'restore_backup', 'remove_domain'])
      expect(hintsOf(name).destructive, name).toBe(true);
    // Values nobody can read back: removing or replacing one loses it.
    expect(hintsOf('unset_env_vars')).toMatchObject({ destructive: true, idempotent: true });
    expect(hintsOf('set_env_vars')).toMatchObject({ destructive: true, idempotent: true });
  });

  it('tells repeatable lifecycle calls from ones that act again each time', () => {
    expect(hintsOf('start_app')).toEqual({ idempotent: true, destructive: false, openWorld: false });
    expect(hintsOf('stop_app')).toEqual({ idempotent: true, destructive: false, openWorld: false });
    expect(hintsOf('restart_app').idempotent).toBe(false);
    expect(hintsOf('deploy_app')).toEqual({ idempotent: false, destructive: false, openWorld: true });
    expect(hintsOf('rollback_app').idempotent).toBe(false);
    expect(hintsOf('create_backup').idempotent).toBe(false);
  });
});

describe('the gate checks results against the output schema', () => {
  let panel: TestPanel;
  const CALLER = {
    actor: { type: 'system', name: 'outputs-test' },
  } as unknown as Parameters<typeof runTool>[3];
  /** A tool whose data has drifted from what it declares: count became a string. */
  const drifted = defineTool({
    name: 'count_things',
    description: 'Test tool',
    input: z.object({ as: z.enum(['number', 'text']) }),
    output: z.object({ count: z.number().int() }),
    risk: 'read',
    hints: { idempotent: true, destructive: false, openWorld: false },
    summarize: () => 'Count things',
    // The cast stands for a tool whose code no longer matches its schema.
    execute: async (input) => ({ text: 'counted', data: { count: (input.as === 'text' ? 'three' : 3) as number } }),
  }) as unknown as ToolDefinition;

  beforeAll(async () => {
    panel = await createTestPanel();
  });
  afterAll(async () => {
    await panel?.close();
  });

  it('throws, naming the tool and the field, when a result does not match (outside production)', async () => {
    await expect(runTool(panel.ctx, drifted, { as: 'text' }, CALLER)).rejects.toThrow(
      /^count_things returned data that does not match its output schema — count: .*expected number/i,
    );
  });

  it('passes a matching result through', async () => {
    await expect(runTool(panel.ctx, drifted, { as: 'number' }, CALLER)).resolves.toMatchObject({
      status: 'done',
      data: { count: 3 },
    });
  });

  it('does not check in production, where the result goes out as it is', async () => {
    const ctx: AppContext = { ...panel.ctx, env: { ...panel.ctx.env, NODE_ENV: 'production' } };
    await expect(runTool(ctx, drifted, { as: 'text' }, CALLER)).resolves.toMatchObject({
      status: 'done',
      data: { count: 'three' },
    });
  });
});
