import { describe, expect, it, vi } from "vitest";
import { createStripeLoader, type StripeLike } from "../../src/core/stripeLoader.js";
import { UpgradeError } from "../../src/core/UpgradeError.js";

const fakeStripe: StripeLike = {
  createEmbeddedCheckoutPage: async () => ({ mount: () => undefined, unmount: () => undefined, destroy: () => undefined }),
};

describe("stripe loader", () => {
  it("uses a Stripe object or promise the app gives", async () => {
    await expect(createStripeLoader({ stripe: fakeStripe }).load()).resolves.toBe(fakeStripe);
    await expect(createStripeLoader({ stripe: Promise.resolve(fakeStripe) }).load()).resolves.toBe(fakeStripe);
  });

  it("loads Stripe.js lazily with the publishable key, once", async () => {
    const loadStripe = vi.fn(async (_key: string) => fakeStripe);
    const importLoadStripe = vi.fn(async () => loadStripe);
    const loader = createStripeLoader({ publishableKey: "pk_test_1", importLoadStripe });
    expect(importLoadStripe).not.toHaveBeenCalled();
    loader.warmUp();
    await expect(loader.load()).resolves.toBe(fakeStripe);
    expect(importLoadStripe).toHaveBeenCalledTimes(1);
    expect(loadStripe).toHaveBeenCalledWith("pk_test_1");
  });

  it("a rejection becomes STRIPE_UNAVAILABLE, and a later attempt may succeed", async () => {
    let attempt = 0;
    const loader = createStripeLoader({
      publishableKey: "pk",
      importLoadStripe: async () => async () => {
        attempt += 1;
        if (attempt === 1) throw new Error("Failed to load Stripe.js");
        return fakeStripe;
      },
    });
    const error = await loader.load().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(UpgradeError);
    expect(error).toMatchObject({ code: "STRIPE_UNAVAILABLE" });
    await expect(loader.load()).resolves.toBe(fakeStripe);
  });

  it("a load that hangs times out as STRIPE_UNAVAILABLE", async () => {
    const loader = createStripeLoader({ stripe: new Promise<StripeLike | null>(() => undefined), timeoutMs: 50 });
    await expect(loader.load()).rejects.toMatchObject({ code: "STRIPE_UNAVAILABLE", message: expect.stringContaining("50 ms") });
  });

  it("null from loadStripe (no window) and a missing key are STRIPE_UNAVAILABLE", async () => {
    await expect(createStripeLoader({ stripe: Promise.resolve(null) }).load()).rejects.toMatchObject({ code: "STRIPE_UNAVAILABLE" });
    await expect(createStripeLoader({}).load()).rejects.toMatchObject({ code: "STRIPE_UNAVAILABLE" });
  });

  it("the default import is the real @stripe/stripe-js/pure entry", async () => {
    // In Node there is no window, so the real loadStripe resolves null: unavailable, not a crash.
    const loader = createStripeLoader({ publishableKey: "pk_test_123", timeoutMs: 2_000 });
    await expect(loader.load()).rejects.toMatchObject({ code: "STRIPE_UNAVAILABLE" });
  });
});
