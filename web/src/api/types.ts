/** Shapes of the panel's REST API (see /api/openapi.json), as the UI reads them. */

export type Risk = 'read' | 'write' | 'destructive';
export type ActionStatus =
  | 'pending'
  | 'approved'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'rejected'
  | 'expired'
  | 'cancelled';

/** An approval request: one tool call bound to its exact (redacted) input and target. */
export interface ActionView {
  id: string;
  tool: string;
  status: ActionStatus;
  risk: string;
  summary: string;
  target: { type: string; id: string; name?: string } | null;
  /** Redacted by the server: secret values are never sent to the browser. */
  input: unknown;
  inputHash: string;
  requestedBy: string;
  requestedVia: string;
  origin: Record<string, string>;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  result: { text: string; data?: unknown } | null;
  error: string | null;
  expiresAt: string;
  createdAt: string;
  finishedAt: string | null;
  url: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'operator' | 'viewer';
}

export interface Me {
  user: User;
  via: 'session' | 'token';
  scopes: string[];
  csrfToken: string | null;
}

export interface ToolInfo {
  name: string;
  description: string;
  risk: Risk;
  inputSchema: unknown;
}

export interface AppView {
  id: string;
  name: string;
  projectName: string;
  source: Record<string, unknown>;
  buildArgs: Record<string, string>;
  port: number | null;
  command: string[] | null;
  healthCheck: Record<string, unknown>;
  healthTimeoutSeconds: number;
  restartPolicy: string;
  cpus: number | null;
  memoryMb: number | null;
  volumes: Record<string, unknown>[];
  currentDeploymentId: string | null;
  createdAt: string;
  updatedAt: string;
  runtime?: {
    state: string;
    container: { name: string; image: string; state: string; running: boolean; startedAt: string | null } | null;
    detail?: string;
  };
}

export type DeploymentStatus =
  | 'queued'
  | 'building'
  | 'starting'
  | 'running'
  | 'failed'
  | 'cancelled'
  | 'superseded'
  | 'rolled_back';

export interface Deployment {
  id: string;
  appId: string;
  number: number;
  status: DeploymentStatus;
  trigger: string;
  commit: string | null;
  imageTag: string | null;
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface EnvVar {
  name: string;
  buildTime: boolean;
  runtime: boolean;
  updatedAt: string;
}

export interface LogLine {
  key: string;
  stream: string;
  text: string;
  at: string;
}

export interface Stats {
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  memoryPercent: number;
  at: string;
}

export interface Setting {
  key: string;
  secret: boolean;
  value: string | null;
  isSet: boolean;
  updatedAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  kind: 'human' | 'agent';
  scopes: string[];
  prefix: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface Policy {
  id: string;
  tool: string | null;
  risk: string | null;
  appId: string | null;
  requesterKind: string | null;
  decision: 'allow' | 'ask' | 'deny';
  note: string;
  createdBy: string;
  createdAt: string;
}

export interface Conversation {
  id: string;
  title: string;
  updatedAt: string;
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
