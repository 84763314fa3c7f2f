import { useAuth, useSessionList } from '@orbital/tanstack-react-start';

/** Every account signed in on this browser, with a button to make one active. */
export function AccountSwitcher() {
  const { sessionId } = useAuth();
  const { isLoaded, sessions, setActive } = useSessionList();
  if (!isLoaded || !sessions) return <p>Loading accounts…</p>;
  return (
    <ul aria-label="Signed-in accounts">
      {sessions.map((session) => (
        <li key={session.id}>
          {session.user.email}{' '}
          {session.id === sessionId ? (
            <strong>(active)</strong>
          ) : (
            <button
              type="button"
              onClick={() => void setActive({ session: session.id, redirectUrl: window.location.href })}
            >
              Switch to {session.user.email}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
