import { RETIRED_TOKEN_TTL, clientChanged, type ClientGraph, type ClientRecord, type SyncCodeRecord } from '../types';
import { listUserMemberships } from './organizations';
import { copy, type MemoryState } from './state';

export async function createClient(
  db: MemoryState,
  { id, tokenHash, now }: { id: string; tokenHash: string; now: number },
): Promise<ClientRecord> {
  const client: ClientRecord = { id, tokenHash, lastActiveSessionId: null, uat: 0, createdAt: now };
  db.clients.set(id, client);
  return structuredClone(client);
}

export async function loadClientGraph(
  db: MemoryState,
  by: { tokenHash: string } | { clientId: string },
): Promise<ClientGraph | null> {
  const extra = 'tokenHash' in by ? db.extraTokens.get(by.tokenHash) : undefined;
  const client =
    'clientId' in by
      ? db.clients.get(by.clientId)
      : (db.clients.get(extra?.clientId ?? '') ?? [...db.clients.values()].find((c) => c.tokenHash === by.tokenHash));
  if (!client) return null;
  const graph: ClientGraph = { client: structuredClone(client), tokenOrigin: extra?.origin ?? null, sessions: [] };
  for (const session of db.sessions.values()) {
    const user = db.users.get(session.userId);
    if (session.clientId !== client.id || session.status !== 'active' || !user) continue;
    graph.sessions.push({
      session: structuredClone(session),
      user: structuredClone(user),
      memberships: await listUserMemberships(db, user.id),
    });
  }
  return graph;
}

export async function addClientToken(
  db: MemoryState,
  clientId: string,
  tokenHash: string,
  _now: number,
  origin: string | null = null,
): Promise<void> {
  db.extraTokens.set(tokenHash, { clientId, origin });
}

export async function replaceClientToken(
  db: MemoryState,
  {
    clientId,
    oldHash,
    newHash,
    origin,
    now,
  }: { clientId: string; oldHash: string; newHash: string; origin: string | null; now: number },
): Promise<void> {
  const client = db.clients.get(clientId);
  if (!client) return;
  if (client.tokenHash === oldHash) client.tokenHash = newHash;
  else {
    if (db.extraTokens.get(oldHash)?.clientId !== clientId) throw clientChanged();
    db.extraTokens.delete(oldHash);
    db.extraTokens.set(newHash, { clientId, origin });
  }
  db.retiredTokens.set(oldHash, { clientId, retiredAt: now });
  for (const [hash, token] of db.extraTokens)
    if (token.clientId === clientId && token.origin !== null && hash !== newHash) db.extraTokens.delete(hash);
  for (const [hash, token] of db.retiredTokens)
    if (token.retiredAt < now - RETIRED_TOKEN_TTL) db.retiredTokens.delete(hash);
}

export async function findRetiredClientToken(
  db: MemoryState,
  tokenHash: string,
): Promise<{ clientId: string; retiredAt: number } | null> {
  return copy(db.retiredTokens.get(tokenHash));
}

export async function touchClient(db: MemoryState, clientId: string, now: number): Promise<void> {
  const client = db.clients.get(clientId);
  if (client) client.uat = now;
}

export async function createSyncCode(db: MemoryState, code: SyncCodeRecord): Promise<void> {
  db.syncCodes.set(code.codeHash, structuredClone(code));
}

export async function consumeSyncCode(db: MemoryState, codeHash: string): Promise<SyncCodeRecord | null> {
  const code = db.syncCodes.get(codeHash);
  db.syncCodes.delete(codeHash);
  return code ?? null;
}
