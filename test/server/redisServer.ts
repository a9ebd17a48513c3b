/**
 * A real redis-server for the shared-store tests: started on 127.0.0.1 on a free port, in a temp
 * dir, with persistence off, and stopped after the suite. Without the binary the suite is skipped
 * with a printed reason on a developer's machine, and fails in CI, which must install it.
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";

export interface RedisServer {
  port: number;
  /** "redis://127.0.0.1:PORT" */
  url: string;
  /** Stops the server (idempotent); its data is gone with it. */
  stop(): Promise<void>;
  /** The redis-server process. */
  pid: number;
  /**
   * Freezes the process (SIGSTOP): connections stay open and commands queue unanswered, as with a
   * server stalled by the OS or a long fork. Always `resume()` it (in a finally or afterEach).
   */
  pause(): void;
  /** Lets a paused server run again (SIGCONT); it then answers what queued, in order. Idempotent. */
  resume(): void;
}

export const REDIS_SERVER_BINARY = findOnPath("redis-server");
const IN_CI = Boolean(process.env.CI) && process.env.CI !== "false";
const STARTUP_TIMEOUT_MS = 10_000;

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

/** A port the OS just handed out; another process could take it before redis binds, hence retries. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startRedisServer(binary: string): Promise<RedisServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOnce(binary, await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(binary: string, port: number): Promise<RedisServer> {
  const dir = await mkdtemp(join(tmpdir(), "ruk-redis-"));
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let output = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server not ready in ${STARTUP_TIMEOUT_MS} ms:\n${output}`)), STARTUP_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const running = () => child.exitCode === null && child.signalCode === null;
  const pid = child.pid;
  if (pid === undefined) throw new Error("redis-server started without a pid");
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid,
    pause() {
      if (running()) child.kill("SIGSTOP");
    },
    resume() {
      if (running()) child.kill("SIGCONT");
    },
    stop() {
      stopping ??= (async () => {
        // A stopped process would hold SIGTERM until continued, and the suite would wait forever.
        if (running()) child.kill("SIGCONT");
        if (running()) child.kill("SIGTERM");
        await exited;
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

export interface RedisFixture {
  /** The suite's server, started before its tests and stopped after them. */
  server(): RedisServer;
  /** One more server, for a test that stops it; stopped after the suite if still running. */
  startAnother(): Promise<RedisServer>;
}

/** `describe` for a suite that needs redis-server. */
export function describeWithRedis(name: string, body: (redis: RedisFixture) => void): void {
  const binary = REDIS_SERVER_BINARY;
  if (binary === null) {
    const reason = "no redis-server binary on PATH (Debian: apt-get install -y redis-server)";
    if (IN_CI) {
      describe(name, () => {
        it("has a redis-server to test against", () => {
          throw new Error(`${reason}; CI must install it (.ci/run)`);
        });
      });
    } else {
      console.warn(`Skipping "${name}": ${reason}`);
      const unavailable = () => {
        throw new Error(reason);
      };
      describe.skip(`${name} (skipped: ${reason})`, () => body({ server: unavailable, startAnother: unavailable }));
    }
    return;
  }
  describe(name, () => {
    let running: RedisServer | undefined;
    const others: RedisServer[] = [];
    beforeAll(async () => {
      running = await startRedisServer(binary);
    }, STARTUP_TIMEOUT_MS * 3);
    afterAll(async () => {
      await Promise.all([running, ...others.splice(0)].map((server) => server?.stop()));
    });
    body({
      server() {
        if (!running) throw new Error("redis-server did not start");
        return running;
      },
      async startAnother() {
        const server = await startRedisServer(binary);
        others.push(server);
        return server;
      },
    });
  });
}
