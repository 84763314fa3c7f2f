import type { ClientChange, NewUser, SessionRecord, SessionStatus } from '../types';
import { applyClientChange, copy, type MemoryState } from './state';
import { createUser } from './users';

export async function createSession(
  db: MemoryState,
  { id, clientId, userId, now }: { id: string; clientId: string; userId: string; now: number },
  change: ClientChange,
  { newUser, replaces = [] }: { newUser?: NewUser | undefined; replaces?: readonly string[] } = {},
): Promise<SessionRecord> {
  // As the SQL stores' foreign key: nothing is written for a client that does not exist.
  if (!db.clients.has(clientId)) throw new Error(`No client ${clientId}`);
  if (newUser) await createUser(db, newUser);
  if (replaces.length) await endSessions(db, replaces, 'ended', now);
  const session: SessionRecord = {
    id,
    clientId,
    userId,
    status: 'active',
    activeOrganizationId: null,
    createdAt: now,
    lastActiveAt: now,
    endedAt: null,
  };
  db.sessions.set(id, session);
  applyClientChange(db, change);
  return structuredClone(session);
}

export async function findSession(db: MemoryState, id: string): Promise<SessionRecord | null> {
  return copy(db.sessions.get(id));
}

export async function listUserSessions(db: MemoryState, userId: string): Promise<SessionRecord[]> {
  return [...db.sessions.values()]
    .filter((s) => s.userId === userId && s.status === 'active')
    .map((s) => structuredClone(s));
}

export async function touchSession(db: MemoryState, id: string, now: number): Promise<boolean> {
  const session = db.sessions.get(id);
  if (session?.status !== 'active') return false;
  session.lastActiveAt = Math.max(session.lastActiveAt, now);
  return true;
}

export async function endSessions(
  db: MemoryState,
  ids: readonly string[],
  status: Exclude<SessionStatus, 'active'>,
  now: number,
): Promise<void> {
  for (const id of ids) {
    const session = db.sessions.get(id);
    if (session?.status === 'active') Object.assign(session, { status, endedAt: now });
    const client = session && db.clients.get(session.clientId);
    if (client?.lastActiveSessionId === id)
      applyClientChange(db, { clientId: client.id, lastActiveSessionId: null, uat: now });
  }
}

export async function activateSession(
  db: MemoryState,
  change: ClientChange & { lastActiveSessionId: string },
): Promise<boolean> {
  const session = db.sessions.get(change.lastActiveSessionId);
  if (session?.status !== 'active' || session.clientId !== change.clientId) return false;
  applyClientChange(db, change);
  return true;
}
