import { dockerignore, execCmd, header, joinLines } from '../dockerfile-text.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';
import { hasDependency, script } from './node-package-json.ts';
import { type NodeContext, nodeBuildStage, nodeDockerignore } from './node-shared.ts';

const nextConfigs = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'];

/** Next.js: the standalone server when next.config asks for it, `next start` otherwise. */
export async function detectNextjs(ctx: NodeContext, options: GenerateOptions): Promise<StackDraft | null> {
  const { pkg, pm, repo, explanation } = ctx;
  if (!hasDependency(pkg, 'next')) return null;
  const port = options.port ?? 3000;
  const runtime = pm.name === 'bun' ? 'bun' : 'node';
  const configFile = repo.first(...nextConfigs);
  const config = configFile ? ((await repo.read(configFile)) ?? '') : '';
  const standalone = /output\s*:\s*['"`]standalone['"`]/.test(config);
  explanation.push('Found next in package.json, so this is a Next.js app, built with `next build`.');

  const env = [`NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=${port}`];
  let runtimeLines: string[];
  let args: string[];
  if (standalone) {
    explanation.push(
      `${configFile} sets output: 'standalone', so only the traced server (.next/standalone) and static files are copied into the runtime image.`,
    );
    args = [runtime, 'server.js'];
    runtimeLines = [
      repo.hasDir('public') ? `COPY --from=build --chown=${ctx.user}:${ctx.user} /app/public ./public` : null,
      `COPY --from=build --chown=${ctx.user}:${ctx.user} /app/.next/standalone ./`,
      `COPY --from=build --chown=${ctx.user}:${ctx.user} /app/.next/static ./.next/static`,
    ].filter((l): l is string => l !== null);
  } else {
    explanation.push(
      "next.config does not set output: 'standalone', so the whole app runs with `next start`; set it for a much smaller image.",
    );
    const startScript = script(pkg, 'start');
    args = startScript?.includes('next start') ? pm.runArgs('start') : [runtime, 'node_modules/.bin/next', 'start'];
    // Next.js writes its cache under .next at run time, so the app user owns the files.
    runtimeLines = [
      ...(args[0] === 'yarn' ? pm.runtimeSetup : []),
      `COPY --from=build --chown=${ctx.user}:${ctx.user} /app ./`,
    ];
  }
  explanation.push(`Next.js reads PORT and HOSTNAME, so it listens on 0.0.0.0:${port}.`);

  const dockerfile = joinLines(
    header('Next.js'),
    nodeBuildStage(ctx, { build: true, prune: !standalone, env: ['NEXT_TELEMETRY_DISABLED=1'] }),
    '',
    `FROM ${ctx.runtimeImage}`,
    'WORKDIR /app',
    `ENV ${env.join(' ')}`,
    runtimeLines,
    `USER ${ctx.user}`,
    `EXPOSE ${port}`,
    execCmd(args),
  );
  return {
    stack: 'nextjs',
    dockerfile,
    dockerignore: dockerignore(nodeDockerignore()),
    port,
    startCommand: args.join(' '),
    explanation,
  };
}
