/** Real HTTP servers on 127.0.0.1 with an OS-chosen port, closed after each test. */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

export interface LoopbackServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  server: Server;
}

/** Call at the top of a test file; the returned `start` serves a listener until the test ends. */
export function useLoopbackServers(): (listener: RequestListener) => Promise<LoopbackServer> {
  const running: Server[] = [];

  afterEach(async () => {
    const servers = running.splice(0);
    await Promise.all(servers.map((server) => closeServer(server)));
  });

  return async (listener) => {
    const server = createServer(listener);
    running.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  };
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
