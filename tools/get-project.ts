import { z } from 'zod';
import { defineTool } from './define.ts';
import { getProject as getProjectRow } from '../server/services/projects.ts';
import { ProjectOutput, projectRef, projectView } from './lib/project-view.ts';

export const getProject = defineTool({
  name: 'get_project',
  description:
    "Get one project's name, description and creation time, by name or id. Use list_apps with project to see its apps.",
  input: z.object({ project: projectRef }),
  output: z.object({ project: ProjectOutput }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  target: (input) => ({ type: 'project', ref: input.project }),
  summarize: (input) => `Show project "${input.project}"`,
  async execute(input, ctx) {
    const project = await getProjectRow(ctx.db, input.project);
    return {
      text: `Project ${project.name} (${project.id})${project.description ? `: ${project.description}` : ''}.`,
      data: { project: projectView(project) },
    };
  },
});
