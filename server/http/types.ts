import type { Logger } from '../logger.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../auth/permissions.ts';
import type { Caller } from '../audit.ts';

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
  };
};

export type { Caller };
