export default defineEventHandler((event) => ({ userId: getAuth(event).userId }));
