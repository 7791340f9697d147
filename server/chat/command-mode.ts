import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { deployments } from '../db/schema/deployments.ts';
import { findAppRow } from '../services/apps.ts';
import { listDeployments } from '../services/deployments.ts';
import { findTool } from '../../tools/registry.ts';
import { editDistance, isWord, low, splitCommands, takeOptions, tokenize, type Tok } from './command-lexer.ts';
import {
  always,
  cancel,
  createApp,
  deploymentTool,
  dockerfile,
  HELP_TEXT,
  listApps,
  listDeploymentsOf,
  logs,
  rollback,
  setEnv,
  simple,
  tailOf,
  unsetEnv,
  updateApp,
  USAGE,
  type Outcome,
} from './command-rules.ts';
import {
  action,
  addDomain,
  createBackup,
  deleteBackup,
  diagnose,
  listBackups,
  removeDomain,
  restoreBackup,
  scheduleBackup,
  search,
  waitFor,
} from './command-ops.ts';

/**
 * Command mode: with no model provider configured, plain commands ("deploy api", "logs api --tail 50")
 * become the same tool calls a model would make, and go through the same approvals. Deterministic,
 * offline, and it never repeats a value back (env values stay out of every reply).
 */

/**
 * A deployment given by app ("cancel api": its latest; "rollback api to 3": its #3). The parser
 * cannot know ids, so it leaves a readable placeholder in input.deployment, which fails validation
 * if nobody resolves it; resolveCommand() fills in the id.
 */
interface DeploymentLookup {
  app: string;
  number?: number;
}
export interface CommandCall {
  tool: string;
  input: Record<string, unknown>;
  lookup?: DeploymentLookup;
}
export type ParsedCommand = { kind: 'calls'; calls: CommandCall[] } | { kind: 'reply'; text: string };

/** Phrase → handler; the longest phrase that starts the command wins. */
const RULES: [string[], (rest: Tok[]) => Outcome][] = [
  [['help', 'commands', '?', 'usage'], () => HELP_TEXT],
  [['deploy', 'redeploy', 'ship', 'release'], simple('deploy', 'deploy_app', true)],
  [['restart', 'reboot', 'bounce'], simple('restart', 'restart_app', true)],
  [['stop', 'halt'], simple('stop', 'stop_app', true)],
  [['start', 'resume', 'boot'], simple('start', 'start_app', true)],
  [['status', 'get', 'show', 'info', 'describe', 'inspect', 'view', 'details'], simple('status', 'get_app', true)],
  [['stats', 'usage', 'resources', 'metrics', 'resource usage'], simple('stats', 'get_app_stats', true)],
  [['logs', 'log', 'tail', 'runtime logs', 'container logs', 'app logs'], logs],
  [
    ['build logs', 'build log', 'deploy logs', 'deploy log', 'deployment logs', 'deployment log'],
    (r) => deploymentTool('get_build_logs', 'build logs', takeOptions(r, { tail: 'tail', n: 'tail' }).rest, tailOf(r)),
  ],
  [
    ['diagnose', 'diagnose deployment', 'diagnose deploy', 'why', 'why did', 'what went wrong', 'what failed'],
    diagnose,
  ],
  [['rollback', 'roll back', 'revert', 'rollback app'], rollback],
  [['apps', 'list', 'ls', 'list apps', 'all apps'], listApps],
  [['projects', 'list projects'], always('list_projects')],
  [['deployments', 'history', 'releases', 'deploys'], listDeploymentsOf],
  [['deployment', 'deployment status', 'deploy status'], (r) => deploymentTool('get_deployment', 'deployment', r)],
  [['cancel', 'abort', 'cancel deployment', 'cancel deploy'], cancel],
  [
    [
      'set env',
      'set envs',
      'set var',
      'set vars',
      'set variable',
      'set variables',
      'env set',
      'setenv',
      'set secret',
      'set secrets',
    ],
    (r) => setEnv(r, false),
  ],
  [['set build env', 'set build var', 'set build vars', 'set build-time env'], (r) => setEnv(r, true)],
  [
    [
      'unset env',
      'unset',
      'unset var',
      'unset vars',
      'env unset',
      'remove env',
      'delete env',
      'rm env',
      'remove var',
      'delete var',
    ],
    unsetEnv,
  ],
  [
    ['env', 'envs', 'env vars', 'vars', 'variables', 'environment', 'list env', 'secrets'],
    simple('env', 'list_env_vars'),
  ],
  [['create app', 'create', 'new app', 'add app', 'create an app', 'create new app'], createApp],
  [['update', 'update app', 'change', 'configure', 'reconfigure'], updateApp],
  [
    ['delete app', 'delete', 'remove app', 'remove', 'destroy', 'rm', 'delete the app'],
    simple('delete app', 'delete_app'),
  ],
  [
    [
      'generate dockerfile',
      'dockerfile',
      'generate a dockerfile',
      'suggest dockerfile',
      'propose dockerfile',
      'suggest a dockerfile',
      'propose a dockerfile',
    ],
    dockerfile,
  ],
  [
    ['pending', 'approvals', 'pending actions', 'pending approvals', 'actions', 'inbox'],
    always('list_pending_actions'),
  ],
  [['action', 'action status'], action],
  [['wait', 'wait for', 'wait for action', 'wait on', 'wait on action'], waitFor],
  [['domains', 'domain list', 'list domains', 'domains of'], simple('domains', 'list_domains')],
  [['add domain', 'domain add', 'add host', 'attach domain', 'route domain'], addDomain],
  [['remove domain', 'delete domain', 'rm domain', 'domain remove', 'detach domain'], removeDomain],
  [['search', 'search context', 'search for', 'find', 'look up'], search],
  [['backups', 'list backups', 'backup list', 'backups of'], listBackups],
  [['backup', 'back up', 'backup now', 'create backup', 'make a backup', 'make backup'], createBackup],
  [['schedule backup', 'schedule backups', 'backup schedule', 'schedule a backup'], scheduleBackup],
  [['restore backup', 'restore', 'restore from backup'], restoreBackup],
  [['delete backup', 'remove backup', 'rm backup'], deleteBackup],
];

const PHRASES = RULES.flatMap(([phrases, handler]) => phrases.map((p) => ({ words: p.split(' '), handler }))).sort(
  (a, b) => b.words.length - a.words.length,
);

const VIEW = new Set(['show', 'get', 'list', 'view', 'display', 'see', 'check', 'print', 'read', 'fetch']);

function unknown(first: string): string {
  const verbs = Object.keys(USAGE);
  const [best] = verbs.map((v) => ({ v, d: editDistance(first, v.split(' ')[0]!) })).sort((a, b) => a.d - b.d);
  // Only a plain word is echoed: an unknown first word could be a pasted secret.
  const shown = /^[a-z][a-z-]{0,19}$/.test(first) ? `"${first}"` : 'that';
  const hint = best && best.d <= Math.max(1, Math.floor(first.length / 3)) ? ` Did you mean "${USAGE[best.v]}"?` : '';
  return `I don't know ${shown} as a command.${hint} Type "help" for the list.`;
}

function parseOne(cmd: Tok[]): Outcome {
  // "show me the logs of api" → "logs of api"; "get api" stays a status request.
  let toks = cmd;
  if (VIEW.has(low(toks[0]))) {
    const after = toks.slice(1).filter((t, i) => i > 1 || !isWord(t, 'me', 'the', 'all', 'my'));
    const match = PHRASES.find((p) => p.words.every((w, i) => low(after[i]) === w));
    if (match && after.length) toks = after;
  }
  const words = toks.map(low);
  const rule = PHRASES.find((p) => p.words.every((w, i) => words[i] === w));
  if (!rule) return unknown(words[0] ?? '');
  return rule.handler(toks.slice(rule.words.length));
}

/** A deployment placeholder stands in for a uuid while checking the rest of the input. */
const STAND_IN = '00000000-0000-4000-8000-000000000000';

function invalid(call: CommandCall): string | null {
  const tool = findTool(call.tool);
  if (!tool) return `There is no ${call.tool} tool.`;
  const parsed = tool.input.safeParse(call.lookup ? { ...call.input, deployment: STAND_IN } : call.input);
  if (parsed.success) return null;
  const problems = parsed.error.issues.map(
    (i) => `${i.path.filter((p) => typeof p === 'string').join('.') || 'input'}: ${i.message}`,
  );
  return `That does not fit ${tool.name} — ${[...new Set(problems)].join('; ')}.`;
}

export function parseCommand(text: string): ParsedCommand {
  const commands = splitCommands(tokenize(text.trim()));
  if (!commands.length)
    return {
      kind: 'reply',
      text: 'Type a command, for example "deploy api" or "logs api --tail 50", or "help" for the list.',
    };
  const calls: CommandCall[] = [];
  for (const cmd of commands) {
    const out = parseOne(cmd);
    if (typeof out === 'string') return { kind: 'reply', text: out };
    for (const call of out) {
      const problem = invalid(call);
      if (problem) return { kind: 'reply', text: problem };
      calls.push(call);
    }
  }
  return { kind: 'calls', calls };
}

/** Fills in deployment ids that the parser could only describe ("the latest of api", "#3 of api"). */
export async function resolveCommand(ctx: AppContext, parsed: ParsedCommand): Promise<ParsedCommand> {
  if (parsed.kind === 'reply') return parsed;
  const calls: CommandCall[] = [];
  for (const { lookup, ...call } of parsed.calls) {
    if (!lookup) {
      calls.push(call);
      continue;
    }
    const app = await findAppRow(ctx, lookup.app);
    if (!app) return { kind: 'reply', text: `There is no app named "${lookup.app}". Type "apps" to list them.` };
    const [found] =
      lookup.number === undefined
        ? await listDeployments(ctx, app.id, { limit: 1 })
        : await ctx.db
            .select()
            .from(deployments)
            .where(and(eq(deployments.appId, app.id), eq(deployments.number, lookup.number)));
    if (!found)
      return {
        kind: 'reply',
        text:
          lookup.number === undefined
            ? `${app.name} has no deployments yet.`
            : `${app.name} has no deployment #${lookup.number}. Type "deployments ${app.name}" to see them.`,
      };
    calls.push({ ...call, input: { ...call.input, deployment: found.id } });
  }
  return { kind: 'calls', calls };
}
