import { images, nodeMajors } from '../base-images.ts';
import type { Line } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import { pickVersion } from '../version-range.ts';
import type { PackageJson } from './node-package-json.ts';
import type { NodePackageManager } from './node-package-manager.ts';

export interface NodeContext {
  repo: RepoFacts;
  pkg: PackageJson;
  pm: NodePackageManager;
  buildImage: string;
  runtimeImage: string;
  /** The unprivileged user that the runtime image already has. */
  user: string;
  /** Workspaces need every package.json before installing, so the source is copied first. */
  workspaces: boolean;
  explanation: string[];
}

export function nodeContext(
  repo: RepoFacts,
  pkg: PackageJson,
  pm: NodePackageManager,
  explanation: string[],
): NodeContext {
  const workspaces = pkg.workspaces !== undefined || repo.has('pnpm-workspace.yaml');
  if (workspaces) explanation.push('This is a workspace (monorepo), so the whole source is copied before installing.');
  if (pm.name === 'bun') {
    explanation.push(`Bun builds in ${images.bun} and runs in ${images.bunSlim} as the bun user.`);
    return {
      repo,
      pkg,
      pm,
      buildImage: images.bun,
      runtimeImage: images.bunSlim,
      user: 'bun',
      workspaces,
      explanation,
    };
  }
  const wanted = pkg.engines?.node;
  let major = pickVersion(nodeMajors, wanted);
  if (wanted && major) {
    explanation.push(`package.json asks for Node "${wanted}", so the image is ${images.node(major)}.`);
  } else if (wanted) {
    major = nodeMajors[0];
    explanation.push(`No supported Node image matches engines.node "${wanted}"; using ${images.node(major)}.`);
  }
  const image = images.node(major ?? nodeMajors[0]);
  return { repo, pkg, pm, buildImage: image, runtimeImage: image, user: 'node', workspaces, explanation };
}

/** The stage that installs dependencies, builds, and (for servers) drops dev dependencies. */
export function nodeBuildStage(ctx: NodeContext, opts: { build: boolean; prune: boolean; env?: string[] }): Line[] {
  const { pm } = ctx;
  const install: Line[] = ctx.workspaces
    ? ['COPY . .', `RUN ${pm.install}`]
    : [
        `COPY ${pm.manifestFiles.join(' ')} ./`,
        ...pm.manifestDirs.map((d) => `COPY ${d} ./${d}`),
        `RUN ${pm.install}`,
        'COPY . .',
      ];
  return [
    `FROM ${ctx.buildImage} AS build`,
    'WORKDIR /app',
    ...pm.buildSetup,
    ...install,
    opts.env?.length ? `ENV ${opts.env.join(' ')}` : null,
    opts.build ? `RUN ${pm.run('build')}` : null,
    opts.prune && pm.prune ? `RUN ${pm.prune}` : null,
  ];
}

export function nodeDockerignore(extra: string[] = []): string[] {
  return [
    'node_modules',
    'npm-debug.log*',
    'yarn-error.log',
    '.next',
    '.nuxt',
    '.output',
    '.svelte-kit',
    '.turbo',
    'coverage',
    ...extra,
  ];
}
