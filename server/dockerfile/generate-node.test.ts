import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { explained, generateFrom, json } from './test-helpers.ts';

const server =
  "require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT || 3000, '0.0.0.0');\n";

describe('Node.js servers', () => {
  it('uses npm ci with package-lock.json and runs a plain `node` start script directly', async () => {
    const result = await generateFrom({
      'package.json': json({ name: 'api', scripts: { start: 'node server.js' } }),
      'package-lock.json': json({ lockfileVersion: 3 }),
      'server.js': server,
    });
    expect(result.stack).toBe('node');
    expect(result.port).toBe(3000);
    expect(result.startCommand).toBe('node server.js');
    expect(result.baseImages).toEqual(['node:22-bookworm-slim']);
    expect(result.dockerfile).toContain('COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .');
    expect(result.dockerfile).toContain('RUN npm prune --omit=dev');
    expect(result.dockerfile).toContain('ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000');
    expect(result.dockerfile).toContain('USER node');
    expect(result.dockerfile).toContain('CMD ["node","server.js"]');
    expect(result.dockerfile).not.toContain('npm run build');
    expect(result.dockerignore).toContain('node_modules');
    expect(explained(result)).toContain('Found package-lock.json, so dependencies are installed with npm.');
    expect(explained(result)).toContain('server.js reads PORT');
  });

  it('takes the app default port from `PORT || 8081`, and the option over it', async () => {
    const files = {
      'package.json': json({ scripts: { start: 'node index.js' } }),
      'package-lock.json': '{}',
      'index.js': server.replace('3000', '8081'),
    };
    expect((await generateFrom(files)).port).toBe(8081);
    const forced = await generateFrom(files, { port: 5000 });
    expect(forced.port).toBe(5000);
    expect(forced.dockerfile).toContain('PORT=5000');
  });

  it('warns when the port is hard-coded', async () => {
    const result = await generateFrom({
      'package.json': json({ main: 'app.js' }),
      'app.js': "require('http').createServer().listen(4000);\n",
    });
    expect(result.port).toBe(4000);
    expect(result.startCommand).toBe('node app.js');
    expect(explained(result)).toContain('listens on port 4000 without reading PORT');
    expect(explained(result)).toContain('No lock file was found');
    expect(result.dockerfile).toContain('RUN npm install\n');
  });

  it('uses pnpm with pnpm-lock.yaml, the packageManager version, and runs the build script', async () => {
    const result = await generateFrom({
      'package.json': json({
        packageManager: 'pnpm@9.12.3+sha512.abc',
        scripts: { build: 'tsc', start: 'node dist/main.js' },
      }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'src/main.ts': 'export {};\n',
    });
    expect(result.dockerfile).toContain(
      'RUN npm install -g pnpm@9.12.3\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile',
    );
    expect(result.dockerfile).toContain('RUN pnpm run build\nRUN pnpm prune --prod');
    expect(result.startCommand).toBe('node dist/main.js');
    expect(explained(result)).toContain('Found pnpm-lock.yaml, so dependencies are installed with pnpm.');
    expect(explained(result)).toContain('"build" script');
  });

  it('uses the Yarn 1 in the image for a classic yarn.lock, and yarn to run a non-trivial start script', async () => {
    const result = await generateFrom({
      'package.json': json({ scripts: { start: 'node --enable-source-maps server.js' } }),
      'yarn.lock': '# yarn lockfile v1\n',
      'server.js': server,
    });
    expect(result.dockerfile).toContain('RUN yarn install --frozen-lockfile');
    expect(result.dockerfile).toContain(
      'RUN yarn install --production --frozen-lockfile --ignore-scripts --prefer-offline',
    );
    expect(result.dockerfile).not.toContain('corepack');
    expect(result.startCommand).toBe('yarn run start');
    expect(explained(result)).toContain('Found yarn.lock, so dependencies are installed with yarn.');
  });

  it('enables Yarn Berry through corepack in both stages', async () => {
    const result = await generateFrom({
      'package.json': json({ packageManager: 'yarn@4.5.0', scripts: { start: 'tsx server.ts' } }),
      'yarn.lock': '__metadata:\n  version: 8\n',
      '.yarnrc.yml': 'nodeLinker: node-modules\n',
      '.yarn/releases/yarn-4.5.0.cjs': '',
    });
    expect(result.dockerfile).toContain(
      'COPY package.json yarn.lock .yarnrc.yml ./\nCOPY .yarn/releases ./.yarn/releases\nRUN yarn install --immutable',
    );
    expect(result.dockerfile).toContain('RUN yarn workspaces focus --all --production');
    expect(result.dockerfile.match(/RUN corepack enable/g)).toHaveLength(2);
    expect(result.dockerfile).toContain('COPY --from=build /usr/local/share/corepack /usr/local/share/corepack');
    expect(result.dockerfile).toContain('CMD ["yarn","run","start"]');
    expect(explained(result)).toContain('Yarn 2 or newer');
  });

  it('builds and runs Bun projects on the Bun images', async () => {
    const result = await generateFrom({
      'package.json': json({ scripts: { start: 'bun run src/index.ts' } }),
      'bun.lockb': 'binary',
      'src/index.ts': 'Bun.serve({ port: Bun.env.PORT, fetch: () => new Response("ok") });\n',
    });
    expect(result.baseImages).toEqual(['oven/bun:1', 'oven/bun:1-slim']);
    expect(result.dockerfile).toContain('RUN bun install --frozen-lockfile');
    expect(result.dockerfile).toContain('USER bun');
    expect(result.startCommand).toBe('bun src/index.ts');
    expect(explained(result)).toContain('Found bun.lockb, so dependencies are installed with bun.');
  });

  it('follows engines.node to pick the image', async () => {
    const result = await generateFrom({
      'package.json': json({ engines: { node: '20.x' }, scripts: { start: 'node server.js' } }),
      'package-lock.json': '{}',
      'server.js': server,
    });
    expect(result.baseImages).toEqual(['node:20-bookworm-slim']);
    expect(explained(result)).toContain('package.json asks for Node "20.x"');
  });

  it('copies the whole source before installing in a workspace', async () => {
    const result = await generateFrom({
      'package.json': json({ workspaces: ['packages/*'], scripts: { start: 'node packages/api/index.js' } }),
      'package-lock.json': '{}',
      'packages/api/package.json': json({ name: 'api' }),
      'packages/api/index.js': server,
    });
    expect(result.dockerfile).toContain('WORKDIR /app\nCOPY . .\nRUN npm ci');
    expect(explained(result)).toContain('workspace');
  });

  it('runs Nuxt from its built server when there is no start script', async () => {
    const result = await generateFrom({
      'package.json': json({
        scripts: { build: 'nuxt build', dev: 'nuxt dev' },
        dependencies: { nuxt: '^3.13.0', vue: '^3' },
      }),
      'package-lock.json': '{}',
    });
    expect(result.stack).toBe('nuxt');
    expect(result.startCommand).toBe('node .output/server/index.mjs');
    expect(result.dockerfile).toContain('RUN npm run build');
  });

  it('refuses a package.json it cannot start, with a hint', async () => {
    const error = await generateFrom({ 'package.json': json({ name: 'lib' }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).hint).toContain('"start" script');
  });
});

describe('Next.js', () => {
  it('copies only the standalone server when next.config asks for it', async () => {
    const result = await generateFrom({
      'package.json': json({
        scripts: { build: 'next build', start: 'next start' },
        dependencies: { next: '15.0.0', react: '19.0.0' },
      }),
      'package-lock.json': '{}',
      'next.config.mjs': "export default { output: 'standalone' };\n",
      'public/favicon.ico': '',
    });
    expect(result.stack).toBe('nextjs');
    expect(result.port).toBe(3000);
    expect(result.startCommand).toBe('node server.js');
    expect(result.dockerfile).toContain('COPY --from=build --chown=node:node /app/.next/standalone ./');
    expect(result.dockerfile).toContain('COPY --from=build --chown=node:node /app/.next/static ./.next/static');
    expect(result.dockerfile).toContain('COPY --from=build --chown=node:node /app/public ./public');
    expect(result.dockerfile).toContain('HOSTNAME=0.0.0.0 PORT=3000');
    expect(result.dockerfile).not.toContain('npm prune');
    expect(explained(result)).toContain("next.config.mjs sets output: 'standalone'");
  });

  it('runs `next start` otherwise', async () => {
    const result = await generateFrom({
      'package.json': json({ scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '14.2.0' } }),
      'package-lock.json': '{}',
      'next.config.js': 'module.exports = {};\n',
    });
    expect(result.startCommand).toBe('npm run start');
    expect(result.dockerfile).toContain('RUN npm prune --omit=dev');
    expect(result.dockerfile).toContain('COPY --from=build --chown=node:node /app ./');
    expect(result.dockerfile).not.toContain('public ./public');
    expect(explained(result)).toContain('next start');
  });
});

describe('static front-ends', () => {
  it('builds a Vite app with npm and serves dist/ from nginx', async () => {
    const result = await generateFrom({
      'package.json': json({
        scripts: { dev: 'vite', build: 'vite build', preview: 'vite preview' },
        devDependencies: { vite: '^5.4.0' },
      }),
      'package-lock.json': '{}',
      'index.html': '<div id="app"></div>',
    });
    expect(result.stack).toBe('static-vite');
    expect(result.port).toBe(80);
    expect(result.baseImages).toEqual(['node:22-bookworm-slim', 'nginx:1.27-bookworm']);
    expect(result.dockerfile).toContain('RUN npm run build');
    expect(result.dockerfile).toContain('COPY --from=build /app/dist/ /usr/share/nginx/html/');
    expect(result.dockerfile).toContain("'    listen 80;'");
    expect(result.dockerfile).toContain('try_files $uri $uri/ /index.html;');
    expect(result.dockerfile).toContain('CMD ["nginx","-g","daemon off;"]');
    expect(result.dockerignore).toContain('\ndist\n');
    expect(explained(result)).toContain('Found vite and no server of its own');
  });

  it('reads a custom outDir from vite.config and listens on the requested port', async () => {
    const result = await generateFrom(
      {
        'package.json': json({ scripts: { build: 'vite build' }, devDependencies: { vite: '^5' } }),
        'yarn.lock': '# yarn lockfile v1\n',
        'vite.config.ts': "export default { build: { outDir: './public-build' } };\n",
      },
      { port: 8080 },
    );
    expect(result.dockerfile).toContain('COPY --from=build /app/public-build/ /usr/share/nginx/html/');
    expect(result.dockerfile).toContain("'    listen 8080;'");
    expect(result.port).toBe(8080);
    expect(explained(result)).toContain('vite.config.ts sets outDir to public-build');
  });

  it('serves Create React App builds from build/', async () => {
    const result = await generateFrom({
      'package.json': json({
        scripts: { start: 'react-scripts start', build: 'react-scripts build' },
        dependencies: { 'react-scripts': '5.0.1' },
      }),
      'package-lock.json': '{}',
    });
    expect(result.stack).toBe('static-create-react-app');
    expect(result.dockerfile).toContain('COPY --from=build /app/build/ /usr/share/nginx/html/');
  });

  it('treats Vite with its own server framework as a Node server', async () => {
    const result = await generateFrom({
      'package.json': json({
        scripts: { build: 'vite build', start: 'node server.js' },
        dependencies: { express: '^4' },
        devDependencies: { vite: '^5' },
      }),
      'package-lock.json': '{}',
      'server.js': server,
    });
    expect(result.stack).toBe('node');
    expect(result.dockerfile).toContain('RUN npm run build');
  });

  it('asks for a build script when a static builder has none', async () => {
    await expect(generateFrom({ 'package.json': json({ devDependencies: { vite: '^5' } }) })).rejects.toThrow(
      /no "build" script/,
    );
  });
});
