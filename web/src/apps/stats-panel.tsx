import { useState } from 'react';
import { enc } from '../api/client.ts';
import { useEventSource } from '../api/hooks.ts';
import type { Stats } from '../api/types.ts';
import { Sparkline } from './sparkline.tsx';

const KEEP = 60;

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** CPU and memory of the live container, about once a second, over the last minute. */
export function StatsPanel({ app, running }: { app: string; running: boolean }) {
  const [samples, setSamples] = useState<Stats[]>([]);
  const { failed } = useEventSource(running ? `/api/apps/${enc(app)}/stats/stream` : null, {
    stats: (data) => setSamples((prev) => [...prev, data as Stats].slice(-KEEP)),
  });
  const last = samples.at(-1);

  if (!running) return <p className="muted">Charts appear while the app is running.</p>;
  if (failed) return <p className="muted">Live stats are not available right now.</p>;
  return (
    <div className="stats-grid">
      <figure>
        <figcaption>
          CPU <strong>{last ? `${last.cpuPercent.toFixed(1)}%` : '…'}</strong>
        </figcaption>
        <Sparkline values={samples.map((s) => s.cpuPercent)} max={5} label="CPU use over the last minute" />
      </figure>
      <figure>
        <figcaption>
          Memory{' '}
          <strong>
            {last
              ? `${formatBytes(last.memoryBytes)}${last.memoryLimitBytes ? ` of ${formatBytes(last.memoryLimitBytes)}` : ''}`
              : '…'}
          </strong>
        </figcaption>
        <Sparkline values={samples.map((s) => s.memoryBytes)} label="Memory use over the last minute" />
      </figure>
    </div>
  );
}
