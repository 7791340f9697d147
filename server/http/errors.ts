import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { ApiError, DomainError, toApiError, type FieldProblem } from '../errors.ts';
import type { AppEnv } from './types.ts';

function fieldProblems(error: ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

export function validationError(error: ZodError, where: string): ApiError {
  const fields = fieldProblems(error);
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new ApiError(`validation:${where}`, 422, `The request ${where} is not valid — ${summary}`, fields);
}

export function errorBody(err: ApiError, requestId: string | undefined) {
  return { error: { type: err.type, message: err.message, ...(err.fields ? { fields: err.fields } : {}), requestId } };
}

/** The one place errors become responses. Unknown errors are logged and never leak details. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId');
  let apiError: ApiError;
  if (err instanceof ApiError) apiError = err;
  else if (err instanceof DomainError) apiError = toApiError(err);
  else if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 400) apiError = new ApiError('request:malformed', 400, badRequestMessage(err.message));
    else if (status === 413) apiError = new ApiError('request:too_large', 413, 'The request body is too large.');
    else if (status === 401) apiError = new ApiError('auth:unauthorized', 401, err.message || 'Sign in first.');
    else if (status === 403) apiError = new ApiError('auth:forbidden', 403, err.message || 'Not allowed.');
    else if (status === 404) apiError = new ApiError('route:not_found', 404, err.message || 'Not found.');
    else
      apiError = new ApiError(
        'request:rejected',
        status >= 500 ? 500 : 400,
        err.message || 'The request was rejected.',
      );
  } else {
    (c.get('log') ?? console).error({ err }, 'unhandled error');
    apiError = new ApiError(
      'server:internal',
      500,
      'Something went wrong on the server. The request id helps find it in the logs.',
    );
  }
  return c.json(errorBody(apiError, requestId), apiError.status);
}

function badRequestMessage(raw: string): string {
  if (/json/i.test(raw))
    return 'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.';
  return raw || 'The request could not be read.';
}
