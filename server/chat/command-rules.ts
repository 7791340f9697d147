import { UUID_RE } from '../services/names.ts';
import type { CommandCall } from './command-mode.ts';
import {
  appNames,
  DURATION,
  isInt,
  isList,
  isWord,
  joinDurations,
  low,
  takeOptions,
  type Tok,
} from './command-lexer.ts';

/**
 * What command mode understands: phrases ("build logs", "set env") mapped to handlers that turn
 * the rest of the command into tool calls, or into a question back when something is missing.
 */

export type Outcome = CommandCall[] | string;

export const USAGE: Record<string, string> = {
  deploy: 'deploy <app>',
  redeploy: 'redeploy <app>',
  restart: 'restart <app>',
  stop: 'stop <app>',
  start: 'start <app>',
  status: 'status <app>',
  stats: 'stats <app>',
  logs: 'logs <app> [--tail 50] [--since 10m] [--filter text] [--stderr]',
  'build logs': 'build logs <app | deployment id> [--tail 100]',
  diagnose: 'diagnose <app> [<deployment number>] | diagnose <deployment id> | why did <app> fail?',
  rollback: 'rollback <app> [to <deployment number or id>]',
  apps: 'list apps [in project <name>]',
  projects: 'list projects',
  deployments: 'deployments <app>',
  deployment: 'deployment <app | id>',
  cancel: 'cancel deployment <id> | cancel <app>',
  'set env': 'set env <app> KEY=VALUE [KEY2="a value"]',
  'set build env': 'set build env <app> KEY=VALUE',
  'unset env': 'unset env <app> KEY [KEY2]',
  env: 'env <app>',
  'create app': 'create app <name> from image <image> [port <n>] | from git <url> [branch <b>] [port <n>]',
  update: 'update <app> [port <n>] [image <image>] [memory <MiB>] [cpus <n>]',
  'delete app': 'delete app <app>',
  'generate dockerfile': 'generate dockerfile for <app | https git url> [branch <b>]',
  domains: 'domains <app>',
  'add domain': 'add domain <host> to <app> [path /api] [port 8080] [--http]',
  'remove domain': 'remove domain <host | id> from <app>',
  search: 'search <words> [in <app>]',
  pending: 'pending',
  action: 'action <id>',
  wait: 'wait for action <id> [--timeout 60]',
  backups: 'backups [<app>]',
  backup: 'backup <app> volume [name] | postgres [db] | mysql [db] | redis | backup panel [--encrypt]',
  'schedule backup': 'schedule backup <app> <kind> daily | hourly | weekly | "0 3 * * *" [keep 7] [keep 30 days]',
  'restore backup': 'restore backup <id> into <app>',
  'delete backup': 'delete backup <id> [of <app>]',
  help: 'help',
};
export const HELP_TEXT = `Command mode (no model provider is configured). Commands, several joined with "then" or ";":\n${Object.values(
  USAGE,
)
  .map((u) => `- ${u}`)
  .join('\n')}\nChanges wait for your approval before they run.`;

export const ask = (what: string, usage: string) => `${what} Try: ${usage}.`;

/** One app, or several joined with "and" or commas when `multi` ("restart api and web"). */
function oneApp(rest: Tok[], verb: string, tool: string, extra: Record<string, unknown> = {}, multi = false): Outcome {
  const names = appNames(rest);
  const usage = `${USAGE[verb] ?? `${verb} <app>`} (list apps with "apps")`;
  if (!names.length) return ask(QUESTION[verb] ?? `Which app should I ${verb}?`, usage);
  if (names.length > 1 && !(multi && isList(rest))) return ask(`I could not tell which one app you mean.`, usage);
  return names.map((app) => ({ tool, input: { app, ...extra } }));
}

const QUESTION: Record<string, string> = {
  status: 'Which app?',
  stats: 'Stats of which app?',
  logs: 'Logs of which app?',
  env: 'Env vars of which app?',
  deployments: 'Deployments of which app?',
  domains: 'Domains of which app?',
};
/** "3", "#3", "deployment 3" → a number; a uuid → an id. */
function deploymentRef(rest: Tok[]): { id?: string; number?: number; rest: Tok[] } {
  const left = rest.filter((t) => !isWord(t, 'to', 'deployment', 'deploy', 'number', 'version', 'release', 'build'));
  const last = low(left.at(-1)).replace(/^#|^v/, '');
  if (UUID_RE.test(last)) return { id: last, rest: left.slice(0, -1) };
  if (isInt(last) && left.length > 1) return { number: Number(last), rest: left.slice(0, -1) };
  return { rest: left };
}

const byLookup = (
  tool: string,
  app: string,
  number: number | undefined,
  extra: Record<string, unknown> = {},
): CommandCall => ({
  tool,
  input: {
    ...extra,
    deployment: number === undefined ? `latest deployment of ${app}` : `deployment #${number} of ${app}`,
  },
  lookup: { app, ...(number === undefined ? {} : { number }) },
});

export function logs(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(
    joinDurations(rest),
    {
      tail: 'tail',
      n: 'tail',
      lines: 'tail',
      since: 'since',
      filter: 'filter',
      grep: 'filter',
      matching: 'filter',
      containing: 'filter',
      with: 'filter',
      last: 'last',
      stream: 'stream',
    },
    { stderr: 'stream', stdout: 'stream' },
  );
  if (opts.last) {
    if (DURATION.test(opts.last)) opts.since = opts.last;
    else opts.tail = opts.last;
  }
  const words = left.filter((t) => !isWord(t, 'lines', 'line', 'from', 'in'));
  if (opts.tail !== undefined && !isInt(opts.tail)) return ask('--tail takes a number of lines.', USAGE.logs!);
  return oneApp(words, 'logs', 'get_app_logs', {
    ...(opts.tail ? { tail: Number(opts.tail) } : {}),
    ...(opts.since ? { since: opts.since.toLowerCase() } : {}),
    ...(opts.filter ? { filter: opts.filter } : {}),
    ...(opts.stream ? { stream: opts.stream.toLowerCase() } : {}),
  });
}

export function deploymentTool(tool: string, verb: string, rest: Tok[], extra: Record<string, unknown> = {}): Outcome {
  const ref = deploymentRef(rest);
  if (ref.id) return [{ tool, input: { deployment: ref.id, ...extra } }];
  const names = appNames(ref.rest);
  if (names.length !== 1) return ask(`Which app${names.length ? ' (just one)' : ''}?`, USAGE[verb]!);
  return [
    ref.number === undefined
      ? { tool, input: { app: names[0], ...extra } }
      : byLookup(tool, names[0]!, ref.number, extra),
  ];
}

export function rollback(rest: Tok[]): Outcome {
  if (isWord(rest.at(-1), 'to')) return ask('Roll back to which deployment?', USAGE.rollback!);
  const ref = deploymentRef(rest);
  const names = appNames(ref.rest);
  if (names.length !== 1)
    return ask(names.length ? 'Roll back one app at a time.' : 'Which app should I roll back?', USAGE.rollback!);
  const app = names[0]!;
  if (ref.id) return [{ tool: 'rollback_app', input: { app, deployment: ref.id } }];
  return [
    ref.number === undefined
      ? { tool: 'rollback_app', input: { app } }
      : byLookup('rollback_app', app, ref.number, { app }),
  ];
}

export function cancel(rest: Tok[]): Outcome {
  const ref = deploymentRef(rest);
  if (ref.id) return [{ tool: 'cancel_deployment', input: { deployment: ref.id } }];
  const names = appNames(ref.rest);
  if (names.length !== 1) return ask('Which deployment should I cancel?', USAGE.cancel!);
  return [byLookup('cancel_deployment', names[0]!, ref.number)];
}

export function setEnv(rest: Tok[], buildOnly: boolean): Outcome {
  const { opts, rest: left } = takeOptions(rest, {}, { build: 'build', 'build-time': 'build', buildtime: 'build' });
  const pairs = left.filter((t) => /^[^=\s]+=/.test(t.text));
  const names = appNames(left.filter((t) => !pairs.includes(t) && !isWord(t, 'to', 'in', 'env', 'var', 'vars')));
  if (names.length !== 1)
    return ask(
      names.length ? 'Give one app, then KEY=VALUE pairs.' : 'Which app should get these variables?',
      USAGE['set env']!,
    );
  if (!pairs.length) return ask('Give each variable as KEY=VALUE.', USAGE['set env']!);
  const vars = pairs.map((t) => ({
    name: t.text.slice(0, t.text.indexOf('=')),
    value: t.text.slice(t.text.indexOf('=') + 1),
  }));
  const build = buildOnly || opts.build !== undefined;
  return [
    { tool: 'set_env_vars', input: { app: names[0], vars, ...(build ? { buildTime: true, runtime: false } : {}) } },
  ];
}

export function unsetEnv(rest: Tok[]): Outcome {
  const words = rest.filter((t) => !isWord(t, 'env', 'var', 'vars', 'variable', 'variables', 'the'));
  const sep = words.findIndex((t) => isWord(t, 'from', 'on', 'in'));
  const [app, names] =
    sep >= 0 ? [appNames(words.slice(sep + 1)), words.slice(0, sep)] : [appNames(words.slice(0, 1)), words.slice(1)];
  if (app.length !== 1) return ask('Which app?', USAGE['unset env']!);
  if (!names.length) return ask('Which variables should I remove?', USAGE['unset env']!);
  return [
    {
      tool: 'unset_env_vars',
      input: {
        app: app[0],
        names: names.flatMap((t) => t.text.split(',')).filter((n) => n && n.toLowerCase() !== 'and'),
      },
    },
  ];
}

const SOURCE_OPTS = {
  port: 'port',
  branch: 'ref',
  ref: 'ref',
  tag: 'ref',
  subdir: 'subdir',
  folder: 'subdir',
  project: 'project',
  image: 'image',
  git: 'url',
  repo: 'url',
  from: 'from',
  memory: 'memory',
  cpus: 'cpus',
};

/** port, source (image or git with ref, subdir, generated Dockerfile), limits: shared by create and update. */
function appSettings(opts: Record<string, string>, generate: boolean): Record<string, unknown> | string {
  const from = opts.from;
  const url = opts.url ?? (from && /^(https?|ssh|git|file):\/\/|^git@/.test(from) ? from : undefined);
  const image = opts.image ?? (from && !url ? from : undefined);
  if (opts.memory) opts.memory = opts.memory.replace(/(mi?b?|m)$/i, '');
  for (const k of ['port', 'memory'] as const)
    if (opts[k] !== undefined && !isInt(opts[k])) return `${k} takes a whole number.`;
  const source = url
    ? {
        type: 'git',
        url,
        ...(opts.ref ? { ref: opts.ref } : {}),
        ...(opts.subdir ? { subdir: opts.subdir } : {}),
        ...(generate ? { generateDockerfile: true } : {}),
      }
    : image
      ? { type: 'image', image }
      : undefined;
  return {
    ...(source ? { source } : {}),
    ...(opts.port ? { port: Number(opts.port) } : {}),
    ...(opts.memory ? { memoryMb: Number(opts.memory) } : {}),
    ...(opts.cpus ? { cpus: Number(opts.cpus) } : {}),
  };
}

export function createApp(rest: Tok[]): Outcome {
  const generate = rest.some((t) => isWord(t, 'generated', '--generate-dockerfile'));
  const words = rest.filter(
    (t, i) =>
      !isWord(t, 'with', 'generated', 'dockerfile', '--generate-dockerfile', 'called', 'named', 'a') &&
      !(isWord(t, 'from', 'in') && isWord(rest[i + 1], 'image', 'git', 'repo', 'project')),
  );
  const { opts, rest: left } = takeOptions(words, SOURCE_OPTS);
  const [name, ...extra] = appNames(left);
  if (!name) return ask('What should the app be called?', USAGE['create app']!);
  if (extra.length) return ask('I could not tell the app name from the rest.', USAGE['create app']!);
  const settings = appSettings(opts, generate);
  if (typeof settings === 'string') return ask(settings, USAGE['create app']!);
  if (!settings.source) return ask(`Where does ${name} come from?`, USAGE['create app']!);
  return [
    {
      tool: 'create_app',
      input: { name, ...(opts.project ? { project: opts.project.toLowerCase() } : {}), ...settings },
    },
  ];
}

export function updateApp(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(
    rest.filter((t) => !isWord(t, 'to', 'set')),
    { ...SOURCE_OPTS, memory: 'memory', mem: 'memory', cpu: 'cpus' },
  );
  const names = appNames(left);
  if (names.length !== 1) return ask('Which app should I change?', USAGE.update!);
  const settings = appSettings(opts, false);
  if (typeof settings === 'string') return ask(settings, USAGE.update!);
  if (!Object.keys(settings).length) return ask(`What should change on ${names[0]}?`, USAGE.update!);
  return [{ tool: 'update_app', input: { app: names[0], ...settings } }];
}

export function dockerfile(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(rest, {
    branch: 'ref',
    ref: 'ref',
    tag: 'ref',
    port: 'port',
    subdir: 'subdir',
    folder: 'subdir',
  });
  const url = left.find((t) => /^https?:\/\//i.test(t.text));
  const names = appNames(left.filter((t) => t !== url && !isWord(t, 'from', 'in', 'at', 'repo', 'repository')));
  if (!url && names.length !== 1) return ask('For which app or repository?', USAGE['generate dockerfile']!);
  if (opts.port !== undefined && !isInt(opts.port))
    return ask('port takes a whole number.', USAGE['generate dockerfile']!);
  const extra = {
    ...(opts.ref ? { ref: opts.ref } : {}),
    ...(opts.subdir ? { subdir: opts.subdir } : {}),
    ...(opts.port ? { port: Number(opts.port) } : {}),
  };
  return [{ tool: 'generate_dockerfile', input: url ? { gitUrl: url.text, ...extra } : { app: names[0], ...extra } }];
}

export function listApps(rest: Tok[]): Outcome {
  const { opts } = takeOptions(
    rest.filter((t, i) => !(isWord(t, 'in') && isWord(rest[i + 1], 'project'))),
    { in: 'project', project: 'project' },
  );
  return [{ tool: 'list_apps', input: opts.project ? { project: opts.project.toLowerCase() } : {} }];
}

export function listDeploymentsOf(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(rest, { limit: 'limit', last: 'limit' });
  if (opts.limit !== undefined && !isInt(opts.limit)) return ask('limit takes a number.', USAGE.deployments!);
  return oneApp(left, 'deployments', 'list_deployments', opts.limit ? { limit: Number(opts.limit) } : {});
}

export const simple =
  (verb: string, tool: string, multi = false) =>
  (rest: Tok[]) =>
    oneApp(rest, verb, tool, {}, multi);
export const always = (tool: string) => (): Outcome => [{ tool, input: {} }];

export function tailOf(rest: Tok[]): Record<string, unknown> {
  const t = takeOptions(rest, { tail: 'tail', n: 'tail' }).opts.tail;
  return isInt(t) ? { tail: Number(t) } : {};
}
