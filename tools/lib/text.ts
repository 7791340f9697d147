/** Output shaping for models: long outside text is cut, and the cut is always said out loud. */

/** Enough for a useful log excerpt without flooding a model's context. */
const MAX_TEXT_CHARS = 12_000;
const MAX_LINE_CHARS = 1_000;

function clipLine(line: string, max = MAX_LINE_CHARS): string {
  return line.length > max ? `${line.slice(0, max)}… [${line.length - max} more characters]` : line;
}

/**
 * Joins lines, keeping the newest ones when the total is too long (the end of a log is where a
 * failure shows). Returns how many older lines were left out so the caller can say so.
 */
export function joinNewest(lines: string[], maxChars = MAX_TEXT_CHARS): { text: string; omitted: number } {
  const kept: string[] = [];
  let size = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = clipLine(lines[i]!);
    if (size + line.length + 1 > maxChars && kept.length > 0) break;
    kept.push(line);
    size += line.length + 1;
  }
  return { text: kept.reverse().join('\n'), omitted: lines.length - kept.length };
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const DURATION = /^(\d{1,6})(s|m|h|d)$/;
const unitMs = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "15m", "2h", "1d" relative to now, or an ISO timestamp; null when it is neither. */
export function parseSince(value: string, now = Date.now()): Date | null {
  const rel = DURATION.exec(value);
  if (rel) return new Date(now - Number(rel[1]) * unitMs[rel[2] as keyof typeof unitMs]);
  if (!/^\d{4}-\d\d-\d\d/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
