import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of a database for fault tests: `pause()` keeps every connection open but moves
 * no byte (a hung server), `stop()` closes them all and refuses new ones (a server that went away),
 * `resume()` / `start()` put it back. Tests point a client at `url(databaseUrl)`.
 */
export interface TcpProxy {
  port: number;
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  url(databaseUrl: string): string;
  pause(): void;
  resume(): void;
  /** Closes the listener and every connection: new connections are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port after `stop()`. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  // While paused, bytes wait here (per destination socket) instead of being forwarded.
  const held = new Map<Socket, Buffer[]>();
  let paused = false;
  let server: Server | null = null;
  let port = 0;

  const onConnection = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    for (const socket of pair) {
      socket.on("error", () => destroy(pair));
      socket.on("close", () => destroy(pair));
    }
    const forward = (to: Socket) => (chunk: Buffer) => {
      if (paused) held.set(to, [...(held.get(to) ?? []), chunk]);
      else to.write(chunk);
    };
    client.on("data", forward(upstream));
    upstream.on("data", forward(client));
  };
  const destroy = (pair: [Socket, Socket]) => {
    pairs.delete(pair);
    for (const socket of pair) {
      held.delete(socket);
      socket.destroy();
    }
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      server = createServer(onConnection);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const pair of [...pairs]) destroy(pair);
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return {
    get port() {
      return port;
    },
    url(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      for (const [socket, chunks] of held) for (const chunk of chunks) socket.write(chunk);
      held.clear();
    },
    stop,
    start: listen,
    close: stop,
  };
}
