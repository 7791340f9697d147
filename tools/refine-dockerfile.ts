import { defineTool } from './define.ts';
import { redactText } from '../server/source/redact.ts';
import { proposalInput, proposalOutput, proposeDockerfile } from './lib/dockerfile-proposal.ts';

/**
 * A write, not a read: it runs a docker build of a model-written Dockerfile (shaped by the
 * repository's own text) on this server, so a person approves it like any other change.
 */
export const refineDockerfile = defineTool({
  name: 'refine_dockerfile',
  description:
    "Like generate_dockerfile, then ask the configured model provider to improve the proposal, and keep the model's version only if it builds on this server (a model call and a docker build: slower). Without a provider, or when the model fails or its file does not build, the offline proposal is returned with a note saying why. Nothing is deployed; the refined Dockerfile is for the user to commit. Requires human approval; returns a pending action until a person approves it.",
  input: proposalInput,
  output: proposalOutput,
  risk: 'write',
  // Builds an image here and may ask a cloud model; repeating it asks again and may answer differently.
  hints: { idempotent: false, destructive: false, openWorld: true },
  target: (i) => (i.app ? { type: 'app', ref: i.app } : undefined),
  summarize: (i) =>
    `Ask the model to refine the Dockerfile for ${i.app ? `app "${i.app}"` : redactText(i.gitUrl ?? '')} and test-build it here`,
  execute: (i, ctx) => proposeDockerfile(i, ctx, true),
});
