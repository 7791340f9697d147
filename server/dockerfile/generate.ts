import { DomainError } from '../errors.ts';
import { fromImages } from './dockerfile-text.ts';
import { RepoFacts } from './repo-facts.ts';
import { detectGo } from './stacks/go.ts';
import { detectJava } from './stacks/java.ts';
import { detectNode } from './stacks/node.ts';
import { detectPhp } from './stacks/php.ts';
import { detectPython } from './stacks/python.ts';
import { detectRuby } from './stacks/ruby.ts';
import { detectRust } from './stacks/rust.ts';
import { detectStaticHtml } from './stacks/static-html.ts';
import type { GenerateOptions, GeneratedDockerfile, RepoReader, StackDraft } from './types.ts';

interface Detector {
  detect: (repo: RepoFacts, options: GenerateOptions) => Promise<StackDraft | null>;
  manifests: string[];
}

/**
 * In order: back-end manifests win over package.json, because Laravel, Rails and Django apps
 * often carry a package.json for their front-end assets.
 */
const detectors: Detector[] = [
  { detect: detectPhp, manifests: ['composer.json'] },
  { detect: detectRuby, manifests: ['Gemfile'] },
  { detect: detectPython, manifests: ['requirements.txt', 'pyproject.toml', 'setup.py'] },
  { detect: detectGo, manifests: ['go.mod'] },
  { detect: detectRust, manifests: ['Cargo.toml'] },
  { detect: detectJava, manifests: ['pom.xml'] },
  { detect: detectNode, manifests: ['package.json'] },
  { detect: detectStaticHtml, manifests: ['index.html'] },
];

/** Detects the repository's stack and writes a Dockerfile, a .dockerignore and the reasons. */
export async function generateDockerfile(
  repo: RepoReader,
  options: GenerateOptions = {},
): Promise<GeneratedDockerfile> {
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 1 && options.port <= 65535)) {
    throw new DomainError(
      'invalid',
      `Port ${options.port} is not a valid TCP port.`,
      'Use a whole number from 1 to 65535.',
    );
  }
  const facts = await RepoFacts.load(repo);
  for (const [index, detector] of detectors.entries()) {
    const draft = await detector.detect(facts, options);
    if (!draft) continue;
    const notes = notesFor(facts, detectors.slice(index + 1));
    return { ...draft, explanation: [...draft.explanation, ...notes], baseImages: fromImages(draft.dockerfile) };
  }
  throw new DomainError(
    'invalid',
    'No supported stack found in the repository.',
    'Add a Dockerfile, or one of: package.json, requirements.txt or pyproject.toml, go.mod, Gemfile, composer.json, pom.xml, Cargo.toml, or an index.html at the top level.',
  );
}

function notesFor(facts: RepoFacts, others: Detector[]): string[] {
  const notes: string[] = [];
  const ignored = others.flatMap((d) => d.manifests).filter((m) => facts.has(m) && m !== 'index.html');
  if (ignored.length > 0) {
    notes.push(
      `Also found ${ignored.join(', ')}; they are not built into this image. Add a build stage if the app needs them.`,
    );
  }
  if (facts.has('Dockerfile'))
    notes.push('The repository already has a Dockerfile; this generated one is an alternative, not a replacement.');
  return notes;
}
