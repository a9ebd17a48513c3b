import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import { createUpgradeClient } from "../../src/core/httpClient.js";
import { UpgradeError } from "../../src/core/UpgradeError.js";
import { listenDuringTests } from "../support/listenDuringTests.js";

const endpoint = "https://app.example.com/api/upgrade";
const server = setupServer();
listenDuringTests(server);

const freePlan = {
  id: "free",
  displayName: "Free",
  order: 0,
  pricingType: "FREE",
  pricePoints: [],
  entitlements: [],
};

async function failure(promise: Promise<unknown>): Promise<UpgradeError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UpgradeError);
  return error as UpgradeError;
}

describe("createUpgradeClient", () => {
  it("gets plans, dropping unknown fields and turning null optionals into undefined", async () => {
    server.use(
      http.get(`${endpoint}/plans`, ({ request }) => {
        expect(new URL(request.url).searchParams.get("productId")).toBe("p1");
        return HttpResponse.json({ plans: [{ ...freePlan, description: null, futureField: 1 }], extra: true });
      }),
    );
    const plans = await createUpgradeClient({ endpoint }).getPlans({ productId: "p1" });
    expect(plans).toEqual([freePlan]);
    expect(plans[0]).not.toHaveProperty("futureField");
  });

  it("sends the customer id and the app's async headers and credentials", async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${endpoint}/customer`, ({ request }) => {
        seen = request;
        return HttpResponse.json({ customer: { id: "c 1", subscriptions: [] } });
      }),
    );
    const client = createUpgradeClient({
      endpoint: `${endpoint}/`,
      getHeaders: async () => ({ Authorization: "Bearer t0ken" }),
      credentials: "include",
    });
    await expect(client.getCustomer("c 1")).resolves.toEqual({ id: "c 1", subscriptions: [] });
    expect(new URL(seen!.url).searchParams.get("customerId")).toBe("c 1");
    expect(seen!.headers.get("authorization")).toBe("Bearer t0ken");
    expect(seen!.credentials).toBe("include");
  });

  it("posts a provision with the Idempotency-Key header and a JSON body", async () => {
    let seen: { key: string | null; type: string | null; body: unknown } | undefined;
    server.use(
      http.post(`${endpoint}/provision-subscription`, async ({ request }) => {
        seen = {
          key: request.headers.get("idempotency-key"),
          type: request.headers.get("content-type"),
          body: await request.json(),
        };
        return HttpResponse.json({ status: "PAYMENT_REQUIRED", checkoutUrl: "https://checkout.stripe.com/c/1" });
      }),
    );
    const result = await createUpgradeClient({ endpoint }).provisionSubscription(
      { customerId: "c1", planId: "pro", billingPeriod: "MONTHLY" },
      { idempotencyKey: "key-1" },
    );
    expect(result).toEqual({ status: "PAYMENT_REQUIRED", checkoutUrl: "https://checkout.stripe.com/c/1" });
    expect(seen).toEqual({
      key: "key-1",
      type: "application/json",
      body: { customerId: "c1", planId: "pro", billingPeriod: "MONTHLY" },
    });
  });

  it("a 500 with an error body is an HTTP error carrying the server's code and message", async () => {
    server.use(
      http.get(`${endpoint}/plans`, () =>
        HttpResponse.json({ error: { code: "BACKEND_DOWN", message: "Billing is unavailable" } }, { status: 500 }),
      ),
    );
    const error = await failure(createUpgradeClient({ endpoint }).getPlans());
    expect(error).toMatchObject({ code: "HTTP", status: 500, serverCode: "BACKEND_DOWN", message: "Billing is unavailable" });
  });

  it("a 502 with an HTML body is an HTTP error without a server code", async () => {
    server.use(http.get(`${endpoint}/plans`, () => new HttpResponse("<html>Bad gateway</html>", { status: 502 })));
    const error = await failure(createUpgradeClient({ endpoint }).getPlans());
    expect(error).toMatchObject({ code: "HTTP", status: 502, serverCode: undefined });
  });

  it("invalid JSON in a 200 is INVALID_RESPONSE", async () => {
    server.use(http.get(`${endpoint}/plans`, () => new HttpResponse("{ not json", { status: 200 })));
    const error = await failure(createUpgradeClient({ endpoint }).getPlans());
    expect(error.code).toBe("INVALID_RESPONSE");
  });

  it("an empty 200 body is INVALID_RESPONSE", async () => {
    server.use(http.get(`${endpoint}/plans`, () => new HttpResponse(null, { status: 200 })));
    expect((await failure(createUpgradeClient({ endpoint }).getPlans())).code).toBe("INVALID_RESPONSE");
  });

  it("a response missing `plans` is INVALID_RESPONSE naming the path", async () => {
    server.use(http.get(`${endpoint}/plans`, () => HttpResponse.json({ items: [] })));
    const error = await failure(createUpgradeClient({ endpoint }).getPlans());
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(error.message).toContain('"plans"');
  });

  it("a mistyped required field deep inside is INVALID_RESPONSE with the issue path", async () => {
    server.use(http.get(`${endpoint}/plans`, () => HttpResponse.json({ plans: [{ ...freePlan, order: "first" }] })));
    const error = await failure(createUpgradeClient({ endpoint }).getPlans());
    expect(error.details).toMatchObject({ issues: [{ path: "plans.0.order" }] });
  });

  it("no answer within the timeout is TIMEOUT", async () => {
    server.use(
      http.get(`${endpoint}/plans`, async () => {
        await delay(1_000);
        return HttpResponse.json({ plans: [] });
      }),
    );
    const error = await failure(createUpgradeClient({ endpoint, timeoutMs: 50 }).getPlans());
    expect(error.code).toBe("TIMEOUT");
  });

  it("a connection failure is NETWORK", async () => {
    server.use(http.get(`${endpoint}/plans`, () => HttpResponse.error()));
    expect((await failure(createUpgradeClient({ endpoint }).getPlans())).code).toBe("NETWORK");
  });

  it("cancellation by the caller is ABORTED, not a timeout", async () => {
    server.use(
      http.get(`${endpoint}/plans`, async () => {
        await delay(1_000);
        return HttpResponse.json({ plans: [] });
      }),
    );
    const controller = new AbortController();
    const pending = createUpgradeClient({ endpoint }).getPlans({}, { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).toBe("ABORTED");
  });

  it("a 200 provision answer that is neither SUCCESS nor PAYMENT_REQUIRED is INVALID_RESPONSE", async () => {
    server.use(http.post(`${endpoint}/provision-subscription`, () => HttpResponse.json({ status: "MAYBE" })));
    const error = await failure(
      createUpgradeClient({ endpoint }).provisionSubscription({ customerId: "c", planId: "p" }, { idempotencyKey: "k" }),
    );
    expect(error.code).toBe("INVALID_RESPONSE");
  });

  it("uses a custom fetch when given", async () => {
    const calls: string[] = [];
    const client = createUpgradeClient({
      endpoint,
      fetch: async (input) => {
        calls.push(input);
        return Response.json({ plans: [] });
      },
    });
    await expect(client.getPlans()).resolves.toEqual([]);
    expect(calls).toEqual([`${endpoint}/plans`]);
  });
});
