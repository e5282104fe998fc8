import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { plainUrlOrigin } from "./gen-documents.js";

type Resource = Record<string, unknown> & { id: string; meta?: { lastUpdated?: string; versionId?: string } };

/**
 * The sandbox server's data: every resource of a folder of NDJSON files, by type and id, in file
 * order. Plain-URL attachments are pointed at the sandbox's own `/files/`; `mutate` changes,
 * adds and deletes Patients the way a live system would, stamping meta.lastUpdated.
 */
export class ResourceStore {
  readonly byType = new Map<string, Map<string, Resource>>();
  /** Binary id → the contentType its DocumentReference declares. */
  readonly binaryTypes = new Map<string, string>();
  private added = 0;

  static async load(dataDir: string, sandboxUrl: string): Promise<ResourceStore> {
    const store = new ResourceStore();
    for (const file of (await readdir(dataDir)).filter((f) => /^[A-Z]\w*\.ndjson$/.test(f)).sort()) {
      const text = (await readFile(join(dataDir, file), "utf8")).split(plainUrlOrigin).join(`${sandboxUrl}/files`);
      for (const line of text.split("\n")) if (line.trim() !== "") store.put(JSON.parse(line) as Resource);
    }
    for (const doc of store.byType.get("DocumentReference")?.values() ?? []) {
      for (const content of (doc.content as { attachment?: { url?: string; contentType?: string } }[] | undefined) ?? []) {
        const url = content.attachment?.url ?? "";
        if (url.startsWith("Binary/")) store.binaryTypes.set(url.slice("Binary/".length), content.attachment?.contentType ?? "application/octet-stream");
      }
    }
    return store;
  }

  put(resource: Resource): void {
    const type = String(resource.resourceType);
    const table = this.byType.get(type) ?? new Map<string, Resource>();
    table.set(resource.id, resource);
    this.byType.set(type, table);
  }

  /** Changes the first `changed` patients (family name, version, lastUpdated), adds `added`, deletes the last `deleted`. */
  mutate(counts: { changed?: number; added?: number; deleted?: number }, now: Date): { changed: string[]; added: string[]; deleted: string[] } {
    const patients = this.byType.get("Patient") ?? new Map<string, Resource>();
    this.byType.set("Patient", patients);
    const stamp = (r: Resource) => ({ ...r.meta, versionId: String(Number(r.meta?.versionId ?? "1") + 1), lastUpdated: now.toISOString() });
    const ids = [...patients.keys()];
    const deleted = ids.slice(Math.max(0, ids.length - (counts.deleted ?? 0)));
    for (const id of deleted) patients.delete(id);
    const changed = ids.slice(0, Math.min(counts.changed ?? 0, ids.length - deleted.length));
    for (const id of changed) {
      const r = patients.get(id) as Resource;
      const names = (r.name as { family?: string }[] | undefined) ?? [{}];
      patients.set(id, { ...r, meta: stamp(r), name: names.map((n, i) => (i === 0 ? { ...n, family: `${n.family ?? ""}-Changed` } : n)) });
    }
    const added: string[] = [];
    for (let i = 0; i < (counts.added ?? 0); i += 1) {
      this.added += 1;
      const id = `pat-new-${String(this.added).padStart(4, "0")}`;
      patients.set(id, { resourceType: "Patient", id, meta: { versionId: "1", lastUpdated: now.toISOString() }, name: [{ family: `Added${this.added}`, given: ["Test"] }], gender: "unknown" });
      added.push(id);
    }
    return { changed, added, deleted };
  }
}
