import { auth, nextOptions } from '@orbital/nextjs/server';

export default async function Home() {
  const { userId } = await auth();
  return (
    <>
      <h1>Orbital on Next.js</h1>
      {nextOptions().isSatellite ? (
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
