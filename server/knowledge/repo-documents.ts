import path from 'node:path';
import type { AppContext } from '../context.ts';
import type { AppRow } from '../db/schema/apps.ts';
import { readDeployKey } from '../services/apps.ts';
import { fetchSource, type SourceSpec } from '../source/fetch.ts';
import { uploadPath } from '../deploy/uploads.ts';
import { fsRepoReader, generateDockerfile } from '../dockerfile/index.ts';
import { describeRepoFile, readRepoFiles } from './repo-files.ts';
import type { SourceDocument } from './documents.ts';

/** A clone of a big repository must not hold an index job forever. */
const FETCH_TIMEOUT_MS = 120_000;

/**
 * Fetches the app's source into a temporary folder under the data dir, reads its README,
 * manifests and Dockerfile, and removes the folder again. For apps whose Dockerfile the panel
 * generates, the generated one is indexed (it is what actually builds). Image apps have no
 * repository: an empty list.
 */
export async function repoDocuments(ctx: AppContext, app: AppRow, signal?: AbortSignal): Promise<SourceDocument[]> {
  const s = app.source;
  if (s.type === 'image') return [];
  const spec: SourceSpec =
    s.type === 'git'
      ? { type: 'git', url: s.url, ref: s.ref, subdir: s.subdir, deployKey: readDeployKey(ctx, app) }
      : { type: 'tarball', path: uploadPath(ctx, s.uploadId), subdir: s.subdir };
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const fetched = await fetchSource(spec, {
    workDir: path.join(ctx.env.dataDir, 'knowledge'),
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  try {
    const generate = s.generateDockerfile === true;
    const files = await readRepoFiles(fetched.dir, { dockerfilePath: generate ? null : s.dockerfilePath });
    const meta = { commit: fetched.commit ?? null };
    const docs: SourceDocument[] = files.map((f) => ({
      sourceType: f.kind,
      sourceRef: f.path,
      title: `${app.name} · ${f.path}${describeRepoFile(f) ? ` (${describeRepoFile(f)})` : ''}`,
      text: f.text,
      format: /\.(md|markdown)$/i.test(f.path) ? 'markdown' : 'text',
      metadata: { ...meta, truncated: f.truncated },
    }));
    if (generate) {
      // An unknown stack simply has no generated Dockerfile to index; deploys report that anyway.
      const generated = await generateDockerfile(fsRepoReader(fetched.dir), { port: app.port ?? undefined }).catch(
        () => null,
      );
      if (generated) {
        docs.push({
          sourceType: 'dockerfile',
          sourceRef: 'Dockerfile (generated)',
          title: `${app.name} · generated Dockerfile (${generated.stack})`,
          text: `${generated.explanation.map((l) => `# ${l}`).join('\n')}\n${generated.dockerfile}`,
          format: 'text',
          metadata: { ...meta, stack: generated.stack },
        });
      }
    }
    return docs;
  } finally {
    await fetched.cleanup().catch(() => {});
  }
}
