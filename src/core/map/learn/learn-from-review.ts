import type { MappingFile } from "../../../config/mapping-file.js";
import { appendAudit } from "../../../store/audit-log.js";
import type { Context } from "../../context.js";
import { dictionaryPath, loadWorkspaceDictionary, writeDictionary } from "./dictionary-file.js";
import { addLessons, reviewLessons } from "./review-lessons.js";

/**
 * Remembers a review's decisions in the workspace's dictionary.yaml and audits each one.
 * Returns how many decisions were remembered.
 */
export async function learnFromReview(ctx: Context, before: MappingFile, after: MappingFile, now = new Date()): Promise<number> {
  const lessons = reviewLessons(before, after, { by: ctx.actor, at: now.toISOString(), migration: ctx.config.name });
  if (lessons.length === 0) return 0;
  writeDictionary(dictionaryPath(ctx.ws), addLessons(loadWorkspaceDictionary(ctx.ws), lessons));
  await appendAudit(ctx.store.db, lessons.map(({ decision: d }) => ({
    actor: ctx.actor,
    operation: "map.learn",
    sourceKey: d.source,
    outcome: `${d.proposed} → ${d.outcome} (${d.outcome === d.proposed ? "confirmed" : "corrected"})`,
  })), now);
  return lessons.length;
}
