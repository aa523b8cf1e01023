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
import { addCasebookVocabulary } from "../schema/testdata/ajv/casebook-vocabulary.mjs";

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
addCasebookVocabulary(ajv);
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
