/**
 * How the Node adapter talks to `createUpgradeHandler` without the Fetch API's costs on the way
 * out: the handler carries, under this symbol, the function that answers a request with a plain
 * `HttpAnswer` (status, headers, string body), which `toNodeListener` writes to the socket as it
 * is. Its presence also tells the adapter that the handler reads request bodies through
 * `readJsonBody`, which takes a `NodeRequest`'s buffered bytes without a stream.
 * `Symbol.for`, so that two copies of this module (a bundler may evaluate it twice) agree.
 */
import type { HttpAnswer } from "./httpResponses.js";

export const ANSWER = Symbol.for("react-upgrade-kit.answer");

export interface AnswersDirectly {
  [ANSWER]?: (request: Request) => Promise<HttpAnswer>;
}
