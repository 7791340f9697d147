import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { projects, type Project } from '../db/schema/projects.ts';
import { apps } from '../db/schema/apps.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { UUID_RE } from './names.ts';

export const DEFAULT_PROJECT = 'default';

export async function listProjects(db: Database): Promise<(Project & { appCount: number })[]> {
  const rows = await db.select().from(projects).orderBy(asc(projects.name));
  const counts = await db.select({ projectId: apps.projectId, n: count() }).from(apps).groupBy(apps.projectId);
  const byId = new Map(counts.map((c) => [c.projectId, c.n]));
  return rows.map((p) => ({ ...p, appCount: byId.get(p.id) ?? 0 }));
}

/** By id or by name. */
async function findProject(db: Database, ref: string): Promise<Project | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(UUID_RE.test(ref) ? eq(projects.id, ref) : eq(projects.name, ref));
  return row;
}

export async function getProject(db: Database, ref: string): Promise<Project> {
  const project = await findProject(db, ref);
  if (!project)
    throw new DomainError('not_found', `No project named or with id "${ref}".`, 'List projects to see what exists.');
  return project;
}

export async function createProject(
  db: Database,
  caller: Caller,
  input: { name: string; description?: string },
): Promise<Project> {
  if (await findProject(db, input.name))
    throw new DomainError('conflict', `A project named "${input.name}" already exists.`);
  return audited(
    db,
    caller,
    { action: 'project.create', input, targetOf: (p) => ({ type: 'project', id: p.id }) },
    async () => {
      const [row] = await db
        .insert(projects)
        .values({ name: input.name, description: input.description ?? '' })
        .returning();
      return row!;
    },
  );
}

/** The project an app lands in when none is named; made on first use. */
export async function ensureProject(db: Database, caller: Caller, name: string): Promise<Project> {
  const existing = await findProject(db, name);
  if (existing) return existing;
  await db.insert(projects).values({ name }).onConflictDoNothing();
  const created = await getProject(db, name);
  if (name !== DEFAULT_PROJECT)
    await audited(
      db,
      caller,
      { action: 'project.create', target: { type: 'project', id: created.id }, input: { name } },
      async () => created,
    );
  return created;
}

export async function updateProject(
  db: Database,
  caller: Caller,
  ref: string,
  patch: { description?: string },
): Promise<Project> {
  const project = await getProject(db, ref);
  return audited(
    db,
    caller,
    { action: 'project.update', target: { type: 'project', id: project.id }, input: patch },
    async () => {
      const [row] = await db.update(projects).set(patch).where(eq(projects.id, project.id)).returning();
      return row!;
    },
  );
}

export async function deleteProject(db: Database, caller: Caller, ref: string): Promise<void> {
  const project = await getProject(db, ref);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(apps).where(eq(apps.projectId, project.id));
  if (n > 0)
    throw new DomainError(
      'conflict',
      `Project "${project.name}" still has ${n} app(s).`,
      'Delete or move its apps first.',
    );
  await audited(db, caller, { action: 'project.delete', target: { type: 'project', id: project.id } }, async () => {
    await db.delete(projects).where(eq(projects.id, project.id));
  });
}
