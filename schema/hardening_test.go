package schema_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// validDoc returns a valid report document, one member per line.
func validDoc(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../testdata/valid/report-thread-extrusion.json")
	require.NoError(t, err)
	return data
}

// TestHostileJSON feeds the validator the broken and hostile documents a
// registry meets, and checks each gives the expected finding (or none)
// rather than a panic, a hang or an accepted record.
func TestHostileJSON(t *testing.T) {
	v := newValidator(t)
	valid := validDoc(t)
	crlf := bytes.ReplaceAll(valid, []byte("\n"), []byte("\r\n"))
	// The valid document with one member changed, on line 5.
	withPatient := func(patient string) []byte {
		return bytes.Replace(valid, []byte(`"patient": {"age_at_treatment": 47, "sex": "female"}`), []byte(`"patient": `+patient), 1)
	}
	tests := []struct {
		name string
		data []byte
		code complication.Code // "" means accepted with no finding
		line int
	}{
		{"CRLF line ends", crlf, "", 0},
		{"CRLF line ends keep line numbers", bytes.Replace(crlf, []byte(`"sex": "female"`), []byte(`"sex": "Female"`), 1), schema.CodeEnum, 5},
		{"byte order mark", append([]byte("\xef\xbb\xbf"), valid...), "", 0},
		{"two byte order marks", append([]byte("\xef\xbb\xbf\xef\xbb\xbf"), valid...), schema.CodeSyntax, 1},
		{"invalid UTF-8 in a string", withPatient("{\"sex\": \"f\xe9male\"}"), schema.CodeInvalidUTF8, 5},
		{"invalid UTF-8 between values", withPatient("{\"sex\": \"female\"\xff}"), schema.CodeInvalidUTF8, 5},
		{"raw NUL byte in a string", withPatient("{\"sex\": \"fe\x00male\"}"), schema.CodeSyntax, 5},
		{"raw NUL byte between values", withPatient("{\"sex\": \"female\"\x00}"), schema.CodeSyntax, 5},
		{"escaped NUL in a code", withPatient(`{"sex": "female\u0000"}`), schema.CodeEnum, 5},
		{"duplicate key", withPatient(`{"sex": "female", "sex": "male"}`), schema.CodeDuplicateKey, 5},
		{"duplicate key by escape", withPatient(`{"sex": "female", "s\u0065x": "male"}`), schema.CodeDuplicateKey, 5},
		{"keys differing only in case", withPatient(`{"sex": "female", "Sex": "male"}`), schema.CodeUnknownField, 5},
		{"trailing garbage", append(bytes.Clone(valid), "\n}garbage"...), schema.CodeSyntax, bytes.Count(valid, []byte("\n")) + 2},
		{"second document", append(bytes.Clone(valid), valid...), schema.CodeSyntax, bytes.Count(valid, []byte("\n")) + 1},
		{"truncated", valid[:len(valid)/2], schema.CodeSyntax, bytes.Count(valid[:len(valid)/2], []byte("\n")) + 1},
		{"line comment", append([]byte("// exported 2026-05-14\n"), valid...), schema.CodeSyntax, 1},
		{"block comment", withPatient(`{"sex": /* f */ "female"}`), schema.CodeSyntax, 5},
		{"huge integer", withPatient(`{"age_at_treatment": 4` + strings.Repeat("7", 100000) + `}`), schema.CodeTooLarge, 5},
		{"huge fraction", withPatient(`{"age_at_treatment": 0.` + strings.Repeat("1", 100000) + `}`), schema.CodeTooLarge, 5},
		{"huge exponent", withPatient(`{"age_at_treatment": 1e999999999}`), schema.CodeTooLarge, 5},
		{"huge negative exponent", withPatient(`{"age_at_treatment": 1E-999999999}`), schema.CodeTooLarge, 5},
		{"large exponent", withPatient(`{"age_at_treatment": 47e401}`), schema.CodeTooLarge, 5},
		// 4.7e1 is the integer 47 to JSON Schema, but not to the Go field:
		// rejected with its pointer, never accepted with a wrong value.
		{"integer written with an exponent", withPatient(`{"age_at_treatment": 4.7e1}`), schema.CodeType, 5},
		{"integer written with a fraction", withPatient(`{"age_at_treatment": 47.0}`), schema.CodeType, 5},
		{"deep nesting", withPatient(strings.Repeat(`{"a":`, 10000) + "1" + strings.Repeat("}", 10000)), schema.CodeTooDeep, 5},
		{"deep arrays", withPatient(strings.Repeat("[", 100000)), schema.CodeTooDeep, 5},
		{"top-level array", []byte("[" + string(valid) + "]"), schema.CodeType, 1},
		{"top-level string", []byte(`"report"`), schema.CodeType, 1},
		{"top-level number", []byte(`47`), schema.CodeType, 1},
		{"top-level null", []byte(`null`), schema.CodeType, 1},
		{"empty", nil, schema.CodeSyntax, 1},
		{"blank lines only", []byte("\n\r\n\n"), schema.CodeSyntax, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := v.Validate(schema.Report, tc.data)
			if tc.code == "" {
				assert.Empty(t, fs)
				return
			}
			require.NotEmpty(t, fs)
			require.True(t, fs.Rejected(), "%v", fs)
			require.True(t, fs.Has(tc.code), "want %s: %v", tc.code, fs)
			for _, f := range fs {
				if f.Code == tc.code {
					assert.Equal(t, tc.line, f.Line, "%v", f)
				}
			}
		})
	}
}

// TestLimitOptions sets each limit of Options low and checks that a
// document just within it passes the parser and one just over gets a
// finding.
func TestLimitOptions(t *testing.T) {
	tests := []struct {
		name   string
		opts   schema.Options
		within string
		over   string
		code   complication.Code
	}{
		{"MaxBytes", schema.Options{MaxBytes: 12}, `{"id": "ab"}`, `{"id": "abc"}`, schema.CodeTooLarge},
		{"MaxDepth", schema.Options{MaxDepth: 2}, `{"a": {}}`, `{"a": {"b": []}}`, schema.CodeTooDeep},
		{"MaxItems in an array", schema.Options{MaxItems: 3}, `{"events": [1, 2, 3]}`, `{"events": [1, 2, 3, 4]}`, schema.CodeTooLarge},
		{"MaxItems in an object", schema.Options{MaxItems: 3}, `{"a": 1, "b": 2, "c": 3}`, `{"a": 1, "b": 2, "c": 3, "d": 4}`, schema.CodeTooLarge},
		{"MaxStringLength", schema.Options{MaxStringLength: 4}, `{"id": "abcd"}`, `{"id": "abcde"}`, schema.CodeTooLarge},
		{"MaxStringLength of a name", schema.Options{MaxStringLength: 4}, `{"abcd": 1}`, `{"abcde": 1}`, schema.CodeTooLarge},
		{"MaxNumberLength", schema.Options{MaxNumberLength: 4}, `{"n": -1.5}`, `{"n": -1.55}`, schema.CodeTooLarge},
		{"default MaxItems", schema.Options{}, `[` + strings.Repeat("1,", 999) + `1]`, `[` + strings.Repeat("1,", 1000) + `1]`, schema.CodeTooLarge},
		{"default MaxStringLength", schema.Options{}, `"` + strings.Repeat("x", 64<<10) + `"`, `"` + strings.Repeat("x", 64<<10+1) + `"`, schema.CodeTooLarge},
		{"default MaxNumberLength", schema.Options{}, strings.Repeat("9", 64), strings.Repeat("9", 65), schema.CodeTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := schema.New(tc.opts)
			require.NoError(t, err)
			// Within the limit the document parses: any finding is
			// the schema's, never a limit's.
			for _, f := range v.Validate(schema.Report, []byte(tc.within)) {
				assert.NotContains(t, []complication.Code{schema.CodeTooLarge, schema.CodeTooDeep, schema.CodeSyntax}, f.Code, "%v", f)
			}
			fs := v.Validate(schema.Report, []byte(tc.over))
			require.Len(t, fs, 1, "%v", fs)
			assert.Equal(t, tc.code, fs[0].Code)
			assert.Equal(t, 1, fs[0].Line)
		})
	}
}

// TestUnknownNamesWithheld: a member name no schema defines is chosen by
// the submitter and may hold patient data, so no finding shows it; a
// misspelt field name, which only differs in case, is still shown.
func TestUnknownNamesWithheld(t *testing.T) {
	v := newValidator(t)
	valid := validDoc(t)
	const canary = "Zanzibarian Quillfeather 9990000018"
	withPatient := func(patient string) []byte {
		return bytes.Replace(valid, []byte(`"patient": {"age_at_treatment": 47, "sex": "female"}`), []byte(`"patient": `+patient), 1)
	}
	tests := []struct {
		name    string
		data    []byte
		code    complication.Code
		pointer string
		line    int
	}{
		{"unknown member", withPatient(`{"sex": "female", "` + canary + `": 1}`), schema.CodeUnknownField, "/patient", 5},
		{"unknown member on its own line", withPatient("{\"sex\": \"female\",\n\"" + canary + "\": 1}"), schema.CodeUnknownField, "/patient", 6},
		{"unknown top-level member", bytes.Replace(valid, []byte("{\n"), []byte("{\""+canary+"\": {\"x\": 1},\n"), 1), schema.CodeUnknownField, "", 1},
		{"unknown name in a missing-reasons object", withPatient(`{"sex": "female", "missing": {"` + canary + `": "declined"}}`), schema.CodeInvalidKey, "/patient/missing", 5},
		{"duplicate unknown name", withPatient(`{"` + canary + `": 1, "` + canary + `": 2}`), schema.CodeDuplicateKey, "/patient", 5},
		{"bad value under an unknown name", withPatient("{\"" + canary + "\": \"\xff\"}"), schema.CodeInvalidUTF8, "/patient", 5},
		{"digits as a name", withPatient(`{"9990000018": 1}`), schema.CodeUnknownField, "/patient", 5},
		{"case variant of a field name is shown", withPatient(`{"sex": "female", "Age_At_Treatment": 47}`), schema.CodeUnknownField, "/patient/Age_At_Treatment", 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := v.Validate(schema.Report, tc.data)
			require.True(t, fs.Has(tc.code), "%v", fs)
			for _, f := range fs {
				for _, part := range append(strings.Fields(canary), "9990000018") {
					assert.NotContains(t, f.String(), part)
				}
				if f.Code == tc.code {
					assert.Equal(t, tc.pointer, f.Pointer)
					assert.Equal(t, tc.line, f.Line)
				}
			}
		})
	}
}
