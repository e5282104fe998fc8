import type { ErrorSpec } from "../error-catalog.js";
import { cliErrors } from "./cli.js";
import { configErrors } from "./config.js";
import { sourceErrors } from "./source.js";
import { targetErrors } from "./target.js";
import { pipelineErrors } from "./pipeline.js";
import { storeErrors } from "./store.js";
import { matchErrors } from "./match.js";

/** Every catalogued error, by code. Codes are stable: never reuse or renumber one. */
export const catalog = {
  ...cliErrors,
  ...configErrors,
  ...sourceErrors,
  ...targetErrors,
  ...pipelineErrors,
  ...storeErrors,
  ...matchErrors,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof catalog;
