/**
 * Who is calling: the app's `identify` hook, read defensively, and the two answers for a caller who
 * may not act (not signed in, or asking about another customer).
 */
import { errorResponse, type HttpAnswer } from "./httpResponses.js";

export interface Identity {
  customerId: string;
}

/** Who is calling, from the app's own session (cookie, JWT...). `null` means not signed in. */
export type Identify = (request: Request) => Identity | null | Promise<Identity | null>;

/** The caller's identity, or `null` when not signed in. Errors thrown by `identify` propagate. */
export async function identityOf(identify: Identify, request: Request): Promise<Identity | null> {
  const identity = await identify(request);
  // An empty id is a bug in `identify`, and treating it as "signed in" would pool anonymous users.
  if (!identity || typeof identity.customerId !== "string" || identity.customerId === "") return null;
  return identity;
}

export function unauthenticatedResponse(): HttpAnswer {
  return errorResponse(401, "UNAUTHENTICATED", "Sign in to continue.");
}

export function forbiddenCustomerResponse(): HttpAnswer {
  return errorResponse(403, "FORBIDDEN_CUSTOMER", "You can only act for the customer you are signed in as.");
}
