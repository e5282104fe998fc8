import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { ChangeCursor, Checkpoint, SourceItem } from "../../contracts/source.js";
import { HandoverError } from "../../contracts/handover-error.js";
import type { AttachmentStore } from "./attachment-store.js";
import { emptyDirectory, type Directory } from "./directory.js";
import { fhirIssues } from "./fhir-issues.js";
import { at, isObject, text } from "./flatten-values.js";
import { readNdjsonLines } from "./ndjson-lines.js";
import { shapeRow, tableName, type ResourceTableSpec } from "./table-spec.js";

/** How often `read` yields a checkpoint, in lines (records and rejected lines alike). */
export const defaultCheckpointEvery = 1000;

export interface ResourceReadOptions {
  readonly spec: ResourceTableSpec;
  readonly root: string;
  /** The type's files, in part order (names relative to `root`). */
  readonly files: readonly string[];
  readonly after?: Checkpoint;
  readonly changedSince?: ChangeCursor;
  readonly checkpointEvery?: number;
  /** Where DocumentReference attachments are stored; without it `attachment_path` stays empty. */
  readonly attachments?: AttachmentStore;
  /** The export's roles, for specs that resolve them (`usesDirectory`); none by default. */
  readonly directory?: Directory;
  /** Extra fields a checkpoint carries (the bulk source's export id). */
  readonly stamp?: Readonly<Record<string, string>>;
}

/** Where a checkpoint stands: the part file, the byte and line the next read starts at, and the part's size then. */
interface Position {
  readonly part: number;
  readonly file: string;
  readonly byteOffset: number;
  readonly nextLine: number;
  readonly rows: number;
  readonly size: number;
}

/**
 * `meta.lastUpdated` as a UTC ISO instant with milliseconds, so cursors compare as strings. A
 * value without a zone (not valid FHIR, seen in the wild) is taken as UTC; anything else → undefined.
 */
export function toInstant(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) return undefined;
  const ms = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Left out of a delta: older than the cursor, or at its instant with a key read before (the tie-break). */
function before(cursor: ChangeCursor | undefined, changedAt: string | undefined, key: string | undefined): boolean {
  if (!cursor || changedAt === undefined) return false;
  const at = toInstant(cursor.at) ?? cursor.at;
  return changedAt < at || (key !== undefined && changedAt === at && key <= cursor.key);
}

/**
 * One table's NDJSON parts as source items: a record per resource (flattened, keyed by id,
 * `changedAt` from meta.lastUpdated) or the rows the spec makes of it, an issue for each line
 * that isn't a resource of the type or has no id (in the type's own table only), and a
 * checkpoint every `checkpointEvery` lines. Streams line by line.
 */
export async function* readResources(options: ResourceReadOptions): AsyncGenerator<SourceItem> {
  const { spec, files } = options;
  const table = tableName(spec);
  const every = options.checkpointEvery ?? defaultCheckpointEvery;
  const start = options.after ? await toPosition(options) : undefined;
  let count = start?.rows ?? 0;
  for (let part = start?.part ?? 0; part < files.length; part += 1) {
    const file = files[part] as string;
    const path = join(options.root, file);
    const { size } = await stat(path);
    const from = part === start?.part ? { offset: start.byteOffset, line: start.nextLine } : {};
    for await (const line of readNdjsonLines(path, from)) {
      yield* toItems(line.text, line.line, file, options);
      count += 1;
      if (count % every === 0) {
        const position: Position = { part, file, byteOffset: line.nextOffset, nextLine: line.line + 1, rows: count, size };
        yield { kind: "checkpoint", table, position: { ...position, ...options.stamp } };
      }
    }
  }
}

async function* toItems(line: string, row: number, file: string, options: ResourceReadOptions): AsyncGenerator<SourceItem> {
  const { spec } = options;
  const table = tableName(spec);
  const reject = (issue: SourceIssueItem["issue"]): SourceIssueItem[] => (spec.derived ? [] : [{ kind: "issue", table, issue }]);
  let resource: unknown;
  try {
    resource = JSON.parse(line);
  } catch {
    yield* reject(fhirIssues.notJson(file, row, "the line does not parse"));
    return;
  }
  if (!isObject(resource)) {
    yield* reject(fhirIssues.notJson(file, row, "a JSON value that is not a resource object"));
    return;
  }
  if (resource.resourceType !== spec.type) {
    yield* reject(fhirIssues.wrongType(file, row, spec.type, resource.resourceType));
    return;
  }
  const id = text(resource.id).trim();
  if (id === "") {
    yield* reject(fhirIssues.noId(file, row));
    return;
  }
  const changedAt = toInstant(text(at(resource, "meta", "lastUpdated")));
  // Older than the cursor: nothing of the resource is read (its attachments aren't fetched).
  if (before(options.changedSince, changedAt, undefined)) return;
  const directory = options.directory ?? emptyDirectory;
  const stamp = changedAt ? { changedAt } : {};
  if (!spec.expand) {
    if (!before(options.changedSince, changedAt, id)) yield { kind: "record", table, file, row, values: shapeRow(spec, spec.flatten(resource, { directory })), key: id, ...stamp };
    return;
  }
  const made = await spec.expand(resource, { directory, file, row, ...(options.attachments ? { attachments: options.attachments } : {}) });
  for (const { recordKey, ...issue } of made.issues) yield { kind: "issue", table, issue, ...(recordKey ? { key: recordKey } : {}) };
  for (const out of made.rows) if (!before(options.changedSince, changedAt, out.key)) yield { kind: "record", table, file, row, values: shapeRow(spec, out.values), key: out.key, ...stamp };
}

type SourceIssueItem = Extract<SourceItem, { kind: "issue" }>;

async function toPosition(options: ResourceReadOptions): Promise<Position> {
  const checkpoint = options.after as Checkpoint;
  const p = checkpoint.position;
  const file = options.files[0] ?? options.spec.type;
  const refuse = (reason: string) => new HandoverError("HO-SRC-008", { file, reason });
  if (checkpoint.table !== tableName(options.spec)) throw refuse("it belongs to another table");
  const numbers = ["part", "byteOffset", "nextLine", "rows", "size"] as const;
  if (!numbers.every((name) => typeof p[name] === "number") || typeof p.file !== "string") throw refuse("it was not made by the FHIR reader");
  for (const [name, value] of Object.entries(options.stamp ?? {})) if (p[name] !== value) throw refuse(`it belongs to another ${name}`);
  const position = p as unknown as Position;
  if (options.files[position.part] !== position.file) throw refuse("the files changed since");
  const { size } = await stat(join(options.root, position.file)).catch(() => ({ size: -1 }));
  if (size !== position.size) throw refuse("the file changed since");
  return position;
}
