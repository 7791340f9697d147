#!/usr/bin/env node
// Runs the compiled CLI (dist/, from `npm run build`) when it is up to date with the sources,
// and the TypeScript through tsx otherwise, so a checkout works without a build step.
import { distEntry, distIsStale } from '../scripts/build.mjs';

if (distIsStale()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli.ts');
} else {
  await import(distEntry);
}
