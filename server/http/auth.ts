import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { ApiError } from '../errors.ts';
import { effectiveScopes, hasScope, scopesOfRole, type Actor, type Scope } from '../auth/permissions.ts';
import { findActiveSession } from '../services/sessions.ts';
import { findActiveToken } from '../services/api-tokens.ts';
import { readVersions } from '../services/versions.ts';
import { safeEqual } from '../auth/random.ts';
import type { Caller } from '../audit.ts';
import type { AppEnv } from './types.ts';

export const SESSION_COOKIE = 'op_session';
const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local'; // in-process requests (tests, app.request) have no socket
  }
}

/**
 * Resolves who is calling from a bearer token or the session cookie. It never rejects by
 * itself; routes say what they need with requireScope. Session requests that change something
 * must carry the session's CSRF token in X-CSRF-Token.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { db } = c.get('ctx');
    c.set('actor', null);
    c.set('sessionId', null);
    c.set('csrfToken', null);
    c.set('versions', null);
    const authz = c.req.header('authorization');
    const cookie = authz ? undefined : getCookie(c, SESSION_COOKIE);
    // Every counter in one read: the credential cache checks 'auth', and a tool call behind this
    // request checks 'policies' and 'secrets' with the same snapshot instead of a query each.
    const versions = authz || cookie ? await readVersions(db) : null;
    c.set('versions', versions);
    if (authz) {
      const match = /^Bearer\s+(\S+)$/i.exec(authz);
      const found = match ? await findActiveToken(db, match[1]!, versions!.auth) : undefined;
      if (!found)
        throw new ApiError(
          'auth:invalid_token',
          401,
          'The API token is not valid: it may be mistyped, expired or revoked. Create a new one in Settings → API tokens.',
        );
      const { token, user } = found;
      c.set('actor', {
        type: 'user',
        userId: user.id,
        email: user.email,
        role: user.role,
        via: 'token',
        tokenId: token.id,
        tokenKind: token.kind,
        scopes: effectiveScopes(user.role, token.scopes as Scope[], token.kind),
      });
      return next();
    }
    if (cookie) {
      const found = await findActiveSession(db, cookie, versions!.auth);
      if (found) {
        const { session, user } = found;
        if (UNSAFE.has(c.req.method)) {
          const sent = c.req.header(CSRF_HEADER);
          if (!sent || !safeEqual(sent, session.csrfToken)) {
            throw new ApiError(
              'auth:csrf',
              403,
              `Missing or wrong ${CSRF_HEADER} header. Send the csrfToken from login or GET /api/auth/me.`,
            );
          }
        }
        c.set('actor', {
          type: 'user',
          userId: user.id,
          email: user.email,
          role: user.role,
          via: 'session',
          sessionId: session.id,
          scopes: scopesOfRole(user.role),
        });
        c.set('sessionId', session.id);
        c.set('csrfToken', session.csrfToken);
      }
    }
    return next();
  };
}

export function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor)
    throw new ApiError(
      'auth:unauthorized',
      401,
      'Sign in first, or send an API token as "Authorization: Bearer op_…".',
    );
  return actor;
}

export function requireScope(scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = currentActor(c);
    if (!hasScope(actor, scope)) {
      const why =
        actor.type === 'user' && actor.via === 'token'
          ? 'this token does not have'
          : `the ${actor.type === 'user' ? actor.role : 'system'} role does not have`;
      throw new ApiError('auth:forbidden', 403, `This needs the "${scope}" permission, which ${why}.`);
    }
    return next();
  };
}

export function callerOf(c: Context<AppEnv>): Caller {
  return { actor: currentActor(c), requestId: c.get('requestId'), ip: c.get('clientIp') };
}
