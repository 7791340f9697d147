import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import { cleanupEngine, deployAndWait, httpGetApp, makeGitRepo } from '../test/deploy-helpers.ts';

let panel: TestPanel;
let owner: Client;
beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'node', 'python', 'nginx'], { stdio: 'inherit' });
  panel = await createTestPanel({}, { jobs: true });
  owner = await setupOwner(panel);
}, 900_000);
afterAll(async () => {
  await cleanupEngine(panel);
  await panel.close();
});

/** Apps with no Dockerfile: the panel detects the stack, generates one, builds it and serves. */
describe('deploying from a generated Dockerfile', () => {
  const stacks: {
    name: string;
    port: number;
    files: Record<string, string>;
    expected: string | RegExp;
    stackLine: RegExp;
  }[] = [
    {
      name: 'gen-node',
      port: 3000,
      files: {
        'package.json': JSON.stringify({
          name: 'gen-node',
          version: '1.0.0',
          private: true,
          scripts: { start: 'node server.js' },
        }),
        'package-lock.json': JSON.stringify({
          name: 'gen-node',
          version: '1.0.0',
          lockfileVersion: 3,
          requires: true,
          packages: { '': { name: 'gen-node', version: '1.0.0' } },
        }),
        'server.js':
          "require('node:http').createServer((q, r) => r.end('node via panel')).listen(Number(process.env.PORT), '0.0.0.0');\n",
      },
      expected: 'node via panel',
      stackLine: /npm/i,
    },
    {
      name: 'gen-flask',
      port: 8000,
      files: {
        'requirements.txt': 'flask\ngunicorn\n',
        'app.py':
          'from flask import Flask\n\napp = Flask(__name__)\n\n@app.get("/")\ndef index():\n    return "flask via panel"\n',
      },
      expected: 'flask via panel',
      stackLine: /gunicorn/i,
    },
    {
      name: 'gen-static',
      port: 8080,
      files: { 'index.html': '<!doctype html><p>static via panel</p>\n' },
      expected: /static via panel/,
      stackLine: /static/i,
    },
  ];

  it.each(stacks)(
    '$name builds and answers HTTP',
    async ({ name, port, files, expected, stackLine }) => {
      const repo = makeGitRepo(files);
      const created = await owner.post('/api/apps', {
        name,
        source: { type: 'git', url: repo.url, generateDockerfile: true },
        port,
        healthCheck: { type: 'http', path: '/' },
        healthTimeoutSeconds: 60,
      });
      expect(created.status).toBe(201);
      const d = await deployAndWait(owner, name);
      const logs = await (await owner.get(`/api/deployments/${d.id}/logs?tail=500`)).json();
      expect(logs.lines.map((l: { text: string }) => l.text).join('\n')).toMatch(stackLine);
      const res = await httpGetApp(panel, owner, name);
      expect(res.status).toBe(200);
      if (typeof expected === 'string') expect(res.body).toBe(expected);
      else expect(res.body).toMatch(expected);
    },
    300_000,
  );
});
