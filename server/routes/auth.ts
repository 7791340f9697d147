import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createRouter } from '../http/router.ts';
import { commonErrors, conflict, json, jsonBody, security, tooMany, UserSchema } from '../http/schemas.ts';
import { SESSION_COOKIE, callerOf, currentActor } from '../http/auth.ts';
import { limitPerClient } from '../http/rate-limit.ts';
import type { AppEnv } from '../http/types.ts';
import { ApiError } from '../errors.ts';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords.ts';
import { countUsers, createFirstOwner, findUserByEmail, findUserById, toPublicUser } from '../services/users.ts';
import { createSession, deleteSession } from '../services/sessions.ts';
import { writeAudit } from '../audit.ts';
import type { User } from '../db/schema/users.ts';

const Credentials = z
  .object({
    email: z.email({ error: 'expected an e-mail address' }),
    password: z.string().min(1, { error: 'expected a password' }).max(1024),
  })
  .openapi('Credentials');

const SetupInput = Credentials.extend({ name: z.string().max(200).optional() }).openapi('SetupInput');

const SessionInfo = z
  .object({
    user: UserSchema,
    csrfToken: z.string().describe('Send as X-CSRF-Token on every POST/PUT/PATCH/DELETE made with the session cookie'),
    expiresAt: z.date(),
  })
  .openapi('SessionInfo');

async function startSession(c: Context<AppEnv>, user: User) {
  const { env, db } = c.get('ctx');
  const session = await createSession(db, user, {
    ttlHours: env.OPENPANEL_SESSION_TTL_HOURS,
    userAgent: c.req.header('user-agent'),
    ip: c.get('clientIp'),
  });
  const secure = env.OPENPANEL_PUBLIC_URL?.startsWith('https:') ?? new URL(c.req.url).protocol === 'https:';
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
  return { user: toPublicUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

export function authRoutes(opts: { loginLimit: number; windowSeconds: number }) {
  const router = createRouter();
  // Only attempts count: the UI may check whether setup is needed as often as it likes.
  router.post('/api/setup', limitPerClient('setup', opts.loginLimit, opts.windowSeconds));
  router.post('/api/auth/login', limitPerClient('login', opts.loginLimit, opts.windowSeconds));

  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/setup',
        tags: ['auth'],
        summary: 'Whether first-run setup is still needed',
        responses: { 200: json(z.object({ needed: z.boolean() }), 'Setup state') },
      }),
      async (c) => c.json({ needed: (await countUsers(c.get('ctx').db)) === 0 }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/setup',
        tags: ['auth'],
        summary: 'Create the first owner (only while no user exists) and sign in',
        request: jsonBody(SetupInput),
        responses: { 201: json(SessionInfo, 'Owner created and signed in'), ...commonErrors, ...conflict, ...tooMany },
      }),
      async (c) => {
        const input = c.req.valid('json');
        const user = await createFirstOwner(
          c.get('ctx').db,
          {
            actor: { type: 'system', label: 'setup', scopes: [] },
            requestId: c.get('requestId'),
            ip: c.get('clientIp'),
          },
          input,
        );
        return c.json(await startSession(c, user), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/login',
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets an httpOnly session cookie',
        request: jsonBody(Credentials),
        responses: { 200: json(SessionInfo, 'Signed in'), ...commonErrors, ...tooMany },
      }),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const { db } = c.get('ctx');
        const user = await findUserByEmail(db, email);
        let ok = false;
        if (user) ok = await verifyPassword(user.passwordHash, password);
        else await burnPasswordCheck(password);
        const caller = {
          actor: { type: 'system' as const, label: `login:${email}`, scopes: [] },
          requestId: c.get('requestId'),
          ip: c.get('clientIp'),
        };
        if (!user || !ok) {
          await writeAudit(db, caller, {
            action: 'auth.login',
            input: { email },
            result: 'denied',
            error: 'bad credentials',
          });
          throw new ApiError('auth:bad_credentials', 401, 'The e-mail or password is wrong.');
        }
        const info = await startSession(c, user);
        await writeAudit(
          db,
          {
            ...caller,
            actor: { type: 'user', userId: user.id, email: user.email, role: user.role, via: 'session', scopes: [] },
          },
          { action: 'auth.login', target: { type: 'user', id: user.id }, result: 'ok' },
        );
        return c.json(info, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/auth/logout',
        tags: ['auth'],
        summary: 'End this browser session now',
        security,
        responses: { 204: { description: 'Signed out' }, ...commonErrors },
      }),
      async (c) => {
        const caller = callerOf(c);
        const sessionId = c.get('sessionId');
        if (!sessionId)
          throw new ApiError(
            'auth:no_session',
            400,
            'Logout ends a browser session; to stop a token, revoke it with DELETE /api/tokens/{id}.',
          );
        const { db } = c.get('ctx');
        await deleteSession(db, sessionId);
        await writeAudit(db, caller, {
          action: 'auth.logout',
          target: { type: 'session', id: sessionId },
          result: 'ok',
        });
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/auth/me',
        tags: ['auth'],
        summary: 'Who is signed in, with what permissions',
        security,
        responses: {
          200: json(
            z.object({
              user: UserSchema,
              via: z.enum(['session', 'token']),
              tokenKind: z.enum(['human', 'agent']).nullable(),
              scopes: z.array(z.string()),
              csrfToken: z.string().nullable(),
            }),
            'The current actor',
          ),
          ...commonErrors,
        },
      }),
      async (c) => {
        const actor = currentActor(c);
        if (actor.type !== 'user') throw new ApiError('auth:unauthorized', 401, 'Sign in first.');
        const user = await findUserById(c.get('ctx').db, actor.userId);
        if (!user) throw new ApiError('auth:unauthorized', 401, 'This account no longer exists.');
        return c.json(
          {
            user: toPublicUser(user),
            via: actor.via,
            tokenKind: actor.tokenKind ?? null,
            scopes: [...actor.scopes],
            csrfToken: c.get('csrfToken'),
          },
          200,
        );
      },
    );
}
