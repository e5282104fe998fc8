import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { after } from "node:test";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { SourceItem, SourceRecord } from "../../contracts/source.js";

const made: string[] = [];
after(() => Promise.all(made.map((root) => rm(root, { recursive: true, force: true }))));

/** A temp folder holding these files (paths may have folders), for tests that read real files; removed after the test file. */
export async function exportFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "export-test-"));
  made.push(root);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
  return root;
}

export async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export const records = (items: readonly SourceItem[]) => items.filter((item): item is SourceRecord => item.kind === "record");

/** Each row's outcome in order: `r<row>` for a record, `<code>@<row>` for an issue. */
export const outcomes = (items: readonly SourceItem[]) =>
  items.flatMap((item) => (item.kind === "record" ? [`r${item.row}`] : item.kind === "issue" ? [`${item.issue.code}@${item.issue.row}`] : []));
