// casebook's schema vocabulary for Ajv: the annotation keywords and the two
// custom formats, as the schema descriptions define them. Shared by the CI
// agreement check (check.mjs) and the benchmark (scripts/ajv-validate.mjs),
// so both judge records by the same rules.
export function addCasebookVocabulary(ajv) {
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
      let check = 11 - (sum % 11);
      if (check === 11) check = 0;
      return check !== 10 && check === +s[9];
    },
  });
}
