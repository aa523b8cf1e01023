// Command research converts a registry export into tidy CSV tables that R
// or pandas load directly, with a codebook, and prints how many events of
// each complication the export holds, suppressing small counts as the
// MHRA does when it publishes them (a count from 1 to 4 is shown as "<5").
//
//	go run ./examples/research                       # the built-in sample export
//	go run ./examples/research -in export.json -out tables/
//
// The input is a registry JSON envelope of de-identified reports. Every
// record is validated as it is read; rejected records are counted and
// left out.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
)

//go:embed registry-export.json
var sampleExport []byte

// smallCell is the threshold below which counts are suppressed.
const smallCell = 5

func main() {
	in := flag.String("in", "", "registry export (JSON envelope); the built-in sample when empty")
	out := flag.String("out", "research-tables", "directory for the CSV tables and codebook")
	flag.Parse()
	var r io.Reader = bytes.NewReader(sampleExport)
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			fmt.Fprintln(os.Stderr, "research:", err)
			os.Exit(2)
		}
		defer f.Close()
		r = f
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "research:", err)
		os.Exit(2)
	}
	if err := run(r, export.DirSink(*out), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "research:", err)
		os.Exit(1)
	}
	fmt.Printf("\nTables and codebook written to %s/\n", *out)
}

// run reads the export, writes the tables to sink and prints the counts.
func run(in io.Reader, sink export.Sink, w io.Writer) error {
	reader := export.NewEnvelopeReader(in, export.ReadOptions{})
	tables, err := export.NewTablesWriter(sink, export.CSVOptions{Profile: export.ProfileMachine})
	if err != nil {
		return err
	}
	counts := map[complication.Term]int{}
	for {
		res, err := reader.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if res.Report == nil {
			continue // rejected: counted in the tally, findings name the field
		}
		if err := tables.Write(res.Report); err != nil {
			return err
		}
		for _, e := range res.Report.Events {
			counts[e.Term]++
		}
	}
	if err := tables.Close(); err != nil {
		return err
	}
	tally := reader.Tally()
	fmt.Fprintf(w, "Registry export: %d records read, %d accepted, %d rejected\n\n", tally.Read, tally.Accepted, tally.Rejected)

	terms := make([]complication.Term, 0, len(counts))
	for t := range counts {
		terms = append(terms, t)
	}
	// Most frequent first; suppressed counts last in alphabetical order,
	// because ordering them by count would reveal what suppression hides.
	key := func(t complication.Term) int {
		if n := counts[t]; n >= smallCell {
			return n
		}
		return 0
	}
	slices.SortFunc(terms, func(a, b complication.Term) int {
		if key(a) != key(b) {
			return key(b) - key(a)
		}
		return strings.Compare(a.Display(), b.Display())
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Complication\tEvents")
	for _, t := range terms {
		fmt.Fprintf(tw, "%s\t%s\n", t.Display(), suppress(counts[t]))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nCounts from 1 to %d are shown as <%d (small-cell suppression).\n", smallCell-1, smallCell)
	return nil
}

// suppress formats a count for publication.
func suppress(n int) string {
	if n > 0 && n < smallCell {
		return fmt.Sprintf("<%d", smallCell)
	}
	return fmt.Sprint(n)
}
