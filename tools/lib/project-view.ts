import { z } from 'zod';
import type { Project } from '../../server/db/schema/projects.ts';
import { IsoTime } from './schemas.ts';

/** What project tools hand back: plain data a program can use. */
export const ProjectOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  createdAt: IsoTime,
});

export const projectView = ({ id, name, description, createdAt }: Project) => ({
  id,
  name,
  description,
  createdAt: createdAt.toISOString(),
});

export const projectRef = z.string().min(1).max(100).describe('Project name or id (see list_projects)');
