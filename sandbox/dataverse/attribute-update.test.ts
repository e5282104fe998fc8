/** PUT EntityDefinitions(…)/Attributes(…) over raw HTTP: shapes accepted, refused, and persisted. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { addHcKey, startHarness } from "./test-helpers.js";
import type { Harness } from "./test-helpers.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = Record<string, any>;
const j = async (r: Response | Promise<Response>): Promise<J> => (await (await r).json()) as J;
const attr = (table: string, key: string) => `EntityDefinitions(LogicalName='${table}')/Attributes(${key})`;
const put = (h: Harness, path: string, body: unknown, mergeLabels = true) =>
  h.fetchApi(path, { method: "PUT", headers: { "Content-Type": "application/json", ...(mergeLabels ? { "MSCRM.MergeLabels": "true" } : {}) }, body: JSON.stringify(body) });
const label = (text: string) => ({ LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] });

test("PUT with the full cast definition by LogicalName or MetadataId updates IsSecured, labels and RequiredLevel", async () => {
  const h = await startHarness();
  try {
    await h.api.createAttribute({
      entityKey: "LogicalName='contact'",
      data: { "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: "hc_mrn", MaxLength: 40, DisplayName: label("MRN"), RequiredLevel: { Value: "None" } },
    });
    const byName = attr("contact", "LogicalName='hc_mrn'");
    const full = await j(h.fetchApi(`${byName}/Microsoft.Dynamics.CRM.StringAttributeMetadata`));
    assert.deepEqual([full.IsSecured, full.CanBeSecuredForRead, full.CanBeSecuredForCreate, full.CanBeSecuredForUpdate], [false, true, true, true]);
    delete full["@odata.context"];
    const res = await put(h, byName, { ...full, IsSecured: true, DisplayName: label("Medical record number"), Description: label("Hospital MRN"), RequiredLevel: { Value: "Recommended" } });
    assert.equal(res.status, 204);
    const after = await j(h.fetchApi(`${byName}?$select=IsSecured,DisplayName,Description,RequiredLevel`));
    assert.equal(after.IsSecured, true);
    assert.equal(after.DisplayName.UserLocalizedLabel.Label, "Medical record number");
    assert.equal(after.Description.UserLocalizedLabel.Label, "Hospital MRN");
    assert.equal(after.RequiredLevel.Value, "Recommended");
    const listed = await j(h.fetchApi("EntityDefinitions(LogicalName='contact')/Attributes?$select=LogicalName,IsSecured&$filter=IsSecured eq true"));
    assert.deepEqual(listed.value.map((a: J) => a.LogicalName), ["hc_mrn"]);

    // By MetadataId, without MergeLabels (one language here: the sent label wins either way), unsecuring.
    assert.equal((await put(h, attr("contact", full.MetadataId), { ...full, IsSecured: false }, false)).status, 204);
    assert.equal((await j(h.fetchApi(`${byName}?$select=IsSecured`))).IsSecured, false);
    const perms = await j(h.fetchApi("fieldpermissions?$filter=attributelogicalname eq 'hc_mrn'"));
    assert.equal(perms.value.length, 0, "the System Administrator profile's row goes with the securing");
  } finally {
    await h.sandbox.close();
  }
});

test("standard columns: birthdate can be secured and it survives a restart; names, ids, lookups and key columns can't", async () => {
  const h = await startHarness();
  let dataFile = "";
  try {
    dataFile = h.dataFile;
    const meta = async (table: string, column: string) => {
      const a = await j(h.fetchApi(`${attr(table, `LogicalName='${column}'`)}?$select=CanBeSecuredForRead,AttributeType`));
      return a.CanBeSecuredForRead as boolean;
    };
    assert.equal(await meta("contact", "birthdate"), true);
    for (const [table, column] of [["contact", "fullname"], ["contact", "lastname"], ["contact", "contactid"], ["contact", "ownerid"], ["contact", "createdon"], ["contact", "parentcustomerid"], ["account", "name"]]) {
      assert.equal(await meta(table ?? "", column ?? ""), false, `${table}.${column}`);
    }
    const birthdate = await j(h.fetchApi(`${attr("contact", "LogicalName='birthdate'")}/Microsoft.Dynamics.CRM.DateTimeAttributeMetadata`));
    assert.equal((await put(h, attr("contact", "LogicalName='birthdate'"), { ...birthdate, IsSecured: true })).status, 204);

    const lastname = await j(h.fetchApi(attr("contact", "LogicalName='lastname'")));
    const refused = await put(h, attr("contact", "LogicalName='lastname'"), { ...lastname, IsSecured: true });
    assert.equal(refused.status, 400);
    assert.equal((await j(refused)).error.code, "0x8004F501");

    await addHcKey(h, "account", "code");
    const code = await j(h.fetchApi(attr("account", "LogicalName='hc_code'")));
    const keyed = await put(h, attr("account", "LogicalName='hc_code'"), { ...code, IsSecured: true });
    assert.equal((await j(keyed)).error.code, "0x80060896");

    const wrongType = await put(h, attr("account", "LogicalName='hc_code'"), { ...code, "@odata.type": "Microsoft.Dynamics.CRM.MemoAttributeMetadata" });
    assert.equal(wrongType.status, 400);
    const systemRequired = await put(h, attr("contact", "LogicalName='ownerid'"), { RequiredLevel: { Value: "None" } });
    assert.equal(systemRequired.status, 400);
    const missing = await put(h, attr("contact", "LogicalName='hc_nope'"), { IsSecured: true });
    assert.equal(missing.status, 404);
  } finally {
    await h.sandbox.close();
  }
  const again = await startHarness({ dataFile });
  try {
    const b = await j(again.fetchApi(`${attr("contact", "LogicalName='birthdate'")}?$select=IsSecured`));
    assert.equal(b.IsSecured, true);
    const perms = await j(again.fetchApi("fieldpermissions?$filter=attributelogicalname eq 'birthdate'&$select=canread"));
    assert.deepEqual(perms.value.map((p: J) => p.canread), [4]);
    assert.equal(again.sandbox.state.manyToMany.filter((r) => r.schemaName === "teamprofiles_association").length, 1, "standard N:N not duplicated on load");
  } finally {
    await again.sandbox.close();
  }
});
