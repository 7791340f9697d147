import { z } from 'zod';
import { BACKUP_KINDS } from '../../server/backups/schemas.ts';
import { actionStatusEnum } from '../../server/db/schema/actions.ts';
import { deploymentStatusEnum } from '../../server/db/schema/deployments.ts';

/**
 * The shapes tools hand back in `data`, shared so an app, a deployment or a backup looks the same
 * in every tool's result (and in MCP's outputSchema, the REST response and the web's types).
 * Everything here is JSON: times are ISO strings, and nothing secret has a field.
 */

/** JSON has no dates: every time is an ISO 8601 string (the engine's own carry nanoseconds). */
export const IsoTime = z.iso.datetime({ offset: true });
const at = (what: string) => IsoTime.describe(what);
const nullableAt = (what: string) => IsoTime.nullable().describe(what);

const AppSource = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('image'), image: z.string().describe('Image reference, e.g. nginx:1.27') }),
    z.object({
      type: z.literal('git'),
      url: z.string().describe('Clone URL; any credentials in it are redacted'),
      ref: z.string().optional().describe('Branch, tag or commit; absent means the default branch'),
      subdir: z.string().optional().describe('Folder inside the repository that is built'),
      dockerfilePath: z.string().optional().describe('Dockerfile path inside the build folder'),
      generateDockerfile: z.boolean().optional().describe('A Dockerfile is generated from the detected stack'),
    }),
    z.object({
      type: z.literal('tarball'),
      uploadId: z.string().describe('The uploaded archive'),
      subdir: z.string().optional().describe('Folder inside the archive that is built'),
      dockerfilePath: z.string().optional().describe('Dockerfile path inside the build folder'),
      generateDockerfile: z.boolean().optional().describe('A Dockerfile is generated from the detected stack'),
    }),
  ])
  .describe('Where the app comes from');

const HealthCheck = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('http'), path: z.string().describe('Path that must answer 2xx/3xx') }),
    z.object({ type: z.literal('tcp') }),
    z.object({ type: z.literal('none') }),
  ])
  .describe('How a new container is judged ready before traffic switches to it');

const Volume = z.object({
  name: z.string().describe('Named Docker volume'),
  target: z.string().describe('Mount path inside the container'),
  readOnly: z.boolean().optional().describe('Mounted read-only'),
});

export const App = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    projectName: z.string(),
    name: z.string().describe('Unique across the panel; what other tools take as app'),
    source: AppSource,
    hasDeployKey: z.boolean().describe('A git deploy key is stored (it is never returned)'),
    buildArgs: z.record(z.string(), z.string()).describe('Docker build arguments, name to value (not secret)'),
    port: z.number().int().nullable().describe('Container port the app listens on; null: none'),
    command: z.array(z.string()).nullable().describe("Command override; null: the image's own"),
    healthCheck: HealthCheck,
    healthTimeoutSeconds: z.number().int().describe('How long a new container may take to become healthy'),
    restartPolicy: z.enum(['no', 'always', 'unless-stopped', 'on-failure']),
    cpus: z.number().nullable().describe('CPU limit in cores; null: none'),
    memoryMb: z.number().int().nullable().describe('Memory limit in MiB; null: none'),
    volumes: z.array(Volume),
    currentDeploymentId: z.uuid().nullable().describe('The live deployment; null: never deployed'),
    createdAt: at('When the app was created'),
    updatedAt: at('When its settings last changed'),
  })
  .describe("An app's settings; env var values and deploy keys are never included")
  .meta({ id: 'App' });

export const Container = z
  .object({
    id: z.string().describe('Docker container id'),
    name: z.string(),
    image: z.string(),
    state: z.enum(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']),
    running: z.boolean(),
    exitCode: z.number().int().nullable().describe('Last exit code; null while it has not exited'),
    startedAt: nullableAt('When it last started'),
    finishedAt: nullableAt('When it last stopped'),
    port: z.number().int().nullable().describe('Container port the panel talks to'),
    hostPort: z.number().int().nullable().describe('Host port that port is published on, if any'),
  })
  .describe('A container as the Docker engine reports it');

export const DeploymentStatus = z
  .enum(deploymentStatusEnum.enumValues)
  .describe('queued, building and starting are in progress; running is live; the rest are finished')
  .meta({ id: 'DeploymentStatus' });

export const Deployment = z
  .object({
    id: z.uuid(),
    appId: z.uuid(),
    number: z.number().int().describe('1, 2, 3… per app'),
    status: DeploymentStatus,
    trigger: z.enum(['deploy', 'rollback']),
    rollbackOf: z.uuid().nullable().describe('For a rollback: the deployment whose image it restores'),
    commit: z.string().nullable().describe('Git commit built, when the source is git'),
    imageTag: z.string().nullable(),
    imagePruned: z.boolean().describe('The image was removed by retention, so it cannot be rolled back to'),
    containerName: z.string().nullable(),
    error: z.string().nullable().describe('Why it failed; may quote build output'),
    cancelRequested: z.boolean(),
    createdBy: z.string().describe('Who asked for it'),
    createdAt: at('When it was queued'),
    startedAt: nullableAt('When a worker started it'),
    finishedAt: nullableAt('When it finished'),
  })
  .meta({ id: 'Deployment' });

export const DeploymentSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: DeploymentStatus,
});

export const AppLogLine = z
  .object({
    stream: z.enum(['stdout', 'stderr']),
    text: z.string().describe('Untrusted output of the app'),
    time: at("The engine's timestamp"),
  })
  .meta({ id: 'AppLogLine' });

export const BuildLogLine = z
  .object({
    seq: z.number().int().describe('Line number; pass the last one as after to read only newer lines'),
    stream: z.enum(['stdout', 'stderr', 'system']).describe('system: lines the panel wrote'),
    text: z.string().describe('Untrusted build output'),
    at: at('When the line was written'),
  })
  .meta({ id: 'BuildLogLine' });

export const EnvVar = z
  .object({
    name: z.string(),
    buildTime: z.boolean().describe('Passed to the image build as a build argument'),
    runtime: z.boolean().describe('Set in the running container'),
    updatedAt: at('When its value last changed'),
  })
  .meta({ id: 'EnvVar' });

export const DnsCheck = z.object({
  status: z
    .enum(['ok', 'local', 'elsewhere', 'unresolved'])
    .describe('ok: points at this server; local: a local-only name; elsewhere: points at another address'),
  addresses: z.array(z.string()).describe('What the name resolves to (A and AAAA)'),
  warning: z.string().optional().describe('Present when the name may not reach this server; pass it on'),
});

export const Domain = z
  .object({
    id: z.uuid(),
    appId: z.uuid(),
    host: z.string(),
    pathPrefix: z.string(),
    targetPort: z.number().int().nullable().describe("Port the route sends to; null: the app's port"),
    https: z.boolean(),
    redirectHttp: z.boolean().describe('HTTP requests are redirected to HTTPS'),
    tls: z.enum(['auto', 'acme', 'internal']).describe('Certificate setting as chosen'),
    certificate: z.enum(['acme', 'internal', 'none']).describe('Where the certificate for this name comes from'),
    url: z.string(),
    createdAt: at('When it was added'),
  })
  .meta({ id: 'Domain' });

const ProxyKind = z.enum(['none', 'caddy', 'traefik']);

export const ProxyInfo = z.object({
  kind: ProxyKind.describe('The reverse proxy that applies domains'),
  note: z.string().optional().describe('Present when no proxy routes domains'),
});

export const ProxyOutcome = z
  .object({
    proxy: ProxyKind,
    status: z
      .enum(['applied', 'not_routed', 'removed', 'not_applied', 'failed'])
      .describe(
        'applied: live; not_routed: waits for a running container; removed: nothing left to route; not_applied: no proxy; failed: the proxy refused or is down',
      ),
    upstream: z.string().optional().describe('Where the proxy sends traffic, e.g. 172.18.0.5:8080'),
    note: z.string().optional(),
  })
  .describe('What happened at the reverse proxy');

const BackupKind = z.enum(BACKUP_KINDS);
const BackupTarget = z
  .record(z.string(), z.string())
  .describe('What was backed up: volume name and mount path, or database and user (never a password)');

export const Backup = z
  .object({
    id: z.uuid(),
    configId: z.uuid().nullable().describe('The configuration it ran from; null for a one-off'),
    appId: z.uuid().nullable().describe("null for the panel's own database"),
    appName: z.string().nullable(),
    kind: BackupKind,
    target: BackupTarget,
    trigger: z.enum(['manual', 'schedule']),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'deleted']),
    location: z.string().nullable().describe('Where the file is (local path or s3:// URL)'),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
    encrypted: z.boolean(),
    error: z.string().nullable().describe('Why it failed; may quote container output'),
    startedAt: at('When it started'),
    finishedAt: nullableAt('When it finished'),
  })
  .meta({ id: 'Backup' });

export const BackupConfig = z
  .object({
    id: z.uuid(),
    appId: z.uuid().nullable(),
    appName: z.string().nullable(),
    name: z.string(),
    kind: BackupKind,
    target: BackupTarget,
    destination: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('local'), path: z.string().optional() }),
        z.object({
          type: z.literal('s3'),
          bucket: z.string(),
          prefix: z.string().optional(),
          endpoint: z.string().optional(),
          region: z.string().optional(),
          accessKeyId: z.string().describe('Key id only; the secret key is never returned'),
          forcePathStyle: z.boolean().optional(),
        }),
      ])
      .describe('Where its backups go'),
    schedule: z.string().nullable().describe('Cron schedule in UTC; null: runs only when asked'),
    nextRunAt: nullableAt('Next scheduled run'),
    retentionCount: z.number().int().nullable().describe('Keep this many newest backups'),
    retentionDays: z.number().int().nullable().describe('Keep backups this many days'),
    encrypt: z.boolean(),
    createdAt: at('When it was created'),
  })
  .meta({ id: 'BackupConfig' });

export const Action = z
  .object({
    id: z.string(),
    tool: z.string().describe('The tool that runs once a person approves'),
    status: z.enum(actionStatusEnum.enumValues),
    risk: z.string().describe('read, write or destructive'),
    summary: z.string().describe('One line saying what it does'),
    target: z
      .object({ type: z.string(), id: z.string(), name: z.string().optional() })
      .nullable()
      .describe('The resource it acts on'),
    input: z.unknown().describe("The tool's input, with secret values redacted"),
    inputHash: z.string(),
    requestedBy: z.string(),
    requestedVia: z.string().describe('chat, mcp or api'),
    origin: z.record(z.string(), z.string()).describe('Where the request came from, e.g. a conversation id'),
    decidedBy: z.string().nullable(),
    decidedAt: nullableAt('When a person decided'),
    reason: z.string().nullable().describe("The person's reason, if given"),
    result: z
      .object({ text: z.string(), data: z.unknown().optional().describe("The tool's own data (see its output)") })
      .nullable()
      .describe('What the tool returned once it ran'),
    error: z.string().nullable(),
    expiresAt: at('When an undecided action expires'),
    createdAt: at('When it was requested'),
    finishedAt: nullableAt('When it finished running'),
    url: z.string().describe('Where a person approves it'),
  })
  .describe('A write waiting for, or past, a person’s approval');

/**
 * `{ deployment, notice? }`: what deploy_app and rollback_app return. Not a named component: a
 * tool's whole output stays an inline object (MCP wants `type: "object"` at the top).
 */
export const QueuedDeployment = z.object({
  deployment: Deployment,
  notice: z.string().optional().describe('Something to tell the user, e.g. another deployment is in progress'),
});
