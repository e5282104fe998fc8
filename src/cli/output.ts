/** How commands talk to the terminal: results on stdout (JSON with --json), progress on stderr. */
export interface Output {
  readonly json: boolean;
  /** A human line on stdout; suppressed with --json. */
  line(text: string): void;
  /** A progress or status note on stderr (never PHI: counts, tables, paths only). */
  note(text: string): void;
  /** The command's result: JSON on stdout with --json, else nothing (the lines said it). */
  result(value: unknown): void;
}

export function createOutput(json: boolean, quiet = false): Output {
  let lastProgress = 0;
  return {
    json,
    line: (text) => {
      if (!json) process.stdout.write(text + "\n");
    },
    note: (text) => {
      if (quiet) return;
      const now = Date.now();
      if (text.startsWith("~") && now - lastProgress < 1000) return;
      if (text.startsWith("~")) lastProgress = now;
      process.stderr.write((text.startsWith("~") ? text.slice(1) : text) + "\n");
    },
    result: (value) => {
      if (json) process.stdout.write(JSON.stringify(value, null, 2) + "\n");
    },
  };
}
