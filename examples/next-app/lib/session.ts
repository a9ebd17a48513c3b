/**
 * The example's whole "auth": the signed-in customer's id in a cookie. Use your own session here;
 * the upgrade handler and the pages only need `customerId`.
 */
import { cookies } from "next/headers";

export const SESSION_COOKIE = "example_customer";

export interface Session {
  customerId: string;
}

/** In a server component or server action (reads the request's cookies, so the render is dynamic). */
export async function getSession(): Promise<Session | null> {
  return toSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** For the upgrade handler's `identify`: the same cookie, read from the request it is given. */
export function sessionFromRequest(request: Request): Session | null {
  const header = request.headers.get("cookie") ?? "";
  const pair = header.split(/;\s*/).find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  return toSession(pair && decodeURIComponent(pair.slice(SESSION_COOKIE.length + 1)));
}

/** Signs in as a new demo customer (a server action calls this). */
export async function signIn(): Promise<Session> {
  const session = { customerId: `customer-${crypto.randomUUID()}` };
  (await cookies()).set(SESSION_COOKIE, session.customerId, { httpOnly: true, sameSite: "lax", path: "/" });
  return session;
}

function toSession(customerId: string | undefined): Session | null {
  return customerId ? { customerId } : null;
}
