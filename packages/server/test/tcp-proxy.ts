import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP hop in front of a real service (PostgreSQL, Redis) that a test can cut and restore: the
 * service "goes away" and "comes back" as far as the code under test can tell, without stopping
 * the machine's own server.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<{
  port: number;
  cut: () => Promise<void>;
  restore: () => Promise<void>;
  /** Stops forwarding without closing anything: a paused or partitioned service, as the client sees it. */
  hang: () => void;
  resume: () => void;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = createConnection(target);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  const hang = () => sockets.forEach((socket) => socket.pause());
  const resume = () => sockets.forEach((socket) => socket.resume());
  return { port, cut, restore: listen, hang, resume, close: cut };
}
