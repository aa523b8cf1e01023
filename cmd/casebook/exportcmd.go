package main

import (
	"errors"
	"fmt"

	"strings"
	"time"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/schema"
)

// recordWriter is what every export writer offers.
type recordWriter interface {
	Write(*complication.Report) error
	WriteComplaint(*complication.Complaint) error
}

var exportFormats = []string{"json", "ndjson", "csv", "csv-tables", "fhir", "sdtm"}

func runExport(e *env, args []string) int {
	fs := newFlags(e, "export")
	to := fs.String("to", "", "output format: "+strings.Join(exportFormats, ", "))
	spreadsheet := fs.Bool("spreadsheet", false, "CSV for spreadsheets: UTF-8 byte order mark, CRLF, formulas made inert")
	out := fs.String("o", "-", "output file; a directory for csv-tables")
	submitter := fs.String("submitter", "", "json: the submitting clinic's pseudonymous id (default: the records' clinic pseudonym)")
	studyID := fs.String("study", "CASEBOOK", "sdtm: the STUDYID value")
	quiet := fs.Bool("quiet", false, "no progress and no summary")
	maxRecords := maxRecordsFlag(fs)
	workers := workersFlag(fs)
	files, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if code, ok := e.checkWorkers(*workers); !ok {
		return code
	}
	if len(files) == 0 || *to == "" {
		fs.Usage()
		return exitUsage
	}
	profile := export.ProfileMachine
	if *spreadsheet {
		profile = export.ProfileSpreadsheet
	}
	v, err := schema.New(schema.Options{})
	if err != nil {
		return e.failf("%v", err)
	}

	var (
		w      recordWriter
		finish func() error
		o      *output
		dir    *outputDir
		lazy   func(first *record) error // builds the envelope writer from the first record
	)
	switch *to {
	case "csv-tables":
		if *out == "-" || *out == "" {
			return e.failf("csv-tables writes a directory: give it with -o DIR")
		}
		if dir, err = openOutputDir(*out); err != nil {
			return e.failf("%v", err)
		}
		defer dir.abort()
		tw, err := export.NewTablesWriter(export.DirSink(dir.tmp), export.CSVOptions{Profile: profile, Validator: v})
		if err != nil {
			return e.failf("%v", err)
		}
		w, finish = tw, tw.Close
	default:
		if o, err = openOutput(e, *out); err != nil {
			return e.failf("%v", err)
		}
		defer o.abort()
		switch *to {
		case "ndjson":
			nw := export.NewNDJSONWriter(o, export.JSONOptions{Validator: v})
			w, finish = nw, nw.Flush
		case "csv":
			fw := export.NewFlatWriter(o, export.CSVOptions{Profile: profile, Validator: v})
			w, finish = fw, fw.Flush
		case "fhir":
			xw := export.NewFHIRWriter(o, export.FHIROptions{Validator: v})
			w, finish = xw, xw.Close
		case "sdtm":
			sw := export.NewSDTMWriter(o, export.SDTMOptions{Profile: profile, StudyID: *studyID, Validator: v})
			w, finish = sw, sw.Flush
		case "json":
			lazy = func(first *record) error {
				d, clinic, shape := deidentificationOf(first)
				if d == nil {
					return errors.New("the first record has no deidentification block")
				}
				sub := *submitter
				if sub == "" {
					sub = clinic
				}
				if sub == "" {
					sub = "unknown"
				}
				ew := export.NewEnvelopeWriter(o, export.EnvelopeOptions{
					Shape: shape, Now: time.Now, Validator: v,
					Header: export.Header{Submitter: sub, KeyID: d.KeyID,
						Policy: export.Policy{ID: d.PolicyID, Version: d.PolicyVersion, Hash: d.PolicyHash}},
				})
				w, finish = ew, ew.Close
				return nil
			}
		default:
			return e.failf("--to must be one of %s", strings.Join(exportFormats, ", "))
		}
	}

	m := newMeter(e, *quiet, 0)
	rd := &reader{e: e, v: v, meter: m, maxRecords: *maxRecords, workers: *workers}
	var read, written, bad, skipped int
	err = rd.each(files, func(r *record) error {
		read++
		if !r.accepted() {
			bad++
			reportFindings(e, r)
			return nil
		}
		if w == nil && lazy != nil {
			if err := lazy(r); err != nil {
				return err
			}
		}
		var werr error
		if r.report != nil {
			werr = w.Write(r.report)
		} else {
			werr = w.WriteComplaint(r.complaint)
		}
		if errors.Is(werr, export.ErrRecordKind) {
			// A format that holds one kind of record (reports, for CSV,
			// FHIR and SDTM; the first record's kind, for an envelope)
			// skips the other: it is not a bad record.
			skipped++
			return nil
		}
		var rerr *export.RecordError
		if errors.As(werr, &rerr) {
			bad++
			fmt.Fprintf(e.stderr, "%s:%d: refused: %v\n", r.file, r.line, werr)
			return nil
		}
		if werr != nil {
			return werr
		}
		written++
		return nil
	})
	m.done()
	if err != nil {
		return e.failf("%v", err)
	}
	if w == nil && lazy != nil {
		return e.failf("no record was accepted, so there is no envelope to write")
	}
	if err := finish(); err != nil {
		return e.failf("%v", err)
	}
	if dir != nil {
		err = dir.commit()
	} else {
		err = o.commit()
	}
	if err != nil {
		return e.failf("writing the output: %v", err)
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "read %d, exported %d, rejected or refused %d", read, written, bad)
		if skipped > 0 {
			fmt.Fprintf(e.stderr, ", skipped %d of a kind --to %s does not hold", skipped, *to)
		}
		fmt.Fprintln(e.stderr)
	}
	if bad > 0 {
		return exitRejected
	}
	return exitOK
}

// deidentificationOf returns a de-identified record's deidentification
// block, its clinic pseudonym and the shape of its kind.
func deidentificationOf(r *record) (*complication.Deidentification, string, schema.Shape) {
	if r.report != nil {
		clinic := ""
		if r.report.Setting != nil {
			clinic = r.report.Setting.ClinicPseudonym
		}
		return r.report.Deidentification, clinic, schema.ReportSubmission
	}
	clinic := ""
	if r.complaint.Setting != nil {
		clinic = r.complaint.Setting.ClinicPseudonym
	}
	return r.complaint.Deidentification, clinic, schema.ComplaintSubmission
}
