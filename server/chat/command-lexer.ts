/**
 * The words of command mode: tokens, commands joined by "then", politeness and filler removed,
 * options in any order. Pure functions; command-rules.ts gives the words their meaning.
 */

export interface Tok {
  text: string;
  /** Quoted text is taken as it is: never a keyword, never trimmed. */
  quoted: boolean;
}

const POLITE = new Set([
  'please',
  'pls',
  'plz',
  'kindly',
  'hey',
  'ok',
  'okay',
  'now',
  'just',
  'can',
  'could',
  'would',
  'will',
  'you',
]);
const FILLER = new Set([
  'the',
  'my',
  'our',
  'app',
  'application',
  'service',
  'for',
  'of',
  'on',
  'please',
  'me',
  'a',
  'an',
  'all',
]);
const UNITS: Record<string, string> = {
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
};

export const DURATION = /^\d{1,6}[smhd]$/;
export const low = (t: Tok | undefined) => (t && !t.quoted ? t.text.toLowerCase() : '');
export const isWord = (t: Tok | undefined, ...words: string[]) => words.includes(low(t));
export const isInt = (s: string | undefined) => s !== undefined && /^\d{1,9}$/.test(s);

/** Splits on whitespace; quotes group words ("a b", KEY="a b") and are dropped; ; is its own token. */
export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let cur = '';
  let quoted = false;
  let quote = '';
  const push = () => {
    if (cur || quoted) toks.push({ text: cur, quoted });
    cur = '';
    quoted = false;
  };
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
    } else if ((ch === '"' || ch === "'" || ch === '“') && (cur === '' || cur.endsWith('='))) {
      quote = ch === '“' ? '”' : ch;
      quoted = true;
    } else if (/\s/.test(ch)) push();
    else if (ch === ';') {
      push();
      toks.push({ text: ';', quoted: false });
    } else cur += ch;
  }
  push();
  return toks;
}

/** Commands joined by "then", "and then" or ";", with politeness and end punctuation removed. */
export function splitCommands(toks: Tok[]): Tok[][] {
  const out: Tok[][] = [[]];
  for (const t of toks) {
    if (isWord(t, ';', 'then')) {
      if (isWord(out.at(-1)!.at(-1), 'and')) out.at(-1)!.pop();
      const prev = out.at(-1)!.at(-1);
      if (prev && !prev.quoted) prev.text = prev.text.replace(/,$/, ''); // "DEBUG=1, then …"
      out.push([]);
    } else out.at(-1)!.push({ ...t });
  }
  return out
    .map((cmd) => {
      // A KEY=VALUE keeps its last character: a value may well end in "." or "!".
      const last = cmd.at(-1);
      if (last && !last.quoted && !last.text.includes('=')) last.text = last.text.replace(/[.!?,]+$/, '');
      if (last?.text === '' && !last.quoted) cmd.pop();
      while (cmd.length && (POLITE.has(low(cmd[0])) || isWord(cmd[0], 'go', 'ahead', 'and'))) cmd.shift();
      while (cmd.length > 1 && isWord(cmd.at(-1), 'please', 'now', 'thanks')) cmd.pop();
      return cmd;
    })
    .filter((cmd) => cmd.length > 0);
}

/** The app names in the rest of a command: "the api app" → [api]; "api and web" → [api, web]. */
export function appNames(rest: Tok[]): string[] {
  return rest
    .filter((t) => t.quoted || !FILLER.has(low(t)))
    .flatMap((t) => t.text.split(','))
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s && s !== 'and' && s !== '&');
}

/** Whether the user listed several things ("api and web", "api, web"). */
export const isList = (rest: Tok[]) => rest.some((t) => isWord(t, 'and', '&') || (!t.quoted && t.text.includes(',')));

/**
 * Pulls "name value", "--name value" and "--name=value" options (and bare flags) out of a
 * command, in any order. `names` and `flags` map what people type to the option's key.
 */
export function takeOptions(
  rest: Tok[],
  names: Record<string, string>,
  flags: Record<string, string> = {},
): { opts: Record<string, string>; rest: Tok[] } {
  const opts: Record<string, string> = {};
  const left: Tok[] = [];
  for (let i = 0; i < rest.length; i++) {
    const tok = rest[i]!;
    const word = low(tok).replace(/^-{1,2}/, '');
    const inline =
      word.includes('=') && low(tok).startsWith('-') ? tok.text.slice(tok.text.indexOf('=') + 1) : undefined;
    const key = inline === undefined ? word : word.slice(0, word.indexOf('='));
    if (flags[key]) opts[flags[key]] = key;
    else if (names[key] && (inline !== undefined || rest[i + 1])) opts[names[key]] = inline ?? rest[++i]!.text;
    else left.push(tok);
  }
  return { opts, rest: left };
}

/** "10 minutes", "10min", "2 hrs" → 10m, 2h. */
export function joinDurations(rest: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (const t of rest) {
    const prev = out.at(-1);
    const glued = /^(\d{1,6})([a-z]+)$/.exec(low(t));
    if (prev && isInt(low(prev)) && UNITS[low(t)])
      out[out.length - 1] = { text: `${prev.text}${UNITS[low(t)]}`, quoted: false };
    else if (glued && UNITS[glued[2]!]) out.push({ text: `${glued[1]}${UNITS[glued[2]!]}`, quoted: false });
    else out.push(t);
  }
  return out;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
