import type { components, paths } from './schema.d.ts';

/**
 * Shapes of the panel's REST API as the UI reads them: aliases of the types generated from
 * /api/openapi.json (`npm run api:types` writes schema.d.ts), so a server change that breaks the
 * UI fails the web type check instead of the page. Only UI-side types are written here by hand.
 */
type Schemas = components['schemas'];

/** The JSON body of a path's successful GET. */
export type GetBody<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer B } } } };
}
  ? B
  : never;

/** An approval request: one tool call bound to its exact (redacted) input and target. */
export type ActionView = Schemas['Action'];
export type ActionStatus = ActionView['status'];
/** A write that waits for a person's approval (202). */
export type PendingAction = Schemas['PendingAction'];

export type User = Schemas['User'];
export type Me = GetBody<'/api/auth/me'>;
export type SessionInfo = Schemas['SessionInfo'];

export type ToolInfo = GetBody<'/api/tools'>['tools'][number];

/** An app's settings (list_apps, get_app). */
export type AppView = Schemas['App'];
/** get_app: the app, what runs now, and the live deployment. */
export type AppDetailView = GetBody<'/api/apps/{app}'>;

export type DeploymentStatus = Schemas['DeploymentStatus'];
export type Stats = GetBody<'/api/apps/{app}/stats'>['stats'];

export type Setting = Schemas['Setting'];
export type ApiToken = Schemas['ApiToken'];
export type Policy = Schemas['ApprovalPolicy'];

/** A log line as the log view shows it (runtime logs and build logs alike); UI-only. */
export interface LogLine {
  key: string;
  stream: string;
  text: string;
  at: string;
}

export const FINAL_ACTION_STATUSES: readonly ActionStatus[] = [
  'succeeded',
  'failed',
  'rejected',
  'expired',
  'cancelled',
];
export const FINAL_DEPLOYMENT_STATUSES: readonly DeploymentStatus[] = [
  'running',
  'failed',
  'cancelled',
  'superseded',
  'rolled_back',
];
