import type { SetupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/**
 * Runs an msw server during a file's (or describe block's) tests: a request no handler answers
 * fails the test, and each test's own handlers (`server.use`) are dropped after it.
 */
export function listenDuringTests(server: SetupServer): void {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}
