import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { isHandoverError } from "../../../contracts/handover-error.js";
import { fieldTypeOf } from "./declared-type.js";
import { guessDialect, readDdl } from "./ddl-schema.js";
import { readSchemaFile } from "./read-schema-file.js";
import { splitStatements } from "./sql-statements.js";

const dir = mkdtempSync(join(tmpdir(), "handover-schema-"));
const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const fails = (fn: () => unknown, code: string, message: RegExp) =>
  assert.throws(fn, (e: unknown) => isHandoverError(e) && e.code === code && message.test(e.message));

describe("schema description readers", () => {
  it("reads a columns CSV: tables in order, types, descriptions, samples split on '|', key columns", () => {
    const d = readSchemaFile(file("cols.csv", "Table,Column,Data Type,Description,Sample Values,Key\nclients,ID,int,,1|2,yes\nclients,Born,date,Date of birth,2001-02-03,\nvisits,When,datetime,,,\n"));
    assert.equal(d.format, "columns-csv");
    assert.deepEqual(d.tables.map((t) => t.name), ["clients", "visits"]);
    assert.deepEqual(d.tables[0]?.key, ["ID"]);
    assert.deepEqual(d.tables[0]?.columns[1], { name: "Born", samples: ["2001-02-03"], type: "date", description: "Date of birth" });
    assert.deepEqual(d.tables[0]?.columns[0]?.samples, ["1", "2"]);
  });

  it("reads a columns JSON as rows or as nested tables", () => {
    const rows = readSchemaFile(file("rows.json", JSON.stringify([{ table: "t", column: "a", samples: ["x", "y"] }, { table: "t", column: "b", label: "Bee" }])));
    assert.deepEqual(rows.tables[0]?.columns.map((c) => [c.name, c.samples, c.label]), [["a", ["x", "y"], undefined], ["b", [], "Bee"]]);
    const nested = readSchemaFile(file("nested.json", JSON.stringify({ tables: [{ name: "t", columns: [{ name: "a", type: "date" }] }] })));
    assert.deepEqual(nested.tables[0]?.columns[0], { name: "a", samples: [], type: "date" });
  });

  it("names the file and line of a bad columns table", () => {
    fails(() => readSchemaFile(file("dup.csv", "table,column\nt,a\nt,a\n")), "HO-MAP-005", /dup\.csv line 3: column 'a' of table 't' is listed twice/);
    fails(() => readSchemaFile(file("notable.csv", "table,column\n,a\n")), "HO-MAP-005", /notable\.csv line 2: the row names no table/);
    fails(() => readSchemaFile(file("ragged.csv", "table,column\nt,a,extra\n")), "HO-MAP-005", /ragged\.csv line 2: malformed CSV/);
    fails(() => readSchemaFile(file("bad.json", '{\n "tables": [\n }')), "HO-MAP-005", /bad\.json line 3: not valid JSON/);
    fails(() => readSchemaFile(file("other.json", '{ "hello": 1 }')), "HO-MAP-004", /neither a list of column rows/);
    fails(() => readSchemaFile(file("empty.csv", "table,column\n")), "HO-MAP-008", /empty\.csv describes no table with columns/);
  });

  it("reads PostgreSQL DDL: types with lengths, primary and foreign keys, COMMENT ON; skips other statements", () => {
    const sql = "-- header\nCREATE TABLE public.pt (id serial PRIMARY KEY, dob date, nm varchar(40), ok boolean);\nCOMMENT ON COLUMN public.pt.dob IS 'Date of birth';\nCOMMENT ON TABLE pt IS 'People';\n" +
      "CREATE TABLE visit (id int, pt_id int, seen_at timestamp with time zone, CONSTRAINT pk PRIMARY KEY (id), CONSTRAINT fk FOREIGN KEY (pt_id) REFERENCES pt (id));\nINSERT INTO visit VALUES (1, 1, now());\nCREATE INDEX i ON visit (pt_id);";
    const d = readDdl("x.sql", sql);
    assert.deepEqual(d.tables.map((t) => t.name), ["pt", "visit"]);
    const [pt, visit] = d.tables;
    assert.equal(pt?.description, "People");
    assert.deepEqual(pt?.key, ["id"]);
    assert.deepEqual(pt?.columns.map((c) => [c.name, c.type, c.description]), [["id", "serial", undefined], ["dob", "date", "Date of birth"], ["nm", "varchar(40)", undefined], ["ok", "boolean", undefined]]);
    assert.deepEqual(visit?.key, ["id"]);
    assert.equal(visit?.columns.find((c) => c.name === "pt_id")?.references, "pt.id");
    assert.equal(fieldTypeOf(visit?.columns.find((c) => c.name === "seen_at")?.type), "dateTime");
  });

  it("guesses MySQL and SQL Server and reads their column descriptions", () => {
    assert.equal(guessDialect("CREATE TABLE `a` (`b` int)"), "mysql");
    assert.equal(guessDialect("CREATE TABLE dbo.A (B int IDENTITY(1,1))\nGO"), "transactsql");
    assert.equal(guessDialect("CREATE TABLE a (b int)"), "postgresql");
    const mysql = readDdl("m.sql", "CREATE TABLE `p` (`dob` date COMMENT 'Date of birth', PRIMARY KEY (`dob`)) COMMENT='People';");
    assert.equal(mysql.tables[0]?.columns[0]?.description, "Date of birth");
    assert.equal(mysql.tables[0]?.description, "People");
    const mssql = readDdl("s.sql", "CREATE TABLE dbo.P (DOB date NULL)\nGO\nEXEC sp_addextendedproperty @name = N'MS_Description', @value = N'Date of birth', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'P', @level2type = N'COLUMN', @level2name = N'DOB';");
    assert.equal(mssql.tables[0]?.name, "P");
    assert.equal(mssql.tables[0]?.columns[0]?.description, "Date of birth");
  });

  it("splits statements outside quotes and comments, keeping each one's line", () => {
    const parts = splitStatements("A 'x;y';\n-- c;\n/* d;\n*/ B;\n\nC\nGO\nD");
    assert.deepEqual(parts.map((p) => [p.text, p.line]), [["A 'x;y'", 1], ["B", 4], ["C", 6], ["D", 8]]);
  });

  it("names the line of a CREATE TABLE the parser can't read, without quoting the text", () => {
    fails(() => readDdl("bad.sql", "CREATE TABLE ok (a int);\n\nCREATE TABLE p (\n  a int,\n  b varchar(4) NOT NOT NULL DEFAULT 'secret'\n);"), "HO-MAP-006", /^bad\.sql line 5: the SQL could not be parsed as postgresql DDL \(unexpected text at column \d+\)\.$/);
  });

  it("reads a FHIR StructureDefinition: elements below the resource, short as label, HumanName/Address parts, no infrastructure", () => {
    const sd = {
      resourceType: "StructureDefinition", type: "Patient", name: "Patient",
      differential: { element: [
        { path: "Patient" }, { path: "Patient.id", type: [{ code: "id" }] }, { path: "Patient.extension", type: [{ code: "Extension" }] },
        { path: "Patient.birthDate", short: "The date of birth for the individual", definition: "The date of birth.", type: [{ code: "date" }] },
        { path: "Patient.deceased[x]", type: [{ code: "boolean" }, { code: "dateTime" }] },
        { path: "Patient.name", type: [{ code: "HumanName" }] }, { path: "Patient.photo", max: "0", type: [{ code: "Attachment" }] },
      ] },
    };
    const d = readSchemaFile(file("patient.json", JSON.stringify(sd)));
    assert.equal(d.format, "fhir-structure-definition");
    assert.deepEqual(d.tables[0]?.columns.map((c) => c.name), ["birthDate", "deceased", "name.family", "name.given", "name.prefix", "name.suffix"]);
    assert.deepEqual(d.tables[0]?.columns[0], { name: "birthDate", samples: [], type: "date", label: "The date of birth for the individual", description: "The date of birth." });
    fails(() => readSchemaFile(file("nosnap.json", JSON.stringify({ resourceType: "StructureDefinition", type: "Patient" }))), "HO-MAP-007", /element Patient: neither snapshot nor differential/);
    fails(() => readSchemaFile(file("badtype.json", JSON.stringify({ resourceType: "StructureDefinition", type: "Patient", snapshot: { element: [{ path: "Patient.gender", type: "code" }] } }))), "HO-MAP-007", /element Patient\.gender: type is not a list/);
  });

  it("folds declared types of every dialect to model field types", () => {
    const cases: Record<string, string> = {
      "VARCHAR(40)": "text", text: "text", "timestamp without time zone": "dateTime", instant: "dateTime", date: "date", bit: "bool",
      positiveInt: "int", "numeric(10,2)": "decimal", money: "money", ntext: "longText", CodeableConcept: "code", lookup: "ref", HumanName: "text",
    };
    for (const [declared, type] of Object.entries(cases)) assert.equal(fieldTypeOf(declared), type, declared);
  });
});
