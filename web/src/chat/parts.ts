import type { ActionView } from '../api/types.ts';
import type { ActionCard, ChatToolOutput, Citation, PanelPart } from './types.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ToolPartView {
  toolName: string;
  toolCallId: string;
  state: string;
  input: unknown;
  output?: ChatToolOutput;
  errorText?: string;
  approvalId?: string;
  /** The person's answer, once given in this chat. */
  approved?: boolean;
  card?: ActionCard;
}

function asCard(v: unknown): ActionCard | undefined {
  if (!isRecord(v)) return undefined;
  const id = v.actionId ?? v.id;
  if (typeof id !== 'string' || typeof v.tool !== 'string') return undefined;
  return { ...(v as unknown as ActionCard), actionId: id };
}

/** A tool part (static `tool-<name>` or dynamic) in one shape, with the action card if any. */
export function toolPart(part: PanelPart): ToolPartView | null {
  const p = part as Record<string, unknown> & { type: string };
  const toolName = p.type === 'dynamic-tool' ? String(p.toolName) : p.type.startsWith('tool-') ? p.type.slice(5) : null;
  if (!toolName) return null;
  const approval = isRecord(p.approval) ? p.approval : undefined;
  const output = isRecord(p.output) ? (p.output as unknown as ChatToolOutput) : undefined;
  const card = asCard(approval?.descriptor) ?? asCard(output?.action);
  return {
    toolName,
    toolCallId: String(p.toolCallId),
    state: String(p.state),
    input: p.input,
    output,
    errorText: typeof p.errorText === 'string' ? p.errorText : undefined,
    approvalId: typeof approval?.id === 'string' ? approval.id : undefined,
    approved: typeof approval?.approved === 'boolean' ? approval.approved : undefined,
    card,
  };
}

/** A stand-in ActionView from the card, shown until the full record arrives from the API. */
export function previewFromCard(card: ActionCard): ActionView {
  return {
    id: card.actionId,
    tool: card.tool,
    status: card.status as ActionView['status'],
    risk: card.risk,
    summary: card.summary,
    target: card.target,
    input: card.input,
    inputHash: card.inputHash,
    requestedBy: 'the assistant',
    requestedVia: 'chat',
    origin: {},
    decidedBy: null,
    decidedAt: null,
    reason: null,
    result: null,
    error: null,
    expiresAt: card.expiresAt,
    createdAt: new Date().toISOString(),
    finishedAt: null,
    url: card.url,
  };
}

/** Passages a context search returned (search_context: data.hits with numbered citations). */
function hitsOf(p: Record<string, unknown>): Citation[] {
  const data = isRecord(p.output) && isRecord(p.output.data) ? p.output.data : undefined;
  if (!Array.isArray(data?.hits)) return [];
  return data.hits.filter(isRecord).map((h, i) => ({
    id: `${String(p.toolCallId)}-${String(h.n ?? i + 1)}`,
    title: String(h.citation ?? h.sourceRef ?? `passage ${i + 1}`),
    detail: typeof h.snippet === 'string' ? h.snippet : undefined,
  }));
}

/** Sources the answer cites: context-search passages, AI SDK source parts, or a citations data part. */
export function citationsOf(parts: PanelPart[]): Citation[] {
  const out: Citation[] = [];
  for (const part of parts) {
    const p = part as Record<string, unknown> & { type: string };
    if (p.type === 'tool-search_context' || (p.type === 'dynamic-tool' && p.toolName === 'search_context'))
      out.push(...hitsOf(p));
    else if (p.type === 'source-url')
      out.push({ id: String(p.sourceId), title: String(p.title ?? p.url), url: String(p.url) });
    else if (p.type === 'source-document')
      out.push({
        id: String(p.sourceId),
        title: String(p.title),
        detail: typeof p.filename === 'string' ? p.filename : undefined,
      });
    else if (
      (p.type === 'data-citations' || p.type === 'data-context') &&
      Array.isArray((p.data as { citations?: unknown })?.citations ?? p.data)
    ) {
      const list = ((p.data as { citations?: unknown[] }).citations ?? p.data) as unknown[];
      for (const [i, c] of list.entries()) {
        if (!isRecord(c)) continue;
        out.push({
          id: String(c.id ?? `${p.type}-${i}`),
          title: String(c.title ?? c.source ?? c.name ?? 'context'),
          url: typeof c.url === 'string' ? c.url : undefined,
          detail: typeof c.snippet === 'string' ? c.snippet : typeof c.kind === 'string' ? c.kind : undefined,
        });
      }
    }
  }
  return out.filter((c, i, all) => all.findIndex((o) => o.id === c.id) === i);
}
