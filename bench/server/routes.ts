/**
 * The requests the server bench sends, the same to the handler and to the bare node:http server:
 * the three endpoint routes, and GET /plans revalidated with the ETag it was answered with.
 */
import { httpRequest } from "./loadGenerator.js";

export type RouteId = "plans" | "plans304" | "customer" | "provision";

export const ROUTE_LABELS: Record<RouteId, string> = {
  plans: "GET /plans",
  plans304: "GET /plans, If-None-Match (304)",
  customer: "GET /customer",
  provision: "POST /provision-subscription",
};

export const BENCH_ORIGIN = "http://127.0.0.1";
export const BENCH_CUSTOMER_HEADER = "X-Customer-Id";
export const BENCH_CUSTOMER_ID = "customer-demo";
export const PROVISION_BODY = JSON.stringify({ planId: "plan-free" });

/** The request maker for a route; `tag` keeps provision customers and keys unique across runs. */
export function requestsFor(route: RouteId, options: { etag?: string; tag: string }): (index: number) => Buffer {
  switch (route) {
    case "plans": {
      const bytes = httpRequest("GET", "/api/upgrade/plans", { Accept: "application/json" });
      return () => bytes;
    }
    case "plans304": {
      const bytes = httpRequest("GET", "/api/upgrade/plans", { Accept: "application/json", "If-None-Match": options.etag ?? '"none"' });
      return () => bytes;
    }
    case "customer": {
      const bytes = httpRequest("GET", "/api/upgrade/customer", { Accept: "application/json", [BENCH_CUSTOMER_HEADER]: BENCH_CUSTOMER_ID });
      return () => bytes;
    }
    case "provision":
      // A new customer and key each time, as many buyers would: no replay, no lock contention.
      return (index) =>
        httpRequest(
          "POST",
          "/api/upgrade/provision-subscription",
          {
            Accept: "application/json",
            "Content-Type": "application/json",
            Origin: BENCH_ORIGIN,
            [BENCH_CUSTOMER_HEADER]: `bench-${options.tag}-${index}`,
            "Idempotency-Key": `key-${options.tag}-${index}`,
          },
          PROVISION_BODY,
        );
  }
}
