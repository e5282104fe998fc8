import { test } from "node:test";
import assert from "node:assert/strict";
import { sniffDelimiter } from "./delimiter.js";

test("the delimiter is the one header and rows agree on", () => {
  assert.equal(sniffDelimiter("Id,Name,Town\n1,Ann,Lyon\n2,Bob,Metz\n", true, ","), ",");
  assert.equal(sniffDelimiter("Id;Name;Town\n1;Ann;Lyon\n2;Bob;Metz\n", true, ","), ";");
  assert.equal(sniffDelimiter("Id\tName\n1\tAnn\n", true, ","), "\t");
  assert.equal(sniffDelimiter("Id|Name\n1|Ann\n", true, ","), "|");
});

test("delimiters inside quotes, even across lines, don't count", () => {
  const text = 'Id;Note;Town\n1;"a, b, c\nd, e";Lyon\n2;"x,y";Metz\n3;"p,q,r,s";Nice\n';
  assert.equal(sniffDelimiter(text, true, ","), ";");
});

test("commas in the values of a semicolon file don't outvote the header", () => {
  assert.equal(sniffDelimiter("Name;Amount\nSmith, John;1,50\nDoe, Jane;2,75\n", true, ","), ";");
});

test("a one-column file, or a cut first line, falls back", () => {
  assert.equal(sniffDelimiter("Name\nAnn\nBob\n", true, ","), ",");
  assert.equal(sniffDelimiter("Id;Na", false, ","), ",");
});
