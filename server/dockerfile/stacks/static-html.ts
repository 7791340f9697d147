import { images } from '../base-images.ts';
import { dockerignore, execCmd, header, joinLines, nginxConfigRun } from '../dockerfile-text.ts';
import type { RepoFacts } from '../repo-facts.ts';
import type { GenerateOptions, StackDraft } from '../types.ts';

/** Hand-written HTML: an index.html at the top and no package.json, served as-is by nginx. */
export async function detectStaticHtml(repo: RepoFacts, options: GenerateOptions): Promise<StackDraft | null> {
  if (!repo.has('index.html') || repo.has('package.json')) return null;
  const port = options.port ?? 80;
  const explanation = [
    'Found index.html at the top level and no package.json, so this is a static site with no build step.',
    `nginx serves the files on port ${port}; missing paths answer 404.`,
  ];
  const dockerfile = joinLines(
    header('static HTML'),
    `FROM ${images.nginx}`,
    nginxConfigRun(port, false),
    'COPY . /usr/share/nginx/html/',
    `ENV PORT=${port}`,
    `EXPOSE ${port}`,
    execCmd(['nginx', '-g', 'daemon off;']),
  );
  return {
    stack: 'static-html',
    dockerfile,
    dockerignore: dockerignore(['node_modules']),
    port,
    startCommand: "nginx -g 'daemon off;'",
    explanation,
  };
}
