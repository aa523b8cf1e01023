// Agreement check: Ajv (JavaScript, independent of casebook's Go validator)
// compiles the published schemas in strict mode and must reach the same
// structural verdict as casebook on every corpus document.
//
// Usage: node check.mjs [extra.ndjson ...]
//   Every line of an extra NDJSON file must be a valid identified report.
//
// A corpus document's expected verdict comes from its golden file: it is
// structurally invalid exactly when the golden lists a structural code.
// Documents rejected before schema validation (not JSON, duplicate keys,
// invalid UTF-8, nesting limits) are skipped: JSON.parse has different
// rules for those, and they are not schema questions.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { addCasebookVocabulary } from "./casebook-vocabulary.mjs";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const schemaDir = join(root, "schema", "v1");
const base = "https://openaesthetics.github.io/casebook/schema/v1/";

// strictRequired is off: the submission shape adds "required" beside a
// $ref to a shared definition, which is valid 2020-12 that Ajv lints.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats(ajv);
addCasebookVocabulary(ajv);

for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json")).sort()) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, name), "utf8")));
}

const structural = new Set([
  "required", "unknown_field", "invalid_key", "type", "enum", "format", "pattern", "too_short", "too_long",
  "out_of_range", "too_few_items", "too_many_items", "duplicate_items", "invalid", "identity_in_submission",
]);
const preSchema = new Set(["syntax", "invalid_utf8", "duplicate_key", "too_deep", "too_large"]);

function shapeOf(file) {
  for (const shape of ["report-submission", "complaint-submission", "report", "complaint"]) {
    if (file.startsWith(shape + "-")) return shape;
  }
  throw new Error(`no shape for ${file}`);
}

let checked = 0;
const failures = [];
function expect(file, shape, doc, wantValid) {
  const validate = ajv.getSchema(base + shape + ".schema.json");
  if (!validate) throw new Error(`schema for ${shape} not found`);
  const ok = validate(doc);
  checked++;
  if (ok !== wantValid) {
    failures.push(`${file}: Ajv says ${ok ? "valid" : "invalid"}, casebook says ${wantValid ? "valid" : "invalid"}` +
      (ok ? "" : `: ${ajv.errorsText(validate.errors)}`));
  }
}

for (const dir of ["valid", "invalid"]) {
  const path = join(root, "testdata", dir);
  for (const file of readdirSync(path).filter((n) => n.endsWith(".json")).sort()) {
    let wantValid = true;
    if (dir === "invalid") {
      const golden = readFileSync(join(path, file.replace(/\.json$/, ".golden")), "utf8");
      const codes = golden.split("\n").filter(Boolean).map((l) => l.split(": ")[2]);
      if (codes.some((c) => preSchema.has(c))) continue;
      wantValid = !codes.some((c) => structural.has(c));
    }
    expect(`${dir}/${file}`, shapeOf(file), JSON.parse(readFileSync(join(path, file), "utf8")), wantValid);
  }
}

for (const extra of process.argv.slice(2)) {
  if (!existsSync(extra)) throw new Error(`${extra} not found`);
  const lines = readFileSync(extra, "utf8").split("\n").filter(Boolean);
  lines.forEach((line, i) => expect(`${extra}:${i + 1}`, "report", JSON.parse(line), true));
}

if (failures.length) {
  console.error(failures.join("\n"));
  console.error(`ajv agreement: ${failures.length} of ${checked} documents disagree`);
  process.exit(1);
}
console.log(`ajv agreement: ${checked} documents, Ajv and casebook agree on every one`);
