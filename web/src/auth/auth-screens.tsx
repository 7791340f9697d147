import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client.ts';
import type { SessionInfo } from '../api/types.ts';
import { useSession } from './session.tsx';

function AuthFrame({ title, lead, children }: { title: string; lead: string; children: React.ReactNode }) {
  return (
    <main className="auth">
      <div className="auth-card">
        <div className="brand brand-lg" aria-hidden="true">
          <span className="brand-mark">+</span> OpenPanel
        </div>
        <h1>{title}</h1>
        <p className="muted">{lead}</p>
        {children}
      </div>
    </main>
  );
}

export function LoginScreen({ notice }: { notice?: string }) {
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await api<SessionInfo>('/api/auth/login', { method: 'POST', body: { email, password } }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Sign in" lead="Deploy and run your Docker apps by talking to the panel.">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} className="stack" aria-label="Sign in">
        <label>
          E-mail
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the sign-in screen has one task; start in its first field
            autoFocus
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthFrame>
  );
}

export function SetupScreen() {
  const { signedIn } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(
        await api<SessionInfo>('/api/setup', { method: 'POST', body: { email, password, ...(name ? { name } : {}) } }),
      );
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <AuthFrame
      title="Create the owner account"
      lead="This panel has no users yet. The first account owns it: it approves changes and manages everyone else."
    >
      <form onSubmit={submit} className="stack" aria-label="Create the owner account">
        <label>
          <span>
            Name <span className="muted">(optional)</span>
          </span>
          <input
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the setup screen has one task; start in its first field
            autoFocus
          />
        </label>
        <label>
          E-mail
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          <span>
            Password <span className="muted">(at least 12 characters)</span>
          </span>
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create owner and sign in'}
        </button>
      </form>
    </AuthFrame>
  );
}
