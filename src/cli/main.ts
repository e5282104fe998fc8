import { Command, CommanderError } from "commander";
import { isHandoverError, HandoverError } from "../contracts/handover-error.js";
import { exitCodes } from "../contracts/error-catalog.js";
import { registerDemo } from "./commands/demo.js";
import { registerDictionary } from "./commands/dictionary.js";
import { registerMatch } from "./commands/match.js";
import { registerSandbox } from "./commands/sandbox.js";
import { registerTargetCommands } from "./commands/target.js";
import { registerWorkflow } from "./commands/workflow.js";

/**
 * The CLI entry: the only place that exits the process. Commands throw HandoverError; anything
 * else is an internal bug, reported without its message (which could carry data) unless
 * HANDOVER_DEBUG is set.
 */
export function buildProgram(): Command {
  const program = new Command("handover")
    .description("Move a practice's data from practice-management exports into Dynamics 365 Sales — with a confirmed map, diff reports, audit log and rollback.")
    .option("-w, --workspace <dir>", "workspace folder", ".")
    .option("--json", "machine-readable output on stdout")
    .showHelpAfterError()
    .exitOverride();
  registerWorkflow(program);
  registerDictionary(program);
  registerMatch(program);
  registerTargetCommands(program);
  registerSandbox(program);
  registerDemo(program);
  return program;
}

/** A reader that goes away (`handover run | head -1`) closes our stdout: the command still
 * finishes its work (a run must not stop half-way because nobody reads its progress); what it
 * would have printed is dropped. Any other stream error is left to crash loudly. */
function tolerateClosedStdout(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

async function main(argv: readonly string[]): Promise<number> {
  delete process.env.http_proxy; // dynamics-web-api would route even localhost through it
  tolerateClosedStdout();
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : exitCodes.usage;
    if (isHandoverError(error)) {
      process.stderr.write(`error ${error.code}: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ""}`);
      return error.exitCode;
    }
    const bug = new HandoverError("HO-CLI-003", { name: error instanceof Error ? error.name : typeof error });
    process.stderr.write(`error ${bug.code}: ${bug.message}\n  ${bug.hint}\n`);
    if (process.env.HANDOVER_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return bug.exitCode;
  }
}

process.exitCode = await main(process.argv);
