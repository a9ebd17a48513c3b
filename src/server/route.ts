/** What routing resolves a request to: the methods it takes, and how to answer it. */
import type { HttpAnswer } from "./httpResponses.js";

export interface Route {
  allow: readonly string[];
  /** Checkout routes answer browsers, so their errors are pages when the browser asks for HTML. */
  isPage: boolean;
  run(): Promise<HttpAnswer>;
}
