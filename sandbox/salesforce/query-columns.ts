/**
 * `GET …/query?q=<soql>&columns=true`: the query's column metadata instead of its rows (undocumented, but
 * real orgs answer it and `sf data query` calls it to lay out its table, see plugin-data `retrieveColumns`).
 */
import { SfError } from "./errors.js";
import type { FieldDef, FieldType } from "./field-def.js";
import { isTextType } from "./field-def.js";
import type { ObjectDef } from "./object-def.js";
import { queryErrorText } from "./soql-lexer.js";
import { parseSoql } from "./soql-parser.js";
import { resolvePath } from "./soql-eval.js";
import type { QuerySource, ResolvedPath } from "./soql-eval.js";

interface ColumnMetadata {
  readonly aggregate: boolean;
  readonly apexType: string | null;
  readonly booleanType: boolean;
  readonly columnName: string;
  readonly custom: boolean;
  readonly displayName: string;
  readonly foreignKeyName: string | null;
  readonly insertable: boolean;
  readonly joinColumns: readonly ColumnMetadata[];
  readonly numberType: boolean;
  readonly textType: boolean;
  readonly updatable: boolean;
}

const APEX_TYPES: Record<FieldType, string> = {
  id: "Id", reference: "Id", string: "String", textarea: "String", email: "String", phone: "String", url: "String",
  picklist: "String", multipicklist: "String", boolean: "Boolean", int: "Integer", double: "Double", currency: "Double",
  percent: "Double", date: "Date", datetime: "Datetime", base64: "Blob",
};
const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(["int", "double", "currency", "percent"]);

function fieldColumn(name: string, f: FieldDef | undefined): ColumnMetadata {
  return {
    aggregate: false, apexType: f ? APEX_TYPES[f.type] : "String", booleanType: f?.type === "boolean", columnName: name,
    custom: f?.custom ?? false, displayName: name, foreignKeyName: null, insertable: f?.createable ?? false, joinColumns: [],
    numberType: f !== undefined && NUMBER_TYPES.has(f.type), textType: f === undefined || isTextType(f.type), updatable: f?.updateable ?? false,
  };
}

/** `Account.Owner.Name` → Account{joinColumns:[Owner{joinColumns:[Name]}]}. */
function pathColumn(p: ResolvedPath, from = 0): ColumnMetadata {
  const step = p.steps[from];
  if (!step) return fieldColumn(p.name, p.field);
  const name = step.relationshipName ?? step.name;
  return {
    aggregate: false, apexType: null, booleanType: false, columnName: name, custom: step.custom, displayName: name,
    foreignKeyName: step.name, insertable: false, joinColumns: [pathColumn(p, from + 1)], numberType: false, textType: false, updatable: false,
  };
}

export interface QueryColumns {
  readonly columnMetadata: readonly ColumnMetadata[];
  readonly entityName: string;
  readonly groupBy: boolean;
  readonly idSelected: boolean;
  readonly keyPrefix: string;
}

export function queryColumns(src: QuerySource, soql: string): QueryColumns {
  const q = parseSoql(soql);
  const obj: ObjectDef | undefined = src.object(q.from);
  if (!obj) {
    throw new SfError(400, "INVALID_TYPE", queryErrorText(q.text, q.fromPos, `sObject type '${q.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`));
  }
  if (q.select.some((s) => s.kind === "count") && q.select.length > 1) throw new SfError(400, "MALFORMED_QUERY", queryErrorText(q.text, 7, "Field must be grouped or aggregated: Id"));
  let expr = 0;
  let idSelected = false;
  const columnMetadata = q.select.flatMap((s): ColumnMetadata[] => {
    if (s.kind === "count") {
      if (!s.field) return [];
      resolvePath(src, obj, s.field, q.text);
      return [{ ...fieldColumn(`expr${expr++}`, undefined), aggregate: true, apexType: null, displayName: `COUNT(${s.field.path.join(".")})`, numberType: true, textType: false }];
    }
    const p = resolvePath(src, obj, s.field, q.text);
    if (p.steps.length === 0 && p.name === "Id") idSelected = true;
    return [pathColumn(p)];
  });
  return { columnMetadata, entityName: obj.name, groupBy: false, idSelected, keyPrefix: obj.keyPrefix };
}
