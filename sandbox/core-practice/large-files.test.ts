import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, open, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorePracticeExport } from "./generate.js";
import { hugeFileBytes } from "./documents.js";
import type { Manifest } from "./manifest.js";

async function generate(largeFiles: boolean): Promise<{ dir: string; manifest: Manifest }> {
  const dir = await mkdtemp(join(tmpdir(), "cp-large-"));
  await generateCorePracticeExport({ patients: 1200, seed: 21, outDir: dir, largeFiles });
  return { dir, manifest: JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest };
}

const shared = Promise.all([generate(true), generate(false)]);
const MB = 1_000_000;

test("large files are over 25 MB, one over 128 MiB, each exactly the size the manifest says", async () => {
  const [{ dir, manifest }] = await shared;
  const large = manifest.dirt.flatMap((d) => (d.kind === "large-file" ? [d] : []));
  assert.ok(large.filter((d) => d.bytes > 25 * MB && d.bytes < 128 * 1024 * 1024).length >= 1, "over 25 MB");
  assert.deepEqual(large.filter((d) => d.bytes > 128 * 1024 * 1024).map((d) => d.bytes), [hugeFileBytes]);
  for (const d of large) {
    const info = await stat(join(dir, d.path));
    assert.equal(info.size, d.bytes, d.path);
    // Sparse: the file system stores the head and tail, not the hole between.
    assert.ok(info.blocks * 512 < 1024 * 1024, `${d.path} takes ${info.blocks * 512} bytes on disk`);
    const handle = await open(join(dir, d.path));
    try {
      const head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
      const tail = Buffer.alloc(2);
      await handle.read(tail, 0, 2, d.bytes - 2);
      assert.ok(head[0] === 0xff || head.toString("latin1") === "\x89PNG", `${d.path} starts like an image`);
      assert.ok(tail.equals(Buffer.from([0xff, 0xd9])) || tail.equals(Buffer.from([0x60, 0x82])), `${d.path} ends like one`);
    } finally {
      await handle.close();
    }
  }
});

test("switching large files on adds their rows and files and changes nothing else", async () => {
  const [on, off] = await shared;
  const sha = async (dir: string, file: string) => createHash("sha256").update(await readFile(join(dir, file))).digest("hex");
  for (const file of Object.keys(off.manifest.files).filter((f) => f !== "documents.csv")) {
    assert.equal(await sha(on.dir, file), await sha(off.dir, file), file);
  }
  const withoutLarge = (await readFile(join(on.dir, "documents.csv"), "utf8")).split("\n").filter((line) => !line.startsWith("XL")).join("\n");
  assert.equal(withoutLarge, await readFile(join(off.dir, "documents.csv"), "utf8"));
  const largeRows = on.manifest.files["documents.csv"]!.rows - off.manifest.files["documents.csv"]!.rows;
  assert.equal(largeRows, on.manifest.dirt.filter((d) => d.kind === "large-file").length);
});
