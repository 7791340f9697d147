import { z } from 'zod';
import type { Tool, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { tools, type PanelTool } from '../tools/registry.ts';
import type { Risk, ToolHints } from '../tools/define.ts';
import { hasScope, type Actor, type Scope } from '../server/auth/permissions.ts';
import { outputSchemaFor } from './structured.ts';

/**
 * What MCP clients see of the registry: every field is derived from the tool definition, so a
 * new tool shows up here with the right hints and schema without anyone copying it by hand.
 */

/** The tool's own hints: risk alone cannot say that stop_app is safe to repeat or that unset_env_vars loses data. */
function annotationsOf(tool: { risk: Risk; hints: ToolHints }): ToolAnnotations {
  return {
    readOnlyHint: tool.risk === 'read',
    destructiveHint: tool.hints.destructive,
    idempotentHint: tool.hints.idempotent,
    openWorldHint: tool.hints.openWorld,
  };
}

/** deploy_app → "Deploy app", for clients that show titles. */
function toolTitle(name: string): string {
  const words = name.split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The scope a tool needs; the approval gate checks the same rule. */
export function scopeFor(risk: Risk): Scope {
  return risk === 'read' ? 'read' : 'write';
}

export const PRESETS = ['read-only', 'deploy', 'all'] as const;
export type Preset = (typeof PRESETS)[number];

/**
 * The deploy loop, for clients that want a short list: find the app, ship it, watch it, undo it,
 * follow the approvals. Its writes still need a person's approval like any other.
 */
export const DEPLOY_PRESET: readonly string[] = [
  'list_apps',
  'get_app',
  'deploy_app',
  'cancel_deployment',
  'list_deployments',
  'get_deployment',
  'get_build_logs',
  'diagnose_deployment',
  'get_app_logs',
  'restart_app',
  'rollback_app',
  'get_action',
  'wait_for_action',
  'list_pending_actions',
];

export function inPreset(tool: PanelTool, preset: Preset): boolean {
  if (preset === 'all') return true;
  if (preset === 'read-only') return tool.risk === 'read';
  return DEPLOY_PRESET.includes(tool.name);
}

/** Tools this caller may see on this connection: in the preset, and within the token's scopes. */
export function visibleTools(actor: Actor, preset: Preset): PanelTool[] {
  return tools.filter((t) => !t.peopleOnly && inPreset(t, preset) && hasScope(actor, scopeFor(t.risk)));
}

/** The registry is fixed at start-up, so each tool is converted once. */
const converted = new Map<string, Tool>();

/**
 * The registry's zod input as the JSON Schema a client validates and shows (the shape callers send),
 * and its output as the schema of `structuredContent`.
 */
export function toMcpTool(tool: PanelTool): Tool {
  let listed = converted.get(tool.name);
  if (!listed) {
    const inputSchema = z.toJSONSchema(tool.input, { io: 'input' }) as Tool['inputSchema'];
    const title = toolTitle(tool.name);
    listed = {
      name: tool.name,
      title,
      description: tool.description,
      inputSchema,
      outputSchema: outputSchemaFor(tool),
      annotations: { title, ...annotationsOf(tool) },
    };
    converted.set(tool.name, listed);
  }
  return listed;
}
