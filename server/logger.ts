import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Redaction is a second line of defence; secrets should never be passed in. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'openpanel' },
    redact: {
      paths: ['*.password', '*.token', '*.secret', '*.authorization', '*.cookie', 'password', 'token', 'secret'],
      censor: '[redacted]',
    },
  });
}
