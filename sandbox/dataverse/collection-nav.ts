/**
 * Collection-valued navigation properties: activity parties, 1:N (`contact_customer_accounts`) and
 * N:N relationships. Used by $expand, GET /set(id)/nav and associate/disassociate via $ref.
 */
import { DvError, badRequest } from "./errors.js";
import { manyToOneJson } from "./metadata-json.js";
import { isLookupValue } from "./model.js";
import type { ManyToManyDef, Row, TableDef } from "./model.js";
import type { Store } from "./store.js";

export interface CollectionNav {
  readonly target: TableDef;
  readonly kind: "parties" | "oneToMany" | "manyToMany";
  /** Related rows of `row`. */
  rows(row: Row): Row[];
  /** Links `row` and `other` (1:N sets the child's lookup; N:N adds a pair). */
  associate(row: Row, other: Row): void;
  disassociate(row: Row, other: Row): void;
}

const idOf = (t: TableDef, row: Row): string => String(row[t.primaryId]);

function manyToMany(store: Store, t: TableDef, rel: ManyToManyDef, side: 1 | 2): CollectionNav | undefined {
  const target = store.table(side === 1 ? rel.entity2 : rel.entity1);
  if (!target) return undefined;
  const pair = (row: Row, other: Row): [string, string] =>
    side === 1 ? [idOf(t, row), idOf(target, other)] : [idOf(target, other), idOf(t, row)];
  const same = (a: [string, string], b: [string, string]): boolean => a[0] === b[0] && a[1] === b[1];
  return {
    target, kind: "manyToMany",
    rows: (row) => {
      const id = idOf(t, row);
      const ids = rel.pairs.filter((p) => p[side - 1] === id).map((p) => p[side === 1 ? 1 : 0]);
      return ids.map((x) => store.get(target.logicalName, x)).filter((r): r is Row => r !== undefined);
    },
    associate: (row, other) => {
      const p = pair(row, other);
      // Dataverse rejects a duplicate association (Cannot insert duplicate key); emulator choice of code.
      if (rel.pairs.some((x) => same(x, p))) throw new DvError(412, "0x80040237", "Cannot insert duplicate key.");
      rel.pairs.push(p);
      store.touchSchema();
    },
    disassociate: (row, other) => {
      const p = pair(row, other);
      const i = rel.pairs.findIndex((x) => same(x, p));
      if (i >= 0) rel.pairs.splice(i, 1);
      store.touchSchema();
    },
  };
}

export function findCollectionNav(store: Store, t: TableDef, nav: string): CollectionNav | undefined {
  if (t.partyCollection === nav) {
    const target = store.mustTable("activityparty");
    return {
      target, kind: "parties",
      rows: (row) => [...store.allRows("activityparty")].filter((p) => isLookupValue(p.activityid) && p.activityid.id === idOf(t, row)),
      associate: () => {
        throw badRequest("Activity parties are written through the activity's party list.");
      },
      disassociate: () => {
        throw badRequest("Activity parties are written through the activity's party list.");
      },
    };
  }
  for (const rel of store.manyToMany) {
    if (rel.entity1 === t.logicalName && rel.nav1 === nav) return manyToMany(store, t, rel, 1);
    if (rel.entity2 === t.logicalName && rel.nav2 === nav) return manyToMany(store, t, rel, 2);
  }
  for (const child of store.tables.values()) {
    if (child.unionOf) continue;
    for (const rel of manyToOneJson(child, store)) {
      if (rel.ReferencedEntity !== t.logicalName || rel.ReferencedEntityNavigationPropertyName !== nav) continue;
      const col = child.columns.find((c) => c.logicalName === rel.ReferencingAttribute);
      if (!col) continue;
      const points = (r: Row, row: Row): boolean => {
        const v = r[col.logicalName];
        return isLookupValue(v) && v.table === t.logicalName && v.id === idOf(t, row);
      };
      return {
        target: child, kind: "oneToMany",
        rows: (row) => [...store.allRows(child.logicalName)].filter((r) => points(r, row)),
        associate: (row, other) => {
          store.put(child, { ...other, [col.logicalName]: { id: idOf(t, row), table: t.logicalName }, versionnumber: store.nextVersion() });
        },
        disassociate: (row, other) => {
          if (points(other, row)) store.put(child, { ...other, [col.logicalName]: null, versionnumber: store.nextVersion() });
        },
      };
    }
  }
  return undefined;
}
