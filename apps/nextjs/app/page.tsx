import { auth } from '@orbital/nextjs/server';

export default async function Home() {
  const { userId } = await auth();
  return (
    <>
      <h1>Orbital on Next.js</h1>
      <p>A public page. The auth server runs inside this app at <code>/api/auth</code>, on the embedded database.</p>
      <p data-testid="server-user">{userId ? `server: ${userId}` : 'server: signed out'}</p>
    </>
  );
}
