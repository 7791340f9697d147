import type { RepoFacts } from '../repo-facts.ts';
import type { PackageJson } from './node-package-json.ts';

type NodePackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface NodePackageManager {
  name: NodePackageManagerName;
  /** Files to copy before installing, so the install layer is cached until they change. */
  manifestFiles: string[];
  /** Folders needed by the install (e.g. `.yarn` releases, `patches`). */
  manifestDirs: string[];
  /** Dockerfile lines that make the tool available in the build stage. */
  buildSetup: string[];
  /** Dockerfile lines the runtime stage needs to run scripts with this tool (Yarn Berry only). */
  runtimeSetup: string[];
  install: string;
  /** Removes dev dependencies after the build; null when the tool cannot do it safely. */
  prune: string | null;
  run: (scriptName: string) => string;
  /** How the runtime image runs a package.json script. */
  runArgs: (scriptName: string) => string[];
  evidence: string[];
}

const corepackHome = '/usr/local/share/corepack';
const corepackEnv = `ENV COREPACK_HOME=${corepackHome} COREPACK_ENABLE_DOWNLOAD_PROMPT=0`;

const lockFiles: Record<string, NodePackageManagerName> = {
  'pnpm-lock.yaml': 'pnpm',
  'yarn.lock': 'yarn',
  'bun.lock': 'bun',
  'bun.lockb': 'bun',
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
};

export async function detectPackageManager(repo: RepoFacts, pkg: PackageJson): Promise<NodePackageManager> {
  const declared = /^(npm|pnpm|yarn|bun)@(\d[^+\s]*)/.exec(pkg.packageManager ?? '');
  const declaredName = declared?.[1] as NodePackageManagerName | undefined;
  const declaredVersion = declared?.[2];
  const found = Object.keys(lockFiles).filter((f) => repo.has(f));
  const evidence: string[] = [];

  const lockFile = found.find((f) => lockFiles[f] === declaredName) ?? found[0];
  const name: NodePackageManagerName = lockFile ? (lockFiles[lockFile] ?? 'npm') : (declaredName ?? 'npm');
  if (lockFile) {
    evidence.push(`Found ${lockFile}, so dependencies are installed with ${name}.`);
    if (found.length > 1) {
      evidence.push(
        `Several lock files exist (${found.join(', ')}); ${lockFile} was used. Delete the others to avoid drift.`,
      );
    }
  } else if (declaredName) {
    evidence.push(
      `package.json declares "packageManager": "${pkg.packageManager}", so dependencies are installed with ${name}.`,
    );
  } else {
    evidence.push(
      'No lock file was found, so dependencies are installed with npm install; commit package-lock.json for repeatable builds.',
    );
  }
  const version = declaredName === name ? declaredVersion : undefined;
  const manifestFiles = ['package.json', ...(lockFile ? [lockFile] : [])];
  const extras = ['.npmrc', '.yarnrc', '.yarnrc.yml', 'bunfig.toml', 'pnpm-workspace.yaml'].filter((f) => repo.has(f));
  const manifestDirs = ['.yarn/releases', '.yarn/plugins', '.yarn/patches', 'patches'].filter((d) => repo.hasDir(d));
  const base = { name, manifestFiles: [...manifestFiles, ...extras], manifestDirs, evidence };

  switch (name) {
    case 'pnpm': {
      const pnpmVersion = version ?? (await pnpmMajorFromLock(repo));
      evidence.push(`pnpm ${pnpmVersion} is installed with npm in the build stage.`);
      return {
        ...base,
        buildSetup: [`RUN npm install -g pnpm@${pnpmVersion}`],
        runtimeSetup: [],
        install: lockFile ? 'pnpm install --frozen-lockfile' : 'pnpm install',
        prune: 'pnpm prune --prod',
        run: (s) => `pnpm run ${s}`,
        runArgs: (s) => ['npm', 'run', s],
      };
    }
    case 'yarn': {
      const berry = isYarnBerry(repo, version, await repo.read('yarn.lock'));
      if (!berry) {
        evidence.push('This is Yarn 1 (classic); the yarn that ships in the node image installs it.');
        return {
          ...base,
          buildSetup: [],
          runtimeSetup: [],
          install: lockFile ? 'yarn install --frozen-lockfile' : 'yarn install',
          prune: 'yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline',
          run: (s) => `yarn run ${s}`,
          runArgs: (s) => ['yarn', 'run', s],
        };
      }
      const major = Number(version?.split('.')[0] ?? 4);
      evidence.push('This is Yarn 2 or newer (Berry), enabled through corepack in both stages.');
      if (major < 4)
        evidence.push('Yarn before 4 cannot drop dev dependencies without a plugin, so they stay in the image.');
      return {
        ...base,
        buildSetup: [corepackEnv, 'RUN corepack enable'],
        // The runtime reuses the Yarn that the build downloaded; the non-root user cannot fetch it.
        runtimeSetup: [corepackEnv, `COPY --from=build ${corepackHome} ${corepackHome}`, 'RUN corepack enable'],
        install: lockFile ? 'yarn install --immutable' : 'yarn install',
        prune: major >= 4 ? 'yarn workspaces focus --all --production' : null,
        run: (s) => `yarn run ${s}`,
        runArgs: (s) => ['yarn', 'run', s],
      };
    }
    case 'bun':
      return {
        ...base,
        buildSetup: [],
        runtimeSetup: [],
        install: lockFile ? 'bun install --frozen-lockfile' : 'bun install',
        prune: `rm -rf node_modules && bun install --production${lockFile ? ' --frozen-lockfile' : ''}`,
        run: (s) => `bun run ${s}`,
        runArgs: (s) => ['bun', 'run', s],
      };
    case 'npm':
      return {
        ...base,
        buildSetup: [],
        runtimeSetup: [],
        install: lockFile ? 'npm ci' : 'npm install',
        prune: 'npm prune --omit=dev',
        run: (s) => `npm run ${s}`,
        runArgs: (s) => ['npm', 'run', s],
      };
  }
}

function isYarnBerry(repo: RepoFacts, declaredVersion: string | undefined, lock: string | null): boolean {
  if (declaredVersion) return Number(declaredVersion.split('.')[0]) >= 2;
  return repo.has('.yarnrc.yml') || Boolean(lock?.includes('__metadata:'));
}

/** pnpm's lock file format tells which pnpm wrote it. */
async function pnpmMajorFromLock(repo: RepoFacts): Promise<string> {
  const lock = (await repo.read('pnpm-lock.yaml')) ?? '';
  const format = Number(/^lockfileVersion:\s*'?(\d+)/m.exec(lock)?.[1] ?? 9);
  // pnpm 9 reads lock files written by pnpm 10 too, and still runs dependency build scripts.
  if (format >= 9) return '9';
  if (format >= 6) return '8';
  return '7';
}
