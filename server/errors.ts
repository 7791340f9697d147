/**
 * One error type for HTTP. `type` is `surface:reason` (e.g. `auth:unauthorized`), the message is
 * safe to show a client and says what to fix. Domain code throws DomainError, never ApiError;
 * the HTTP layer maps one onto the other.
 */
export type FieldProblem = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly type: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 503,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type DomainErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'unavailable' | 'gone';

/** An expected failure of a panel operation, with a hint a person or a model can act on. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

const statusOfKind = {
  not_found: 404,
  conflict: 409,
  invalid: 422,
  forbidden: 403,
  unavailable: 503,
  gone: 410,
} as const;

export function toApiError(err: DomainError): ApiError {
  const message = err.hint ? `${err.message} ${err.hint}` : err.message;
  return new ApiError(`domain:${err.kind}`, statusOfKind[err.kind], message);
}
