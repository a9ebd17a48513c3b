import { describe, expect, it } from "vitest";
import { assertCheckoutUrl, checkCheckoutUrl } from "../../src/core/checkoutUrlGuard.js";
import { UpgradeError } from "../../src/core/UpgradeError.js";

const page = { pageOrigin: "https://app.example.com" };

describe("checkCheckoutUrl", () => {
  it.each([
    ["Stripe's hosted checkout", "https://checkout.stripe.com/c/pay/cs_test_123"],
    ["the page's own origin", "https://app.example.com/api/upgrade/checkout/s1"],
    ["a path on the page's own origin", "/api/upgrade/checkout/s1"],
  ])("allows %s", (_name, url) => {
    expect(checkCheckoutUrl(url, page)).toMatchObject({ ok: true });
  });

  it("allows http only on loopback", () => {
    expect(checkCheckoutUrl("http://localhost:5173/checkout", { pageOrigin: "http://localhost:5173" }).ok).toBe(true);
    expect(checkCheckoutUrl("http://checkout.stripe.com/x", page)).toMatchObject({ ok: false });
  });

  it("allows hosts the app lists, exactly", () => {
    const options = { ...page, allowedCheckoutHosts: ["pay.example.com"] };
    expect(checkCheckoutUrl("https://pay.example.com/session/1", options).ok).toBe(true);
    expect(checkCheckoutUrl("https://evil.pay.example.com/session/1", options).ok).toBe(false);
  });

  it.each([
    ["javascript:", "javascript:alert(1)"],
    ["a look-alike host", "https://checkout.stripe.com.evil.example/x"],
    ["a protocol-relative foreign host", "//evil.example"],
    ["credentials in the URL", "https://user:pw@checkout.stripe.com/"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["another port of the page's host", "https://app.example.com:8443/checkout"],
    ["garbage", "http://["],
  ])("rejects %s", (_name, url) => {
    expect(checkCheckoutUrl(url, page)).toMatchObject({ ok: false });
  });

  it("rejects a relative URL when there is no page to resolve it against", () => {
    expect(checkCheckoutUrl("/checkout/s1")).toMatchObject({ ok: false });
  });

  it("assertCheckoutUrl throws a typed CHECKOUT_URL_REJECTED error naming the URL", () => {
    let caught: unknown;
    try {
      assertCheckoutUrl("javascript:alert(1)", page);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UpgradeError);
    expect(caught).toMatchObject({ code: "CHECKOUT_URL_REJECTED", details: { checkoutUrl: "javascript:alert(1)" } });
  });
});
