/**
 * The shared source conformance suite against the PracticeHub sandbox over real HTTP. The limit
 * is raised to 200/s on both sides so the suite runs in seconds; pacing itself is tested at the
 * real 1/s in rate-limit.test.ts.
 */
import { sourceConformance } from "../../../test/conformance/source.case.js";
import { startHarness } from "./test-helpers.js";

const rate = 200;

sourceConformance({
  name: "practicehub",
  async start() {
    const main = await startHarness({ seed: 11, patients: 150, rateLimitPerSecond: rate }, { pageSize: 40 });
    const broken = await startHarness({ seed: 12, patients: 40, rateLimitPerSecond: rate, badItems: { object: "patients", count: 4 } }, { pageSize: 15 });
    return {
      source: main.source(),
      table: { name: "patients", keyColumns: ["id"], minRows: 150 },
      mutate: () => main.control<{ changed: string[]; added: string[]; deleted: string[] }>("mutate", { object: "patients", change: 3, add: 2, delete: 2 }),
      broken: { source: broken.source(), table: "patients", goodRows: 40, badRows: 4 },
      async close() {
        await Promise.all([main.close(), broken.close()]);
      },
    };
  },
});
