export default defineEventHandler((event) => {
  const { userId, sessionId } = requireAuth(event);
  return { userId, sessionId };
});
