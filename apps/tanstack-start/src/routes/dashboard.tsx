import { createFileRoute } from '@tanstack/react-router';
import { requireSignIn } from '@orbital/tanstack-react-start';
import { AccountSwitcher } from '../components/AccountSwitcher';
import { TokenProbe } from '../components/TokenProbe';
import { getDashboard } from '../demo.functions';

export const Route = createFileRoute('/dashboard')({
  beforeLoad: requireSignIn,
  loader: () => getDashboard(),
  // The page shows the server's view of the session: never reuse a loaded copy.
  staleTime: 0,
  gcTime: 0,
  component: Dashboard,
});

function Dashboard() {
  const { userId, sessionId, orgId, orgRole, expiresAt } = Route.useLoaderData();
  return (
    <>
      <h1>Dashboard</h1>
      <p>A protected page: its guard and its loader's server function both read the session.</p>
      <dl>
        <dt>User</dt>
        <dd data-testid="server-user">server: {userId}</dd>
        <dt>Session</dt>
        <dd data-testid="server-session">{sessionId}</dd>
        <dt>Organization</dt>
        <dd data-testid="server-org">{orgId ? `org: ${orgId} (${orgRole})` : 'org: none'}</dd>
        <dt>Token expires</dt>
        <dd>{expiresAt}</dd>
      </dl>
      <h2>Accounts on this browser</h2>
      <AccountSwitcher />
      <h2>Server route</h2>
      <TokenProbe />
    </>
  );
}
