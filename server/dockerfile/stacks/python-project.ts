import type { RepoFacts } from '../repo-facts.ts';
import { tomlKeys, tomlString, tomlStringArray, tomlTable } from './toml-lite.ts';

type PythonInstaller = 'uv' | 'poetry' | 'pip-requirements' | 'pip-project';

export interface PythonProject {
  installer: PythonInstaller;
  /** Normalized distribution names (PEP 503), from every manifest found. */
  deps: Set<string>;
  /** A version range for Python itself, when the repository states one. */
  pythonRange: string | null;
  /** requirements.txt pulls in other files or the project itself, so the source goes in first. */
  requirementsNeedSource: boolean;
  evidence: string[];
}

/** The Python manifests, which installer they call for, and the dependencies they name. */
export async function readPythonProject(repo: RepoFacts): Promise<PythonProject | null> {
  const pyproject = await repo.read('pyproject.toml');
  const hasRequirements = repo.has('requirements.txt');
  const poetryTable = pyproject !== null && tomlTable(pyproject, 'tool.poetry') !== null;
  const projectTable = pyproject !== null ? tomlTable(pyproject, 'project') : null;
  const buildable = projectTable !== null || poetryTable || repo.has('setup.py');
  if (!hasRequirements && !buildable) return null;

  const evidence: string[] = [];
  let installer: PythonInstaller;
  if (repo.has('uv.lock') && pyproject !== null) {
    installer = 'uv';
    evidence.push('Found pyproject.toml and uv.lock, so dependencies are installed with uv sync from the lock file.');
  } else if (repo.has('poetry.lock') && poetryTable) {
    installer = 'poetry';
    evidence.push(
      'Found pyproject.toml and poetry.lock, so dependencies are installed with Poetry from the lock file.',
    );
  } else if (hasRequirements) {
    installer = 'pip-requirements';
    evidence.push('Found requirements.txt, so dependencies are installed with pip into a virtual environment.');
  } else if (poetryTable) {
    installer = 'poetry';
    evidence.push(
      'pyproject.toml has a [tool.poetry] table but no poetry.lock, so Poetry resolves dependencies at build time; commit poetry.lock for repeatable builds.',
    );
  } else if (buildable) {
    installer = 'pip-project';
    evidence.push(
      `Found ${projectTable !== null ? 'pyproject.toml' : 'setup.py'} without a lock file, so the project is installed with pip install .`,
    );
  } else {
    return null;
  }

  const deps = new Set<string>();
  let requirementsNeedSource = false;
  if (hasRequirements) requirementsNeedSource = await collectRequirements(repo, 'requirements.txt', deps, 0);
  if (pyproject !== null) {
    for (const spec of tomlStringArray(projectTable ?? '', 'dependencies')) addDep(deps, spec);
    for (const key of tomlKeys(tomlTable(pyproject, 'tool.poetry.dependencies') ?? '')) addDep(deps, key);
  }
  deps.delete('python');
  return {
    installer,
    deps,
    pythonRange: await pythonRange(repo, pyproject, projectTable),
    requirementsNeedSource,
    evidence,
  };
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function addDep(deps: Set<string>, spec: string): void {
  const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1];
  if (name) deps.add(normalizeName(name));
}

/** Adds requirement names; true when the file includes others, constraints or local paths. */
async function collectRequirements(repo: RepoFacts, file: string, deps: Set<string>, depth: number): Promise<boolean> {
  const text = (await repo.read(file)) ?? '';
  let needsSource = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const include = /^(?:-r|--requirement|-c|--constraint)\s*=?\s*(\S+)/.exec(line)?.[1];
    if (include) {
      needsSource = true;
      const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
      if (depth < 2 && line.startsWith('-r')) await collectRequirements(repo, `${dir}${include}`, deps, depth + 1);
    } else if (/^(-e|--editable|\.|\/|file:)/.test(line)) {
      needsSource = true;
    } else if (!line.startsWith('-')) {
      addDep(deps, line);
    }
  }
  return needsSource;
}

async function pythonRange(
  repo: RepoFacts,
  pyproject: string | null,
  projectTable: string | null,
): Promise<string | null> {
  const pinned = (await repo.read('.python-version'))?.trim().split(/\s+/)[0];
  if (pinned && /^\d+\.\d+/.test(pinned)) return `==${pinned.split('.').slice(0, 2).join('.')}`;
  const runtime = /python-(\d+\.\d+)/.exec((await repo.read('runtime.txt')) ?? '')?.[1];
  if (runtime) return `==${runtime}`;
  const requires = projectTable !== null ? tomlString(projectTable, 'requires-python') : null;
  if (requires) return requires;
  const poetryDeps = pyproject !== null ? tomlTable(pyproject, 'tool.poetry.dependencies') : null;
  return poetryDeps !== null ? tomlString(poetryDeps, 'python') : null;
}
