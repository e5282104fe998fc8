import { catalog, type ErrorCode } from "./errors/index.js";
import { exitCodes, formatTemplate, type ErrorCategory, type ErrorParams } from "./error-catalog.js";

/**
 * The one error type commands throw. Carries a catalogued code; the CLI entry turns it into a
 * message and an exit code. Anything else that reaches the entry is treated as an internal bug.
 */
export class HandoverError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly category: ErrorCategory;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    const spec = catalog[code];
    super(formatTemplate(spec.message, params), options);
    this.name = "HandoverError";
    this.code = code;
    this.params = params;
    this.category = spec.category;
    this.hint = "hint" in spec && spec.hint ? formatTemplate(spec.hint, params) : undefined;
  }

  get exitCode(): number {
    return exitCodes[this.category];
  }
}

export function isHandoverError(error: unknown): error is HandoverError {
  return error instanceof HandoverError;
}

/** A data problem as a value: what `validate`/`read`/`write` return instead of throwing. */
export interface Issue {
  readonly code: ErrorCode;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly file?: string;
  readonly row?: number;
  readonly field?: string;
}

/** Builds an Issue from a catalogued code; the message is the catalog's template filled in. */
export function issue(
  code: ErrorCode,
  params: ErrorParams & { file?: string; row?: number; field?: string },
  severity: Issue["severity"] = "error",
): Issue {
  const message = formatTemplate(catalog[code].message, params);
  return {
    code,
    severity,
    message,
    ...(params.file !== undefined ? { file: params.file } : {}),
    ...(params.row !== undefined ? { row: params.row } : {}),
    ...(params.field !== undefined ? { field: params.field } : {}),
  };
}
