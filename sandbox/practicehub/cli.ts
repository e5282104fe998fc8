/** Entry for a `handover sandbox practicehub --port P --patients N --seed S` command. */
import { startPracticeHubSandbox, type PracticeHubSandboxOptions } from "./server.js";
import { untilSignal } from "../until-signal.js";

export interface PracticeHubSandboxCliOptions extends PracticeHubSandboxOptions {
  /** Where the one status line goes (default console.log). */
  readonly log?: (line: string) => void;
  /** Resolves when the sandbox should stop (default: first SIGINT/SIGTERM). */
  readonly until?: Promise<unknown>;
}


/** Runs until SIGINT/SIGTERM (or `until`), then closes. Never calls process.exit. */
export async function runPracticeHubSandboxCli(opts: PracticeHubSandboxCliOptions = {}): Promise<void> {
  const { log, until, ...options } = opts;
  const sandbox = await startPracticeHubSandbox(options);
  (log ?? console.log)(`PracticeHub sandbox listening on ${sandbox.url}`);
  await (until ?? untilSignal());
  await sandbox.close();
}
