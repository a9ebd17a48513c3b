import { describe, expect, it, vi } from "vitest";
import type { ProvisionSubscriptionResult } from "../../src/core/contract.js";
import { customerResponseSchema, parseWith, plansResponseSchema, provisionResultSchema } from "../../src/core/schemas.js";
import { BackendError, type UpgradeBackend } from "../../src/server/backend.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import { DEFAULT_ALLOWED_PROVISION_FIELDS } from "../../src/server/provisionFields.js";
import { BASE, CUSTOMER_HEADER, ORIGIN, createTestApp, errorOf, get, plans, provisionRequest } from "./fixtures.js";

function expectJsonHeaders(response: Response): void {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store");
}

/** A backend whose every method fails the test if called, for checks that must stop before it. */
function untouchableBackend(): UpgradeBackend {
  const fail = () => Promise.reject(new Error("backend must not be called"));
  return { getPlans: fail, getCustomer: fail, provisionSubscription: fail };
}

describe("createUpgradeHandler", () => {
  describe("GET /plans", () => {
    it("answers all plans without identity, in the contract's shape", async () => {
      const { handler } = createTestApp();
      const response = await handler(get("/plans"));
      expect(response.status).toBe(200);
      expectJsonHeaders(response);
      const body: unknown = await response.json();
      const parsed = parseWith(plansResponseSchema, body);
      expect(parsed.ok && parsed.value.plans.map((plan) => plan.id)).toEqual(plans.map((plan) => plan.id));
    });

    it("filters by productId", async () => {
      const { handler } = createTestApp();
      const body = (await (await handler(get("/plans?productId=analytics"))).json()) as { plans: { id: string }[] };
      expect(body.plans.map((plan) => plan.id)).toEqual(["insights"]);
    });
  });

  describe("GET /customer", () => {
    it("answers the signed-in customer when no customerId is given", async () => {
      const { handler } = createTestApp();
      const response = await handler(get("/customer", "c1"));
      expect(response.status).toBe(200);
      expectJsonHeaders(response);
      const parsed = parseWith(customerResponseSchema, await response.json());
      expect(parsed.ok && parsed.value.customer.id).toBe("c1");
    });

    it("answers the customer named in the query when it is the signed-in one", async () => {
      const { handler } = createTestApp();
      const response = await handler(get("/customer?customerId=c1", "c1"));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { customer: { id: string } }).customer.id).toBe("c1");
    });

    it("is 401 UNAUTHENTICATED without identity", async () => {
      const { handler } = createTestApp();
      const response = await handler(get("/customer?customerId=c1"));
      expectJsonHeaders(response);
      expect(await errorOf(response)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    });

    it("treats an empty customerId from identify as signed out", async () => {
      const { handler } = createTestApp({ handler: { identify: () => ({ customerId: "" }) } });
      expect(await errorOf(await handler(get("/customer")))).toMatchObject({ status: 401 });
    });

    it("is 403 FORBIDDEN_CUSTOMER for someone else's customerId", async () => {
      const { handler, backend } = createTestApp();
      const response = await handler(get("/customer?customerId=c2", "c1"));
      expect(await errorOf(response)).toMatchObject({ status: 403, code: "FORBIDDEN_CUSTOMER" });
      expect(backend.getState().customers).toEqual([]);
    });

    it("is 404 CUSTOMER_NOT_FOUND when the backend knows no such customer", async () => {
      const handler = createUpgradeHandler({
        backend: { ...untouchableBackend(), getCustomer: async () => null },
        identify: () => ({ customerId: "c1" }),
      });
      expect(await errorOf(await handler(get("/customer")))).toMatchObject({ status: 404, code: "CUSTOMER_NOT_FOUND" });
    });

    it("awaits an async identify", async () => {
      const { handler } = createTestApp({ handler: { identify: async () => ({ customerId: "async-c" }) } });
      const body = (await (await handler(get("/customer"))).json()) as { customer: { id: string } };
      expect(body.customer.id).toBe("async-c");
    });
  });

  describe("POST /provision-subscription", () => {
    it("provisions for the signed-in customer when the body names none", async () => {
      const { handler, backend } = createTestApp();
      const response = await handler(provisionRequest({ planId: "free" }, { customerId: "c1" }));
      expect(response.status).toBe(200);
      expectJsonHeaders(response);
      const parsed = parseWith(provisionResultSchema, await response.json());
      expect(parsed.ok && parsed.value).toMatchObject({ status: "SUCCESS", subscription: { planId: "free", status: "ACTIVE" } });
      expect((await backend.getCustomer("c1"))!.subscriptions).toHaveLength(1);
    });

    it("answers PAYMENT_REQUIRED with a checkout URL on this handler", async () => {
      const { handler } = createTestApp();
      const response = await handler(provisionRequest({ planId: "basic" }, { customerId: "c1" }));
      const body = (await response.json()) as ProvisionSubscriptionResult;
      expect(body.status).toBe("PAYMENT_REQUIRED");
      if (body.status !== "PAYMENT_REQUIRED") return;
      expect(body.checkoutUrl).toBe(`${ORIGIN}/api/upgrade/checkout/${body.checkoutBillingId}`);
    });

    it("passes the backend the checkout base URL under a custom basePath, and the request", async () => {
      const provisionSubscription = vi.fn<UpgradeBackend["provisionSubscription"]>(async () => ({
        status: "PAYMENT_REQUIRED",
        checkoutUrl: "https://pay.example/x",
      }));
      const handler = createUpgradeHandler({
        backend: { ...untouchableBackend(), getPlans: async () => plans, provisionSubscription },
        identify: () => ({ customerId: "c1" }),
        basePath: "/billing/",
      });
      const request = new Request(`${ORIGIN}/billing/provision-subscription`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": "k-basepath" },
        body: JSON.stringify({ planId: "basic" }),
      });
      expect((await handler(request)).status).toBe(200);
      expect(provisionSubscription).toHaveBeenCalledWith(
        { customerId: "c1", planId: "basic" },
        { checkoutBaseUrl: `${ORIGIN}/billing/checkout`, request },
      );
    });

    it("is 401 without identity, before reading the body", async () => {
      const { handler } = createTestApp();
      const response = await handler(provisionRequest("not json"));
      expect(await errorOf(response)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    });

    it("is 403 when the body names another customer", async () => {
      const { handler, backend } = createTestApp();
      const response = await handler(provisionRequest({ customerId: "c2", planId: "free" }, { customerId: "c1" }));
      expect(await errorOf(response)).toMatchObject({ status: 403, code: "FORBIDDEN_CUSTOMER" });
      expect(backend.getState().customers).toEqual([]);
    });

    it("is 415 unless the body is declared application/json", async () => {
      const { handler } = createTestApp();
      const request = provisionRequest({ planId: "free" }, { customerId: "c1", headers: { "Content-Type": "text/plain" } });
      expect(await errorOf(await handler(request))).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
      const withCharset = provisionRequest(
        { planId: "free" },
        { customerId: "c1", headers: { "Content-Type": "Application/JSON; charset=utf-8" } },
      );
      expect((await handler(withCharset)).status).toBe(200);
    });

    it("is 400 INVALID_JSON for malformed JSON", async () => {
      const { handler } = createTestApp();
      const response = await handler(provisionRequest('{"planId": ', { customerId: "c1" }));
      expect(await errorOf(response)).toMatchObject({ status: 400, code: "INVALID_JSON" });
    });

    it("is 413 for a body over 16 KiB, even without Content-Length", async () => {
      const { handler, backend } = createTestApp();
      const big = JSON.stringify({ planId: "free", metadata: { pad: "x".repeat(16 * 1024) } });
      expect(await errorOf(await handler(provisionRequest(big, { customerId: "c1" })))).toMatchObject({
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
      });

      const encoder = new TextEncoder();
      const streamed = new Request(`${BASE}/provision-subscription`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: "c1" },
        body: new ReadableStream({
          start(controller) {
            for (let index = 0; index < 20; index += 1) controller.enqueue(encoder.encode(" ".repeat(1024)));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
      expect(await errorOf(await handler(streamed))).toMatchObject({ status: 413 });
      expect(backend.getState().customers).toEqual([]);
    });

    it("accepts a body just under the limit", async () => {
      const { handler } = createTestApp({
        handler: { allowedProvisionFields: [...DEFAULT_ALLOWED_PROVISION_FIELDS, "metadata"] },
      });
      const base = JSON.stringify({ planId: "free", metadata: { pad: "" } });
      const body = JSON.stringify({ planId: "free", metadata: { pad: "x".repeat(16 * 1024 - base.length) } });
      expect(new TextEncoder().encode(body).byteLength).toBe(16 * 1024);
      expect((await handler(provisionRequest(body, { customerId: "c1" }))).status).toBe(200);
    });

    it("is 400 INVALID_REQUEST listing the schema issues", async () => {
      const { handler } = createTestApp();
      const response = await handler(provisionRequest({ planId: 7, billingPeriod: "WEEKLY" }, { customerId: "c1" }));
      const error = await errorOf(response);
      expect(error).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
      expect(error.message).toContain("planId");
      expect(error.message).toContain("billingPeriod");
      const notAnObject = await handler(provisionRequest([], { customerId: "c1" }));
      expect(await errorOf(notAnObject)).toMatchObject({ status: 400, code: "INVALID_REQUEST" });
    });

    it("passes BackendErrors through with their status, code and message", async () => {
      const { handler } = createTestApp();
      const custom = await handler(provisionRequest({ planId: "enterprise" }, { customerId: "c1" }));
      expectJsonHeaders(custom);
      expect(await errorOf(custom)).toEqual({
        status: 400,
        code: "PLAN_NOT_PROVISIONABLE",
        message: 'Plan "enterprise" is sold by contract; contact sales.',
      });
      const quantity = await handler(provisionRequest({ planId: "pro", unitQuantity: 99 }, { customerId: "c1" }));
      expect(await errorOf(quantity)).toMatchObject({ status: 400, code: "INVALID_UNIT_QUANTITY" });
      const unknown = await handler(provisionRequest({ planId: "nope" }, { customerId: "c1" }));
      expect(await errorOf(unknown)).toMatchObject({ status: 404, code: "PLAN_NOT_FOUND" });
    });

    describe("return URLs", () => {
      const options = (successUrl: string, cancelUrl = `${ORIGIN}/cancel`) => ({
        planId: "basic",
        checkoutOptions: { successUrl, cancelUrl },
      });

      it("accepts URLs on the request's own origin by default", async () => {
        const { handler } = createTestApp();
        const response = await handler(provisionRequest(options(`${ORIGIN}/done?x=1`), { customerId: "c1" }));
        expect(response.status).toBe(200);
      });

      it.each([
        ["another origin", "https://evil.example/phish"],
        ["another port", "http://shop.test:8080/done"],
        ["a relative URL", "/done"],
        ["a javascript: URL", "javascript:alert(1)"],
        // The URL parser drops CR, LF and tabs, so these would pass as own-origin URLs; after
        // payment they would break the redirect's Location header.
        ["a URL with CR LF", `${ORIGIN}/done\r\nSet-Cookie: a=b`],
        ["a URL with NUL", `${ORIGIN}/done\u0000`],
        ["a URL with a tab", `${ORIGIN}/do\tne`],
      ])("rejects %s with 400 RETURN_URL_REJECTED", async (_label, successUrl) => {
        const { handler, backend } = createTestApp();
        const response = await handler(provisionRequest(options(successUrl), { customerId: "c1" }));
        expect(await errorOf(response)).toMatchObject({ status: 400, code: "RETURN_URL_REJECTED" });
        expect(backend.getState().checkoutSessions).toEqual([]);
      });

      it("checks cancelUrl too", async () => {
        const { handler } = createTestApp();
        const response = await handler(
          provisionRequest(options(`${ORIGIN}/ok`, "https://evil.example/"), { customerId: "c1" }),
        );
        expect(await errorOf(response)).toMatchObject({ status: 400, code: "RETURN_URL_REJECTED" });
      });

      it("uses allowedReturnOrigins instead of the request origin when given", async () => {
        const { handler } = createTestApp({ handler: { allowedReturnOrigins: ["https://app.example/"] } });
        const allowed = await handler(
          provisionRequest(options("https://app.example/ok", "https://app.example/no"), { customerId: "c1" }),
        );
        expect(allowed.status).toBe(200);
        const ownOrigin = await handler(provisionRequest(options(`${ORIGIN}/ok`), { customerId: "c1" }));
        expect(await errorOf(ownOrigin)).toMatchObject({ status: 400, code: "RETURN_URL_REJECTED" });
      });

      it("refuses an invalid allowed origin at creation", () => {
        expect(() => createTestApp({ handler: { allowedReturnOrigins: ["not a url"] } })).toThrow(/invalid origin/);
      });
    });
  });

  describe("routing", () => {
    it("is 404 NOT_FOUND outside basePath and for unknown routes under it", async () => {
      const { handler } = createTestApp();
      for (const url of [`${ORIGIN}/plans`, `${ORIGIN}/api/upgraded/plans`, `${BASE}/nope`, `${BASE}`, `${BASE}/plans/x`]) {
        const response = await handler(new Request(url));
        expectJsonHeaders(response);
        expect(await errorOf(response)).toMatchObject({ status: 404, code: "NOT_FOUND" });
      }
    });

    it("says which paths it handles", () => {
      const { handler } = createTestApp();
      expect(handler.basePath).toBe("/api/upgrade");
      expect(handler.handles("/api/upgrade/plans")).toBe(true);
      expect(handler.handles("/api/upgraded")).toBe(false);
      expect(handler.handles("/")).toBe(false);
    });

    it("plans stay public: a signed-in request names its customer to the backend, a throwing identify is reported and answered the public plans", async () => {
      const asked: (string | undefined)[] = [];
      const errors: unknown[] = [];
      const { handler, backend } = createTestApp();
      const getPlans = backend.getPlans.bind(backend);
      backend.getPlans = (query) => {
        asked.push(query.customerId);
        return getPlans(query);
      };
      expect((await handler(get("/plans", "c1"))).status).toBe(200);
      expect((await handler(get("/plans"))).status).toBe(200);
      const broken = createUpgradeHandler({
        backend,
        identify: () => {
          throw new Error("session store down");
        },
        onError: (error) => errors.push(error),
      });
      expect((await broken(get("/plans"))).status).toBe(200);
      expect(asked).toEqual(["c1", undefined, undefined]);
      expect(errors).toHaveLength(1);
    });

    it("can be mounted at the root", async () => {
      const { handler } = createTestApp({ handler: { basePath: "/" } });
      expect((await handler(new Request(`${ORIGIN}/plans`))).status).toBe(200);
    });

    it.each([
      ["/plans", "POST", "GET"],
      ["/customer", "DELETE", "GET"],
      ["/provision-subscription", "GET", "POST"],
      ["/checkout/cs_1", "POST", "GET"],
      ["/checkout/cs_1/pay", "GET", "POST"],
      ["/checkout/cs_1/cancel", "PUT", "POST"],
    ])("%s with %s is 405 with Allow: %s", async (path, method, allow) => {
      const { handler } = createTestApp();
      const response = await handler(new Request(`${BASE}${path}`, { method }));
      expect(response.headers.get("allow")).toBe(allow);
      expect(await errorOf(response)).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED" });
    });

    it("serves no checkout routes when the backend has no checkout", async () => {
      const handler = createUpgradeHandler({ backend: untouchableBackend(), identify: () => null });
      const response = await handler(new Request(`${BASE}/checkout/cs_1`));
      expect(await errorOf(response)).toMatchObject({ status: 404, code: "NOT_FOUND" });
    });
  });

  describe("unexpected errors", () => {
    it("answers a generic 500 and reports the error to onError", async () => {
      const secret = new Error("db password is hunter2");
      const onError = vi.fn();
      const handler = createUpgradeHandler({
        backend: { ...untouchableBackend(), getPlans: () => Promise.reject(secret) },
        identify: () => null,
        onError,
      });
      const request = get("/plans");
      const response = await handler(request);
      expectJsonHeaders(response);
      const text = await response.text();
      expect(text).not.toContain("hunter2");
      expect(JSON.parse(text)).toEqual({
        error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side. Please try again." },
      });
      expect(response.status).toBe(500);
      expect(onError).toHaveBeenCalledWith(secret, request);
    });

    it("does not report BackendErrors to onError", async () => {
      const onError = vi.fn();
      const { handler } = createTestApp({ handler: { onError } });
      await handler(provisionRequest({ planId: "enterprise" }, { customerId: "c1" }));
      expect(onError).not.toHaveBeenCalled();
    });

    it("answers 500 when identify throws, and survives a throwing onError", async () => {
      const { handler } = createTestApp({
        handler: {
          identify: () => {
            throw new Error("session store down");
          },
          onError: () => {
            throw new Error("reporter down");
          },
        },
      });
      expect(await errorOf(await handler(get("/customer")))).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    });

    it("BackendError refuses a non-error status", () => {
      expect(() => new BackendError("OK", 200, "fine")).toThrow(RangeError);
      expect(new BackendError("GONE", 410, "gone")).toMatchObject({ code: "GONE", status: 410, message: "gone" });
    });
  });
});
