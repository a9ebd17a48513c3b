// Public API of "react-upgrade-kit/server". Only re-exports: what is listed here is the contract.
export {
  createUpgradeHandler,
  DEFAULT_BASE_PATH,
  DEFAULT_LOCK_TTL_MS,
  IDEMPOTENT_REPLAYED_HEADER,
} from "./createUpgradeHandler.js";
export type {
  BeforeProvision,
  BeforeProvisionContext,
  Identify,
  Identity,
  UpgradeHandler,
  UpgradeHandlerOptions,
} from "./createUpgradeHandler.js";
export { DEFAULT_ALLOWED_PROVISION_FIELDS } from "./provisionFields.js";
export type { ProvisionField } from "./provisionFields.js";
export { createMemoryBackend } from "./createMemoryBackend.js";
export type { MemoryBackend, MemoryBackendOptions, MemoryBackendState, MemoryCheckoutSessions } from "./createMemoryBackend.js";
export { createStiggBackend } from "./createStiggBackend.js";
export type { StiggBackendOptions } from "./createStiggBackend.js";
export type {
  StiggAddon,
  StiggClientLike,
  StiggCustomer,
  StiggCustomerEntitlement,
  StiggFeature,
  StiggPackageEntitlement,
  StiggPaywall,
  StiggPlan,
  StiggPrice,
  StiggPriceTier,
  StiggProvisionResult,
  StiggProvisionSubscriptionParams,
  StiggSubscription,
} from "./stiggClient.js";
export { BackendError, isBackendError } from "./backend.js";
export type {
  CheckoutRedirect,
  CheckoutSessions,
  CheckoutSessionStatus,
  CheckoutSessionView,
  PlansQuery,
  ProvisionContext,
  UpgradeBackend,
} from "./backend.js";
export { toNodeListener } from "./toNodeListener.js";
export type { FetchHandler, NodeListener, NodeListenerOptions } from "./toNodeListener.js";
export type { ClaimOutcome, IdempotencyClaim, IdempotentAnswer, UpgradeStore } from "./upgradeStore.js";
export { createMemoryStore } from "./createMemoryStore.js";
export type { MemoryStoreOptions } from "./createMemoryStore.js";
export { createRedisStore } from "./createRedisStore.js";
export type { RedisStoreOptions } from "./createRedisStore.js";
export type { IoRedisClientLike, NodeRedisClientLike, RedisClientLike } from "./redisClient.js";
export { isStoreUnavailableError, StoreUnavailableError } from "./storeUnavailable.js";
export { runConformanceChecks } from "./runConformanceChecks.js";
export type {
  ConformanceCheck,
  ConformanceOptions,
  ConformanceReport,
  ConformanceStatus,
} from "./runConformanceChecks.js";
export { formatConformanceReport } from "./formatConformanceReport.js";
export { runConformanceCli } from "./runConformanceCli.js";
export type { ConformanceCliIo } from "./runConformanceCli.js";
// Server rendering: fill a QueryClient for usePlans/useCustomer (no "use client" here, so a server
// component can call them). The same functions as the main entry's.
export { prefetchCustomer, prefetchPlans } from "../core/prefetch.js";
export type { PrefetchOptions, PrefetchQueryClient } from "../core/prefetch.js";
