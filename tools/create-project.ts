import { z } from 'zod';
import { defineTool } from './define.ts';
import { createProject as createProjectRow } from '../server/services/projects.ts';
import { resourceName } from '../server/services/names.ts';
import { ProjectOutput, projectView } from './lib/project-view.ts';

export const createProject = defineTool({
  name: 'create_project',
  description:
    'Create an empty project to group apps (create_app also makes its project on first use). Names are lowercase letters, digits and dashes. Requires human approval when an agent asks; returns a pending action until a person approves it.',
  input: z.object({
    name: resourceName.describe('Project name, e.g. "shop"'),
    description: z.string().max(500).optional().describe('What the project is for'),
  }),
  output: z.object({ project: ProjectOutput }),
  risk: 'write',
  hints: { idempotent: false, destructive: false, openWorld: false },
  summarize: (input) => `Create project "${input.name}"`,
  async execute(input, ctx) {
    const project = await createProjectRow(ctx.db, ctx.caller, input);
    return { text: `Created project ${project.name} (${project.id}).`, data: { project: projectView(project) } };
  },
});
