package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

// demoSecret is the demo key's secret. It is public, so it protects
// nothing: the demo says so loudly, and no real record should ever be
// pseudonymised with it.
var demoSecret = []byte("casebook-demo-key-PUBLIC-never-use-for-real-records")

func runDemo(e *env, args []string) int {
	fs := newFlags(e, "demo")
	outDir := fs.String("o", "casebook-demo", "directory for everything the demo writes")
	n := fs.Int("n", 60, "number of synthetic complication reports (plus one complaint for every third)")
	seed := fs.Uint64("seed", 2026, "random seed for the synthetic clinic")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 || *n < 1 {
		return e.failf("demo takes no file arguments and needs -n of at least 1")
	}
	start := time.Now()
	dir, err := openOutputDir(*outDir)
	if err != nil {
		return e.failf("%v", err)
	}
	defer dir.abort()
	say := func(format string, args ...any) { fmt.Fprintf(e.stdout, format+"\n", args...) }

	say("casebook demo: the whole job on a synthetic clinic's records")
	say("")
	say("  !!! DEMO KEY: pseudonyms below are made with a key published in casebook's source.")
	say("  !!! They protect nothing. Never anonymise real records with it: use --key-file.")
	say("")

	// 1. A small clinic's identified records, as its booking system holds them.
	g := synth.New(synth.Options{Seed: *seed, InvalidRate: 0.05, Today: time.Now()})
	var clinic []synth.Record
	for i := 0; i < *n; i++ {
		clinic = append(clinic, g.Next())
		if i%3 == 2 {
			clinic = append(clinic, g.NextComplaint())
		}
	}
	identified, err := os.Create(dir.file("clinic-records.ndjson"))
	if err != nil {
		return e.failf("%v", err)
	}
	reports, complaints := 0, 0
	for _, rec := range clinic {
		identified.Write(rec.JSON)
		identified.Write([]byte("\n"))
		if rec.Kind == synth.KindComplaint {
			complaints++
		} else {
			reports++
		}
	}
	if err := identified.Close(); err != nil {
		return e.failf("%v", err)
	}
	say("1. Synthesised %d complication reports and %d complaints (reserved-range identifiers only)", reports, complaints)

	// 2. Validate every record against the published schema and the rules.
	v, err := schema.New(schema.Options{})
	if err != nil {
		return e.failf("%v", err)
	}
	var accepted []*record
	rejected, warnings := 0, 0
	var shown []string
	for i, rec := range clinic {
		shape := schema.Report
		if rec.Kind == synth.KindComplaint {
			shape = schema.Complaint
		}
		r := &record{file: "clinic-records.ndjson", line: i + 1, shape: shape}
		if shape == schema.Complaint {
			r.complaint, r.findings = v.DecodeComplaint(shape, rec.JSON)
		} else {
			r.report, r.findings = v.DecodeReport(shape, rec.JSON)
		}
		warnings += r.findings.Warnings()
		if !r.accepted() {
			rejected++
			if len(shown) < 3 {
				f := r.findings[0]
				shown = append(shown, fmt.Sprintf("     line %d: %s: %s: %s", r.line, f.Pointer, f.Code, f.Message))
			}
			continue
		}
		accepted = append(accepted, r)
	}
	say("2. Validated %d records: %d accepted, %d rejected, %d warnings; for example:", len(clinic), len(accepted), rejected, warnings)
	for _, s := range shown {
		say("%s", s)
	}

	// 3. De-identify with the registry profile and the demo key.
	key, err := anonymize.NewKey("demo-key-public", demoSecret)
	if err != nil {
		return e.failf("%v", err)
	}
	a, err := anonymize.New(anonymize.Registry(), key)
	if err != nil {
		return e.failf("%v", err)
	}
	var subReports []*complication.Report
	var subComplaints []*complication.Complaint
	refused := 0
	for _, r := range accepted {
		if r.report != nil {
			out, err := a.Report(r.report)
			if err != nil {
				refused++
				continue
			}
			subReports = append(subReports, out)
		} else {
			out, err := a.Complaint(r.complaint)
			if err != nil {
				refused++
				continue
			}
			subComplaints = append(subComplaints, out)
		}
	}
	audit := a.Audit()
	say("3. De-identified with the registry profile (policy %s v%s): %d reports, %d complaints, %d refused by the leak gate",
		audit.PolicyID, audit.PolicyVersion, len(subReports), len(subComplaints), refused)
	if err := writeJSONFile(dir.file("audit.json"), audit); err != nil {
		return e.failf("%v", err)
	}

	// 4. The registry submission: one envelope per record kind.
	hash, err := a.Policy().Hash()
	if err != nil {
		return e.failf("%v", err)
	}
	header := export.Header{Submitter: key.Pseudonym(anonymize.DomainClinic, "demo-clinic"), KeyID: key.ID(),
		Policy: export.Policy{ID: audit.PolicyID, Version: audit.PolicyVersion, Hash: hash}}
	if err := writeEnvelope(dir.file("registry-reports.json"), export.EnvelopeOptions{Header: header, Validator: v}, subReports, nil); err != nil {
		return e.failf("%v", err)
	}
	if err := writeEnvelope(dir.file("registry-complaints.json"), export.EnvelopeOptions{Header: header, Shape: schema.ComplaintSubmission, Validator: v}, nil, subComplaints); err != nil {
		return e.failf("%v", err)
	}
	say("4. Wrote the registry submission: registry-reports.json and registry-complaints.json (JSON envelopes)")

	// 5. Tidy CSV tables and their codebook, for researchers.
	tablesDir := dir.file("tables")
	if err := os.Mkdir(tablesDir, 0o755); err != nil {
		return e.failf("%v", err)
	}
	tw, err := export.NewTablesWriter(export.DirSink(tablesDir), export.CSVOptions{Profile: export.ProfileMachine, Validator: v})
	if err != nil {
		return e.failf("%v", err)
	}
	for _, r := range subReports {
		if err := tw.Write(r); err != nil {
			return e.failf("%v", err)
		}
	}
	for _, c := range subComplaints {
		if err := tw.WriteComplaint(c); err != nil {
			return e.failf("%v", err)
		}
	}
	if err := tw.Close(); err != nil {
		return e.failf("%v", err)
	}
	entries, _ := os.ReadDir(tablesDir)
	say("5. Wrote %d CSV tables with a codebook (codebook.csv, datapackage.json) into tables/", len(entries)-2)

	if err := dir.commit(); err != nil {
		return e.failf("%v", err)
	}
	abs, _ := filepath.Abs(*outDir)
	say("")
	say("Done in %s. Everything is in %s:", time.Since(start).Round(time.Millisecond), abs)
	for _, f := range []string{"clinic-records.ndjson   the clinic's identified records (synthetic)",
		"registry-reports.json   de-identified complication reports for the registry",
		"registry-complaints.json de-identified complaints for the registry",
		"audit.json              what anonymisation did, with no personal data",
		"tables/                 tidy CSV tables and codebook for R, pandas or a spreadsheet"} {
		say("  %s", f)
	}
	say("")
	say("Next: casebook validate %s/registry-reports.json", *outDir)
	return exitOK
}

func writeJSONFile(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

func writeEnvelope(path string, opts export.EnvelopeOptions, reports []*complication.Report, complaints []*complication.Complaint) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := export.NewEnvelopeWriter(f, opts)
	for _, r := range reports {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	for _, c := range complaints {
		if err := w.WriteComplaint(c); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return f.Close()
}
