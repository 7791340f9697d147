import { z } from 'zod';
import { defineTool } from './define.ts';
import { deleteProject as deleteProjectRow, getProject } from '../server/services/projects.ts';
import { projectRef } from './lib/project-view.ts';

export const deleteProject = defineTool({
  name: 'delete_project',
  description:
    'Delete an empty project (a project that still has apps is refused: delete or move them first). Requires human approval when an agent asks; returns a pending action until a person approves it.',
  input: z.object({ project: projectRef }),
  output: z.object({ deleted: z.object({ id: z.uuid(), name: z.string() }) }),
  risk: 'destructive',
  hints: { idempotent: false, destructive: true, openWorld: false },
  target: (input) => ({ type: 'project', ref: input.project }),
  summarize: (input) => `Delete project "${input.project}"`,
  async execute(input, ctx) {
    const project = await getProject(ctx.db, input.project);
    await deleteProjectRow(ctx.db, ctx.caller, project.id);
    return { text: `Deleted project ${project.name}.`, data: { deleted: { id: project.id, name: project.name } } };
  },
});
