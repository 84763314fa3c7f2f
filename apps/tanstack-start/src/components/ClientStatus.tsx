import { useAuth } from '@orbital/tanstack-react-start';

/** What the browser client believes, for comparing with what the server rendered. */
export function ClientStatus() {
  const { isLoaded, userId } = useAuth();
  return (
    <small data-testid="client-user" style={{ color: '#5b6170' }}>
      {isLoaded ? (userId ? `client: ${userId}` : 'client: signed out') : 'client: loading'}
    </small>
  );
}
