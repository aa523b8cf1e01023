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
// casebook's annotation keywords.
ajv.addKeyword({ keyword: "x-privacy", schemaType: "string" });
ajv.addKeyword({ keyword: "x-labels", schemaType: "object" });
// casebook's custom formats, as the schema descriptions define them.
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
    for (let i = 0; i < 9; i++) sum += (+s[i]) * (10 - i);
    let check = 11 - (sum % 11);
    if (check === 11) check = 0;
    return check !== 10 && check === +s[9];
  },
});

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
