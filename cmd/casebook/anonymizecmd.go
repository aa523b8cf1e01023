package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
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
	files, code, ok := parse(fs, args)
	if !ok {
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
	rd := &reader{e: e, v: v, meter: m, maxRecords: *maxRecords}
	var read, written, bad int
	err = rd.each(files, func(r *record) error {
		read++
		if !r.accepted() {
			bad++
			reportFindings(e, r)
			return nil
		}
		if r.shape.Submission() {
			bad++
			fmt.Fprintf(e.stderr, "%s:%d: refused: the record is already de-identified\n", r.file, r.line)
			return nil
		}
		var werr error
		if r.report != nil {
			var out *complication.Report
			if out, werr = a.Report(r.report); werr == nil {
				if ka != nil {
					if werr = ka.Observe(out); werr != nil {
						return werr
					}
				}
				werr = w.Write(out)
			}
		} else {
			var out *complication.Complaint
			if out, werr = a.Complaint(r.complaint); werr == nil {
				werr = w.WriteComplaint(out)
			}
		}
		if werr != nil {
			bad++
			fmt.Fprintf(e.stderr, "%s:%d: refused: %v\n", r.file, r.line, werr)
			return nil
		}
		written++
		return nil
	})
	m.done()
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return e.failf("%v", err)
	}
	if ka != nil {
		written, err = kAnonymousPass(a, ka, spool, o, v)
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

// kAnonymousPass reads the spooled de-identified records back, plans the
// suppression, and writes the records the plan keeps.
func kAnonymousPass(a *anonymize.Anonymizer, ka *anonymize.KAnonymizer, spool *os.File, out io.Writer, v *schema.Validator) (int, error) {
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
	rr := export.NewNDJSONReader(spool, export.ReadOptions{Validator: v, DetectKind: true})
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
