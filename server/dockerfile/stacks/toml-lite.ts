/**
 * Reads the few TOML shapes that manifests use (tables, string values, string arrays, keys).
 * Not a TOML parser: enough for pyproject.toml and Cargo.toml evidence, without a dependency.
 */

/** The body of `[name]`, up to the next table header; null when the table is absent. */
export function tomlTable(text: string, name: string): string | null {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `[${name}]`);
  if (start < 0) return null;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*\[/.test(line) && !/^\s*\[\s*["']/.test(line)) break;
    body.push(line);
  }
  return body.join('\n');
}

export function tomlString(body: string, key: string): string | null {
  const match = new RegExp(`^\\s*${escapeRegExp(key)}\\s*=\\s*(["'])(.*?)\\1`, 'm').exec(body);
  return match?.[2] ?? null;
}

/** A string array value, which may span lines and hold `]` inside quoted strings. */
export function tomlStringArray(body: string, key: string): string[] {
  const match = new RegExp(`^\\s*${escapeRegExp(key)}\\s*=\\s*\\[`, 'm').exec(body);
  if (!match) return [];
  const items: string[] = [];
  let quote: string | null = null;
  let current = '';
  for (const ch of body.slice(match.index + match[0].length)) {
    if (quote) {
      if (ch === quote) {
        items.push(current);
        current = '';
        quote = null;
      } else {
        current += ch;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ']') {
      break;
    }
  }
  return items;
}

/** The keys assigned in a table body (`name = ...`), unquoted. */
export function tomlKeys(body: string): string[] {
  return [...body.matchAll(/^\s*("[^"]+"|'[^']+'|[A-Za-z0-9_.-]+)\s*=/gm)].map((m) =>
    (m[1] ?? '').replace(/^["']|["']$/g, ''),
  );
}

/** All `[[name]]` array-of-tables bodies. */
export function tomlArrayTables(text: string, name: string): string[] {
  const parts = text.split(new RegExp(`^\\s*\\[\\[${escapeRegExp(name)}\\]\\]\\s*$`, 'm')).slice(1);
  return parts.map((p) => p.split(/^\s*\[/m)[0] ?? '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
