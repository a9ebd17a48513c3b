import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { toNodeListener, type NodeListener } from "../../src/server/toNodeListener.js";
import { CUSTOMER_HEADER, createTestApp } from "./fixtures.js";

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  if (running) await new Promise<void>((resolve, reject) => running.close((error) => (error ? reject(error) : resolve())));
});

/** Starts a real server on 127.0.0.1 with an OS-chosen port; `afterEach` closes it. */
async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(listener);
  const running = server;
  await new Promise<void>((resolve) => running.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
}

/** A stand-in for Express/Connect: runs the listener, then a fallback route when it calls next(). */
function withNext(listener: NodeListener, onNext: (error: unknown, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => listener(req, res, (error) => onNext(error, res));
}

describe("toNodeListener", () => {
  it("serves GET routes through node:http", async () => {
    const { handler } = createTestApp();
    const origin = await listen(toNodeListener(handler));
    const response = await fetch(`${origin}/api/upgrade/plans?productId=analytics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ plans: [{ id: "insights" }] });
  });

  it("answers HEAD on GET routes like GET, without a body, over node:http", async () => {
    const { handler } = createTestApp();
    const origin = await listen(toNodeListener(handler));
    const get = await fetch(`${origin}/api/upgrade/plans?productId=analytics`);
    const head = await fetch(`${origin}/api/upgrade/plans?productId=analytics`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(await head.text()).toBe("");
    // Still 405 where GET is not allowed either.
    const headOnPost = await fetch(`${origin}/api/upgrade/provision-subscription`, { method: "HEAD" });
    expect(headOnPost.status).toBe(405);
    expect(headOnPost.headers.get("allow")).toBe("POST");
  });

  it("streams POST bodies and headers through, and builds checkout URLs from the Host header", async () => {
    const { handler, backend } = createTestApp();
    const origin = await listen(toNodeListener(handler));
    const response = await fetch(`${origin}/api/upgrade/provision-subscription`, {
      method: "POST",
      headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: "node-c", "Idempotency-Key": "n1" },
      body: JSON.stringify({ planId: "basic" }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checkoutUrl: string };
    expect(body.status).toBe("PAYMENT_REQUIRED");
    expect(body.checkoutUrl.startsWith(`${origin}/api/upgrade/checkout/cs_`)).toBe(true);
    expect(backend.getState().customers.map((customer) => customer.id)).toEqual(["node-c"]);
  });

  it("writes 303 redirects for the checkout forms", async () => {
    const { handler, backend } = createTestApp();
    const origin = await listen(toNodeListener(handler));
    const provision = await fetch(`${origin}/api/upgrade/provision-subscription`, {
      method: "POST",
      headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: "c1", "Idempotency-Key": "k-303" },
      body: JSON.stringify({ planId: "basic", checkoutOptions: { successUrl: `${origin}/ok`, cancelUrl: `${origin}/no` } }),
    });
    const { checkoutUrl } = (await provision.json()) as { checkoutUrl: string };
    const page = await fetch(checkoutUrl);
    const action = /action="([^"]+\/pay)"/.exec(await page.text())![1]!;
    const pay = await fetch(new URL(action, origin), { method: "POST", redirect: "manual" });
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toBe(`${origin}/ok`);
    expect(backend.getState().customers[0]!.subscriptions).toHaveLength(1);
  });

  it("passes requests outside basePath to next() with the body unread", async () => {
    const { handler } = createTestApp();
    const origin = await listen(
      withNext(toNodeListener(handler), (error, res) => {
        res.end(`next(${String(error)})`);
      }),
    );
    const response = await fetch(`${origin}/somewhere-else`);
    expect(await response.text()).toBe("next(undefined)");

    // The downstream middleware must still be able to read the body.
    let downstreamBody = "";
    server!.removeAllListeners("request");
    const listener = toNodeListener(handler);
    server!.on("request", (req: IncomingMessage, res: ServerResponse) =>
      listener(req, res, () => {
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => (downstreamBody += chunk));
        req.on("end", () => res.end("ok"));
      }),
    );
    const post = await fetch(`${origin}/other`, { method: "POST", body: "hello downstream" });
    expect(await post.text()).toBe("ok");
    expect(downstreamBody).toBe("hello downstream");
  });

  it("answers unknown routes under basePath itself, even with next", async () => {
    const { handler } = createTestApp();
    const origin = await listen(withNext(toNodeListener(handler), (_error, res) => res.end("next")));
    const response = await fetch(`${origin}/api/upgrade/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("uses onNotFound outside basePath when there is no next, else the handler's 404", async () => {
    const { handler } = createTestApp();
    const origin = await listen(
      toNodeListener(handler, {
        onNotFound: (_req, res) => {
          res.statusCode = 418;
          res.end("teapot");
        },
      }),
    );
    const custom = await fetch(`${origin}/elsewhere`);
    expect([custom.status, await custom.text()]).toEqual([418, "teapot"]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const plain = await listen(toNodeListener(handler));
    const response = await fetch(`${plain}/elsewhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("routes on originalUrl when Express/Connect stripped the mount path", async () => {
    const { handler } = createTestApp();
    const listener = toNodeListener(handler);
    const origin = await listen((req, res) => {
      const mounted = req as IncomingMessage & { originalUrl?: string };
      mounted.originalUrl = req.url;
      req.url = req.url!.replace(/^\/api/, "");
      listener(req, res);
    });
    const response = await fetch(`${origin}/api/upgrade/plans`);
    expect(response.status).toBe(200);
  });

  it("hands handler failures to next(err), or answers 500 without next", async () => {
    const failing = async (): Promise<Response> => {
      throw new Error("boom");
    };
    let received: unknown;
    const origin = await listen(
      withNext(toNodeListener(failing), (error, res) => {
        received = error;
        res.statusCode = 502;
        res.end();
      }),
    );
    expect((await fetch(`${origin}/x`)).status).toBe(502);
    expect(received).toBeInstanceOf(Error);
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const bare = await listen(toNodeListener(failing));
    const response = await fetch(`${bare}/x`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: "INTERNAL_ERROR" } });
    expect(text).not.toContain("boom");
  });

  it("keeps repeated Set-Cookie headers apart", async () => {
    const handler = async () => {
      const headers = new Headers();
      headers.append("Set-Cookie", "a=1; Path=/");
      headers.append("Set-Cookie", "b=2; Path=/");
      return new Response("ok", { headers });
    };
    const origin = await listen(toNodeListener(handler));
    const response = await fetch(origin);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });
});
