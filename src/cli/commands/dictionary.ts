import { resolve } from "node:path";
import type { Command } from "commander";
import { appendAudit } from "../../store/audit-log.js";
import { dictionaryPath, loadWorkspaceDictionary, readDictionary, writeDictionary } from "../../core/map/learn/dictionary-file.js";
import { mergeDictionary } from "../../core/map/learn/merge-dictionary.js";
import { label } from "../../core/map/learn/learned-verdict.js";
import { withContext } from "./workflow.js";

/**
 * `handover map dictionary export|import`: share the decisions people made about columns (the
 * workspace's dictionary.yaml) with the next migration from the same vendor. Column names and
 * decisions only. Both are audited.
 */
export function registerDictionary(program: Command): void {
  const map = program.commands.find((c) => c.name() === "map");
  if (!map) return;
  const dictionary = map.command("dictionary").description("share what people decided about columns with other migrations (export to / import from a file)");

  dictionary.command("export").description("write this workspace's dictionary (or one vendor's part of it) to a file")
    .requiredOption("--out <file>", "file to write (YAML)")
    .option("--vendor <vendor>", "only entries of this vendor (export profile or source id, e.g. visual-practice)")
    .action(async (o: { out: string; vendor?: string }, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const all = loadWorkspaceDictionary(ctx.ws);
      const entries = o.vendor ? all.entries.filter((e) => e.vendor === o.vendor) : all.entries;
      const file = resolve(o.out);
      writeDictionary(file, { version: 1, entries });
      const decisions = entries.reduce((n, e) => n + e.decisions.length, 0);
      await appendAudit(ctx.store.db, [{ actor: ctx.actor, operation: "map.dictionary.export", sourceKey: file, outcome: `${entries.length} entries, ${decisions} decisions${o.vendor ? ` of vendor ${o.vendor}` : ""}` }]);
      out.line(`Exported ${entries.length} entries (${decisions} decisions)${o.vendor ? ` of vendor ${o.vendor}` : ""} → ${file}`);
      out.result({ file, entries: entries.length, decisions });
    }));

  dictionary.command("import <file>").description("merge a dictionary file into this workspace's (the newest decision leads)")
    .action(async (path: string, _o: unknown, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const file = resolve(path);
      const incoming = readDictionary(file);
      const { dictionary: merged, report } = mergeDictionary(loadWorkspaceDictionary(ctx.ws), incoming);
      writeDictionary(dictionaryPath(ctx.ws), merged);
      await appendAudit(ctx.store.db, [
        { actor: ctx.actor, operation: "map.dictionary.import", sourceKey: file, outcome: `${report.added} added, ${report.updated} updated, ${report.conflicting} conflicting, ${report.unchanged} unchanged` },
        ...report.conflicts.map((c) => ({ actor: ctx.actor, operation: "map.dictionary.conflict", sourceKey: `${c.vendor}/${c.object}/${c.column}`, outcome: `here ${c.local}, imported ${c.imported}; proposes ${c.proposes} (newest)` })),
      ]);
      out.line(`Imported ${file}: ${report.added} added, ${report.updated} updated, ${report.conflicting} conflicting, ${report.unchanged} unchanged.`);
      for (const c of report.conflicts) {
        out.line(`  conflict: ${c.vendor} ${c.object} '${c.column}': here ${label(c.local)}, imported ${label(c.imported)} → proposes ${label(c.proposes)} (the newest decision); the review shows both`);
      }
      out.result({ file, ...report });
    }));
}
