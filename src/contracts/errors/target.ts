import { defineErrors } from "../error-catalog.js";

/** Target connectors' errors. Vendor codes travel in {vendorCode}; vendor messages are not shown
 * because a platform may echo a submitted value back in its message. */
export const targetErrors = defineErrors({
  "HO-TGT-001": {
    category: "transient",
    message: "The target did not answer ({reason}).",
    hint: "Check the URL and network, then re-run; work already done is kept.",
  },
  "HO-TGT-002": {
    category: "config",
    message: "The target refused our credentials (HTTP {status}).",
  },
  "HO-TGT-003": {
    category: "data",
    message: "The target rejected the {table} row ({vendorCode}): {reason}.",
  },
  "HO-TGT-004": {
    category: "transient",
    message: "The target kept throttling after {attempts} attempts (last Retry-After {retryAfter}s).",
  },
  "HO-TGT-005": {
    category: "config",
    message: "The target has no table '{table}'.",
  },
  "HO-TGT-006": {
    category: "data",
    message: "The target refused to {operation} on {table} ({vendorCode}): {reason}.",
    hint: "Run 'describe' to compare the mapping with the target's columns.",
  },
  "HO-TGT-007": {
    category: "transient",
    message: "The daily API allocation's share for this migration is spent ({used}/{max} requests used, {reserve}% kept for the org's users).",
    hint: "Run again after the allocation resets (a rolling 24 hours); the run resumes where it stopped.",
  },
});
