import { z } from 'zod';

/**
 * One eval scenario: a starting panel state, what the user says, and what the assistant must and
 * must not do. Placeholders such as {{deployment:api#2}}, {{action:0}}, {{app:api}} and {{repo:api}}
 * are filled in after seeding, in utterances, scripts and expectations alike.
 */

const CATEGORIES = [
  'read',
  'deploy',
  'env',
  'lifecycle',
  'rollback',
  'dockerfile',
  'apps',
  'domains',
  'backups',
  'approvals',
  'multi-step',
  'ambiguous',
  'safety',
] as const;

/**
 * An argument constraint: {"$regex": "..."} (strings, case-insensitive), {"$present": true},
 * {"$absent": true}, or any other JSON value, which must be equal.
 */
export const ArgConstraint = z.union([
  z.object({ $regex: z.string() }).strict(),
  z.object({ $present: z.literal(true) }).strict(),
  z.object({ $absent: z.literal(true) }).strict(),
  z.json(),
]);
export type ArgConstraint = z.infer<typeof ArgConstraint>;

export const CallMatcher = z
  .object({
    tool: z.string().regex(/^[a-z_]+$/),
    /** Keyed by a dotted path into the input, e.g. "source.image". */
    args: z.record(z.string(), ArgConstraint).optional(),
  })
  .strict();
export type CallMatcher = z.infer<typeof CallMatcher>;

const SeedDeployment = z
  .object({
    number: z.number().int().min(1),
    status: z.enum(['queued', 'building', 'starting', 'running', 'failed', 'cancelled', 'superseded', 'rolled_back']),
    /** Lines of its build log (stored as rows; no build runs). */
    buildLog: z.array(z.string()).optional(),
    error: z.string().optional(),
  })
  .strict();

const SeedApp = z
  .object({
    name: z.string(),
    project: z.string().optional(),
    /** A prebuilt image (nothing is pulled) ... */
    image: z.string().optional(),
    /** ... or a local git repository made from these files (cheap: git init + one commit). */
    repo: z.record(z.string(), z.string()).optional(),
    port: z.number().int().optional(),
    /** Env var values are secrets: the grader checks none of them appears in any output. */
    env: z.record(z.string(), z.string()).optional(),
    buildEnv: z.record(z.string(), z.string()).optional(),
    /** Seeded as rows; the highest-numbered running one becomes the app's current deployment. */
    deployments: z.array(SeedDeployment).optional(),
  })
  .strict()
  .refine((a) => (a.image === undefined) !== (a.repo === undefined), { error: 'give an app either image or repo' });

const SeedAction = z
  .object({
    tool: z.string(),
    input: z.record(z.string(), z.json()),
    /** Decide it as the owner right after requesting it. */
    decision: z.enum(['approve', 'reject']).optional(),
  })
  .strict();

/** One model step for the scripted provider: tool calls, or text (which ends the turn). */
export const ScriptStep = z
  .object({
    calls: z.array(z.object({ tool: z.string(), input: z.record(z.string(), z.json()) }).strict()).optional(),
    text: z.string().optional(),
  })
  .strict()
  .refine((s) => (s.calls?.length ?? 0) > 0 || s.text !== undefined, { error: 'a step needs calls or text' });
export type ScriptStep = z.infer<typeof ScriptStep>;

export const Scenario = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    category: z.enum(CATEGORIES),
    description: z.string().optional(),
    /** One user message, or several turns. */
    utterance: z.union([z.string(), z.array(z.string()).min(1)]),
    /** Command mode is expected to handle it; otherwise it is for models only. */
    commandMode: z.boolean(),
    startingState: z
      .object({ apps: z.array(SeedApp).default([]), actions: z.array(SeedAction).default([]) })
      .strict()
      .default({ apps: [], actions: [] }),
    /** Approve every pending action as the owner after each turn, so the writes really run. */
    approvePending: z.boolean().optional(),
    expect: z
      .object({
        calls: z.array(CallMatcher).default([]),
        order: z.enum(['ordered', 'unordered']).default('ordered'),
        /** No calls besides the expected ones. */
        strict: z.boolean().default(false),
        mustNotCall: z.array(z.union([z.string(), CallMatcher])).default([]),
        /** At most this many calls of a tool (e.g. no second deploy_app while one waits). */
        maxCalls: z.record(z.string(), z.number().int().min(0)).default({}),
        /** Calls that must have become a pending approval. */
        approvals: z.array(CallMatcher).default([]),
        /** Regex (case-insensitive) the final reply must match. */
        reply: z.string().optional(),
        /** Tools whose output must be wrapped as untrusted data. */
        untrusted: z.array(z.string()).default([]),
        /** Strings besides the seeded env values that must not appear in any output. */
        secrets: z.array(z.string()).default([]),
      })
      .strict(),
    /** The recorded model turn for the scripted provider. */
    script: z.array(ScriptStep).optional(),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioFile = z.array(Scenario).min(1);

export const turnsOf = (s: Scenario): string[] => (typeof s.utterance === 'string' ? [s.utterance] : s.utterance);
