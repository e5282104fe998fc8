import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExportSource } from "./export-source.js";

/**
 * A temp folder holding an export root (`export/`, with `files/D1.pdf` and a CSV) and, beside it,
 * a file outside the root that no path given to the source may reach.
 */
async function layout() {
  const base = await mkdtemp(join(tmpdir(), "file-access-"));
  const root = join(base, "export");
  await mkdir(join(root, "files"), { recursive: true });
  await writeFile(join(root, "documents.csv"), "DocID,FilePath\nD1,files/D1.pdf\n");
  await writeFile(join(root, "files", "D1.pdf"), "%PDF-1.4 hello");
  await writeFile(join(base, "secret.txt"), "outside the export");
  const source = createExportSource({ root });
  return { base, root, stat: source.statFile!, read: source.readFile! };
}

test("a file inside the root is found by its relative path, with / or \\ separators", async () => {
  const { stat, read } = await layout();
  for (const path of ["files/D1.pdf", "files\\D1.pdf", "./files/D1.pdf", "files/../files/D1.pdf", "files//D1.pdf"]) {
    assert.deepEqual(await stat(path), { ok: true, size: 14 }, path);
    const content = await read(path);
    assert.ok(content.ok, path);
    assert.equal(Buffer.from(content.bytes).toString(), "%PDF-1.4 hello");
  }
});

test("an absent file, or a path through a file or nowhere, is missing", async () => {
  const { stat, read } = await layout();
  for (const path of ["files/D2.pdf", "nope/D1.pdf", "files/D1.pdf/inner", "", "files/D1.pdf\0.txt"]) {
    assert.deepEqual(await stat(path), { ok: false, problem: "missing" }, JSON.stringify(path));
    assert.deepEqual(await read(path), { ok: false, problem: "missing" }, JSON.stringify(path));
  }
});

test("absolute paths and paths that climb out of the root are outside the source, even to files inside it", async () => {
  const { root, stat, read } = await layout();
  for (const path of [
    join(root, "files", "D1.pdf"),
    "/etc/passwd",
    "../secret.txt",
    "..\\secret.txt",
    "files/../../secret.txt",
    "files\\..\\..\\secret.txt",
    "C:\\exports\\files\\D1.pdf",
    "C:files\\D1.pdf",
    "\\\\server\\share\\D1.pdf",
    "..",
  ]) {
    assert.deepEqual(await stat(path), { ok: false, problem: "outside-source" }, path);
    assert.deepEqual(await read(path), { ok: false, problem: "outside-source" }, path);
  }
});

test("a symlink leading out of the root is outside the source; one ending inside it is followed", async () => {
  const { base, root, stat, read } = await layout();
  await symlink(join(base, "secret.txt"), join(root, "files", "escape.pdf"));
  await symlink(base, join(root, "up"));
  await symlink(join(root, "files", "D1.pdf"), join(root, "files", "alias.pdf"));
  await symlink("D1.pdf", join(root, "files", "relative-alias.pdf"));
  for (const path of ["files/escape.pdf", "up/secret.txt"]) {
    assert.deepEqual(await stat(path), { ok: false, problem: "outside-source" }, path);
    assert.deepEqual(await read(path), { ok: false, problem: "outside-source" }, path);
  }
  // Where a path ends is what counts: out through `up` and back into the export is still inside.
  for (const path of ["files/alias.pdf", "files/relative-alias.pdf", "up/export/files/D1.pdf"]) assert.deepEqual(await stat(path), { ok: true, size: 14 }, path);
});

test("a root reached through a symlink still serves its files", async () => {
  const { base, root } = await layout();
  await symlink(root, join(base, "linked"));
  const source = createExportSource({ root: join(base, "linked") });
  assert.deepEqual(await source.statFile!("files/D1.pdf"), { ok: true, size: 14 });
});

test("a folder, the root itself and a FIFO are unreadable, and reading one does not hang", async () => {
  const { root, stat, read } = await layout();
  execFileSync("mkfifo", [join(root, "files", "pipe.pdf")]);
  for (const path of ["files", "files/", ".", "files/pipe.pdf"]) {
    assert.deepEqual(await stat(path), { ok: false, problem: "unreadable" }, path);
    assert.deepEqual(await read(path), { ok: false, problem: "unreadable" }, path);
  }
});

test("a file without read permission is unreadable", { skip: process.getuid?.() === 0 ? "running as root, which reads any file" : false }, async () => {
  const { root, stat, read } = await layout();
  await chmod(join(root, "files", "D1.pdf"), 0o000);
  assert.deepEqual(await stat("files/D1.pdf"), { ok: false, problem: "unreadable" });
  assert.deepEqual(await read("files/D1.pdf"), { ok: false, problem: "unreadable" });
});

test("a root that does not exist answers missing rather than throwing", async () => {
  const source = createExportSource({ root: join(tmpdir(), "handover-no-such-export") });
  assert.deepEqual(await source.statFile!("files/D1.pdf"), { ok: false, problem: "missing" });
  assert.deepEqual(await source.readFile!("files/D1.pdf"), { ok: false, problem: "missing" });
});
