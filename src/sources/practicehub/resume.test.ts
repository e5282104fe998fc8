/**
 * A read interrupted after some pages and resumed — by a new source, from the checkpoint as it
 * would be persisted (JSON) — continues with the next page: the sandbox's page log shows every
 * page cursor requested exactly once, and the records join up with nothing lost or repeated.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Checkpoint } from "../../contracts/source.js";
import { collect, pagesOf, startHarness } from "./test-helpers.js";

test("a read resumed from a persisted checkpoint requests no finished page again", async () => {
  const h = await startHarness({ seed: 5, patients: 60, rateLimitPerSecond: 200 }, { pageSize: 10 });
  try {
    const whole = await collect(h.source().read("patients"));
    await h.control("reset-stats");

    const first = await collect(h.source().read("patients"), 2);
    const saved = JSON.stringify(first.checkpoints.at(-1));
    const afterFirst = pagesOf(await h.stats(), "patients").length;
    const rest = await collect(h.source().read("patients", { after: JSON.parse(saved) as Checkpoint }));
    const pages = pagesOf(await h.stats(), "patients");

    assert.equal(afterFirst, 2, "the interrupted read fetched two pages");
    const cursors = pages.map((p) => p.cursor ?? "(first page)");
    assert.equal(new Set(cursors).size, cursors.length, `every page requested once: ${cursors.length} pages`);
    assert.equal(pages.length, 6, "60 patients in pages of 10");
    assert.equal(pages[2]?.cursor, (JSON.parse(saved) as Checkpoint).position.cursor, "the resumed read starts at the saved cursor");
    const keys = [...first.records, ...rest.records].map((r) => r.key);
    assert.deepEqual(keys, whole.records.map((r) => r.key), "nothing lost or repeated");
    assert.equal(rest.records[0]?.row, 21, "row numbers carry on from the checkpoint");
  } finally {
    await h.close();
  }
});

test("a checkpoint from another table or another delta window is refused with HO-SRC-008", async () => {
  const h = await startHarness({ seed: 5, patients: 30, rateLimitPerSecond: 200 }, { pageSize: 10 });
  try {
    const source = h.source();
    const { checkpoints } = await collect(source.read("patients"), 1);
    const after = checkpoints[0]!;
    await assert.rejects(collect(source.read("staff", { after })), { code: "HO-SRC-008" });
    await assert.rejects(collect(source.read("patients", { after, changedSince: { at: "2025-01-01T00:00:00Z", key: "" } })), { code: "HO-SRC-008" });
  } finally {
    await h.close();
  }
});
