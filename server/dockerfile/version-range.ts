/**
 * Just enough of npm, PEP 440 and Poetry version ranges to choose an image tag. A candidate such
 * as [22] or [3, 12] stands for the newest release of that line, so `>=20.19` accepts [22] and
 * [20] alike. Unknown syntax is accepted rather than guessed at.
 */
export function satisfiesRange(candidate: readonly number[], range: string): boolean {
  return range.split('||').some((alternative) => {
    const normalized = alternative
      .trim()
      .replace(/(>=|<=|~=|===|==|!=|>|<|=|\^|~)\s+/g, '$1')
      .replace(/(\S+)\s+-\s+(\S+)/g, '>=$1 <=$2');
    const clauses = normalized.split(/[\s,]+/).filter(Boolean);
    return clauses.every((clause) => satisfiesClause(candidate, clause));
  });
}

/** The first candidate (in order of preference) that the range allows. */
export function pickVersion<T extends string>(
  candidates: readonly T[],
  range: string | null | undefined,
): T | undefined {
  if (!range?.trim()) return candidates[0];
  return candidates.find((c) => satisfiesRange(parseVersion(c) ?? [], range));
}

export function parseVersion(text: string): number[] | null {
  const match = /^v?(\d+(?:\.\d+)*)/.exec(text.trim());
  return match?.[1] ? match[1].split('.').map(Number) : null;
}

function satisfiesClause(candidate: readonly number[], clause: string): boolean {
  const match = /^(>=|<=|~=|===|==|!=|>|<|=|\^|~)?v?(\d+(?:\.\d+)*)/.exec(clause);
  if (!match?.[2]) return true;
  const op = match[1] ?? '=';
  const target = match[2].split('.').map(Number);
  const c = comparePrefix(candidate, target);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0 || (c === 0 && target.length > candidate.length);
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '^':
      return candidate[0] === target[0] && c >= 0;
    case '~':
      return comparePrefix(candidate, target.slice(0, Math.min(target.length, 2))) === 0 && c >= 0;
    case '~=':
      return comparePrefix(candidate, target.slice(0, Math.max(target.length - 1, 1))) === 0 && c >= 0;
    case '!=':
      return !(c === 0 && candidate.length >= target.length);
    default:
      return c === 0;
  }
}

/** Compares only as many parts as both versions have. */
function comparePrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
