export * from './users.ts';
export * from './sessions.ts';
export * from './api-tokens.ts';
export * from './audit-log.ts';
export * from './settings.ts';
export * from './context-chunks.ts';
