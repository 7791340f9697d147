import type { RepoFacts } from '../repo-facts.ts';
import type { PythonProject } from './python-project.ts';

type PythonServer = 'gunicorn' | 'uvicorn';

export interface PythonStart {
  /** Shell command; `$PORT` is expanded when the container starts. */
  command: string;
  framework: string;
  /** The WSGI/ASGI server to install when the manifests do not list it. */
  server: PythonServer | null;
}

const frameworks: { dep: string; label: string; server: PythonServer; pattern: RegExp }[] = [
  { dep: 'fastapi', label: 'FastAPI', server: 'uvicorn', pattern: /^(\w+)\s*(?::[^=]+)?=\s*(?:fastapi\.)?FastAPI\(/m },
  {
    dep: 'starlette',
    label: 'Starlette',
    server: 'uvicorn',
    pattern: /^(\w+)\s*(?::[^=]+)?=\s*(?:starlette\.applications\.)?Starlette\(/m,
  },
  { dep: 'flask', label: 'Flask', server: 'gunicorn', pattern: /^(\w+)\s*(?::[^=]+)?=\s*(?:flask\.)?Flask\(/m },
];

const preferredFiles = ['main.py', 'app.py', 'server.py', 'wsgi.py', 'asgi.py', 'api.py', '__init__.py'];
const maxScannedFiles = 80;

/** How to start the app: a Procfile, Django, a Flask/FastAPI/Starlette app object, or a script. */
export async function findPythonStart(
  repo: RepoFacts,
  project: PythonProject,
  explanation: string[],
): Promise<PythonStart | null> {
  const procfile = /^web:\s*(.+)$/m.exec((await repo.read('Procfile')) ?? '')?.[1]?.trim();
  if (procfile) {
    explanation.push(`The Procfile's web process ("${procfile}") is the start command.`);
    return { command: procfile, framework: 'procfile', server: null };
  }

  if (project.deps.has('django')) {
    const manage = repo.matching(/(^|\/)manage\.py$/)[0];
    const base = manage ? dirOf(manage) : '';
    const wsgi = repo.matching(/(^|\/)wsgi\.py$/).find((f) => f.startsWith(base));
    if (wsgi) {
      const module = moduleOf(wsgi.slice(base.length));
      explanation.push(`Found django in the dependencies and ${wsgi}, so gunicorn serves ${module}:application.`);
      explanation.push(
        'Run `python manage.py collectstatic` and migrations as a release step; they are not part of the image build.',
      );
      return { command: gunicorn(`${module}:application`, base), framework: 'django', server: 'gunicorn' };
    }
  }

  const framework = frameworks.find((f) => project.deps.has(f.dep));
  if (framework) {
    let found = await findAppObject(repo, framework.pattern);
    if (!found && framework.dep === 'flask') {
      // An application factory: gunicorn calls it with `module:create_app()`.
      const factory = await findAppObject(repo, /^def\s+(create_app|make_app)\s*\(/m);
      if (factory) found = { ...factory, variable: `${factory.variable}()` };
    }
    const target = found ?? {
      file: null,
      module: framework.server === 'uvicorn' ? 'main' : 'app',
      variable: 'app',
      dir: '',
    };
    const spec = `${target.module}:${target.variable}`;
    explanation.push(
      found
        ? `Found ${framework.dep} in the dependencies and the app object in ${found.file}, so ${framework.server} serves ${spec}.`
        : `Found ${framework.dep} in the dependencies but no \`app = ${framework.label}(...)\`; assuming ${spec}. Adjust the CMD if it lives elsewhere.`,
    );
    const command = framework.server === 'uvicorn' ? uvicorn(spec, target.dir) : gunicorn(spec, target.dir);
    return { command, framework: framework.label.toLowerCase(), server: framework.server };
  }

  const script = repo.first('main.py', 'app.py', 'server.py', 'run.py');
  if (script) {
    explanation.push(
      `No web framework was recognised, so the container runs python ${script}; it must listen on 0.0.0.0 and $PORT.`,
    );
    return { command: `python ${script}`, framework: 'script', server: null };
  }
  return null;
}

interface AppObject {
  file: string | null;
  module: string;
  variable: string;
  /** A folder to run from (src layouts), or ''. */
  dir: string;
}

async function findAppObject(repo: RepoFacts, pattern: RegExp): Promise<AppObject | null> {
  const candidates = repo
    .matching(/\.py$/)
    .filter((f) => !/(^|\/)(tests?|migrations|docs|scripts|\.?venv)\//.test(f) && f.split('/').length <= 4)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, maxScannedFiles);
  for (const file of candidates) {
    const variable = pattern.exec((await repo.read(file)) ?? '')?.[1];
    if (!variable) continue;
    const dir = file.startsWith('src/') ? 'src' : '';
    return { file, module: moduleOf(dir ? file.slice(dir.length + 1) : file), variable, dir };
  }
  return null;
}

function rank(file: string): number {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const preferred = preferredFiles.indexOf(name);
  return file.split('/').length * 100 + (preferred < 0 ? 50 : preferred);
}

function moduleOf(file: string): string {
  return file
    .replace(/\.py$/, '')
    .replace(/\/__init__$/, '')
    .split('/')
    .join('.');
}

function dirOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
}

function gunicorn(spec: string, dir: string): string {
  return `gunicorn --bind 0.0.0.0:$PORT${dir ? ` --chdir ${dir.replace(/\/$/, '')}` : ''} ${spec}`;
}

function uvicorn(spec: string, dir: string): string {
  return `uvicorn ${spec} --host 0.0.0.0 --port $PORT${dir ? ` --app-dir ${dir}` : ''}`;
}
