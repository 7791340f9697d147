import Markdown from 'react-markdown';
import type { ToolInfo } from '../api/types.ts';
import type { Decide } from '../approvals/live-approval-card.tsx';
import { citationsOf, toolPart } from './parts.ts';
import { ToolCallCard } from './tool-call-card.tsx';
import type { PanelMessage } from './types.ts';

function providerLabel(m: PanelMessage): string | null {
  const meta = m.metadata;
  if (!meta) return null;
  if (meta.provider === 'command') return 'command mode (no model provider configured)';
  if (meta.provider) return meta.model ? `${meta.provider} · ${meta.model}` : meta.provider;
  return meta.mode === 'command' ? 'command mode' : (meta.mode ?? null);
}

export function MessageView({
  message,
  tools,
  decide,
}: {
  message: PanelMessage;
  tools: Map<string, ToolInfo> | null;
  decide: Decide;
}) {
  const citations = citationsOf(message.parts);
  const provider = providerLabel(message);
  if (message.role === 'user') {
    const text = message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
    return (
      <div className="msg user">
        <div className="bubble">{text}</div>
      </div>
    );
  }
  return (
    <article className="msg assistant" aria-label="Assistant answer">
      {message.parts.map((part, i) => {
        if (part.type === 'text') {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: text parts have no id; parts only grow at the end, so the index is stable
            <div key={i} className="markdown">
              <Markdown>{part.text}</Markdown>
            </div>
          );
        }
        const tool = toolPart(part);
        if (tool)
          return <ToolCallCard key={tool.toolCallId} part={tool} info={tools?.get(tool.toolName)} decide={decide} />;
        return null;
      })}
      {citations.length > 0 && (
        <aside className="citations" aria-label="Cited context">
          <strong className="small">Sources</strong>
          <ol>
            {citations.map((c) => (
              <li key={c.id}>
                {c.url ? (
                  <a href={c.url} target="_blank" rel="noreferrer">
                    {c.title}
                  </a>
                ) : (
                  c.title
                )}
                {c.detail && <span className="muted small"> — {c.detail}</span>}
              </li>
            ))}
          </ol>
        </aside>
      )}
      {provider && <p className="provider muted small">Answered by {provider}</p>}
    </article>
  );
}
