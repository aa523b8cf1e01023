// ajv-validate.mjs validates an NDJSON file of casebook records with Ajv
// (an independent JSON Schema implementation) against casebook's
// published schemas, as one whole process, for scripts/bench-compare.sh.
//
// Usage: node ajv-validate.mjs AJV_DIR SCHEMA_DIR FILE [SHAPE]
//
// AJV_DIR holds node_modules with ajv and ajv-formats; SCHEMA_DIR is
// schema/v1; SHAPE is the schema's file stem (default report). It prints
// the records read, how many Ajv rejects, and the end-to-end time per
// record (read, JSON.parse and validate) in microseconds. Ajv checks the
// structure only: casebook's domain rules are not in the schema.
import { createRequire } from "node:module";
import { createReadStream, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

const [ajvDir, schemaDir, file, shape = "report"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node ajv-validate.mjs AJV_DIR SCHEMA_DIR FILE [SHAPE]");
  process.exit(2);
}
const require = createRequire(join(ajvDir, "noop.js"));
const Ajv2020 = require("ajv/dist/2020.js").default;
const addFormats = require("ajv-formats").default;
const base = "https://openaesthetics.github.io/casebook/schema/v1/";

const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
// casebook's annotation keywords, and its two custom formats.
ajv.addKeyword({ keyword: "x-privacy", schemaType: "string" });
ajv.addKeyword({ keyword: "x-labels", schemaType: "object" });
ajv.addFormat("partial-date", {
  type: "string",
  validate: (s) => {
    const m = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}))?)?)?$/.exec(s);
    if (!m) return false;
    const y = +m[1];
    if (y < 1) return false;
    if (m[2] === undefined) return true;
    const mo = +m[2];
    if (mo < 1 || mo > 12) return false;
    if (m[3] === undefined) return true;
    const d = +m[3];
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
    if (d < 1 || d > days) return false;
    if (m[4] === undefined) return true;
    return +m[4] <= 23 && +m[5] <= 59;
  },
});
ajv.addFormat("nhs-number", {
  type: "string",
  validate: (s) => {
    if (!/^[0-9]{10}$/.test(s)) return false;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += +s[i] * (10 - i);
    let c = 11 - (sum % 11);
    if (c === 11) c = 0;
    return c !== 10 && c === +s[9];
  },
});
for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json")).sort())
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, name), "utf8")));
const validate = ajv.getSchema(base + shape + ".schema.json");
if (!validate) {
  console.error(`no schema ${base}${shape}.schema.json`);
  process.exit(2);
}

// Streamed line by line, so the file's size is not bounded by the
// largest string V8 can hold.
let read = 0;
let bad = 0;
const t0 = process.hrtime.bigint();
const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === "") continue;
  read++;
  let doc;
  try {
    doc = JSON.parse(line);
  } catch {
    bad++;
    continue;
  }
  if (!validate(doc)) bad++;
}
const us = Number(process.hrtime.bigint() - t0) / 1000 / Math.max(read, 1);
console.log(`ajv read=${read} invalid=${bad} e2e_us_per_record=${us.toFixed(2)}`);
