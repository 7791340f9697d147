import type { AppView } from '../api/types.ts';

/** What the card compares a request against: the app as it is now, and its env var names. */
export interface CurrentState {
  app?: AppView | null;
  envNames?: string[] | null;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys whose values are secret wherever they appear; the server redacts them too. */
const SECRET_KEY = /^(value|values|password|secret|token|apiKey|api_key|privateKey|deployKey)$/i;

/** Credentials in a URL (https://user:token@host) never reach the screen. */
function maskUrl(text: string): string {
  return text.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1•••@');
}

export function showValue(v: Json): string {
  if (v === undefined) return '(unset)';
  if (v === null) return 'none';
  if (typeof v === 'string') return maskUrl(v);
  return maskUrl(JSON.stringify(v, (k, val: unknown) => (k && SECRET_KEY.test(k) ? '•••' : val)));
}

function EnvVarDiff({ input, current }: { input: Record<string, unknown>; current?: CurrentState }) {
  const known = current?.envNames ? new Set(current.envNames) : null;
  const setting = Array.isArray(input.vars) ? input.vars.map((v) => (isObject(v) ? String(v.name) : String(v))) : [];
  const removing = Array.isArray(input.names) ? input.names.map(String) : [];
  const where = [input.buildTime === true && 'build', input.runtime !== false && setting.length > 0 && 'runtime']
    .filter(Boolean)
    .join(' + ');
  return (
    <section className="diff" aria-label="Env var changes (names only)">
      <ul className="diff-list">
        {setting.map((name) => {
          const replaced = known?.has(name);
          return (
            <li key={`set-${name}`} className={replaced ? 'diff-changed' : 'diff-added'}>
              <span className="diff-sign" aria-hidden="true">
                {replaced ? '~' : '+'}
              </span>
              <code>{name}</code> <span className="muted">{replaced ? 'replaced' : known ? 'added' : 'set'}</span>
            </li>
          );
        })}
        {removing.map((name) => (
          <li key={`unset-${name}`} className="diff-removed">
            <span className="diff-sign" aria-hidden="true">
              −
            </span>
            <code>{name}</code>{' '}
            <span className="muted">{known && !known.has(name) ? 'removed (not set now)' : 'removed'}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Values are never shown. {where && `Applies to: ${where}. `}Takes effect on the next deployment.
      </p>
    </section>
  );
}

/** Build arguments may hold secrets: only their names are compared. */
function namesOf(v: Json): string {
  if (Array.isArray(v)) return v.map((a) => (isObject(a) ? String(a.name) : String(a))).join(', ') || 'none';
  if (isObject(v)) return Object.keys(v).join(', ') || 'none';
  return 'none';
}

function AppSettingsDiff({ input, current }: { input: Record<string, unknown>; current?: CurrentState }) {
  const app = current?.app ?? null;
  const rows = Object.entries(input)
    .filter(([k, v]) => k !== 'app' && v !== undefined)
    .map(([key, after]) => {
      const before = app ? (app as unknown as Record<string, unknown>)[key] : undefined;
      if (key === 'buildArgs') return { key, before: app ? namesOf(before) : '…', after: namesOf(after) };
      if (key === 'source' && isObject(after)) {
        const old = isObject(before) ? before : {};
        const fields = Object.keys(after).filter((f) => after[f] !== undefined);
        const changed = app ? fields.filter((f) => showValue(after[f]) !== showValue(old[f])) : fields;
        return {
          key,
          before: app ? changed.map((f) => `${f}: ${showValue(old[f])}`).join(', ') || 'same' : '…',
          after: changed.map((f) => `${f}: ${showValue(after[f])}`).join(', ') || 'same',
        };
      }
      return { key, before: app ? showValue(before) : '…', after: showValue(after) };
    });
  return (
    <table className="diff-table" aria-label="Setting changes">
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Now</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.before === r.after ? 'same' : 'diff-changed'}>
            <th scope="row">
              <code>{r.key}</code>
            </th>
            <td className="before">{r.before}</td>
            <td className="after">{r.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The request exactly as it will run (redacted), with a before/after view where one helps. */
export function InputView({ tool, input, current }: { tool: string; input: unknown; current?: CurrentState }) {
  const data = isObject(input) ? input : {};
  if (tool === 'set_env_vars' || tool === 'unset_env_vars') return <EnvVarDiff input={data} current={current} />;
  if (tool === 'update_app') return <AppSettingsDiff input={data} current={current} />;
  const entries = Object.entries(data);
  if (!entries.length) return <p className="muted small">No input.</p>;
  return (
    <dl className="input-list" aria-label="Exact input">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <code>{k && SECRET_KEY.test(k) ? '•••' : showValue(v)}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
