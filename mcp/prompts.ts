import fs from 'node:fs';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';

/** Prompt texts live in prompts/mcp-*.md so they are edited as prose, not as code. */
const cache = new Map<string, string>();

function promptText(file: string, vars: Record<string, string>): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = fs.readFileSync(new URL(`../prompts/${file}`, import.meta.url), 'utf8');
    cache.set(file, text);
  }
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? '').trim();
}

function userMessage(text: string): GetPromptResult {
  return { messages: [{ role: 'user', content: { type: 'text', text } }] };
}

/** Strips quotes and line breaks so an argument stays one inert value inside the prompt. */
const oneLine = (v: string) =>
  v
    .replace(/[\r\n"]+/g, ' ')
    .trim()
    .slice(0, 300);

export function registerPrompts(mcp: McpServer): void {
  mcp.registerPrompt(
    'troubleshoot-app',
    {
      title: 'Troubleshoot an app',
      description:
        'Find out why an app is down or misbehaving from its state, logs and deployments, and propose a fix.',
      argsSchema: { app: z.string().describe('The app name') },
    },
    ({ app }) => userMessage(promptText('mcp-troubleshoot-app.md', { app: oneLine(app) })),
  );

  mcp.registerPrompt(
    'explain-failed-deploy',
    {
      title: 'Explain a failed deploy',
      description: 'Read the build log of a failed deployment and explain the cause and the smallest fix.',
      argsSchema: {
        app: z.string().describe('The app name'),
        deployment: z.string().optional().describe('A deployment id; default: the newest failed one'),
      },
    },
    ({ app, deployment }) =>
      userMessage(
        promptText('mcp-explain-failed-deploy.md', {
          app: oneLine(app),
          deployment: deployment ? ` (deployment ${oneLine(deployment)})` : '',
        }),
      ),
  );

  mcp.registerPrompt(
    'deploy-new-app',
    {
      title: 'Deploy a new app',
      description: 'Create and deploy an app from a git repository or an image, with approvals for each write.',
      argsSchema: {
        source: z.string().describe('A git URL (https://github.com/acme/api) or an image (nginx:1.27)'),
        name: z.string().optional().describe('The app name; default: derived from the source'),
      },
    },
    ({ source, name }) =>
      userMessage(
        promptText('mcp-deploy-new-app.md', { source: oneLine(source), name: name ? ` as "${oneLine(name)}"` : '' }),
      ),
  );
}
