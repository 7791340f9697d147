// `npm run build`: compiles the server (with tools/ and mcp/) to dist/ so production runs plain
// JavaScript; transpiling TypeScript at every start cost seconds. `--if-stale` (what `npm start`
// runs first) builds only when dist/ is missing or older than the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distEntry = path.join(root, 'dist', 'server', 'cli.js');
const SOURCES = ['server', 'tools', 'mcp', 'package.json'];

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((name) => newest(path.join(p, name))));
}

/** Missing, or older than a source file. Without sources (a Docker image), dist/ is what there is. */
export function distIsStale() {
  if (!fs.existsSync(distEntry)) return true;
  const sources = SOURCES.map((p) => path.join(root, p)).filter((p) => fs.existsSync(p));
  return sources.length > 0 && Math.max(...sources.map(newest)) > fs.statSync(distEntry).mtimeMs;
}

/**
 * Code that finds files next to itself (migrations/, prompts/, web/dist/, package.json) does so
 * with `new URL('../..', import.meta.url)`. In one bundle every module shares one import.meta.url,
 * so each module gets its own source location back, expressed relative to the bundle.
 */
const sourceLocation = (outdir) => ({
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/, namespace: 'file' }, async (args) => {
      const code = await fs.promises.readFile(args.path, 'utf8');
      if (!code.includes('import.meta.url')) return undefined;
      const rel = path.relative(path.join(outdir, 'server'), args.path).split(path.sep).join('/');
      return {
        contents: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
});

/** `outdir` must sit directly in the project folder, like dist/, for those locations to hold. */
export async function buildDist(outdir = path.join(root, 'dist')) {
  const { build } = await import('esbuild');
  const started = Date.now();
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['server/cli.ts'],
    outbase: '.',
    outdir,
    bundle: true,
    // One file: chunks would each have their own import.meta.url (see sourceLocation).
    splitting: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies load from node_modules as usual; only our own code is compiled.
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceLocation(outdir)],
  });
  // The entry must be the newest file, or the next `--if-stale` check would build again.
  const now = new Date();
  fs.utimesSync(path.join(outdir, 'server', 'cli.js'), now, now);
  console.log(`server: built ${path.relative(root, outdir)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv.includes('--if-stale') || distIsStale()) await buildDist();
}
