import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/postgres';
import { createMemoryStore } from './memory-store';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import type { Store } from './types';

const database = await createTestDatabase();

const stores: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => createMemoryStore()],
  ['PGlite', () => createPgliteStore()],
  ...(database
    ? ([['PostgreSQL', () => createPostgresStore({ connectionString: database.url })]] as Array<
        [string, () => Promise<Store>]
      >)
    : []),
];

afterAll(() => database?.drop());

describe.each(stores)('store contract: %s', (_, create) => {
  let store: Store;
  let n = 0;
  const uid = (prefix: string) => `${prefix}_${++n}_${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    store = await create();
  });
  afterAll(() => store.close());

  /** A client as a token refresh loads it. */
  const clientOf = async (clientId: string) => (await store.loadClientGraph({ clientId }))?.client ?? null;
  /** A client's active sessions, oldest first, as a token refresh loads them. */
  const clientSessions = async (clientId: string) =>
    (await store.loadClientGraph({ clientId }))?.sessions.map((entry) => entry.session) ?? [];

  async function newClientWithUser() {
    const user = await store.createUser({
      id: uid('user'),
      email: `${uid('e')}@example.com`,
      passwordHash: 'hash',
      firstName: 'Ada',
      lastName: null,
      now: 100,
    });
    const client = await store.createClient({ id: uid('client'), tokenHash: uid('hash'), now: 100 });
    return { user, client };
  }

  it('migrates again without harm', async () => {
    await store.migrate();
    await store.migrate();
  });

  it('creates users with lower-cased unique emails', async () => {
    const email = `${uid('Mixed')}@Example.com`;
    const user = await store.createUser({
      id: uid('user'),
      email,
      passwordHash: 'h',
      firstName: null,
      lastName: null,
      now: 5,
    });
    expect(user).toMatchObject({ email: email.toLowerCase(), publicMetadata: {}, createdAt: 5, updatedAt: 5 });
    expect(await store.findUserByEmail(email.toUpperCase())).toMatchObject({ id: user.id });
    expect(await store.findUserById(user.id)).toEqual(user);
    await expect(
      store.createUser({
        id: uid('user'),
        email: email.toLowerCase(),
        passwordHash: 'h',
        firstName: null,
        lastName: null,
        now: 6,
      }),
    ).rejects.toMatchObject({ code: 'identifier_taken', status: 422 });
  });

  it('finds nothing for unknown ids', async () => {
    expect(await store.findUserByEmail('nobody@example.com')).toBeNull();
    expect(await store.findUserById('user_nope')).toBeNull();
    expect(await store.loadClientGraph({ tokenHash: 'nope' })).toBeNull();
    expect(await store.loadClientGraph({ clientId: 'client_nope' })).toBeNull();
    expect(await store.findSession('sess_nope')).toBeNull();
  });

  it('updates only the fields given', async () => {
    const { user } = await newClientWithUser();
    const updated = await store.updateUser(user.id, { lastName: 'Lovelace', publicMetadata: { role: 'admin' } }, 200);
    expect(updated).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      passwordHash: 'hash',
      publicMetadata: { role: 'admin' },
      updatedAt: 200,
    });
    expect(await store.updateUser(user.id, { firstName: null }, 201)).toMatchObject({
      firstName: null,
      lastName: 'Lovelace',
    });
    await expect(store.updateUser('user_nope', { firstName: 'x' }, 1)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('creates a session and makes it active on its client, atomically', async () => {
    const { user, client } = await newClientWithUser();
    const session = await store.createSession(
      { id: uid('sess'), clientId: client.id, userId: user.id, now: 300 },
      { clientId: client.id, lastActiveSessionId: null, uat: 300 },
    );
    expect(await store.activateSession({ clientId: client.id, lastActiveSessionId: session.id, uat: 301 })).toBe(true);
    expect(session).toMatchObject({ status: 'active', createdAt: 300, lastActiveAt: 300, endedAt: null });
    expect((await store.loadClientGraph({ tokenHash: client.tokenHash }))?.client).toMatchObject({
      id: client.id,
      lastActiveSessionId: session.id,
      uat: 301,
    });
    expect(await clientSessions(client.id)).toEqual([session]);
    expect(await store.listUserSessions(user.id)).toEqual([session]);
  });

  it('records activity only forwards in time, and only on an active session', async () => {
    const { user, client } = await newClientWithUser();
    const id = uid('sess');
    await store.createSession(
      { id, clientId: client.id, userId: user.id, now: 400 },
      { clientId: client.id, lastActiveSessionId: id, uat: 400 },
    );
    expect(await store.touchSession(id, 450)).toBe(true);
    expect(await store.touchSession(id, 420)).toBe(true);
    expect((await store.findSession(id))!.lastActiveAt).toBe(450);
    await store.endSessions([id], 'ended', 460);
    expect(await store.touchSession(id, 470)).toBe(false);
    expect(await store.findSession(id)).toMatchObject({ lastActiveAt: 450, status: 'ended' });
  });

  it('switches a client only to its own sessions that are still active', async () => {
    const { user, client } = await newClientWithUser();
    const [live, ended] = [uid('sess'), uid('sess')];
    await store.createSession(
      { id: live, clientId: client.id, userId: user.id, now: 600 },
      { clientId: client.id, lastActiveSessionId: live, uat: 600 },
    );
    await store.createSession(
      { id: ended, clientId: client.id, userId: user.id, now: 601 },
      { clientId: client.id, lastActiveSessionId: ended, uat: 601 },
    );
    await store.endSessions([ended], 'ended', 602);
    expect(await store.activateSession({ clientId: client.id, lastActiveSessionId: ended, uat: 603 })).toBe(false);
    const stranger = await newClientWithUser();
    expect(await store.activateSession({ clientId: stranger.client.id, lastActiveSessionId: live, uat: 603 })).toBe(
      false,
    );
    expect(await clientOf(client.id)).toMatchObject({ lastActiveSessionId: null, uat: 602 });
    expect(await store.activateSession({ clientId: client.id, lastActiveSessionId: live, uat: 604 })).toBe(true);
    await store.touchClient(client.id, 605);
    expect(await clientOf(client.id)).toMatchObject({ lastActiveSessionId: live, uat: 605 });
  });

  it('ends sessions with a status and leaves their client with none active, in one step', async () => {
    const { user, client } = await newClientWithUser();
    const [a, b] = [uid('sess'), uid('sess')];
    await store.createSession(
      { id: a, clientId: client.id, userId: user.id, now: 500 },
      { clientId: client.id, lastActiveSessionId: a, uat: 500 },
    );
    const other = await store.createUser({
      id: uid('user'),
      email: `${uid('o')}@example.com`,
      passwordHash: 'h',
      firstName: null,
      lastName: null,
      now: 500,
    });
    await store.createSession(
      { id: b, clientId: client.id, userId: other.id, now: 501 },
      { clientId: client.id, lastActiveSessionId: b, uat: 501 },
    );
    expect((await clientSessions(client.id)).map((s) => s.id)).toEqual([a, b]);

    await store.endSessions([a], 'ended', 505); // not the active one: the client keeps `b`
    expect(await clientOf(client.id)).toMatchObject({ lastActiveSessionId: b, uat: 501 });
    await store.endSessions([b], 'revoked', 510);
    expect(await store.findSession(b)).toMatchObject({ status: 'revoked', endedAt: 510 });
    expect(await clientOf(client.id)).toMatchObject({ lastActiveSessionId: null, uat: 510 });
    expect(await clientSessions(client.id)).toEqual([]);

    // an ended session never changes status again
    await store.endSessions([b], 'expired', 520);
    expect(await store.findSession(b)).toMatchObject({ status: 'revoked', endedAt: 510 });
  });

  it('finds a client by any of its tokens (a satellite has its own)', async () => {
    const { client } = await newClientWithUser();
    const extra = uid('extra');
    await store.addClientToken(client.id, extra, 700);
    expect((await store.loadClientGraph({ tokenHash: extra }))?.client.id).toBe(client.id);
    expect((await store.loadClientGraph({ tokenHash: client.tokenHash }))?.client.id).toBe(client.id);
  });

  it('says which origin a development-browser token is bound to', async () => {
    const { client } = await newClientWithUser();
    const bound = uid('bound');
    await store.addClientToken(client.id, bound, 710, 'http://127.0.0.1:3001');
    expect(await store.loadClientGraph({ tokenHash: bound })).toMatchObject({
      client: { id: client.id },
      tokenOrigin: 'http://127.0.0.1:3001',
    });
    expect(await store.loadClientGraph({ tokenHash: client.tokenHash })).toMatchObject({ tokenOrigin: null });
  });

  it('replaces the presented token at sign-in and drops every development-browser token, keeping satellites’ tokens', async () => {
    const { client } = await newClientWithUser();
    const [satellite, devA, devB, fresh] = [uid('sat'), uid('dev'), uid('dev'), uid('fresh')];
    await store.addClientToken(client.id, satellite, 720);
    await store.addClientToken(client.id, devA, 720, 'http://a.test');
    await store.addClientToken(client.id, devB, 720, 'http://b.test');
    await store.replaceClientToken({
      clientId: client.id,
      oldHash: client.tokenHash,
      newHash: fresh,
      origin: null,
      now: 730,
    });
    expect(await store.loadClientGraph({ tokenHash: client.tokenHash })).toBeNull();
    expect((await store.loadClientGraph({ tokenHash: fresh }))?.client.id).toBe(client.id);
    expect((await store.loadClientGraph({ tokenHash: satellite }))?.client.id).toBe(client.id);
    expect(await store.loadClientGraph({ tokenHash: devA })).toBeNull();
    expect(await store.loadClientGraph({ tokenHash: devB })).toBeNull();

    // a development-browser token is replaced by one bound to the same origin
    const [dev, next] = [uid('dev'), uid('next')];
    await store.addClientToken(client.id, dev, 740, 'http://a.test');
    await store.replaceClientToken({
      clientId: client.id,
      oldHash: dev,
      newHash: next,
      origin: 'http://a.test',
      now: 750,
    });
    expect(await store.loadClientGraph({ tokenHash: dev })).toBeNull();
    expect(await store.loadClientGraph({ tokenHash: next })).toMatchObject({ tokenOrigin: 'http://a.test' });
    expect((await store.loadClientGraph({ tokenHash: fresh }))?.client.id).toBe(client.id);
  });

  it('loads a client with its active sessions, their users and memberships, in one read', async () => {
    const { user, client } = await newClientWithUser();
    const other = await store.createUser({
      id: uid('user'),
      email: `${uid('g')}@example.com`,
      passwordHash: 'h',
      firstName: 'Grace',
      lastName: null,
      now: 800,
    });
    const [a, b, gone] = [uid('sess'), uid('sess'), uid('sess')];
    await store.createSession(
      { id: a, clientId: client.id, userId: user.id, now: 800 },
      { clientId: client.id, lastActiveSessionId: a, uat: 800 },
    );
    await store.createSession(
      { id: b, clientId: client.id, userId: other.id, now: 801 },
      { clientId: client.id, lastActiveSessionId: b, uat: 801 },
    );
    await store.createSession(
      { id: gone, clientId: client.id, userId: other.id, now: 802 },
      { clientId: client.id, lastActiveSessionId: b, uat: 802 },
    );
    await store.endSessions([gone], 'ended', 803);
    const org = await store.createOrganization(
      { id: uid('org'), name: 'Engines', slug: uid('engines'), createdAt: 800 },
      other.id,
    );

    const graph = (await store.loadClientGraph({ clientId: client.id }))!;
    expect(graph.client).toMatchObject({ id: client.id, lastActiveSessionId: b, uat: 802 });
    expect(graph.sessions.map((s) => [s.session.id, s.user.id])).toEqual([
      [a, user.id],
      [b, other.id],
    ]);
    expect(graph.sessions[0]!.user).toEqual(await store.findUserById(user.id));
    expect(graph.sessions[0]!.session).toEqual(await store.findSession(a));
    expect(graph.sessions[0]!.memberships).toEqual([]);
    expect(graph.sessions[1]!.memberships).toEqual(await store.listUserMemberships(other.id));
    expect(graph.sessions[1]!.memberships[0]).toMatchObject({ role: 'admin', organization: org });
  });

  it('hands out a sync code exactly once', async () => {
    const { client } = await newClientWithUser();
    const code = { codeHash: uid('code'), clientId: client.id, origin: 'https://satellite.example', expiresAt: 900 };
    await store.createSyncCode(code);
    expect(await store.consumeSyncCode(code.codeHash)).toEqual(code);
    expect(await store.consumeSyncCode(code.codeHash)).toBeNull();
  });

  it('keeps organizations, memberships and the organization a session acts for', async () => {
    const { user, client } = await newClientWithUser();
    const other = await store.createUser({
      id: uid('user'),
      email: `${uid('m')}@example.com`,
      passwordHash: 'h',
      firstName: null,
      lastName: null,
      now: 1,
    });
    const org = { id: uid('org'), name: 'Acme', slug: uid('acme').toLowerCase().replace(/_/g, '-'), createdAt: 10 };
    await store.createOrganization(org, user.id);
    await expect(store.createOrganization({ ...org, id: uid('org') }, user.id)).rejects.toMatchObject({
      code: 'organization_slug_taken',
    });
    expect(await store.findOrganizationBySlug(org.slug)).toEqual(org);
    await store.putMembership({ organizationId: org.id, userId: other.id, role: 'member', createdAt: 11 });
    await store.putMembership({ organizationId: org.id, userId: other.id, role: 'admin', createdAt: 12 });
    expect((await store.listMembers(org.id)).map((m) => [m.userId, m.role, m.createdAt])).toEqual([
      [user.id, 'admin', 10],
      [other.id, 'admin', 11],
    ]);
    expect((await store.listUserMemberships(user.id)).map((m) => [m.organization.slug, m.role])).toEqual([
      [org.slug, 'admin'],
    ]);

    const sessionId = uid('sess');
    await store.createSession(
      { id: sessionId, clientId: client.id, userId: user.id, now: 20 },
      { clientId: client.id, lastActiveSessionId: sessionId, uat: 20 },
    );
    await store.setSessionOrganization(sessionId, org.id);
    expect((await store.findSession(sessionId))!.activeOrganizationId).toBe(org.id);
    await store.removeMembership(org.id, user.id);
    expect((await store.findSession(sessionId))!.activeOrganizationId).toBeNull();

    await store.renameOrganization(org.id, 'Acme Corp');
    expect((await store.findOrganization(org.id))!.name).toBe('Acme Corp');
    await store.deleteOrganization(org.id);
    expect(await store.findOrganization(org.id)).toBeNull();
    expect(await store.listUserMemberships(other.id)).toEqual([]);
  });

  it('rotates signing keys, retiring the previous one', async () => {
    const key = (kid: string, createdAt: number) => ({
      kid,
      privateJwk: { kid, alg: 'RS256' as const, kty: 'RSA' },
      publicJwk: { kid, alg: 'RS256' as const, kty: 'RSA' },
      createdAt,
      retiredAt: null,
    });
    const [k1, k2] = [uid('key'), uid('key')];
    await store.rotateSigningKey(key(k1, 1), 1);
    await store.rotateSigningKey(key(k2, 2), 2);
    const keys = (await store.listSigningKeys()).filter((k) => k.kid === k1 || k.kid === k2);
    expect(keys.map((k) => [k.kid, k.retiredAt])).toEqual([
      [k1, 2],
      [k2, null],
    ]);
    expect(keys[1]!.publicJwk).toEqual({ kid: k2, alg: 'RS256', kty: 'RSA' });
    await store.deleteSigningKeys([k1]);
    expect((await store.listSigningKeys()).some((k) => k.kid === k1)).toBe(false);
  });

  it('creates a signing-up user together with their first session, or neither', async () => {
    const { client } = await newClientWithUser();
    const newUser = (email: string) => ({
      id: uid('user'),
      email,
      passwordHash: 'h',
      firstName: null,
      lastName: null,
      now: 950,
    });
    const ok = newUser(`${uid('signup')}@example.com`);
    const session = uid('sess');
    await store.createSession(
      { id: session, clientId: client.id, userId: ok.id, now: 950 },
      { clientId: client.id, lastActiveSessionId: session, uat: 950 },
      { newUser: ok },
    );
    expect(await store.findUserById(ok.id)).toMatchObject({ email: ok.email });
    expect(await store.findSession(session)).toMatchObject({ userId: ok.id, status: 'active' });

    const failed = newUser(`${uid('signup')}@example.com`);
    const orphan = uid('sess');
    await expect(
      store.createSession(
        { id: orphan, clientId: 'client_that_does_not_exist', userId: failed.id, now: 951 },
        { clientId: 'client_that_does_not_exist', lastActiveSessionId: orphan, uat: 951 },
        { newUser: failed },
      ),
    ).rejects.toBeDefined();
    expect(await store.findUserByEmail(failed.email)).toBeNull();
  });

  it('ends the sessions a sign-in replaces together with creating the new one, or neither', async () => {
    const { user, client } = await newClientWithUser();
    const [old, fresh, never] = [uid('sess'), uid('sess'), uid('sess')];
    await store.createSession(
      { id: old, clientId: client.id, userId: user.id, now: 960 },
      { clientId: client.id, lastActiveSessionId: old, uat: 960 },
    );
    await expect(
      store.createSession(
        { id: never, clientId: 'client_that_does_not_exist', userId: user.id, now: 961 },
        { clientId: client.id, lastActiveSessionId: never, uat: 961 },
        { replaces: [old] },
      ),
    ).rejects.toBeDefined();
    expect(await store.findSession(old)).toMatchObject({ status: 'active' }); // the failed sign-in ended nothing
    await store.createSession(
      { id: fresh, clientId: client.id, userId: user.id, now: 962 },
      { clientId: client.id, lastActiveSessionId: fresh, uat: 962 },
      { replaces: [old] },
    );
    expect(await store.findSession(old)).toMatchObject({ status: 'ended', endedAt: 962 });
    expect(await clientOf(client.id)).toMatchObject({ lastActiveSessionId: fresh });
  });

  it('keeps invitations: pending until accepted (with the membership, once), declined, revoked or expired', async () => {
    const { user: admin } = await newClientWithUser();
    const { user: invitee } = await newClientWithUser();
    const org = { id: uid('org'), name: 'Invites', slug: uid('invites'), createdAt: 900 };
    await store.createOrganization(org, admin.id);
    const invite = (email: string, expiresAt = 2000) => ({
      id: uid('inv'),
      organizationId: org.id,
      email,
      role: 'member' as const,
      invitedBy: admin.id,
      status: 'pending' as const,
      createdAt: 901,
      expiresAt,
    });
    const [a, b, old] = [invite(invitee.email), invite('someone@example.com'), invite(invitee.email, 950)];
    for (const i of [a, b, old]) await store.createInvitation(i);

    expect(
      (await store.listPendingInvitations({ email: invitee.email }, 1000)).map((i) => [i.id, i.organization.name]),
    ).toEqual([[a.id, 'Invites']]);
    expect((await store.listPendingInvitations({ organizationId: org.id }, 1000)).map((i) => i.id)).toEqual([
      a.id,
      b.id,
    ]);

    const accepted = await Promise.all([
      store.closeInvitation(a.id, 'accepted', 1001, { userId: invitee.id }),
      store.closeInvitation(a.id, 'accepted', 1001, { userId: invitee.id }),
    ]);
    expect(accepted.filter(Boolean)).toHaveLength(1);
    expect((await store.listMembers(org.id)).map((m) => [m.userId, m.role])).toEqual([
      [admin.id, 'admin'],
      [invitee.id, 'member'],
    ]);
    expect(await store.findInvitation(a.id)).toMatchObject({ status: 'accepted' });
    expect(await store.closeInvitation(b.id, 'revoked', 1002)).toBe(true);
    expect(await store.listPendingInvitations({ organizationId: org.id }, 1003)).toEqual([]);
  });

  it('keeps verifications: found by id or link token, attempts counted, used once, renewed, forgotten', async () => {
    const user = await store.createUser({
      id: uid('user'),
      email: `${uid('v')}@example.com`,
      passwordHash: 'h',
      firstName: null,
      lastName: null,
      now: 1,
    });
    const id = uid('ver');
    const tokenHash = uid('token');
    await store.createVerification({
      id,
      purpose: 'email_change',
      email: 'new@example.com',
      userId: user.id,
      codeHash: 'code-1',
      tokenHash,
      payload: { pending: { nested: true } },
      attempts: 0,
      sends: 1,
      createdAt: 100,
      sentAt: 100,
      expiresAt: 700,
      consumedAt: null,
    });
    expect(await store.findVerification(id)).toMatchObject({
      purpose: 'email_change',
      userId: user.id,
      payload: { pending: { nested: true } },
      expiresAt: 700,
      consumedAt: null,
    });
    expect((await store.findVerificationByToken(tokenHash))?.id).toBe(id);
    expect(await store.findVerificationByToken('unknown')).toBeNull();
    // Concurrent wrong guesses each count.
    expect((await Promise.all([1, 2, 3].map(() => store.countVerificationAttempt(id)))).sort()).toEqual([1, 2, 3]);
    await store.renewVerification(id, { codeHash: 'code-2', tokenHash: `${tokenHash}-2`, sentAt: 200, expiresAt: 800 });
    expect(await store.findVerification(id)).toMatchObject({ codeHash: 'code-2', attempts: 0, sends: 2, sentAt: 200 });
    expect(await store.findVerificationByToken(tokenHash)).toBeNull();
    // Used exactly once, even when two requests race.
    expect(
      (await Promise.all([store.consumeVerification(id, 300), store.consumeVerification(id, 300)])).sort(),
    ).toEqual([false, true]);
    expect(await store.countVerificationAttempt(id)).toBeNull();
    expect((await store.findVerification(id))?.consumedAt).toBe(300);
    await store.deleteVerification(id);
    expect(await store.findVerification(id)).toBeNull();
  });

  it('changes a user’s email only to an address no other account has, and records it verified', async () => {
    const email = `${uid('a')}@example.com`;
    const taken = `${uid('b')}@example.com`;
    const user = await store.createUser({
      id: uid('user'),
      email,
      passwordHash: 'h',
      firstName: null,
      lastName: null,
      now: 1,
    });
    await store.createUser({
      id: uid('user'),
      email: taken,
      passwordHash: 'h',
      firstName: null,
      lastName: null,
      now: 1,
    });
    expect(user.emailVerified).toBe(false);
    await expect(store.updateUser(user.id, { email: taken.toUpperCase() }, 2)).rejects.toMatchObject({
      code: 'identifier_taken',
    });
    const changed = await store.updateUser(user.id, { email: `NEW.${email}`, emailVerified: true }, 3);
    expect(changed).toMatchObject({ email: `new.${email}`, emailVerified: true });
    expect((await store.findUserByEmail(`new.${email}`))?.id).toBe(user.id);
    expect(await store.findUserByEmail(email)).toBeNull();
  });

  it('creates the first signing key exactly once when instances start together; the others adopt it', async () => {
    const key = (kid: string) => ({
      kid,
      privateJwk: { kid, alg: 'ES256' as const, kty: 'EC' },
      publicJwk: { kid, alg: 'ES256' as const, kty: 'EC' },
      createdAt: 10,
      retiredAt: null,
    });
    const kids = [uid('key'), uid('key'), uid('key')];
    const created = await Promise.all(kids.map((kid) => store.createSigningKey(key(kid), 10)));
    expect(created.filter(Boolean)).toHaveLength(1);
    const active = (await store.listSigningKeys()).filter((k) => k.retiredAt === null);
    expect(active.map((k) => k.kid)).toEqual([kids[created.indexOf(true)]]);
    // a later start finds it and creates nothing
    expect(await store.createSigningKey(key(uid('key')), 11)).toBe(false);
  });
});

describe('a database that goes away', () => {
  it('answers 503 store_unavailable with a retry hint instead of crashing', async () => {
    const store = await createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }).catch(
      (error: unknown) => error,
    );
    expect(store).toMatchObject({ code: 'store_unavailable', status: 503, retryAfter: 5 });
  });
});
