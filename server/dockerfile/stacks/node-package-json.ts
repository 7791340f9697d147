import { z } from 'zod';
import type { RepoFacts } from '../repo-facts.ts';

const stringRecord = z.record(z.string(), z.string());

/** Fields the generator reads; a malformed field is ignored rather than fatal. */
const packageJsonSchema = z.object({
  name: z.string().optional().catch(undefined),
  main: z.string().optional().catch(undefined),
  scripts: stringRecord.optional().catch(undefined),
  dependencies: stringRecord.optional().catch(undefined),
  devDependencies: stringRecord.optional().catch(undefined),
  engines: z
    .object({ node: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  packageManager: z.string().optional().catch(undefined),
  workspaces: z.unknown().optional(),
});

export type PackageJson = z.infer<typeof packageJsonSchema>;

export async function readPackageJson(repo: RepoFacts): Promise<PackageJson | null> {
  const raw = await repo.json('package.json');
  if (raw === null) return null;
  const parsed = packageJsonSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export function hasDependency(pkg: PackageJson, name: string): boolean {
  return Boolean(pkg.dependencies?.[name] ?? pkg.devDependencies?.[name]);
}

export function script(pkg: PackageJson, name: string): string | undefined {
  return pkg.scripts?.[name];
}
