/** `GET /sobjects` (describeGlobal) and `GET /sobjects/{Type}/describe`. */
import { describeField } from "./field-def.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import type { ObjectDef } from "./object-def.js";
import type { OrgStore } from "./store.js";

function objectUrls(version: string, o: ObjectDef): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${o.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function summary(version: string, o: ObjectDef): Record<string, unknown> {
  return {
    activateable: false, createable: o.createable, custom: o.custom, customSetting: false, deepCloneable: false,
    deletable: o.deletable, deprecatedAndHidden: false, feedEnabled: false, hasSubtypes: false, isInterface: false,
    isSubtype: false, keyPrefix: o.keyPrefix, label: o.label, labelPlural: o.labelPlural, layoutable: true, mergeable: false,
    mruEnabled: true, name: o.name, queryable: true, replicateable: true, retrieveable: true, searchable: true,
    triggerable: true, undeletable: o.deletable, updateable: o.updateable, urls: objectUrls(version, o),
  };
}

export function describeGlobal(store: OrgStore, version: string): SfResponse {
  return json(200, { encoding: "UTF-8", maxBatchSize: 200, sobjects: store.allObjects().map((o) => summary(version, o)) });
}

/** Every lookup in the org pointing at `o`, as describe's childRelationships. */
function childRelationships(store: OrgStore, o: ObjectDef): unknown[] {
  const out: unknown[] = [];
  for (const child of store.allObjects()) {
    for (const f of child.fields) {
      if (!f.referenceTo.includes(o.name) || f.name === "CreatedById" || f.name === "LastModifiedById") continue;
      out.push({
        cascadeDelete: f.cascadeDelete, childSObject: child.name, deprecatedAndHidden: false, field: f.name, junctionIdListNames: [],
        junctionReferenceTo: [], relationshipName: f.childRelationshipName ?? (f.custom ? null : `${child.labelPlural.replace(/\s+/g, "")}`), restrictedDelete: false,
      });
    }
  }
  return out;
}

export function describeObject(store: OrgStore, version: string, o: ObjectDef): SfResponse {
  const granted = store.settings.auditFieldsGranted;
  return json(200, {
    ...summary(version, o), actionOverrides: [], childRelationships: childRelationships(store, o), compactLayoutable: true,
    defaultImplementation: null, extendedBy: null, extendsInterfaces: null, fields: o.fields.map((f) => describeField(f, granted)),
    implementedBy: null, implementsInterfaces: null, listviewable: null, lookupLayoutable: null, namedLayoutInfos: [],
    networkScopeFieldName: null, recordTypeInfos: [{
      active: true, available: true, defaultRecordTypeMapping: true, developerName: "Master", master: true, name: "Master",
      recordTypeId: "012000000000000AAA", urls: { layout: `/services/data/v${version}/sobjects/${o.name}/describe/layouts/012000000000000AAA` },
    }],
    searchLayoutable: true, sobjectDescribeOption: "FULL", supportedScopes: [{ label: "All", name: "everything" }],
  });
}
