import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Caller } from '../audit.ts';
import { users } from '../db/schema/users.ts';
import { conversations } from '../db/schema/conversations.ts';
import { deployments } from '../db/schema/deployments.ts';
import { deploymentLogs } from '../db/schema/deployment-logs.ts';
import { createApp, getAppRow } from '../services/apps.ts';
import { CreateAppInput } from '../services/app-schemas.ts';
import { settingsOf } from '../services/deployments.ts';
import { setEnvVars } from '../services/env-vars.ts';
import { makeGitRepo } from '../test/deploy-helpers.ts';

/**
 * A small, realistic project for retrieval tests: a Node API, a Python worker, a Go web server
 * (real git repositories) and an image-only docs site, with failed deployments, env vars (one a
 * secret canary) and a conversation summary.
 */

export const SECRET_CANARY = 'sk_live_canary_7f3a9c1e5b2d';
export const DB_PASSWORD = 'canary-db-password-41ee';
export const CALLER: Caller = {
  actor: { type: 'system', label: 'knowledge-test', scopes: ['read', 'write', 'approve', 'admin'] },
};

const API_FILES = {
  'README.md': `# Invoices API

The invoices API is a Node.js service built with Express. It issues invoices, records payments and
sends receipts to customers.

## Database

Data lives in PostgreSQL 16. The connection string comes from DATABASE_URL; the pool size is 10.

## Migrations

Schema changes are Knex migrations in db/migrations. Run \`npx knex migrate:latest\` before starting a
new version; the Docker image runs them on start.

## Rate limiting

Every client key may make 100 requests per minute; above that the API answers 429 Too Many Requests.

## Payments

Card payments go through Stripe. Webhooks arrive at POST /webhooks/stripe and are verified with the
signing secret.
`,
  'package.json': JSON.stringify(
    {
      name: 'invoices-api',
      version: '2.3.0',
      engines: { node: '>=20' },
      scripts: { start: 'node server.js', migrate: 'knex migrate:latest' },
      dependencies: { express: '^4.19.2', pg: '^8.11.3', knex: '^3.1.0', stripe: '^14.0.0' },
    },
    null,
    2,
  ),
  Dockerfile: `FROM node:22-bookworm-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
EXPOSE 3000
CMD ["sh", "-c", "npx knex migrate:latest && node server.js"]
`,
  'server.js': "require('express')().listen(3000);\n",
};

const WORKER_FILES = {
  'README.md': `# Report worker

Background jobs for the invoices platform, run by Celery.

## Broker

Celery uses Redis as its message broker and result backend (REDIS_URL).

## Schedules

Celery beat runs the nightly revenue report at 02:00 UTC and emails it as a PDF made with ReportLab.
Reminder emails for overdue invoices go out every hour.
`,
  'requirements.txt': 'celery==5.3.6\nredis==5.0.1\nreportlab==4.1.0\npsycopg[binary]==3.1.18\n',
  Dockerfile: `FROM python:3.12-slim-bookworm
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["celery", "-A", "tasks", "worker", "--beat", "--loglevel=info"]
`,
  'tasks.py': 'from celery import Celery\napp = Celery("tasks")\n',
};

export const WEB_FILES = {
  'README.md': `# Storefront web server

A small Go HTTP server that renders the public storefront.

## Static assets

Files under /public are served with Cache-Control: max-age=31536000, immutable, because their names
carry a content hash.

## Shutdown

On SIGTERM the server stops accepting connections and drains in-flight requests for up to 25 seconds
(graceful shutdown) before it exits.
`,
  'go.mod': 'module github.com/acme/storefront\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n',
  Dockerfile: `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /storefront .

FROM gcr.io/distroless/static-debian12
COPY --from=build /storefront /storefront
EXPOSE 8080
ENTRYPOINT ["/storefront"]
`,
  'main.go': 'package main\n\nfunc main() {}\n',
};

const CONVERSATION_SUMMARY = `The user asked to put the api on a public domain. We agreed on api.acme.dev with automatic TLS
from Let's Encrypt, and to keep the storefront on www.acme.dev.

The worker kept getting killed for running out of memory while rendering the nightly report, so its
memory limit was raised from 256 MiB to 512 MiB.`;

export interface Project {
  ids: Record<'api' | 'worker' | 'web' | 'docs', string>;
  repos: Record<'api' | 'worker' | 'web', ReturnType<typeof makeGitRepo>>;
  failures: Record<'api' | 'worker', string>;
}

export async function createProject(ctx: AppContext): Promise<Project> {
  const repos = { api: makeGitRepo(API_FILES), worker: makeGitRepo(WORKER_FILES), web: makeGitRepo(WEB_FILES) };
  const make = async (input: unknown) => (await createApp(ctx, CALLER, CreateAppInput.parse(input))).id;
  const ids = {
    api: await make({
      name: 'api',
      source: { type: 'git', url: repos.api.url },
      port: 3000,
      healthCheck: { type: 'http', path: '/health' },
    }),
    worker: await make({
      name: 'worker',
      source: { type: 'git', url: repos.worker.url },
      memoryMb: 512,
      healthCheck: { type: 'none' },
    }),
    web: await make({
      name: 'web',
      source: { type: 'git', url: repos.web.url },
      port: 8080,
      healthCheck: { type: 'http', path: '/healthz' },
      cpus: 0.5,
    }),
    docs: await make({ name: 'docs', source: { type: 'image', image: 'nginx:1.27' }, port: 80 }),
  };
  await setEnvVars(ctx.db, ctx.secrets, CALLER, ids.api, {
    vars: {
      STRIPE_SECRET_KEY: SECRET_CANARY,
      DATABASE_URL: `postgres://api:${DB_PASSWORD}@db:5432/invoices`,
      LOG_LEVEL: 'info',
    },
  });

  const failures = {
    api: await failedDeployment(
      ctx,
      ids.api,
      "The build failed: The command '/bin/sh -c npm ci --omit=dev' returned a non-zero code: 1",
      [
        'Step 4/7 : RUN npm ci --omit=dev',
        // A careless build script echoes its environment: the canary must be scrubbed.
        `debug: STRIPE_SECRET_KEY=${SECRET_CANARY}`,
        'npm ERR! code ERESOLVE',
        'npm ERR! ERESOLVE could not resolve',
        'npm ERR! While resolving: invoices-api@2.3.0',
        'npm ERR! Found: knex@3.1.0',
        'npm ERR! Could not resolve dependency: peer pg@"^7" from knex-legacy-adapter@1.0.0',
        'npm ERR! Fix the upstream dependency conflict, or retry with --legacy-peer-deps',
      ],
    ),
    worker: await failedDeployment(
      ctx,
      ids.worker,
      'The new container did not become healthy: the container exited with code 137',
      [
        '[container] celery@worker ready.',
        '[container] Task reports.nightly_revenue started',
        '[container] Killed',
        'Container exited with code 137 (OOMKilled: the memory limit of 256 MiB was reached)',
      ],
    ),
  };

  const userId = randomUUID();
  await ctx.db.insert(users).values({ id: userId, email: 'owner@example.com', passwordHash: 'x', role: 'owner' });
  await ctx.db
    .insert(conversations)
    .values({ userId, title: 'Domains and worker memory', summary: CONVERSATION_SUMMARY });
  return { ids, repos, failures };
}

async function failedDeployment(ctx: AppContext, appId: string, error: string, lines: string[]): Promise<string> {
  const [d] = await ctx.db
    .insert(deployments)
    .values({
      appId,
      number: 1,
      status: 'failed',
      settings: settingsOf(await getAppRow(ctx, appId)),
      error,
      createdBy: 'knowledge-test',
      finishedAt: new Date(),
    })
    .returning();
  const filler = Array.from({ length: 60 }, (_, i) => `Step ${i % 3}: routine build output line ${i}`);
  await ctx.db.insert(deploymentLogs).values(
    [...filler, ...lines, error].map((text, i) => ({
      deploymentId: d!.id,
      seq: i + 1,
      stream: 'stdout' as const,
      text,
    })),
  );
  return d!.id;
}
