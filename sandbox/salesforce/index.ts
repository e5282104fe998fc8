/** Public API of the Salesforce sandbox. */
export { startSalesforceSandbox } from "./server.js";
export type { SalesforceSandbox, SalesforceSandboxOptions } from "./server.js";
export { runSalesforceSandboxCli } from "./cli.js";
export type { SalesforceSandboxCliOptions } from "./cli.js";
export type { SandboxStats } from "./control.js";
export type { SeedUser } from "./seed.js";
export type { OAuthClient } from "./oauth.js";
export type { OrgSettings } from "./store-file.js";
export { idSuffix, toId18 } from "./ids.js";
