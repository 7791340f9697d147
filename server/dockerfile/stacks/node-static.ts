import { DomainError } from '../../errors.ts';
import { images } from '../base-images.ts';
import { dockerignore, execCmd, header, joinLines, nginxConfigRun } from '../dockerfile-text.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';
import { hasDependency, script } from './node-package-json.ts';
import { type NodeContext, nodeBuildStage, nodeDockerignore } from './node-shared.ts';

interface StaticBuilder {
  dep: string;
  id: string;
  label: string;
  outDir: string;
  /** Config files that may set another output folder, and the key that sets it. */
  configs?: string[];
  outDirKey?: string;
}

const builders: StaticBuilder[] = [
  { dep: '@sveltejs/adapter-static', id: 'sveltekit', label: 'SvelteKit with adapter-static', outDir: 'build' },
  {
    dep: 'astro',
    id: 'astro',
    label: 'Astro',
    outDir: 'dist',
    configs: ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'],
    outDirKey: 'outDir',
  },
  { dep: 'react-scripts', id: 'create-react-app', label: 'Create React App', outDir: 'build' },
  {
    dep: '@vue/cli-service',
    id: 'vue-cli',
    label: 'Vue CLI',
    outDir: 'dist',
    configs: ['vue.config.js'],
    outDirKey: 'outputDir',
  },
  { dep: 'gatsby', id: 'gatsby', label: 'Gatsby', outDir: 'public' },
  { dep: '@docusaurus/core', id: 'docusaurus', label: 'Docusaurus', outDir: 'build' },
  { dep: 'parcel', id: 'parcel', label: 'Parcel', outDir: 'dist' },
  {
    dep: 'vite',
    id: 'vite',
    label: 'Vite',
    outDir: 'dist',
    configs: ['vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'vite.config.mts', 'vite.config.cjs'],
    outDirKey: 'outDir',
  },
];

/** Dependencies that mean the app has its own server, so its build output is not just files. */
const serverDeps = [
  '@sveltejs/kit',
  'express',
  'fastify',
  'koa',
  'hono',
  '@hono/node-server',
  '@nestjs/core',
  'nuxt',
  '@sveltejs/adapter-node',
  '@remix-run/node',
  '@remix-run/serve',
  '@react-router/node',
  '@react-router/serve',
  '@astrojs/node',
  '@solidjs/start',
  '@tanstack/react-start',
  'socket.io',
  'ws',
];

/** Start scripts that only serve files during development, not a production server. */
const devServerScript =
  /^(vite|vite preview|react-scripts start|vue-cli-service serve|astro (dev|preview)|parcel|gatsby (develop|serve)|docusaurus (start|serve)|serve\b|http-server\b)/;

/** A front-end whose build output is static files: built with Node, served by nginx. */
export async function detectStaticBuild(ctx: NodeContext, options: GenerateOptions): Promise<StackDraft | null> {
  const { pkg, pm, explanation } = ctx;
  const builder = builders.find((b) => hasDependency(pkg, b.dep));
  if (!builder) return null;
  // SvelteKit counts as a server unless it uses adapter-static (matched as its own builder).
  const server = builder.id === 'sveltekit' ? undefined : serverDeps.find((d) => hasDependency(pkg, d));
  const start = script(pkg, 'start')?.trim();
  if (server || (start && !devServerScript.test(start))) return null;
  if (!script(pkg, 'build')) {
    throw new DomainError(
      'invalid',
      `Found ${builder.label}, but package.json has no "build" script.`,
      `Add a "build" script (e.g. "build": "${builder.id === 'vite' ? 'vite build' : `${builder.dep} build`}"), or add a Dockerfile.`,
    );
  }
  const outDir = (await configuredOutDir(ctx, builder)) ?? builder.outDir;
  const port = options.port ?? 80;
  explanation.push(
    `Found ${builder.dep} and no server of its own, so this is a static ${builder.label} site: ${pm.run('build')} writes ${outDir}/, and nginx serves it.`,
    `nginx listens on port ${port} and sends unknown paths to index.html, so client-side routes work.`,
  );

  const dockerfile = joinLines(
    header(`${builder.label} static`),
    nodeBuildStage(ctx, { build: true, prune: false }),
    '',
    `FROM ${images.nginx}`,
    nginxConfigRun(port, true),
    `COPY --from=build /app/${outDir}/ /usr/share/nginx/html/`,
    `ENV PORT=${port}`,
    `EXPOSE ${port}`,
    execCmd(['nginx', '-g', 'daemon off;']),
  );
  return {
    stack: `static-${builder.id}`,
    dockerfile,
    dockerignore: dockerignore(nodeDockerignore([outDir])),
    port,
    startCommand: "nginx -g 'daemon off;'",
    explanation,
  };
}

/** The output folder when the builder's config file overrides the default. */
async function configuredOutDir(ctx: NodeContext, builder: StaticBuilder): Promise<string | null> {
  const file = builder.configs && ctx.repo.first(...builder.configs);
  if (!file || !builder.outDirKey) return null;
  const text = (await ctx.repo.read(file)) ?? '';
  const dir = new RegExp(`${builder.outDirKey}\\s*:\\s*['"\`]([^'"\`]+)['"\`]`).exec(text)?.[1];
  if (!dir) return null;
  const clean = dir.replace(/^\.\//, '').replace(/\/+$/, '');
  ctx.explanation.push(`${file} sets ${builder.outDirKey} to ${clean}.`);
  return clean;
}
