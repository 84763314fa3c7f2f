import { createFileRoute } from '@tanstack/react-router';
import { getRole, getServerUser } from '../demo.functions';

export const Route = createFileRoute('/')({
  loader: async () => ({ ...(await getServerUser()), ...(await getRole()) }),
  component: Home,
});

function Home() {
  const { userId, isSatellite } = Route.useLoaderData();
  return (
    <>
      <h1>Orbital on TanStack Start</h1>
      {isSatellite ? (
        <p>
          A public page on a satellite: another site that shares the primary's sign-in. Its <code>/api/auth</code>{' '}
          forwards to the primary's auth server, so its cookies stay first-party.
        </p>
      ) : (
        <p>
          A public page. The auth server runs inside this app at <code>/api/auth</code>, on the embedded database.
        </p>
      )}
      <p data-testid="server-user">{userId ? `server: ${userId}` : 'server: signed out'}</p>
    </>
  );
}
