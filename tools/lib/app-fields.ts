import { z } from 'zod';
import { CreateAppInput, HealthCheckInput, SourceInput, type CreateApp } from '../../server/services/app-schemas.ts';
import { envVarName } from '../../server/services/names.ts';

/**
 * The app shape for models. The service schemas use discriminated unions and records, which
 * become `oneOf` and property-less objects in JSON Schema; Gemini rejects both. Here the same
 * fields (reusing the service field schemas) are flattened into one object with a `type` enum,
 * and each value is re-checked against the service schema, so the rules stay in one place.
 */

const [imageSource, gitSource, tarballSource] = SourceInput.options;

/** The first field of each type is the one it cannot do without. */
const fieldsOf = {
  image: ['image'],
  git: ['url', 'ref', 'subdir', 'dockerfilePath', 'generateDockerfile'],
  tarball: ['uploadId', 'subdir', 'dockerfilePath', 'generateDockerfile'],
} as const;

/** Reports the service schema's problems under the flat object's paths. */
function check(schema: z.ZodType, value: unknown, ctx: z.RefinementCtx): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
}

// A deploy key is deliberately absent: a private key must never pass through a model. People add
// it in the web UI or over REST.
export const SourceFields = z
  .object({
    type: z
      .enum(['image', 'git', 'tarball'])
      .describe('image: run a prebuilt image; git: build from a repository; tarball: build from an uploaded archive'),
    image: imageSource.shape.image.optional().describe('type image only: image reference, e.g. nginx:1.27'),
    url: gitSource.shape.url
      .optional()
      .describe(
        'type git only: clone URL (https://…, ssh://…, git@host:path). Private repositories need a deploy key added by a person in the web UI',
      ),
    ref: gitSource.shape.ref.describe('type git only: branch, tag or commit; default: the default branch'),
    uploadId: z.string().max(100).optional().describe('type tarball only: the id returned by POST /api/uploads'),
    subdir: gitSource.shape.subdir.describe('git or tarball: folder inside the source to build; default: the top'),
    dockerfilePath: gitSource.shape.dockerfilePath.describe(
      'git or tarball: Dockerfile path inside the build folder; default Dockerfile',
    ),
    generateDockerfile: gitSource.shape.generateDockerfile.describe(
      'git or tarball: generate a Dockerfile from the detected stack (preview it with generate_dockerfile)',
    ),
  })
  .describe('Where the app comes from. Set type, then only the fields marked for that type')
  .superRefine((s, ctx) => {
    const allowed: readonly string[] = fieldsOf[s.type];
    const required = allowed[0]!;
    if (s[required as keyof SourceFields] === undefined) {
      ctx.addIssue({ code: 'custom', message: `${required} is required for a ${s.type} source`, path: [required] });
      return;
    }
    for (const [key, value] of Object.entries(s)) {
      if (key !== 'type' && value !== undefined && !allowed.includes(key))
        ctx.addIssue({ code: 'custom', message: `${key} does not apply to a ${s.type} source`, path: [key] });
    }
    check(SourceInput, toSource(s), ctx);
  });
export type SourceFields = z.infer<typeof SourceFields>;

export function toSource(s: SourceFields): CreateApp['source'] {
  const pick = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(
      keys.filter((k) => s[k as keyof SourceFields] !== undefined).map((k) => [k, s[k as keyof SourceFields]]),
    );
  if (s.type === 'image') return { type: 'image', image: s.image ?? '' };
  if (s.type === 'git')
    return { type: 'git', url: s.url ?? '', ...pick(fieldsOf.git.slice(1)) } as z.infer<typeof gitSource>;
  return { type: 'tarball', uploadId: s.uploadId ?? '', ...pick(fieldsOf.tarball.slice(1)) } as z.infer<
    typeof tarballSource
  >;
}

export const HealthCheckFields = z
  .object({
    type: z
      .enum(['http', 'tcp', 'none'])
      .describe('http: a path answers 2xx/3xx; tcp: the port accepts connections; none: the container keeps running'),
    path: z.string().max(300).optional().describe('type http only: path to request, starting with /, e.g. /healthz'),
  })
  .describe('How to tell a new container is ready before traffic switches to it')
  .superRefine((h, ctx) => {
    if (h.type !== 'http' && h.path !== undefined)
      ctx.addIssue({ code: 'custom', message: `path applies only to an http health check`, path: ['path'] });
    check(HealthCheckInput, toHealthCheck(h), ctx);
  });

export function toHealthCheck(h: z.infer<typeof HealthCheckFields>): NonNullable<CreateApp['healthCheck']> {
  return h.type === 'http' ? { type: 'http', path: h.path ?? '' } : { type: h.type };
}

export const BuildArgFields = z
  .array(
    z.object({
      name: envVarName.describe('Build argument name, e.g. NODE_VERSION'),
      value: z
        .string()
        .max(10_000)
        .describe('Build argument value (not secret; use set_env_vars with buildTime for secrets)'),
    }),
  )
  .max(100)
  .describe('Docker build arguments as name/value pairs');

export const toBuildArgs = (args: z.infer<typeof BuildArgFields>) =>
  Object.fromEntries(args.map((a) => [a.name, a.value]));

/** The plain settings reused as they are: their JSON Schema is already provider-friendly. */
export const plainSettings = CreateAppInput.pick({
  port: true,
  command: true,
  healthTimeoutSeconds: true,
  restartPolicy: true,
  cpus: true,
  memoryMb: true,
  volumes: true,
}).shape;
