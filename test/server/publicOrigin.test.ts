/**
 * The handler's own origin comes from `publicOrigin`, never from the request: over a real node:http
 * server, a spoofed `Host` header or an absolute-form request line changes neither the checkout
 * link nor which return URLs are accepted, so paying cannot redirect to the attacker's host.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProvisionSubscriptionResult } from "../../src/core/contract.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { sendWithHost } from "../../src/server/sendWithHost.js";
import { toNodeListener } from "../../src/server/toNodeListener.js";
import { CUSTOMER_HEADER, createTestApp, identifyByHeader, plans } from "./fixtures.js";
import { useLoopbackServers } from "./loopback.js";

const start = useLoopbackServers();
const EVIL = "evil.example";
const PUBLIC_ORIGIN = "https://shop.example";

/** A provision POST to `origin` with Host: evil.example (and, optionally, the request line naming it). */
function spoofed(origin: string, body: unknown, absoluteForm = false) {
  return sendWithHost({
    url: `${origin}/api/upgrade/provision-subscription`,
    method: "POST",
    host: EVIL,
    absoluteForm,
    headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: "c1", "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify(body),
    timeoutMs: 5000,
  });
}

describe("publicOrigin", () => {
  it.each([
    ["a Host header", false],
    ["an absolute-form request line", true],
  ])("%s naming another host moves neither the checkout link nor the allowed return URLs", async (_name, absoluteForm) => {
    const { handler } = createTestApp({ handler: { publicOrigin: PUBLIC_ORIGIN } });
    const { origin } = await start(toNodeListener(handler));

    const phishing = { successUrl: `http://${EVIL}/phish`, cancelUrl: `http://${EVIL}/cancel` };
    const refused = await spoofed(origin, { planId: "basic", checkoutOptions: phishing }, absoluteForm);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toMatchObject({ error: { code: "RETURN_URL_REJECTED" } });

    const own = { successUrl: `${PUBLIC_ORIGIN}/ok`, cancelUrl: `${PUBLIC_ORIGIN}/no` };
    const accepted = await spoofed(origin, { planId: "basic", checkoutOptions: own }, absoluteForm);
    expect(accepted.status).toBe(200);
    const result = JSON.parse(accepted.text) as ProvisionSubscriptionResult;
    expect(result.status).toBe("PAYMENT_REQUIRED");
    if (result.status === "PAYMENT_REQUIRED") {
      expect(result.checkoutUrl.startsWith(`${PUBLIC_ORIGIN}/api/upgrade/checkout/`)).toBe(true);
    }
  });

  it("pages on publicOrigin may POST; the Host the request names does not make its Origin allowed", async () => {
    const { handler } = createTestApp({ handler: { publicOrigin: [PUBLIC_ORIGIN, "https://www.shop.example"] } });
    const { origin } = await start(toNodeListener(handler));
    const post = (originHeader: string) =>
      sendWithHost({
        url: `${origin}/api/upgrade/provision-subscription`,
        method: "POST",
        host: EVIL,
        headers: {
          "Content-Type": "application/json",
          [CUSTOMER_HEADER]: "c1",
          "Idempotency-Key": crypto.randomUUID(),
          Origin: originHeader,
        },
        body: JSON.stringify({ planId: "free" }),
        timeoutMs: 5000,
      });
    expect((await post("https://www.shop.example")).status).toBe(200);
    expect((await post(`http://${EVIL}`)).status).toBe(403);
  });

  it("the dev checkout opens on the page's origin when it is one of publicOrigin, else on the first", async () => {
    const { handler } = createTestApp({ handler: { publicOrigin: ["http://127.0.0.1:3000", "http://localhost:3000"] } });
    const { origin } = await start(toNodeListener(handler));
    const checkoutFrom = async (pageOrigin: string | null) => {
      const answer = await sendWithHost({
        url: `${origin}/api/upgrade/provision-subscription`,
        method: "POST",
        host: "localhost:3000",
        headers: {
          "Content-Type": "application/json",
          [CUSTOMER_HEADER]: crypto.randomUUID(),
          "Idempotency-Key": crypto.randomUUID(),
          ...(pageOrigin === null ? {} : { Origin: pageOrigin }),
        },
        body: JSON.stringify({ planId: "basic" }),
        timeoutMs: 5000,
      });
      return new URL((JSON.parse(answer.text) as { checkoutUrl: string }).checkoutUrl).origin;
    };
    expect(await checkoutFrom("http://localhost:3000")).toBe("http://localhost:3000");
    expect(await checkoutFrom("http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
    expect(await checkoutFrom(null)).toBe("http://127.0.0.1:3000");
  });

  describe("when it is missing", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
    });
    const create = () => createUpgradeHandler({ backend: createMemoryBackend({ plans }), identify: identifyByHeader });

    it.each(["production", "staging", ""])("createUpgradeHandler throws at creation when NODE_ENV is %j, naming the option", (nodeEnv) => {
      vi.stubEnv("NODE_ENV", nodeEnv);
      expect(create).toThrow(/set publicOrigin/);
    });

    it("in development, falls back to the request's origin with one console warning", async () => {
      vi.stubEnv("NODE_ENV", "development");
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const handler = create();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain("publicOrigin");
      const { origin } = await start(toNodeListener(handler));
      const response = await fetch(`${origin}/api/upgrade/provision-subscription`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: "c1", "Idempotency-Key": "k" },
        body: JSON.stringify({ planId: "basic", checkoutOptions: { successUrl: `${origin}/ok`, cancelUrl: `${origin}/no` } }),
      });
      const result = (await response.json()) as { checkoutUrl: string };
      expect(result.checkoutUrl.startsWith(`${origin}/api/upgrade/checkout/`)).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
    });

    it("is refused when it is not an origin", () => {
      expect(() => createTestApp({ handler: { publicOrigin: "localhost:3000" } })).toThrow(/publicOrigin has an invalid origin/);
    });
  });
});
