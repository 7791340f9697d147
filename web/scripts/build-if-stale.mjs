// `npm start` runs this first: it builds the web UI when web/dist is missing or older than its
// sources, so `npm install && npm start` serves the UI on a fresh machine. A few seconds at most.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(web, 'dist', 'index.html');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
}

const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => path.join(web, p)).filter((p) => fs.existsSync(p));
const stale = !fs.existsSync(built) || Math.max(...sources.map(newest)) > fs.statSync(built).mtimeMs;

if (stale) {
  console.log('web: building the UI (web/dist is missing or older than web/src)…');
  const started = Date.now();
  const res = spawnSync(
    process.execPath,
    [
      path.join(web, '..', 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(web, 'vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit' },
  );
  if (res.status !== 0) {
    // The API is still useful without the UI, so the panel starts anyway; the error above says why.
    console.error('web: the UI build failed; the panel starts without it (run `npm run build:web` to see why).');
    process.exit(0);
  }
  console.log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
