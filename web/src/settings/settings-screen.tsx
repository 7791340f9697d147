import { useMe } from '../auth/session.tsx';
import { PoliciesSection } from './policies-section.tsx';
import { ProvidersSection } from './providers-section.tsx';
import { TokensSection } from './tokens-section.tsx';

export function SettingsScreen() {
  const me = useMe();
  return (
    <div className="page narrow">
      <header className="page-head">
        <h1>Settings</h1>
        <p className="muted">
          Signed in as {me.user.email} ({me.user.role}).
        </p>
      </header>
      <div className="stack">
        <ProvidersSection />
        <TokensSection />
        <PoliciesSection />
      </div>
    </div>
  );
}
