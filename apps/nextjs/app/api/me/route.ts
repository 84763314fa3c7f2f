import { auth } from '@orbital/nextjs/server';

export async function GET() {
  const { userId, sessionId } = await auth();
  return Response.json({ userId, sessionId });
}
