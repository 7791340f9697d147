import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, json, security } from '../http/schemas.ts';
import { callerOf, requireScope } from '../http/auth.ts';
import { ApiError } from '../errors.ts';
import { storeUpload } from '../source/uploads.ts';
import { uploadsDir } from '../deploy/uploads.ts';
import { writeAudit } from '../audit.ts';

export const uploadRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/api/uploads',
    tags: ['apps'],
    summary: 'Upload a .tar or .tar.gz of an app folder (raw body); use the id as a tarball source',
    security,
    middleware: [requireScope('write')],
    request: {
      body: {
        content: {
          'application/gzip': { schema: { type: 'string', format: 'binary' } },
          'application/x-tar': { schema: { type: 'string', format: 'binary' } },
        },
        required: true,
      },
    },
    responses: {
      201: json(z.object({ uploadId: z.uuid(), bytes: z.number(), sha256: z.string() }), 'Stored'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const ctx = c.get('ctx');
    const body = c.req.raw.body;
    if (!body)
      throw new ApiError(
        'request:empty',
        400,
        'Send the archive as the request body, e.g. curl --data-binary @app.tgz -H "content-type: application/gzip".',
      );
    const stored = await storeUpload(body, {
      dir: uploadsDir(ctx),
      maxBytes: ctx.env.OPENPANEL_UPLOAD_MAX_MB * 1024 * 1024,
    });
    await writeAudit(ctx.db, callerOf(c), {
      action: 'upload.create',
      target: { type: 'upload', id: stored.id },
      input: { bytes: stored.bytes, sha256: stored.sha256 },
      result: 'ok',
    });
    return c.json({ uploadId: stored.id, bytes: stored.bytes, sha256: stored.sha256 }, 201);
  },
);
