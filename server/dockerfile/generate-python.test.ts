import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { explained, generateFrom } from './test-helpers.ts';

const flaskApp = 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.get("/")\ndef index():\n    return "ok"\n';
const fastApiApp = 'from fastapi import FastAPI\n\napi = FastAPI()\n';

describe('Python', () => {
  it('installs requirements.txt into a venv and serves Flask with gunicorn', async () => {
    const result = await generateFrom({
      'requirements.txt': 'Flask==3.1.0\ngunicorn>=22  # server\n',
      'app.py': flaskApp,
    });
    expect(result.stack).toBe('python-flask');
    expect(result.port).toBe(8000);
    expect(result.startCommand).toBe('gunicorn --bind 0.0.0.0:$PORT app:app');
    expect(result.baseImages).toEqual(['python:3.12-slim-bookworm']);
    expect(result.dockerfile).toContain('RUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH');
    expect(result.dockerfile).toContain('COPY requirements.txt ./\nRUN pip install -r requirements.txt');
    expect(result.dockerfile).not.toContain('RUN pip install gunicorn');
    expect(result.dockerfile).toContain('COPY --from=build /opt/venv /opt/venv');
    expect(result.dockerfile).toContain('USER app');
    expect(result.dockerfile).toContain('CMD ["sh","-c","exec gunicorn --bind 0.0.0.0:$PORT app:app"]');
    expect(result.dockerignore).toContain('__pycache__');
    expect(explained(result)).toContain('Found requirements.txt');
    expect(explained(result)).toContain('flask in the dependencies and the app object in app.py');
  });

  it('installs gunicorn when it is missing, and finds a Flask app factory', async () => {
    const result = await generateFrom({
      'requirements.txt': 'flask\n',
      'web/__init__.py': 'from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n',
    });
    expect(result.startCommand).toBe('gunicorn --bind 0.0.0.0:$PORT web:create_app()');
    expect(result.dockerfile).toContain('RUN pip install gunicorn');
    expect(explained(result)).toContain('gunicorn is not in the dependencies');
  });

  it('serves Django through its wsgi module', async () => {
    const result = await generateFrom({
      'requirements.txt': 'Django>=5.0\npsycopg[binary]\n',
      'manage.py': 'import django\n',
      'mysite/settings.py': '',
      'mysite/wsgi.py': 'application = get_wsgi_application()\n',
    });
    expect(result.stack).toBe('python-django');
    expect(result.startCommand).toBe('gunicorn --bind 0.0.0.0:$PORT mysite.wsgi:application');
    expect(explained(result)).toContain('django in the dependencies and mysite/wsgi.py');
  });

  it('uses uv sync with uv.lock and serves FastAPI with uvicorn', async () => {
    const result = await generateFrom({
      'pyproject.toml':
        '[project]\nname = "api"\nrequires-python = ">=3.11"\ndependencies = [\n  "fastapi>=0.115",\n  "uvicorn[standard]>=0.30",\n]\n',
      'uv.lock': 'version = 1\n',
      'src/api/main.py': fastApiApp,
    });
    expect(result.stack).toBe('python-fastapi');
    expect(result.startCommand).toBe('uvicorn api.main:api --host 0.0.0.0 --port $PORT --app-dir src');
    expect(result.dockerfile).toContain('RUN pip install uv');
    expect(result.dockerfile).toContain(
      'COPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev --no-install-project',
    );
    expect(result.dockerfile).not.toContain('uv pip install');
    expect(explained(result)).toContain('Found pyproject.toml and uv.lock');
  });

  it('uses Poetry with poetry.lock and installs uvicorn for Starlette when missing', async () => {
    const result = await generateFrom({
      'pyproject.toml':
        '[tool.poetry]\nname = "svc"\n\n[tool.poetry.dependencies]\npython = "^3.11"\nstarlette = "^0.40"\n\n[build-system]\nrequires = ["poetry-core"]\n',
      'poetry.lock': '# lock\n',
      'main.py': 'from starlette.applications import Starlette\napp = Starlette()\n',
    });
    expect(result.stack).toBe('python-starlette');
    expect(result.dockerfile).toContain('RUN pip install poetry');
    expect(result.dockerfile).toContain('RUN poetry install --only main --no-root');
    expect(result.dockerfile).toContain('RUN pip install uvicorn');
    expect(result.startCommand).toBe('uvicorn main:app --host 0.0.0.0 --port $PORT');
    expect(explained(result)).toContain('Found pyproject.toml and poetry.lock');
  });

  it('picks the Python image from .python-version', async () => {
    const result = await generateFrom({
      '.python-version': '3.11.9\n',
      'requirements.txt': 'fastapi\nuvicorn\n',
      'main.py': fastApiApp,
    });
    expect(result.baseImages).toEqual(['python:3.11-slim-bookworm']);
    expect(result.startCommand).toBe('uvicorn main:api --host 0.0.0.0 --port $PORT');
  });

  it('installs a pyproject-only project with pip install . and copies the source first for -e requirements', async () => {
    const project = await generateFrom({
      'pyproject.toml': '[project]\nname = "tool"\ndependencies = ["flask"]\n',
      'app.py': flaskApp,
    });
    expect(project.dockerfile).toContain('COPY . .\nRUN pip install .');
    const editable = await generateFrom({
      'requirements.txt': '-e .\n-r requirements/base.txt\n',
      'requirements/base.txt': 'flask\ngunicorn\n',
      'app.py': flaskApp,
    });
    expect(editable.dockerfile).toContain('COPY . .\nRUN pip install -r requirements.txt');
    expect(editable.stack).toBe('python-flask');
  });

  it('prefers the Procfile web process', async () => {
    const result = await generateFrom({
      'requirements.txt': 'flask\ngunicorn\n',
      Procfile: 'web: gunicorn -w 4 --bind 0.0.0.0:$PORT wsgi:app\n',
      'wsgi.py': flaskApp,
    });
    expect(result.startCommand).toBe('gunicorn -w 4 --bind 0.0.0.0:$PORT wsgi:app');
    expect(explained(result)).toContain("Procfile's web process");
  });

  it('runs a plain script, and refuses a project it cannot start', async () => {
    const script = await generateFrom({ 'requirements.txt': 'requests\n', 'main.py': 'print(1)\n' });
    expect(script.stack).toBe('python');
    expect(script.startCommand).toBe('python main.py');
    const error = await generateFrom({ 'requirements.txt': 'requests\n' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).hint).toContain('Procfile');
  });
});
