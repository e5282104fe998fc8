/** Public API of the Dataverse sandbox. */
export { startDataverseSandbox } from "./server.js";
export type { DataverseSandbox, DataverseSandboxOptions } from "./server.js";
export { runDataverseSandboxCli } from "./cli.js";
export type { DataverseSandboxCliOptions } from "./cli.js";
export type { Budget, ServiceProtectionStats } from "./throttle.js";
export type { ServiceProtectionOptions } from "./service-protection.js";
export type { UserStats } from "./user-usage.js";
export type { KeyActivation } from "./store.js";
export type { SeedUser } from "./seed.js";
