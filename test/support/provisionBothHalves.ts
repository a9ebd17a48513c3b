import type { ProvisionSubscriptionParams } from "../../src/core/contract.js";
import type { ProvisionAttempt, ProvisionCoordinator } from "../../src/core/provisionCoordinator.js";
import { settleProvision } from "../../src/core/provisionSettle.js";

/** Both halves of a provision, as useProvisionSubscription runs them: start (the POST goes out), then settle. */
export function provisionBothHalves(coordinator: ProvisionCoordinator) {
  return { provision: (params: ProvisionSubscriptionParams): Promise<ProvisionAttempt> => settleProvision(coordinator.start(params)) };
}
