/**
 * Type test, checked by `npm run typecheck` (tsc over test/): the real `@stigg/node-server-sdk`
 * client fits `createStiggBackend` as a new user writes it, with no cast. Never run, only compiled.
 */
import { Stigg } from "@stigg/node-server-sdk";
import { createStiggBackend, type StiggClientLike } from "../../src/server/index.js";

export function productionBackend(apiKey: string) {
  return createStiggBackend(Stigg.initialize({ apiKey }));
}

// The same, spelled as an assignment: tsc names the first field that stops fitting.
export const fits = (stigg: Stigg): StiggClientLike => stigg;
