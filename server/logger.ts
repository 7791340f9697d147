import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * A failed query's error carries its parameters (drizzle: "Failed query: … params: …" and a
 * `params` property): a password hash, an env value, a secret typed in the chat. Logs keep the SQL
 * and the database's code and message, never the values.
 */
const PARAMS_IN_TEXT = /\nparams: [\s\S]*$/;
// Postgres quotes the offending value in type errors ("invalid input syntax for type uuid: "…"").
const VALUE_IN_PG_MESSAGE = /(invalid input (?:syntax|value) for [^:]*: )"[\s\S]*"/;
const MAX_DEPTH = 6;

function withoutParams(text: string): string {
  return text.replace(PARAMS_IN_TEXT, '\nparams: [omitted]').replace(VALUE_IN_PG_MESSAGE, '$1"[omitted]"');
}

/** An error as a plain object with only the parts that cannot carry query values. */
function safeError(err: Error, depth: number): Record<string, unknown> {
  const { code, query } = err as Error & { code?: unknown; query?: unknown };
  return {
    type: err.name,
    message: withoutParams(err.message),
    ...(typeof query === 'string' ? { query } : {}),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(err.stack ? { stack: withoutParams(err.stack) } : {}),
    ...(err.cause !== undefined && depth < MAX_DEPTH ? { cause: safeValue(err.cause, depth + 1) } : {}),
  };
}

function safeValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return withoutParams(value);
  if (value instanceof Error) return safeError(value, depth);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => safeValue(v, depth + 1));
  // Only plain records are walked; anything else (Dates, Buffers) pino serialises as it would.
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, safeValue(v, depth + 1)]));
}

/** The options every panel logger shares (the panel's own, and any process that logs for it). */
function loggerOptions(level: string, service = 'openpanel'): LoggerOptions {
  return {
    level,
    base: { service },
    redact: {
      paths: ['*.password', '*.token', '*.secret', '*.authorization', '*.cookie', 'password', 'token', 'secret'],
      censor: '[redacted]',
    },
    formatters: { log: (object) => safeValue(object, 0) as Record<string, unknown> },
    // Errors are already safe plain objects here; pino's own serialiser would fold the cause away.
    serializers: { err: (err: unknown) => safeValue(err, 0) },
    hooks: {
      // Messages too: `logger.error(String(err))` and `logger.warn(err.message)` happen.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        const safe =
          first instanceof Error
            ? [{ err: safeError(first, 0) }, ...(rest.length ? rest : [withoutParams(first.message)])]
            : [first, ...rest];
        return method.apply(this, safe.map((a) => safeValue(a, 0)) as Parameters<typeof method>);
      },
    },
  };
}

/** Structured JSON logs. Redaction is a second line of defence; secrets should never be passed in. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
