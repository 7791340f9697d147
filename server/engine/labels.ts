/** Labels the panel puts on every engine object it creates, so it can find and own them later. */
export const LABELS = {
  managed: 'dev.openpanel.managed',
  app: 'dev.openpanel.app',
  deployment: 'dev.openpanel.deployment',
  project: 'dev.openpanel.project',
  // The container port the panel talks to, when an image exposes several.
  port: 'dev.openpanel.port',
} as const;

/** Engine `label` filter values (`key=value`) for the given labels. */
export function labelFilters(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([key, value]) => `${key}=${value}`);
}
