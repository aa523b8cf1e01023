package main

import (
	"bufio"

	"github.com/openaesthetics/casebook/internal/synth"
)

func runSynth(e *env, args []string) int {
	fs := newFlags(e, "synth")
	n := fs.Int("n", 10, "number of records")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same records")
	kind := fs.String("kind", "report", "report or complaint")
	invalid := fs.Float64("invalid-rate", 0, "share of records (0 to 1) emitted with one known fault")
	out := fs.String("o", "-", "output file (NDJSON)")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return e.failf("synth takes no file arguments")
	}
	if *n < 0 {
		return e.failf("-n must not be negative")
	}
	if *invalid < 0 || *invalid > 1 {
		return e.failf("--invalid-rate must be between 0 and 1")
	}
	if *kind != "report" && *kind != "complaint" {
		return e.failf("--kind must be report or complaint")
	}
	o, err := openOutput(e, *out)
	if err != nil {
		return e.failf("%v", err)
	}
	defer o.abort()
	w := bufio.NewWriterSize(o, 64<<10)
	g := synth.New(synth.Options{Seed: *seed, InvalidRate: *invalid})
	for range *n {
		var rec synth.Record
		if *kind == "complaint" {
			rec = g.NextComplaint()
		} else {
			rec = g.Next()
		}
		w.Write(rec.JSON)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return e.failf("writing records: %v", err)
	}
	if err := o.commit(); err != nil {
		return e.failf("writing records: %v", err)
	}
	return exitOK
}
