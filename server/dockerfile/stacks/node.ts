import { DomainError } from '../../errors.ts';
import { dockerignore, execCmd, header, joinLines } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';
import { detectNextjs } from './node-next.ts';
import { hasDependency, readPackageJson, script } from './node-package-json.ts';
import { detectPackageManager } from './node-package-manager.ts';
import { type NodeContext, nodeBuildStage, nodeContext, nodeDockerignore } from './node-shared.ts';
import { detectStaticBuild } from './node-static.ts';

const defaultPort = 3000;

export async function detectNode(repo: RepoFacts, options: GenerateOptions): Promise<StackDraft | null> {
  const pkg = await readPackageJson(repo);
  if (!pkg) return null;
  const pm = await detectPackageManager(repo, pkg);
  const explanation = ['Found package.json, so this is a Node.js project.', ...pm.evidence];
  const ctx = nodeContext(repo, pkg, pm, explanation);
  return (
    (await detectNextjs(ctx, options)) ?? (await detectStaticBuild(ctx, options)) ?? (await nodeServer(ctx, options))
  );
}

interface Start {
  args: string[];
  /** The JavaScript file that starts the server, when known; scanned for its port. */
  entry: string | null;
  stack: string;
}

async function nodeServer(ctx: NodeContext, options: GenerateOptions): Promise<StackDraft> {
  const { pkg, pm, explanation } = ctx;
  const start = findStart(ctx);
  const hasBuild = Boolean(script(pkg, 'build'));
  if (hasBuild) explanation.push(`package.json has a "build" script, so the build stage runs ${pm.run('build')}.`);
  if (pm.prune) explanation.push('Dev dependencies are removed after the build to keep the runtime image small.');

  let port = options.port ?? defaultPort;
  const source = start.entry ? await ctx.repo.read(start.entry) : null;
  if (source !== null && start.entry) {
    const hardCoded = /\.listen\(\s*(\d{2,5})\b/.exec(source)?.[1];
    const fallback = /PORT\s*(?:\|\||\?\?)\s*['"]?(\d{2,5})/.exec(source)?.[1];
    if (/process\.env(?:\.PORT|\[['"]PORT['"]\])|Bun\.env\.PORT/.test(source)) {
      if (options.port === undefined && fallback) port = Number(fallback);
      explanation.push(`${start.entry} reads PORT, so the container sets PORT=${port}.`);
    } else if (hardCoded) {
      if (options.port === undefined) port = Number(hardCoded);
      explanation.push(
        `${start.entry} listens on port ${hardCoded} without reading PORT; make it use process.env.PORT so the panel can choose the port.`,
      );
    }
  }
  explanation.push(`The app must listen on 0.0.0.0 (HOST is set) and on $PORT (${port}).`);
  explanation.push(
    `App files belong to root and the app runs as the unprivileged ${ctx.user} user; write data to a mounted volume.`,
  );

  const dockerfile = joinLines(
    header('Node.js'),
    nodeBuildStage(ctx, { build: hasBuild, prune: true }),
    '',
    `FROM ${ctx.runtimeImage}`,
    'WORKDIR /app',
    `ENV NODE_ENV=production HOST=0.0.0.0 PORT=${port}`,
    start.args[0] === 'yarn' ? pm.runtimeSetup : [],
    'COPY --from=build /app ./',
    `USER ${ctx.user}`,
    `EXPOSE ${port}`,
    execCmd(start.args),
  );
  return {
    stack: start.stack,
    dockerfile,
    dockerignore: dockerignore(nodeDockerignore()),
    port,
    startCommand: start.args.join(' '),
    explanation,
  };
}

/** SSR frameworks whose production server has a fixed entry point after `build`. */
const frameworkServers: { dep: string; when?: string; entry: string; stack: string; label: string }[] = [
  { dep: 'nuxt', entry: '.output/server/index.mjs', stack: 'nuxt', label: 'Nuxt' },
  {
    dep: '@sveltejs/kit',
    when: '@sveltejs/adapter-node',
    entry: 'build/index.js',
    stack: 'sveltekit',
    label: 'SvelteKit with adapter-node',
  },
  {
    dep: 'astro',
    when: '@astrojs/node',
    entry: 'dist/server/entry.mjs',
    stack: 'astro-node',
    label: 'Astro with @astrojs/node',
  },
];

function findStart(ctx: NodeContext): Start {
  const { pkg, pm, repo, explanation } = ctx;
  const runtime = pm.name === 'bun' ? 'bun' : 'node';
  const startScript = script(pkg, 'start');
  if (startScript) {
    const direct = /^(?:node|bun)\s+(?:run\s+)?([\w./@-]+)$/.exec(startScript.trim())?.[1];
    if (direct) {
      explanation.push(
        `The "start" script is "${startScript}", so the container runs ${runtime} ${direct} directly (signals reach the app).`,
      );
      return { args: [runtime, direct], entry: resolveEntry(repo, direct), stack: 'node' };
    }
    explanation.push(`The container runs the "start" script ("${startScript}").`);
    return { args: pm.runArgs('start'), entry: null, stack: 'node' };
  }
  for (const fw of frameworkServers) {
    if (hasDependency(pkg, fw.dep) && (!fw.when || hasDependency(pkg, fw.when))) {
      explanation.push(`Found ${fw.label}, so the container runs its built server, ${fw.entry}.`);
      return { args: [runtime, fw.entry], entry: null, stack: fw.stack };
    }
  }
  if (pkg.main) {
    explanation.push(`There is no "start" script, so the container runs "main" from package.json (${pkg.main}).`);
    return { args: [runtime, pkg.main], entry: resolveEntry(repo, pkg.main), stack: 'node' };
  }
  const guess = repo.first(
    ...['server', 'index', 'app', 'main'].flatMap((n) => [`${n}.js`, `${n}.mjs`, `src/${n}.js`, `src/${n}.mjs`]),
  );
  if (guess) {
    explanation.push(`There is no "start" script, so the container runs ${guess}.`);
    return { args: [runtime, guess], entry: guess, stack: 'node' };
  }
  throw new DomainError(
    'invalid',
    'Found package.json, but not how to start the app.',
    'Add a "start" script to package.json (e.g. "start": "node server.js"), or add a Dockerfile.',
  );
}

function resolveEntry(repo: RepoFacts, file: string): string | null {
  const clean = file.replace(/^\.\//, '');
  return repo.first(clean, `${clean}.js`, `${clean}.mjs`, `${clean}/index.js`) ?? null;
}
