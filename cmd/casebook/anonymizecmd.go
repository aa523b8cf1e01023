package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/pipeline"
	"github.com/openaesthetics/casebook/schema"
)

func runAnonymize(e *env, args []string) int {
	fs := newFlags(e, "anonymize")
	keyFile := fs.String("key-file", "", "file holding the pseudonym key (32 bytes or more; raw, hex or base64); default $"+keyEnv)
	keyID := fs.String("key-id", "", "the key's identifier, written into every record (default: the key file's name)")
	profile := fs.String("profile", "registry", "registry or research")
	dates := fs.String("dates", "shift", "research profile only: shift (keyed per-patient offset) or month")
	k := fs.Int("k", 5, "research profile only: the k-anonymity target")
	maxWithheld := fs.Float64("max-withheld", 0.05, "research profile only: the largest share of records (0 to 1) that may be withheld to reach k")
	out := fs.String("o", "-", "output file (NDJSON of de-identified records)")
	auditFile := fs.String("audit", "", "also write the audit report (JSON, no personal data) to this file")
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
	if len(files) == 0 {
		fs.Usage()
		return exitUsage
	}
	if *keyFile == "" {
		*keyFile = e.getenv(keyEnv)
	}
	if *keyFile == "" {
		return e.failf("a pseudonym key is required: --key-file FILE or $%s", keyEnv)
	}
	key, err := loadKey(e.stderr, *keyFile, *keyID)
	if err != nil {
		return e.failf("%v", err)
	}
	var policy *anonymize.Policy
	switch *profile {
	case "registry":
		policy = anonymize.Registry()
	case "research":
		if *maxWithheld <= 0 || *maxWithheld > 1 {
			return e.failf("--max-withheld must be above 0 and at most 1")
		}
		opts := anonymize.ResearchOptions{K: *k, MaxSuppressed: *maxWithheld}
		switch *dates {
		case "shift":
			opts.Dates = anonymize.ShiftDates
		case "month":
			opts.Dates = anonymize.MonthDates
		default:
			return e.failf("--dates must be shift or month")
		}
		policy = anonymize.Research(opts)
	default:
		return e.failf("--profile must be registry or research")
	}
	a, err := anonymize.New(policy, key)
	if err != nil {
		return e.failf("%v", err)
	}
	v, err := schema.New(schema.Options{})
	if err != nil {
		return e.failf("%v", err)
	}
	o, err := openOutput(e, *out)
	if err != nil {
		return e.failf("%v", err)
	}
	defer o.abort()

	// Records go straight to the output, except in a k-anonymous run,
	// which needs every record's quasi-identifiers before it can decide
	// what to suppress: there they are spooled to a temporary file and
	// written in a second pass, so memory holds quasi-identifiers only.
	var ka *anonymize.KAnonymizer
	var sink io.Writer = o
	var spool *os.File
	if policy.KAnonymity != nil {
		if ka, err = a.KAnonymizer(); err != nil {
			return e.failf("%v", err)
		}
		if spool, err = os.CreateTemp("", "casebook-spool-*.ndjson"); err != nil {
			return e.failf("%v", err)
		}
		defer os.Remove(spool.Name())
		defer spool.Close()
		sink = spool
	}
	w := export.NewNDJSONWriter(sink, export.JSONOptions{Validator: v})
	m := newMeter(e, *quiet, 0)
	rd := &reader{e: e, v: v, meter: m, maxRecords: *maxRecords, workers: *workers}
	var read, written, bad int
	// Records are validated and de-identified on the workers, and come
	// back in input order: everything below runs on this goroutine, so
	// the output, the k-anonymity observations and the messages are the
	// same for any number of workers. The anonymizer is safe for
	// concurrent use and its audit only adds counts.
	deidentify := func(r *record) deidentified {
		x := deidentified{record: r}
		switch {
		case !r.accepted() || r.shape.Submission():
		case r.report != nil:
			x.report, x.err = a.Report(r.report)
		default:
			x.complaint, x.err = a.Complaint(r.complaint)
		}
		return x
	}
	for x, rerr := range pipeline.Map(context.Background(), rd.seq(files), deidentify, rd.pool()) {
		if err = rerr; err != nil {
			break
		}
		r := x.record
		read++
		if !r.accepted() {
			bad++
			reportFindings(e, r)
			continue
		}
		if r.shape.Submission() {
			bad++
			fmt.Fprintf(e.stderr, "%s:%d: refused: the record is already de-identified\n", r.file, r.line)
			continue
		}
		werr := x.err
		if werr == nil && x.report != nil {
			if ka != nil {
				if err = ka.Observe(x.report); err != nil {
					break
				}
			}
			werr = w.Write(x.report)
		} else if werr == nil {
			werr = w.WriteComplaint(x.complaint)
		}
		if werr != nil {
			bad++
			fmt.Fprintf(e.stderr, "%s:%d: refused: %v\n", r.file, r.line, werr)
			continue
		}
		written++
	}
	m.done()
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return e.failf("%v", err)
	}
	if ka != nil {
		written, err = kAnonymousPass(a, ka, spool, o, v, *workers)
		var serr *anonymize.SuppressionError
		if errors.As(err, &serr) {
			fmt.Fprintf(e.stderr, "casebook: %v; nothing was written (allow more with --max-withheld, or lower -k)\n", serr)
			return exitRejected
		}
		if err != nil {
			return e.failf("%v", err)
		}
	}
	if *auditFile != "" {
		if err := writeAudit(e, *auditFile, a.Audit()); err != nil {
			return e.failf("writing the audit: %v", err)
		}
	}
	if err := o.commit(); err != nil {
		return e.failf("writing the output: %v", err)
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "read %d, de-identified %d, rejected or refused %d\n", read, written, bad)
		fmt.Fprint(e.stderr, a.Audit().Summary())
	}
	if bad > 0 {
		return exitRejected
	}
	return exitOK
}

// deidentified is a record read and, when it was accepted as an
// identified record, de-identified (or refused, with err).
type deidentified struct {
	record    *record
	report    *complication.Report
	complaint *complication.Complaint
	err       error
}

// kAnonymousPass reads the spooled de-identified records back, plans the
// suppression, and writes the records the plan keeps.
func kAnonymousPass(a *anonymize.Anonymizer, ka *anonymize.KAnonymizer, spool *os.File, out io.Writer, v *schema.Validator, workers int) (int, error) {
	plan, err := ka.Plan()
	if err != nil {
		a.RecordKAnonymity(plan.Report())
		return 0, err
	}
	a.RecordKAnonymity(plan.Report())
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	w := export.NewNDJSONWriter(out, export.JSONOptions{Validator: v})
	rr := export.NewNDJSONReader(spool, export.ReadOptions{Validator: v, DetectKind: true, Workers: workers})
	defer rr.Close()
	written, reports := 0, 0
	for {
		res, err := rr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return written, err
		}
		switch {
		case res.Report != nil:
			keep, err := plan.Apply(reports, res.Report)
			reports++
			if err != nil {
				return written, err
			}
			if !keep {
				continue
			}
			err = w.Write(res.Report)
			if err != nil {
				return written, err
			}
		case res.Complaint != nil:
			if err := w.WriteComplaint(res.Complaint); err != nil {
				return written, err
			}
		default:
			return written, fmt.Errorf("internal: a spooled record was rejected on reading back (%v)", res.Findings)
		}
		written++
	}
	return written, w.Flush()
}

func writeAudit(e *env, path string, audit anonymize.Audit) error {
	o, err := openOutput(e, path)
	if err != nil {
		return err
	}
	defer o.abort()
	enc := json.NewEncoder(o)
	enc.SetIndent("", "  ")
	if err := enc.Encode(audit); err != nil {
		return err
	}
	return o.commit()
}

// reportFindings prints a rejected record's findings on standard error.
func reportFindings(e *env, r *record) {
	for _, f := range r.findings {
		line := f.Line
		if line == 0 {
			line = r.line
		}
		ptr := f.Pointer
		if ptr == "" {
			ptr = "/"
		}
		fmt.Fprintf(e.stderr, "%s:%d: %s: %s: %s\n", r.file, line, ptr, f.Code, f.Message)
	}
}
