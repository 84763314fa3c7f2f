import { auth } from '@orbital/nextjs/server';
import { AccountSwitcher } from '../components/AccountSwitcher';
import { TokenProbe } from './TokenProbe';

export default async function Dashboard() {
  const { userId, sessionId, orgId, orgRole, claims } = (await auth()).protect();
  return (
    <>
      <h1>Dashboard</h1>
      <p>A protected page, rendered on the server for the signed-in user.</p>
      <dl>
        <dt>User</dt>
        <dd data-testid="server-user">server: {userId}</dd>
        <dt>Session</dt>
        <dd data-testid="server-session">{sessionId}</dd>
        <dt>Organization</dt>
        <dd data-testid="server-org">{orgId ? `org: ${orgId} (${orgRole})` : 'org: none'}</dd>
        <dt>Token expires</dt>
        <dd>{new Date(claims.exp * 1000).toISOString()}</dd>
      </dl>
      <h2>Accounts on this browser</h2>
      <AccountSwitcher />
      <h2>Route handler</h2>
      <TokenProbe />
    </>
  );
}
