export default defineEventHandler((event) => {
  const { userId, sessionId, orgId, orgRole, claims } = requireAuth(event);
  return { userId, sessionId, orgId, orgRole, expiresAt: new Date(claims.exp * 1000).toISOString() };
});
