#!/usr/bin/env node
// Writes docs/errors.md from the compiled error catalog (run after a build). A test checks they agree.
import { writeFileSync } from "node:fs";
const { renderErrorsDoc } = await import("../dist/src/contracts/errors-doc.js");
writeFileSync(new URL("../docs/errors.md", import.meta.url), renderErrorsDoc());
console.log("docs/errors.md written");
