import { z } from 'zod';
import { defineTool } from './define.ts';
import { updateProject as updateProjectRow } from '../server/services/projects.ts';
import { ProjectOutput, projectRef, projectView } from './lib/project-view.ts';

export const updateProject = defineTool({
  name: 'update_project',
  description:
    "Change a project's description. Requires human approval when an agent asks; returns a pending action until a person approves it.",
  input: z.object({
    project: projectRef,
    description: z.string().max(500).describe('The new description; empty clears it'),
  }),
  output: z.object({ project: ProjectOutput }),
  risk: 'write',
  hints: { idempotent: true, destructive: false, openWorld: false },
  target: (input) => ({ type: 'project', ref: input.project }),
  summarize: (input) => `Change the description of project "${input.project}"`,
  async execute(input, ctx) {
    const project = await updateProjectRow(ctx.db, ctx.caller, input.project, { description: input.description });
    return { text: `Updated project ${project.name}.`, data: { project: projectView(project) } };
  },
});
