/**
 * The export reader streams: memory holds one record, whatever the file size. This bench checks
 * it on a generated export of `sizeMB` (default 1,024): it writes the CSV to a temp folder
 * (streaming, with quoted multi-line notes and accented names), reads it fully through
 * createExportSource while sampling RSS every 100 ms, prints rows, MB/s and RSS at start / peak /
 * end, and exits 1 when the peak grew more than 100 MB over the start. `--zip` reads it from a
 * zip archive instead (built streaming with fflate).
 *
 *   node dist/bench/export-memory.bench.js [sizeMB] [--zip]
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { Zip, ZipDeflate } from "fflate";
import { createExportSource } from "../src/sources/export/index.js";

const args = process.argv.slice(2);
const sizeMB = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 1024);
const zipped = args.includes("--zip");
const allowedGrowthMB = 100;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Writes patients.csv until it holds `bytes`; returns the data rows written. */
async function generate(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let written = 0;
  let rows = 0;
  const write = async (text: string) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write("PatientID,FirstName,LastName,DOB,Email,Phone,Notes,LastModified\r\n");
  const names = ["José", "Zoë", "Ann", "Björn", "Nuñez", "O'Brien", "Smith", "Lefèvre"];
  let batch = "";
  while (written < bytes) {
    rows += 1;
    const note = rows % 7 === 0 ? `"Follow-up in 2 weeks.\r\nSaid ""fine"", thanks"` : `Routine visit ${rows % 97}`;
    batch += `P${rows},${names[rows % 8]},${names[(rows * 3) % 8]},0${(rows % 9) + 1}/1${rows % 10}/19${50 + (rows % 50)},p${rows}@example.org,555-${String(rows % 10000).padStart(4, "0")},${note},2024-01-0${(rows % 9) + 1}T08:00:00Z\r\n`;
    if (batch.length > 256 * 1024) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch);
  out.end();
  await once(out, "finish");
  return rows;
}

/** Zips the CSV into export.zip with fflate's streaming deflate, chunk by chunk. */
async function zip(csv: string, archive: string): Promise<void> {
  const out = createWriteStream(archive);
  const zipper = new Zip((error, chunk) => {
    if (error) throw error;
    out.write(chunk);
  });
  const entry = new ZipDeflate("patients.csv", { level: 1 });
  zipper.add(entry);
  for await (const chunk of createReadStream(csv, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    entry.push(chunk);
    if (out.writableLength > 16 << 20) await once(out, "drain");
  }
  entry.push(new Uint8Array(0), true);
  zipper.end();
  out.end();
  await once(out, "finish");
}

async function main(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "handover-export-bench-"));
  try {
    const folder = join(dir, "export");
    await import("node:fs/promises").then((fs) => fs.mkdir(folder));
    const csv = join(folder, "patients.csv");
    console.log(`generating ${sizeMB} MB export…`);
    const generated = await generate(csv, sizeMB * 1024 * 1024);
    const bytes = (await stat(csv)).size;
    let root = folder;
    if (zipped) {
      root = join(dir, "export.zip");
      await zip(csv, root);
      await rm(folder, { recursive: true });
      console.log(`zipped to ${mb((await stat(root)).size)} MB`);
    }

    globalThis.gc?.();
    const startRss = process.memoryUsage.rss();
    let peakRss = startRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
    const started = process.hrtime.bigint();
    let records = 0;
    let issues = 0;
    for await (const item of createExportSource({ root }).read("patients")) {
      if (item.kind === "record") records += 1;
      else if (item.kind === "issue") issues += 1;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const endRss = process.memoryUsage.rss();
    peakRss = Math.max(peakRss, endRss);

    console.log(`source: ${zipped ? "zip" : "folder"}, ${mb(bytes)} MB CSV, ${generated} rows written`);
    console.log(`read: ${records} records, ${issues} issues in ${seconds.toFixed(1)} s — ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s, ${Math.round(records / seconds)} rows/s`);
    console.log(`RSS: start ${mb(startRss)} MB, peak ${mb(peakRss)} MB, end ${mb(endRss)} MB (growth ${mb(peakRss - startRss)} MB, allowed ${allowedGrowthMB} MB)`);
    if (records + issues !== generated) {
      console.error(`FAIL: ${generated} rows written, ${records + issues} read`);
      return 1;
    }
    if (peakRss - startRss > allowedGrowthMB * 1024 * 1024) {
      console.error("FAIL: memory grew with the file: the reader is not streaming");
      return 1;
    }
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
