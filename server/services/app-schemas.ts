import { z } from 'zod';
import { resourceName, envVarName } from './names.ts';

/** Shared by REST routes and tools: one definition of what an app looks like from outside. */

const relativePath = z
  .string()
  .max(300)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    error: 'expected a path inside the repository, without ".."',
  });

export const SourceInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('image').describe('Run a prebuilt image'),
    image: z
      .string()
      .min(1)
      .max(300)
      .regex(/^[\w.\-/:@]+$/, { error: 'expected an image reference such as nginx:1.27 or ghcr.io/acme/api:1.2' })
      .describe('Image reference, e.g. nginx:1.27'),
  }),
  z.object({
    type: z.literal('git').describe('Build from a git repository'),
    url: z.string().min(1).max(500).describe('Clone URL: https://…, ssh://…, git@host:path or file://…'),
    ref: z.string().max(200).optional().describe('Branch, tag or commit; default: the default branch'),
    subdir: relativePath.optional().describe('Folder inside the repository to build'),
    dockerfilePath: relativePath.optional().describe('Dockerfile path inside the build folder; default Dockerfile'),
    generateDockerfile: z
      .boolean()
      .optional()
      .describe('Generate a Dockerfile from the detected stack instead of using one from the repository'),
    deployKey: z
      .string()
      .max(20_000)
      .optional()
      .describe('Private SSH deploy key for a private repository; stored encrypted, never shown again'),
  }),
  z.object({
    type: z.literal('tarball').describe('Build from an uploaded .tar or .tar.gz (POST /api/uploads)'),
    uploadId: z
      .uuid({ error: 'expected the uploadId returned by POST /api/uploads' })
      .describe('Id from POST /api/uploads'),
    subdir: relativePath.optional().describe('Folder inside the archive to build'),
    dockerfilePath: relativePath.optional().describe('Dockerfile path inside the build folder; default Dockerfile'),
    generateDockerfile: z.boolean().optional().describe('Generate a Dockerfile from the detected stack'),
  }),
]);

export const HealthCheckInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('http'),
    path: z
      .string()
      .startsWith('/', { error: 'expected a path starting with /' })
      .max(300)
      .describe('Path that answers 2xx/3xx when healthy'),
  }),
  z.object({ type: z.literal('tcp').describe('Healthy when the port accepts connections') }),
  z.object({ type: z.literal('none').describe('Healthy when the container keeps running') }),
]);

const VolumeInput = z.object({
  name: resourceName.describe('Docker volume name'),
  target: z
    .string()
    .startsWith('/', { error: 'expected an absolute path in the container' })
    .max(300)
    .describe('Mount path in the container'),
  readOnly: z.boolean().optional().describe('Mount read-only'),
});

const settings = {
  port: z
    .number()
    .int()
    .min(1)
    .max(65535)
    .nullable()
    .optional()
    .describe('Port the app listens on inside the container'),
  command: z.array(z.string().max(1000)).max(50).nullable().optional().describe('Override the image command'),
  healthCheck: HealthCheckInput.optional().describe('How to tell the new container is ready before traffic switches'),
  healthTimeoutSeconds: z.number().int().min(5).max(900).optional().describe('How long to wait for healthy'),
  restartPolicy: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).optional().describe('Docker restart policy'),
  cpus: z.number().positive().max(64).nullable().optional().describe('CPU limit in cores, e.g. 0.5'),
  memoryMb: z.number().int().min(6).max(1_048_576).nullable().optional().describe('Memory limit in MiB'),
  volumes: z.array(VolumeInput).max(20).optional().describe('Named volumes to mount'),
  buildArgs: z
    .record(envVarName, z.string().max(10_000))
    .optional()
    .describe('Docker build arguments (not secret; use build-time env vars for secrets)'),
};

export const CreateAppInput = z.object({
  name: resourceName.describe('App name, unique in the panel, e.g. "api"'),
  project: resourceName.optional().describe('Project name; default "default" (created when missing)'),
  source: SourceInput,
  ...settings,
});

const UpdateAppInput = z
  .object({ source: SourceInput.optional(), ...settings })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { error: 'expected at least one setting to change' });

export type CreateApp = z.infer<typeof CreateAppInput>;
export type UpdateApp = z.infer<typeof UpdateAppInput>;
