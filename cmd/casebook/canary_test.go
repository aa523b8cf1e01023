package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

// Canaries: made-up words and reserved-range identifiers planted in every
// identifier and free-text field, and in member names and CSV headers.
// None of them may appear in any finding, error, stderr line or panic.
var canaries = []string{
	"Quillfeather", "Zanzibarine", "Marmaladevortex", "Snorklewhistle",
	"9993141593", "999 314 1593", "07700900417", "900417",
	"zanzibarine.q@example.com", "@quillfeather_canary", "QF9 9ZZ",
}

// canaryKey is a key secret that must never be printed.
const canaryKey = "KEYCANARY-Pelargonium-0123456789abcdefghijklmnop"

// leakCheck collects every message a component produced and fails the
// test if one holds a canary.
type leakCheck struct {
	t    *testing.T
	seen int
}

func (lc *leakCheck) msg(where, s string) {
	lc.t.Helper()
	lc.seen++
	for _, c := range append(canaries, canaryKey, "Pelargonium") {
		if strings.Contains(s, c) {
			lc.t.Errorf("%s leaks canary %q: %q", where, c, s)
		}
	}
}

func (lc *leakCheck) err(where string, err error) {
	lc.t.Helper()
	if err != nil && err != io.EOF {
		lc.msg(where, err.Error())
	}
}

func (lc *leakCheck) findings(where string, fs complication.Findings) {
	lc.t.Helper()
	for _, f := range fs {
		lc.msg(where, f.String())
	}
}

// guard runs fn and turns a panic into a failure, checking its message
// too.
func (lc *leakCheck) guard(where string, fn func()) {
	lc.t.Helper()
	defer func() {
		if r := recover(); r != nil {
			lc.msg(where+" panic", fmt.Sprint(r))
			lc.t.Errorf("%s panicked: %v", where, r)
		}
	}()
	fn()
}

// canaryReport is a valid synthetic identified report with canaries in
// every identifier and free-text field.
func canaryReport(t *testing.T, seed uint64) *complication.Report {
	t.Helper()
	rec := synth.New(synth.Options{Seed: seed}).Next()
	r := rec.Report
	require.NotNil(t, r)
	if r.Identity == nil {
		r.Identity = &complication.Identity{}
	}
	r.Identity.Patient = &complication.PersonIdentity{
		GivenName: "Zanzibarine", FamilyName: "Quillfeather", NHSNumber: "9993141593",
		Phones: []string{"07700900417"}, Emails: []string{"zanzibarine.q@example.com"},
		Address:       &complication.Address{Lines: []string{"17 Quillfeather Mews"}, Town: "Snorklewhistle", Postcode: "QF9 9ZZ"},
		SocialHandles: []complication.SocialHandle{{Platform: "instagram", Handle: "@quillfeather_canary"}},
	}
	r.Narrative = "Zanzibarine Quillfeather (NHS 999 314 1593, 07700900417, zanzibarine.q@example.com, @quillfeather_canary, QF9 9ZZ) " +
		"was seen at Snorklewhistle; Marmaladevortex swelling noted."
	return r
}

// corruptions turn a canary document into each kind of bad JSON.
func corruptions(doc []byte) map[string][]byte {
	pretty := new(bytes.Buffer)
	_ = json.Indent(pretty, doc, "", "  ")
	at := func(old, new string) []byte { return bytes.Replace(doc, []byte(old), []byte(new), 1) }
	narr := `"narrative":"`
	return map[string][]byte{
		"as is":                doc,
		"invalid UTF-8":        at(narr, narr+"Quillfeather\xff\xfe"),
		"NUL byte":             at(narr, narr+"Quillfeather\x00"),
		"BOM":                  append([]byte("\xef\xbb\xbf"), doc...),
		"two BOMs":             append([]byte("\xef\xbb\xbf\xef\xbb\xbf"), doc...),
		"CRLF":                 bytes.ReplaceAll(pretty.Bytes(), []byte("\n"), []byte("\r\n")),
		"duplicate key":        at("{", `{"narrative":"Quillfeather again",`),
		"case-differing key":   at("{", `{"Narrative":"Quillfeather",`),
		"canary as key":        at("{", `{"Quillfeather 9993141593":"Zanzibarine",`),
		"canary key in object": at(`"patient":{`, `"patient":{"Zanzibarine":{"9993141593":1},`),
		"canary key twice":     at("{", `{"Quillfeather":1,"Quillfeather":2,`),
		"trailing garbage":     append(bytes.Clone(doc), " Quillfeather 9993141593"...),
		"truncated":            doc[:bytes.Index(doc, []byte("Marmaladevortex"))+5],
		"blank lines":          append([]byte("\n\r\n"), doc...),
		"huge number":          at("{", `{"age":9993141593`+strings.Repeat("0", 100000)+`,`),
		"huge exponent":        at("{", `{"n":9993141593e999999999,`),
		"deep nesting":         []byte(strings.Repeat(`{"Quillfeather":`, 200) + `"Zanzibarine"` + strings.Repeat("}", 200)),
		"comment":              append([]byte("/* Quillfeather 9993141593 */"), doc...),
		"top-level array":      []byte(`["Quillfeather", "9993141593", ` + string(doc) + `]`),
		"top-level string":     []byte(`"Zanzibarine Quillfeather 9993141593"`),
		"wrong codes":          at("{", `{"jurisdiction":"Quillfeather","created_at":"9993141593",`),
		"long string":          at(narr, narr+strings.Repeat("Quillfeather ", 8000)),
		"unknown nested field": at(`"treatment":{`, `"treatment":{"Marmaladevortex":"Snorklewhistle 07700900417",`),
	}
}

// TestCanaryNeverLeaks pushes canary-laden records, corrupted every way
// HARDENING.md lists, through the validator, the readers, the anonymiser,
// the writers and the command, and checks no message repeats a canary.
func TestCanaryNeverLeaks(t *testing.T) {
	lc := &leakCheck{t: t}
	dir := t.TempDir()
	r := canaryReport(t, 1)
	doc, err := json.Marshal(r)
	require.NoError(t, err)
	docs := corruptions(doc)
	v, err := schema.New(schema.Options{})
	require.NoError(t, err)

	// The validator, every shape.
	for name, d := range docs {
		for _, shape := range schema.Shapes() {
			lc.guard("validate "+name, func() { lc.findings("validate "+name, v.Validate(shape, d)) })
		}
	}

	// The anonymiser: redaction, and the leak gate's refusals.
	key, err := anonymize.NewKey("canary-2026", []byte(canaryKey))
	require.NoError(t, err)
	for _, p := range []*anonymize.Policy{anonymize.Registry(), anonymize.Research(anonymize.ResearchOptions{})} {
		a, err := anonymize.New(p, key)
		require.NoError(t, err)
		leaky := canaryReport(t, 2)
		leaky.Treatment.Products[0].Name = "Quillfeather 07700900417"
		leaky.Treatment.Products[0].Lot = "9993141593"
		for i, in := range []*complication.Report{canaryReport(t, 1), leaky} {
			lc.guard("anonymize", func() {
				_, err := a.Report(in)
				lc.err(fmt.Sprintf("anonymize %d", i), err)
			})
		}
		audit, err := json.Marshal(a.Audit())
		require.NoError(t, err)
		lc.msg("audit", string(audit))
	}

	// The writers refuse the identified record.
	var sink bytes.Buffer
	tw, err := export.NewTablesWriter(export.SinkFunc(func(string) (io.WriteCloser, error) { return nopCloser{&sink}, nil }), export.CSVOptions{})
	require.NoError(t, err)
	writers := map[string]func(*complication.Report) error{
		"ndjson":   export.NewNDJSONWriter(&sink, export.JSONOptions{}).Write,
		"envelope": export.NewEnvelopeWriter(&sink, export.EnvelopeOptions{}).Write,
		"flat":     export.NewFlatWriter(&sink, export.CSVOptions{Validator: v}).Write,
		"tables":   tw.Write,
		"fhir":     export.NewFHIRWriter(&sink, export.FHIROptions{}).Write,
		"sdtm":     export.NewSDTMWriter(&sink, export.SDTMOptions{Validator: v}).Write,
	}
	for name, write := range writers {
		lc.guard("writer "+name, func() {
			err := write(canaryReport(t, 3))
			require.Error(t, err, name)
			lc.err("writer "+name, err)
		})
	}

	// The NDJSON reader, all corruptions in one stream.
	var stream bytes.Buffer
	for _, d := range docs {
		stream.Write(d)
		stream.WriteByte('\n')
	}
	lc.guard("ndjson reader", func() {
		nr := export.NewNDJSONReader(bytes.NewReader(stream.Bytes()), export.ReadOptions{Validator: v, MaxRecords: 5})
		for {
			res, err := nr.Next()
			if err != nil {
				lc.err("ndjson reader", err)
				break
			}
			lc.findings("ndjson reader", res.Findings)
		}
	})

	// The command: each corruption as a file, validated, anonymised and
	// exported. Findings go to stdout for validate, so both streams are
	// checked there; for the others stdout is the data.
	keyFile := filepath.Join(dir, "canary.key")
	require.NoError(t, os.WriteFile(keyFile, []byte(canaryKey), 0o644)) // readable by others: warned about
	shortKey := filepath.Join(dir, "short.key")
	require.NoError(t, os.WriteFile(shortKey, []byte("Pelargonium-short"), 0o600))
	i := 0
	for name, d := range docs {
		i++
		for _, ext := range []string{".json", ".ndjson"} {
			f := filepath.Join(dir, fmt.Sprintf("doc%d%s", i, ext))
			require.NoError(t, os.WriteFile(f, d, 0o600))
			lc.guard("cli "+name, func() {
				_, out, errOut := casebook(t, "", "validate", "--format", "json", f)
				lc.msg("cli validate stdout "+name, out)
				lc.msg("cli validate stderr "+name, errOut)
				_, _, errOut = casebook(t, "", "anonymize", "--key-file", keyFile, "-o", filepath.Join(dir, "out.ndjson"), f)
				lc.msg("cli anonymize stderr "+name, errOut)
				_, _, errOut = casebook(t, "", "export", "--to", "csv", "-o", filepath.Join(dir, "out.csv"), f)
				lc.msg("cli export stderr "+name, errOut)
			})
		}
	}
	code, _, errOut := casebook(t, "", "anonymize", "--key-file", shortKey, filepath.Join(dir, "doc1.json"))
	require.Equal(t, exitUsage, code)
	require.Contains(t, errOut, "at least 32")
	lc.msg("cli short key", errOut)

	// CSV: a de-identified flat file with canaries planted in cells and
	// headers, broken in each way, read by the reader and the command.
	a, err := anonymize.New(anonymize.Registry(), key)
	require.NoError(t, err)
	clean, err := a.Report(synth.New(synth.Options{Seed: 4}).Next().Report)
	require.NoError(t, err)
	var flat bytes.Buffer
	fw := export.NewFlatWriter(&flat, export.CSVOptions{})
	require.NoError(t, fw.Write(clean))
	require.NoError(t, fw.Flush())
	rows, err := csv.NewReader(bytes.NewReader(flat.Bytes())).ReadAll()
	require.NoError(t, err)
	writeCSV := func(edit func([][]string) [][]string) []byte {
		cp := make([][]string, len(rows))
		for i := range rows {
			cp[i] = append([]string(nil), rows[i]...)
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		_ = w.WriteAll(edit(cp))
		return b.Bytes()
	}
	plant := func(rows [][]string) [][]string {
		for i := 1; i < len(rows); i++ {
			for j, h := range rows[0] {
				switch h {
				case "narrative", "treatment.products.name", "patient.sex", "events.term", "treatment.date":
					rows[i][j] = "Quillfeather 9993141593"
				}
			}
		}
		return rows
	}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(writeCSV(plant))
	w1252, _ := charmap.Windows1252.NewEncoder().Bytes(writeCSV(func(r [][]string) [][]string {
		r = plant(r)
		r[1][0] = "Zanzibarine é"
		return r
	}))
	csvs := map[string][]byte{
		"planted cells": writeCSV(plant),
		"canary header": writeCSV(func(r [][]string) [][]string {
			r = plant(r)
			r[0][1] = "Quillfeather 9993141593"
			return r
		}),
		"duplicated canary header": writeCSV(func(r [][]string) [][]string {
			for i := range r {
				r[i] = append(r[i], "Zanzibarine", "Zanzibarine")
			}
			return r
		}),
		"header missing": writeCSV(func(r [][]string) [][]string { return plant(r)[1:] }),
		"ragged row": writeCSV(func(r [][]string) [][]string {
			r = plant(r)
			r[1] = append(r[1], "Snorklewhistle")
			return r
		}),
		"unbalanced quote":           append(writeCSV(plant), []byte(`"Quillfeather, 9993141593`+"\n")...),
		"UTF-16":                     u16,
		"Windows-1252 read as UTF-8": w1252,
		"BOM":                        append([]byte("\xef\xbb\xbf"), writeCSV(plant)...),
	}
	for name, data := range csvs {
		lc.guard("csv reader "+name, func() {
			fr := export.NewFlatReader(bytes.NewReader(data), export.CSVReadOptions{})
			for range 10 {
				rep, err := fr.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				lc.err("csv reader "+name, err)
				if rep != nil {
					lc.findings("csv validate "+name, v.ValidateReport(schema.ReportSubmission, rep))
				}
			}
		})
		f := filepath.Join(dir, "flat.csv")
		require.NoError(t, os.WriteFile(f, data, 0o600))
		lc.guard("cli csv "+name, func() {
			_, out, errOut := casebook(t, "", "validate", f)
			lc.msg("cli csv validate stdout "+name, out)
			lc.msg("cli csv validate stderr "+name, errOut)
			_, _, errOut = casebook(t, "", "export", "--to", "ndjson", "-o", filepath.Join(dir, "out.ndjson"), f)
			lc.msg("cli csv export stderr "+name, errOut)
		})
	}
	require.Greater(t, lc.seen, 500, "the check must have seen the messages")
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
