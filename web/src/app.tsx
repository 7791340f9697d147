import { ActionsProvider, usePendingActions } from './approvals/actions-store.tsx';
import { InboxScreen } from './approvals/inbox-screen.tsx';
import { AppDetail } from './apps/app-detail.tsx';
import { AppsScreen } from './apps/apps-screen.tsx';
import { LoginScreen, SetupScreen } from './auth/auth-screens.tsx';
import { SessionProvider, useMe, useSession } from './auth/session.tsx';
import { ChatScreen } from './chat/chat-screen.tsx';
import { Link, matchRoute, usePath, type Route } from './router.tsx';
import { SettingsScreen } from './settings/settings-screen.tsx';
import { Empty, ErrorState, Loading } from './ui/states.tsx';

const NAV: { to: string; label: string; screens: Route['screen'][] }[] = [
  { to: '/', label: 'Chat', screens: ['chat'] },
  { to: '/approvals', label: 'Approvals', screens: ['approvals'] },
  { to: '/apps', label: 'Apps', screens: ['apps', 'app'] },
  { to: '/settings', label: 'Settings', screens: ['settings'] },
];

function Nav({ route }: { route: Route }) {
  const pending = usePendingActions().length;
  const me = useMe();
  const { logout } = useSession();
  return (
    <header className="topbar">
      <Link to="/" className="brand" aria-label="OpenPanel home">
        <span className="brand-mark" aria-hidden="true">
          +
        </span>
        <span className="brand-name">OpenPanel</span>
      </Link>
      <nav className="nav" aria-label="Main">
        {NAV.map((item) => {
          const active = item.screens.includes(route.screen);
          return (
            <Link
              key={item.to}
              to={item.to}
              className={active ? 'active' : undefined}
              aria-current={active ? 'page' : undefined}
            >
              {item.label}
              {item.to === '/approvals' && pending > 0 && (
                <span className="count" role="img" aria-label={`${pending} pending`}>
                  {pending}
                </span>
              )}
            </Link>
          );
        })}
      </nav>
      <div className="user">
        <span className="muted small user-email">{me.user.email}</span>
        <button type="button" className="btn small" onClick={() => void logout()}>
          Sign out
        </button>
      </div>
    </header>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'chat':
      return <ChatScreen conversationId={route.conversationId} />;
    case 'approvals':
      return <InboxScreen actionId={route.actionId} />;
    case 'apps':
      return <AppsScreen />;
    case 'app':
      return <AppDetail key={route.name} name={route.name} />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return (
        <div className="page">
          <Empty title="Nothing here">
            <Link to="/">Back to the chat</Link>
          </Empty>
        </div>
      );
  }
}

function Shell() {
  const route = matchRoute(usePath());
  return (
    <ActionsProvider>
      <div className={`shell screen-${route.screen}`}>
        <Nav route={route} />
        <main className="main">
          <Screen route={route} />
        </main>
      </div>
    </ActionsProvider>
  );
}

function Gate() {
  const { state, retry } = useSession();
  switch (state.phase) {
    case 'loading':
      return <Loading what="the panel" />;
    case 'unreachable':
      return (
        <main className="auth">
          <ErrorState error={state.error} onRetry={retry} />
        </main>
      );
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen notice={state.notice} />;
    case 'ready':
      return <Shell />;
  }
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
