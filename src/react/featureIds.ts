/**
 * Typed feature ids. By default any string; an app can narrow them once for all hooks and
 * components by augmenting the register:
 *
 *   declare module "react-upgrade-kit" {
 *     interface UpgradeKitRegister { featureId: "projects" | "sso" | "audit-log" }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface UpgradeKitRegister {}

export type FeatureId = UpgradeKitRegister extends { featureId: infer Id extends string } ? Id : string;
