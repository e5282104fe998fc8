import type { MappingFile } from "../../../config/mapping-file.js";
import { isHandoverError, issue, type Issue } from "../../../contracts/handover-error.js";
import { appendAudit } from "../../../store/audit-log.js";
import type { Context } from "../../context.js";
import { dictionaryPath, loadWorkspaceDictionary, writeDictionary } from "./dictionary-file.js";
import { addLessons, reviewLessons } from "./review-lessons.js";

/** How many decisions were remembered, or why none could be (a broken dictionary.yaml). */
export interface LearnResult {
  readonly remembered: number;
  readonly warning?: Issue;
}

/**
 * Remembers a review's decisions in the workspace's dictionary.yaml and audits each one. A
 * dictionary.yaml that can't be read (edited by hand) is a warning, not a failed review: the
 * decisions themselves are in mapping.yaml and the audit log either way.
 */
export async function learnFromReview(ctx: Context, before: MappingFile, after: MappingFile, now = new Date()): Promise<LearnResult> {
  const lessons = reviewLessons(before, after, { by: ctx.actor, at: now.toISOString(), migration: ctx.config.name });
  if (lessons.length === 0) return { remembered: 0 };
  let dictionary;
  try {
    dictionary = loadWorkspaceDictionary(ctx.ws);
  } catch (error) {
    if (!isHandoverError(error)) throw error;
    return { remembered: 0, warning: issue(error.code, { ...error.params }, "warning") };
  }
  writeDictionary(dictionaryPath(ctx.ws), addLessons(dictionary, lessons));
  await appendAudit(ctx.store.db, lessons.map(({ decision: d }) => ({
    actor: ctx.actor,
    operation: "map.learn",
    sourceKey: d.source,
    outcome: `${d.proposed} → ${d.outcome} (${d.outcome === d.proposed ? "confirmed" : "corrected"})`,
  })), now);
  return { remembered: lessons.length };
}
