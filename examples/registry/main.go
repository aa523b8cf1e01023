// Command registry is the core of a registry's intake service: it
// validates an incoming batch of de-identified submissions record by
// record, accepts or rejects each one with its findings, and stores the
// accepted records, one JSON file per report, named by the report's id.
//
//	go run ./examples/registry                          # the built-in sample batch
//	go run ./examples/registry -in batch.ndjson -store accepted/
//
// A bad record never stops the batch, and every record read is accounted
// for: read = accepted + rejected. Findings name the line, the field and
// the rule, never a submitted value, so they can be logged and sent back to
// the clinic as they are.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/schema"
)

//go:embed incoming.ndjson
var sampleBatch []byte

// Store keeps accepted reports. A real registry would use a database.
type Store interface {
	Put(r *complication.Report) error
}

// dirStore stores each report as <id>.json in a directory.
type dirStore string

func (d dirStore) Put(r *complication.Report) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(string(d), r.ID.String()+".json"), append(b, '\n'), 0o644)
}

func main() {
	in := flag.String("in", "", "incoming batch (NDJSON of report submissions); the built-in sample when empty")
	store := flag.String("store", "registry-store", "directory for accepted reports")
	flag.Parse()
	var r io.Reader = bytes.NewReader(sampleBatch)
	name := "incoming.ndjson"
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			fmt.Fprintln(os.Stderr, "registry:", err)
			os.Exit(2)
		}
		defer f.Close()
		r, name = f, *in
	}
	if err := os.MkdirAll(*store, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "registry:", err)
		os.Exit(2)
	}
	rejected, err := run(r, name, dirStore(*store), os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "registry:", err)
		os.Exit(2)
	}
	if rejected > 0 {
		os.Exit(1)
	}
}

// run validates the batch, stores accepted reports and prints a verdict
// per record. It returns how many records were rejected.
func run(batch io.Reader, name string, store Store, w io.Writer) (rejected int, err error) {
	v, err := schema.New(schema.Options{})
	if err != nil {
		return 0, err
	}
	reader := export.NewNDJSONReader(batch, export.ReadOptions{Validator: v, Shape: schema.ReportSubmission})
	for {
		res, err := reader.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, err
		}
		if res.Report == nil {
			fmt.Fprintf(w, "%s:%d: rejected\n", name, res.Line)
			for _, f := range res.Findings {
				fmt.Fprintf(w, "    %s\n", f)
			}
			continue
		}
		if err := store.Put(res.Report); err != nil {
			return 0, fmt.Errorf("storing the record from line %d: %w", res.Line, err)
		}
		fmt.Fprintf(w, "%s:%d: accepted report %s", name, res.Line, res.Report.ID)
		if n := res.Findings.Warnings(); n > 0 {
			fmt.Fprintf(w, " with %d warning(s)", n)
		}
		fmt.Fprintln(w)
		for _, f := range res.Findings {
			fmt.Fprintf(w, "    %s\n", f)
		}
	}
	t := reader.Tally()
	fmt.Fprintf(w, "\n%d records read: %d accepted, %d rejected\n", t.Read, t.Accepted, t.Rejected)
	return t.Rejected, nil
}
