import { DomainError } from '../../errors.ts';
import { images, pythonVersions } from '../base-images.ts';
import { type Line, dockerignore, header, joinLines, shellCmd } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';
import { pickVersion } from '../version-range.ts';
import { findPythonStart } from './python-app.ts';
import { type PythonProject, readPythonProject } from './python-project.ts';

const defaultPort = 8000;

export async function detectPython(repo: RepoFacts, options: GenerateOptions): Promise<StackDraft | null> {
  const project = await readPythonProject(repo);
  if (!project) return null;
  const explanation = ['Found Python manifests, so this is a Python project.', ...project.evidence];
  const image = pythonImage(project, explanation);
  const start = await findPythonStart(repo, project, explanation);
  if (!start) {
    throw new DomainError(
      'invalid',
      'Found a Python project, but not how to start it.',
      'Add a Procfile with a "web:" line, a main.py or app.py, or a Dockerfile.',
    );
  }
  const port = options.port ?? defaultPort;
  const installServer = start.server && !project.deps.has(start.server) ? start.server : null;
  if (installServer) explanation.push(`${installServer} is not in the dependencies, so the build stage installs it.`);
  explanation.push(
    `The app listens on 0.0.0.0:$PORT (PORT=${port}) and runs as the unprivileged app user from a virtual environment in /opt/venv.`,
  );

  const dockerfile = joinLines(
    header('Python'),
    `FROM ${image} AS build`,
    'ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1',
    installSteps(project, installServer),
    '',
    `FROM ${image}`,
    `ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH PORT=${port}`,
    'RUN useradd --create-home --uid 10001 app',
    'WORKDIR /app',
    'COPY --from=build /opt/venv /opt/venv',
    'COPY . .',
    'USER app',
    `EXPOSE ${port}`,
    shellCmd(start.command),
  );
  return {
    stack: start.framework === 'script' || start.framework === 'procfile' ? 'python' : `python-${start.framework}`,
    dockerfile,
    dockerignore: dockerignore([
      '__pycache__',
      '*.py[cod]',
      '.venv',
      'venv',
      '.pytest_cache',
      '.mypy_cache',
      '.ruff_cache',
      '.tox',
      '.coverage',
      'htmlcov',
    ]),
    port,
    startCommand: start.command,
    explanation,
  };
}

function pythonImage(project: PythonProject, explanation: string[]): string {
  const range = project.pythonRange;
  const version = pickVersion(pythonVersions, range);
  if (range && version)
    explanation.push(`The project asks for Python "${range}", so the image is ${images.python(version)}.`);
  if (range && !version)
    explanation.push(`No supported Python image matches "${range}"; using ${images.python(pythonVersions[0])}.`);
  return images.python(version ?? pythonVersions[0]);
}

/** Build-stage lines that fill /opt/venv; the lock file (or requirements) goes in before the source for caching. */
function installSteps(project: PythonProject, extra: string | null): Line[] {
  switch (project.installer) {
    case 'uv':
      return [
        'ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never VIRTUAL_ENV=/opt/venv',
        'RUN pip install uv',
        'WORKDIR /app',
        'COPY pyproject.toml uv.lock ./',
        'RUN uv sync --frozen --no-dev --no-install-project',
        extra && `RUN uv pip install ${extra}`,
      ];
    case 'poetry':
      return [
        'ENV POETRY_VIRTUALENVS_CREATE=false POETRY_NO_INTERACTION=1',
        'RUN pip install poetry',
        'RUN python -m venv /opt/venv',
        'ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH',
        'WORKDIR /app',
        'COPY pyproject.toml poetry.lock* ./',
        'RUN poetry install --only main --no-root',
        extra && `RUN pip install ${extra}`,
      ];
    case 'pip-requirements':
      return [
        'RUN python -m venv /opt/venv',
        'ENV PATH=/opt/venv/bin:$PATH',
        'WORKDIR /app',
        project.requirementsNeedSource ? 'COPY . .' : 'COPY requirements.txt ./',
        'RUN pip install -r requirements.txt',
        extra && `RUN pip install ${extra}`,
      ];
    case 'pip-project':
      return [
        'RUN python -m venv /opt/venv',
        'ENV PATH=/opt/venv/bin:$PATH',
        'WORKDIR /app',
        'COPY . .',
        'RUN pip install .',
        extra && `RUN pip install ${extra}`,
      ];
  }
}
