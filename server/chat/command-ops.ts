import { UUID_RE } from '../services/names.ts';
import { appNames, isInt, isWord, joinDurations, low, takeOptions, type Tok } from './command-lexer.ts';
import { ask, deploymentTool, USAGE, type Outcome } from './command-rules.ts';

/** Command mode for the operations around apps: approvals, domains, project search and backups. */

export function action(rest: Tok[]): Outcome {
  return rest[0] ? [{ tool: 'get_action', input: { id: rest.at(-1)!.text } }] : ask('Which action?', USAGE.action!);
}

export function waitFor(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(joinDurations(rest), { timeout: 'timeout', up: 'timeout', for: 'timeout' });
  const ids = left.filter((t) => !isWord(t, 'to', 'action'));
  if (ids.length !== 1) return ask('Which action should I wait for?', USAGE.wait!);
  const seconds = opts.timeout?.replace(/s$/, '');
  if (seconds !== undefined && !isInt(seconds)) return ask('The timeout is a number of seconds.', USAGE.wait!);
  return [
    { tool: 'wait_for_action', input: { id: ids[0]!.text, ...(seconds ? { timeoutSeconds: Number(seconds) } : {}) } },
  ];
}

/** Words around the app in "why did my deploy of api fail?" or "what went wrong with api". */
const DIAGNOSE_FILLER = [
  'did',
  'does',
  'is',
  'fail',
  'failed',
  'failing',
  'break',
  'broke',
  'with',
  'go',
  'went',
  'wrong',
];

/** The app's latest failed deployment ("diagnose api"), or the one named ("diagnose api 3", an id). */
export function diagnose(rest: Tok[]): Outcome {
  return deploymentTool(
    'diagnose_deployment',
    'diagnose',
    rest.filter((t) => !isWord(t, ...DIAGNOSE_FILLER)),
  );
}

/** A host name: has a dot (app names cannot) or is localhost; a pasted URL is reduced to its host. */
const hostOf = (t: Tok) => {
  const host = t.text
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '')
    .toLowerCase();
  return /^[a-z0-9*][a-z0-9.*-]*\.[a-z0-9-]+$|^localhost$/.test(host) ? host : undefined;
};

export function addDomain(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(
    rest,
    { path: 'path', prefix: 'path', port: 'port', tls: 'tls' },
    { http: 'http', 'no-https': 'http', 'plain-http': 'http' },
  );
  const hostTok = left.find((t) => hostOf(t));
  const names = appNames(left.filter((t) => t !== hostTok && !isWord(t, 'to', 'domain', 'host')));
  if (!hostTok) return ask('Which host name, e.g. api.example.com?', USAGE['add domain']!);
  if (names.length !== 1) return ask('Which app should the domain go to?', USAGE['add domain']!);
  if (opts.port !== undefined && !isInt(opts.port)) return ask('port takes a whole number.', USAGE['add domain']!);
  return [
    {
      tool: 'add_domain',
      input: {
        app: names[0],
        host: hostOf(hostTok),
        ...(opts.path ? { pathPrefix: opts.path } : {}),
        ...(opts.port ? { targetPort: Number(opts.port) } : {}),
        ...(opts.http ? { https: false } : {}),
        ...(opts.tls ? { tls: opts.tls.toLowerCase() } : {}),
      },
    },
  ];
}

export function removeDomain(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(rest, { path: 'path', prefix: 'path' });
  const domain = left.find((t) => hostOf(t) || UUID_RE.test(t.text));
  const names = appNames(left.filter((t) => t !== domain && !isWord(t, 'from', 'domain', 'host')));
  if (!domain) return ask('Which domain (host name or id from "domains <app>")?', USAGE['remove domain']!);
  if (names.length !== 1) return ask('Which app is the domain on?', USAGE['remove domain']!);
  return [
    {
      tool: 'remove_domain',
      input: {
        app: names[0],
        domain: hostOf(domain) ?? domain.text.toLowerCase(),
        ...(opts.path ? { pathPrefix: opts.path } : {}),
      },
    },
  ];
}

/** "search health check timeout in api": the words are the query; a trailing "in <app>" narrows it. */
export function search(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(rest, { app: 'app', limit: 'limit' });
  let words = left;
  let app = opts.app?.toLowerCase();
  if (!app && words.length > 2 && isWord(words.at(-2), 'in', 'for') && !words.at(-1)!.quoted) {
    app = words.at(-1)!.text.toLowerCase();
    words = words.slice(0, -2);
  }
  if (opts.limit !== undefined && !isInt(opts.limit)) return ask('limit takes a number.', USAGE.search!);
  const query = words
    .map((t) => t.text)
    .join(' ')
    .trim();
  if (!query) return ask('What should I search for?', USAGE.search!);
  return [
    {
      tool: 'search_context',
      input: { query, ...(app ? { app } : {}), ...(opts.limit ? { limit: Number(opts.limit) } : {}) },
    },
  ];
}

const KINDS: Record<string, string> = {
  volume: 'volume',
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  redis: 'redis',
  panel: 'panel',
};
const id = (rest: Tok[]) => rest.find((t) => UUID_RE.test(t.text))?.text.toLowerCase();

export function listBackups(rest: Tok[]): Outcome {
  const names = appNames(rest);
  if (names.length > 1) return ask('Backups of which one app?', USAGE.backups!);
  return [{ tool: 'list_backups', input: names[0] ? { app: names[0] } : {} }];
}

/** "api volume data", "api postgres shop", "panel": what to back up, shared by backup and schedule. */
function subject(rest: Tok[], usage: string): Record<string, unknown> | string {
  const { opts, rest: left } = takeOptions(
    rest,
    { user: 'user', database: 'database', db: 'database' },
    { encrypt: 'encrypt', encrypted: 'encrypt' },
  );
  const words = left.filter((t) => !isWord(t, 'of', 'the', 'app', 'for', 'with', 'its', 'database', 'db'));
  const k = words.findIndex((t) => KINDS[low(t)]);
  const kind = k >= 0 ? KINDS[low(words[k])] : undefined;
  const [app, ...more] = appNames(k >= 0 ? words.slice(0, k) : words);
  const name = k >= 0 ? words[k + 1]?.text : undefined;
  const encrypt = opts.encrypt ? { encrypt: true } : {};
  if (kind === 'panel') return { kind, ...encrypt };
  if (!app || more.length) return ask(app ? 'Back up one app at a time.' : 'Which app should I back up?', usage);
  if (!kind) return ask(`What of ${app} should I back up: its volume, or a postgres, mysql or redis database?`, usage);
  const named = name ? (kind === 'volume' ? { volume: name } : kind === 'redis' ? {} : { database: name }) : {};
  return {
    app,
    kind,
    ...named,
    ...(opts.database ? { database: opts.database } : {}),
    ...(opts.user ? { user: opts.user } : {}),
    ...encrypt,
  };
}

export function createBackup(rest: Tok[]): Outcome {
  const s = subject(
    rest.filter((t) => !isWord(t, 'now', 'up')),
    USAGE.backup!,
  );
  return typeof s === 'string' ? s : [{ tool: 'create_backup', input: s }];
}

const CRON: Record<string, string> = {
  hourly: '0 * * * *',
  daily: '0 3 * * *',
  nightly: '0 3 * * *',
  weekly: '0 3 * * 0',
  off: 'off',
};

export function scheduleBackup(rest: Tok[]): Outcome {
  const cron = rest.find((t) => t.quoted || CRON[low(t)]);
  const keep: Record<string, number> = {};
  const left: Tok[] = [];
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    if (t === cron || isWord(t, 'every', 'at')) continue;
    if (isWord(t, 'keep', '--keep') && isInt(rest[i + 1]?.text)) {
      const days = isWord(rest[i + 2], 'days', 'day', 'd');
      keep[days ? 'keepDays' : 'keepLast'] = Number(rest[i + 1]!.text);
      i += days ? 2 : isWord(rest[i + 2], 'backups', 'last') ? 2 : 1;
    } else left.push(t);
  }
  if (!cron)
    return ask('When should it run: hourly, daily, weekly, or a cron schedule in quotes?', USAGE['schedule backup']!);
  const schedule = cron.quoted ? cron.text : CRON[low(cron)]!;
  const config = id(left);
  if (config) return [{ tool: 'schedule_backup', input: { config, schedule, ...keep } }];
  const s = subject(left, USAGE['schedule backup']!);
  return typeof s === 'string' ? s : [{ tool: 'schedule_backup', input: { ...s, schedule, ...keep } }];
}

export function restoreBackup(rest: Tok[]): Outcome {
  const { opts, rest: left } = takeOptions(rest, { volume: 'volume' });
  const backup = id(left);
  const names = appNames(left.filter((t) => !UUID_RE.test(t.text) && !isWord(t, 'into', 'to', 'backup', 'from')));
  if (!backup) return ask('Which backup (its id from "backups")?', USAGE['restore backup']!);
  if (names.length !== 1) return ask('Restore into which app?', USAGE['restore backup']!);
  return [
    { tool: 'restore_backup', input: { backup, app: names[0], ...(opts.volume ? { volume: opts.volume } : {}) } },
  ];
}

export function deleteBackup(rest: Tok[]): Outcome {
  const backup = id(rest);
  const names = appNames(rest.filter((t) => !UUID_RE.test(t.text) && !isWord(t, 'from', 'backup')));
  if (!backup) return ask('Which backup (its id from "backups")?', USAGE['delete backup']!);
  if (names.length > 1) return ask('Which one app does the backup belong to?', USAGE['delete backup']!);
  return [{ tool: 'delete_backup', input: { backup, ...(names[0] ? { app: names[0] } : {}) } }];
}
