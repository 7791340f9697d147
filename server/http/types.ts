import type { Logger } from '../logger.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../auth/permissions.ts';
import type { VersionKey } from '../services/versions.ts';

export type AppEnv = {
  Variables: {
    ctx: AppContext;
    actor: Actor | null;
    /** Set when the actor came from a browser session (for logout and CSRF). */
    sessionId: string | null;
    csrfToken: string | null;
    requestId: string;
    log: Logger;
    clientIp: string;
    /** The shared cache counters, read once when the request carried credentials. */
    versions: Record<VersionKey, number> | null;
  };
};
