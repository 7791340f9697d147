import { useEffect, useRef } from 'react';
import type { LogLine } from '../api/types.ts';

/**
 * Log lines in a scrolling box that follows the end while the reader is at the bottom. Lines are
 * outside text (builds, containers): rendered as text only, never as HTML or Markdown.
 */
export function LogView({
  lines,
  label,
  follow = true,
  emptyText = 'No log lines yet.',
}: {
  lines: LogLine[];
  label: string;
  follow?: boolean;
  emptyText?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new lines are the trigger to scroll to the end
  useEffect(() => {
    const el = box.current;
    if (el && follow && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [lines, follow]);

  return (
    <div
      ref={box}
      className="logs"
      role="log"
      aria-label={label}
      aria-live="off"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log must take focus so the keyboard can scroll it
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {lines.length === 0 ? (
        <div className="muted log-empty">{emptyText}</div>
      ) : (
        lines.map((l) => (
          <div key={l.key} className={`log-line stream-${l.stream}`}>
            {l.text}
          </div>
        ))
      )}
    </div>
  );
}
