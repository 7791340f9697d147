import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../server/context.ts';
import type { Caller } from '../server/audit.ts';
import { users } from '../server/db/schema/users.ts';
import { apps } from '../server/db/schema/apps.ts';
import { deployments } from '../server/db/schema/deployments.ts';
import { deploymentLogs } from '../server/db/schema/deployment-logs.ts';
import { createApp } from '../server/services/apps.ts';
import { setEnvVars } from '../server/services/env-vars.ts';
import { settingsOf } from '../server/services/deployments.ts';
import { requestTool } from '../server/approvals/gate.ts';
import { approveAction, rejectAction } from '../server/approvals/decide.ts';
import { SCOPES } from '../server/auth/permissions.ts';
import type { Scenario } from './schema.ts';

const OWNER_EMAIL = 'evals-owner@example.com';

/** The person chatting: an owner in a browser session. Inserted directly; nobody logs in. */
export async function insertOwner(ctx: AppContext): Promise<Caller> {
  const [user] = await ctx.db
    .insert(users)
    .values({ email: OWNER_EMAIL, name: 'Eval Owner', passwordHash: 'not-a-login', role: 'owner' })
    .returning();
  return ownerCaller(user!.id, OWNER_EMAIL);
}

export const ownerCaller = (userId: string, email: string): Caller => ({
  actor: { type: 'user', userId, email, role: 'owner', via: 'session', scopes: [...SCOPES] },
});

/** Local git repositories for apps with a `repo`, made once per scenario and reused across runs. */
export class RepoCache {
  private readonly dirs = new Map<string, string>();

  url(key: string, files: Record<string, string>): string {
    let dir = this.dirs.get(key);
    if (!dir) {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-eval-repo-'));
      for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
      }
      const env = {
        ...process.env,
        GIT_AUTHOR_NAME: 'e',
        GIT_AUTHOR_EMAIL: 'e@e',
        GIT_COMMITTER_NAME: 'e',
        GIT_COMMITTER_EMAIL: 'e@e',
      };
      for (const args of [
        ['init', '-q', '-b', 'main'],
        ['add', '-A'],
        ['commit', '-q', '-m', 'initial'],
      ])
        execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' });
      this.dirs.set(key, dir);
    }
    return `file://${dir}`;
  }

  cleanup(): void {
    for (const dir of this.dirs.values()) fs.rmSync(dir, { recursive: true, force: true });
    this.dirs.clear();
  }
}

export interface Seeded {
  /** Placeholder values: app:<name>, repo:<name>, deployment:<app>#<n>, action:<i>. */
  vars: Record<string, string>;
  /** Every seeded env value: none may appear in any output. */
  secrets: string[];
}

/** Builds the scenario's starting state through the services and plain rows: no Docker, no builds. */
export async function seedState(
  ctx: AppContext,
  caller: Caller,
  scenario: Scenario,
  repos: RepoCache,
): Promise<Seeded> {
  const vars: Record<string, string> = {};
  const secrets: string[] = [];
  for (const a of scenario.startingState.apps) {
    const source = a.image
      ? { type: 'image' as const, image: a.image }
      : { type: 'git' as const, url: repos.url(`${scenario.id}/${a.name}`, a.repo ?? {}) };
    if (source.type === 'git') vars[`repo:${a.name}`] = source.url;
    const app = await createApp(ctx, caller, { name: a.name, project: a.project, source, port: a.port });
    vars[`app:${a.name}`] = app.id;
    for (const [env, buildTime] of [
      [a.env, false],
      [a.buildEnv, true],
    ] as const) {
      if (!env || !Object.keys(env).length) continue;
      await setEnvVars(ctx.db, ctx.secrets, caller, app.id, { vars: env, buildTime, runtime: !buildTime });
      // Short values ("1", "on") would match ordinary text; a secret is at least 8 characters.
      secrets.push(...Object.values(env).filter((v) => v.length >= 8));
    }
    let current: string | null = null;
    for (const d of [...(a.deployments ?? [])].sort((x, y) => x.number - y.number)) {
      const done = !['queued', 'building', 'starting'].includes(d.status);
      const [row] = await ctx.db
        .insert(deployments)
        .values({
          appId: app.id,
          number: d.number,
          status: d.status,
          settings: settingsOf({ ...app, deployKeyEncrypted: null }),
          imageTag: a.image ?? `openpanel/${a.name}:${d.number}`,
          error: d.error ?? null,
          createdBy: 'evals seed',
          startedAt: new Date(),
          finishedAt: done ? new Date() : null,
        })
        .returning();
      vars[`deployment:${a.name}#${d.number}`] = row!.id;
      if (d.status === 'running') current = row!.id;
      if (d.buildLog?.length)
        await ctx.db
          .insert(deploymentLogs)
          .values(
            d.buildLog.map((text, i) => ({ deploymentId: row!.id, seq: i + 1, stream: 'stdout' as const, text })),
          );
    }
    if (current) await ctx.db.update(apps).set({ currentDeploymentId: current }).where(eq(apps.id, app.id));
  }
  for (const [i, a] of scenario.startingState.actions.entries()) {
    const result = await requestTool(ctx, { tool: a.tool, input: fill(a.input, vars), caller, via: 'chat' });
    if (result.status !== 'pending')
      throw new Error(`seeding action ${i} (${a.tool}) did not become pending: ${result.text}`);
    vars[`action:${i}`] = result.action.id;
    if (a.decision === 'approve') await approveAction(ctx, caller, result.action.id);
    if (a.decision === 'reject') await rejectAction(ctx, caller, result.action.id, 'not now');
  }
  return { vars, secrets };
}

const PLACEHOLDER = /\{\{([a-z]+:[^}]+)\}\}/g;

/** Replaces {{...}} placeholders in every string of a JSON-like value. */
export function fill<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (_, key: string) => {
      const v = vars[key];
      if (v === undefined)
        throw new Error(`unknown placeholder {{${key}}} (known: ${Object.keys(vars).join(', ') || 'none'})`);
      return v;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, vars)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)])) as T;
  return value;
}
