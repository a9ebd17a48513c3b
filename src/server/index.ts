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
  StiggEntitlement,
  StiggFeature,
  StiggPaywall,
  StiggPlan,
  StiggPrice,
  StiggProvisionResult,
  StiggProvisionSubscriptionParams,
  StiggRef,
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
export { createMemoryIdempotencyStore } from "./idempotencyStore.js";
export type { IdempotencyStore, IdempotentAnswer, MemoryIdempotencyStoreOptions } from "./idempotencyStore.js";
export { createMemoryKeyedLock } from "./keyedLock.js";
export type { KeyedLock, KeyedLockOptions } from "./keyedLock.js";
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
