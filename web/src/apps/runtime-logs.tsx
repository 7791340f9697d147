import { useCallback, useState } from 'react';
import { enc } from '../api/client.ts';
import { useEventSource } from '../api/hooks.ts';
import type { LogLine } from '../api/types.ts';
import { LogView } from '../ui/log-view.tsx';

const KEEP = 1000;
let seq = 0;

/** Follows the live container's stdout/stderr; the filter runs on the server. */
export function RuntimeLogs({ app, running }: { app: string; running: boolean }) {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [follow, setFollow] = useState(true);
  const [filter, setFilter] = useState('');
  const [applied, setApplied] = useState('');
  const [stream, setStream] = useState<'' | 'stdout' | 'stderr'>('');
  const [ended, setEnded] = useState<string | null>(null);

  const add = useCallback(
    (name: string) => (data: unknown) => {
      const l = data as { text: string; time: string };
      setLines((prev) => [...prev, { key: String(++seq), stream: name, text: l.text, at: l.time }].slice(-KEEP));
    },
    [],
  );

  const query = new URLSearchParams({
    tail: '200',
    ...(applied ? { filter: applied } : {}),
    ...(stream ? { stream } : {}),
  });
  const url = running && follow ? `/api/apps/${enc(app)}/logs/stream?${query}` : null;
  const { connected } = useEventSource(url, {
    stdout: add('stdout'),
    stderr: add('stderr'),
    end: (data) => {
      setEnded((data as { reason?: string }).reason ?? 'the stream ended');
      setFollow(false);
    },
  });

  function apply(next: { filter?: string; stream?: '' | 'stdout' | 'stderr' }) {
    setLines([]);
    setEnded(null);
    if (next.filter !== undefined) setApplied(next.filter);
    if (next.stream !== undefined) setStream(next.stream);
    setFollow(true);
  }

  return (
    <div className="runtime-logs">
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ filter: filter.trim() });
        }}
      >
        <input
          type="search"
          placeholder="Filter lines (server-side)"
          aria-label="Filter log lines"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <select
          aria-label="Log stream"
          value={stream}
          onChange={(e) => apply({ stream: e.target.value as '' | 'stdout' | 'stderr' })}
        >
          <option value="">stdout + stderr</option>
          <option value="stdout">stdout</option>
          <option value="stderr">stderr</option>
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={follow}
            onChange={(e) => (e.target.checked ? apply({}) : setFollow(false))}
            disabled={!running}
          />{' '}
          Follow
        </label>
        <span
          className={`dot ${connected ? 'on' : ''}`}
          role="img"
          aria-label={connected ? 'Connected' : 'Not connected'}
        />
      </form>
      <LogView
        lines={lines}
        label={`Runtime logs of ${app}`}
        follow={follow}
        emptyText={running ? 'No log lines yet.' : 'The app is not running, so there are no live logs.'}
      />
      {ended && <p className="muted small">Stopped following: {ended}.</p>}
    </div>
  );
}
