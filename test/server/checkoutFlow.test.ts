/** The dev checkout clicked through as a browser would: open the page, submit one of its forms. */
import { describe, expect, it } from "vitest";
import type { ProvisionSubscriptionResult } from "../../src/core/contract.js";
import { ORIGIN, createTestApp, errorOf, provisionRequest } from "./fixtures.js";

type App = ReturnType<typeof createTestApp>;

const returnUrls = { successUrl: `${ORIGIN}/billing?paid=1`, cancelUrl: `${ORIGIN}/billing?canceled=1` };
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

async function startCheckout(app: App, body: Record<string, unknown> = { planId: "basic", checkoutOptions: returnUrls }) {
  const response = await app.handler(provisionRequest(body, { customerId: "c1" }));
  const result = (await response.json()) as ProvisionSubscriptionResult;
  if (result.status !== "PAYMENT_REQUIRED") throw new Error(`expected PAYMENT_REQUIRED, got ${result.status}`);
  return result;
}

async function openPage(app: App, checkoutUrl: string): Promise<string> {
  const response = await app.handler(new Request(checkoutUrl, { headers: { Accept: BROWSER_ACCEPT } }));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store");
  return response.text();
}

/** The action of the form whose submit button says `label`. */
function formAction(html: string, label: string): string {
  const forms = [...html.matchAll(/<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/g)];
  const form = forms.find((match) => new RegExp(`<button[^>]*>${label}</button>`).test(match[2]!));
  if (!form) throw new Error(`no form with a "${label}" button in:\n${html}`);
  return form[1]!.replaceAll("&amp;", "&");
}

async function submit(app: App, pageUrl: string, action: string): Promise<Response> {
  return app.handler(new Request(new URL(action, pageUrl), { method: "POST", headers: { Accept: BROWSER_ACCEPT } }));
}

describe("dev checkout flow", () => {
  it("shows the plan, the formatted amount and period, and Pay/Cancel forms", async () => {
    const app = createTestApp();
    const { checkoutUrl, checkoutBillingId } = await startCheckout(app, { planId: "basic", billingPeriod: "ANNUALLY" });
    const html = await openPage(app, checkoutUrl);
    expect(html).toContain("<h1>Basic</h1>");
    expect(html).toContain("$100");
    expect(html).toContain("per year");
    expect(html).toMatch(/<html lang="en">/);
    expect(formAction(html, "Pay")).toBe(`/api/upgrade/checkout/${checkoutBillingId}/pay`);
    expect(formAction(html, "Cancel")).toBe(`/api/upgrade/checkout/${checkoutBillingId}/cancel`);
  });

  it("shows per-unit quantities and non-USD currencies", async () => {
    const app = createTestApp({ backend: { customers: [{ id: "c1", subscriptions: [], trialedPlanIds: ["pro"] }] } });
    const pro = await startCheckout(app, { planId: "pro", unitQuantity: 4 });
    const proPage = await openPage(app, pro.checkoutUrl);
    expect(proPage).toContain("$50");
    expect(proPage).toContain("per month for 4 seats");

    const insights = await startCheckout(app, { planId: "insights" });
    expect(await openPage(app, insights.checkoutUrl)).toContain("€1,234.50");
  });

  it("escapes every interpolated value", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app, { planId: "insights" });
    const html = await openPage(app, checkoutUrl);
    expect(html).toContain("Insights &lt;Plus&gt; &amp; &quot;more&quot;");
    expect(html).not.toContain("<Plus>");
  });

  it("Pay: 303 to successUrl, subscribes the customer ACTIVE, and the page then says it is paid", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app);
    const pay = await submit(app, checkoutUrl, formAction(await openPage(app, checkoutUrl), "Pay"));
    expect(pay.status).toBe(303);
    expect(pay.headers.get("location")).toBe(returnUrls.successUrl);
    expect(pay.headers.get("cache-control")).toBe("no-store");

    const customer = (await app.backend.getCustomer("c1"))!;
    expect(customer.hasPaymentMethod).toBe(true);
    expect(customer.subscriptions).toMatchObject([{ planId: "basic", status: "ACTIVE" }]);

    const after = await openPage(app, checkoutUrl);
    expect(after).toContain("already paid");
    expect(after).not.toContain("<form");
  });

  it("a browser's Pay post (it sends the page's own Origin) is accepted: the page's referrer policy lets it", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app);
    const page = await app.handler(new Request(checkoutUrl, { headers: { Accept: BROWSER_ACCEPT } }));
    // no-referrer would make Chromium send `Origin: null` on the form post, which the Origin check refuses.
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    const paid = await app.handler(
      new Request(new URL(formAction(await page.text(), "Pay"), checkoutUrl), {
        method: "POST",
        headers: { Accept: BROWSER_ACCEPT, Origin: new URL(checkoutUrl).origin },
      }),
    );
    expect(paid.status).toBe(303);
    const other = createTestApp();
    const second = await startCheckout(other);
    const refused = await other.handler(
      new Request(new URL(formAction(await openPage(other, second.checkoutUrl), "Cancel"), second.checkoutUrl), {
        method: "POST",
        headers: { Accept: BROWSER_ACCEPT, Origin: "null" },
      }),
    );
    expect(refused.status).toBe(403);
  });

  it("paying twice (double submit) creates one subscription and redirects both times", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app);
    const action = formAction(await openPage(app, checkoutUrl), "Pay");
    const [first, second] = await Promise.all([submit(app, checkoutUrl, action), submit(app, checkoutUrl, action)]);
    const third = await submit(app, checkoutUrl, action);
    for (const response of [first!, second!, third]) {
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(returnUrls.successUrl);
    }
    expect((await app.backend.getCustomer("c1"))!.subscriptions).toHaveLength(1);
  });

  it("after paying, the next PAID plan starts at once without checkout", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app);
    await submit(app, checkoutUrl, formAction(await openPage(app, checkoutUrl), "Pay"));
    const response = await app.handler(provisionRequest({ planId: "insights" }, { customerId: "c1" }));
    expect(await response.json()).toMatchObject({ status: "SUCCESS", subscription: { planId: "insights", status: "ACTIVE" } });
  });

  it("Cancel: 303 to cancelUrl and no subscription", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app);
    const cancel = await submit(app, checkoutUrl, formAction(await openPage(app, checkoutUrl), "Cancel"));
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(returnUrls.cancelUrl);
    expect((await app.backend.getCustomer("c1"))!.subscriptions).toEqual([]);
    expect(await openPage(app, checkoutUrl)).toContain("was canceled");
  });

  it("without return URLs, lands on the handler's done page", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app, { planId: "basic" });
    const before = await openPage(app, `${checkoutUrl}/done`);
    expect(before).toContain("Checkout not finished");

    const pay = await submit(app, checkoutUrl, formAction(await openPage(app, checkoutUrl), "Pay"));
    const location = pay.headers.get("location")!;
    expect(location).toBe(`${checkoutUrl}/done`);
    const done = await openPage(app, location);
    expect(done).toContain("Payment received");
    expect(done).toContain("Your Basic subscription is active.");
  });

  it("paying a canceled session is a 409 page for browsers", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app);
    const html = await openPage(app, checkoutUrl);
    await submit(app, checkoutUrl, formAction(html, "Cancel"));
    const pay = await submit(app, checkoutUrl, formAction(html, "Pay"));
    expect(pay.status).toBe(409);
    expect(pay.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await pay.text()).toContain("This checkout session was canceled.");
  });

  it("unknown sessions are 404: HTML for browsers, JSON otherwise", async () => {
    const app = createTestApp();
    const page = await app.handler(new Request(`${ORIGIN}/api/upgrade/checkout/cs_nope`, { headers: { Accept: BROWSER_ACCEPT } }));
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toContain("Checkout not found");

    const api = await app.handler(new Request(`${ORIGIN}/api/upgrade/checkout/cs_nope`));
    expect(await errorOf(api)).toMatchObject({ status: 404, code: "CHECKOUT_SESSION_NOT_FOUND" });
    const pay = await app.handler(new Request(`${ORIGIN}/api/upgrade/checkout/cs_nope/pay`, { method: "POST" }));
    expect(await errorOf(pay)).toMatchObject({ status: 404, code: "CHECKOUT_SESSION_NOT_FOUND" });
  });

  it("reset forgets open sessions", async () => {
    const app = createTestApp();
    const { checkoutUrl } = await startCheckout(app);
    app.backend.reset();
    const response = await app.handler(new Request(checkoutUrl));
    expect(await errorOf(response)).toMatchObject({ status: 404, code: "CHECKOUT_SESSION_NOT_FOUND" });
  });
});
