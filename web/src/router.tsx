import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A very small History API router: the panel has a handful of screens and no nested layouts. */
const listeners = new Set<() => void>();

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const l of listeners) l();
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

export type Route =
  | { screen: 'chat'; conversationId?: string }
  | { screen: 'approvals'; actionId?: string }
  | { screen: 'apps' }
  | { screen: 'app'; name: string }
  | { screen: 'settings' }
  | { screen: 'not-found' };

export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (!first) return { screen: 'chat' };
  if (first === 'chat' || first === 'c')
    return second ? { screen: 'chat', conversationId: second } : { screen: 'chat' };
  if (first === 'approvals') return second ? { screen: 'approvals', actionId: second } : { screen: 'approvals' };
  if (first === 'apps') return second ? { screen: 'app', name: second } : { screen: 'apps' };
  if (first === 'settings') return { screen: 'settings' };
  return { screen: 'not-found' };
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  function click(e: MouseEvent<HTMLAnchorElement>) {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={click} {...rest} />;
}
