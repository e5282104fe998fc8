import type { HandoverConfig } from "../config/handover-config.js";
import { loadConfig, type Workspace } from "../config/workspace.js";
import type { SourceConnector } from "../contracts/source.js";
import type { TargetConnector } from "../contracts/target.js";
import { openSource } from "./open-source.js";
import { openStore, type Store } from "../store/open-store.js";
import { openTarget } from "./open-target.js";
import type { TargetTemplate } from "./map/templates/template.js";

/** Everything a command works with, built from the workspace's handover.yaml. */
export interface Context {
  readonly ws: Workspace;
  readonly config: HandoverConfig;
  readonly store: Store;
  readonly source: SourceConnector;
  readonly target: TargetConnector;
  readonly template: TargetTemplate;
  /** Who is acting, for the audit log (HANDOVER_ACTOR, else the OS user). */
  readonly actor: string;
  close(): Promise<void>;
}

export async function openContext(ws: Workspace): Promise<Context> {
  const config = loadConfig(ws);
  const source = openSource(config, ws);
  const { target, template } = openTarget(config);
  const store = await openStore(ws.storeFile);
  return {
    ws, config, store, source, target,
    template,
    actor: process.env.HANDOVER_ACTOR ?? process.env.USER ?? "unknown",
    close: () => store.close(),
  };
}
