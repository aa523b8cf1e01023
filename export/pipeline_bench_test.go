package export

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"testing"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/pipeline"
	"github.com/openaesthetics/casebook/schema"
)

var (
	pipelineRecords = flag.Int("pipeline-records", 500, "records BenchmarkPipeline runs through per iteration")
	pipelineWords   = flag.Int("pipeline-words", 150, "BenchmarkPipeline pads narratives to about this many words; 0 keeps their natural length (about 40)")
)

// BenchmarkPipeline runs a registry's whole job over synthetic identified
// NDJSON with long narratives: read and validate (NDJSONReader with
// Workers), de-identify under the registry profile with free-text
// redaction (pipeline.Map), and write tidy CSV tables (to nowhere), at 1
// and 2 workers. Narratives are padded to -pipeline-words words (150). records/s is the throughput; the ratio of the two is the
// speed-up.
func BenchmarkPipeline(b *testing.B) {
	n := *pipelineRecords
	in := pipelineInput(n)
	v := testValidator(b)
	a := testAnonymizer(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(in.Len()))
			for b.Loop() {
				written := runPipeline(b, bytes.NewReader(in.Bytes()), v, a, workers)
				if written < n*9/10 {
					b.Fatalf("only %d of %d records written", written, n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// pipelineInput returns n synthetic identified reports as NDJSON, with
// narratives padded to -pipeline-words words.
func pipelineInput(n int) *bytes.Buffer {
	g := synth.New(synth.Options{Seed: 5, NarrativeWords: *pipelineWords})
	var in bytes.Buffer
	for range n {
		in.Write(g.Next().JSON)
		in.WriteByte('\n')
	}
	return &in
}

// deidentifier is what the pipeline needs of an anonymize.Anonymizer.
type deidentifier interface {
	Report(*complication.Report) (*complication.Report, error)
}

// runPipeline reads, validates, de-identifies and writes the records of
// in, and returns how many it wrote.
func runPipeline(b *testing.B, in io.Reader, v *schema.Validator, a deidentifier, workers int) int {
	rd := NewNDJSONReader(in, ReadOptions{Validator: v, Shape: schema.Report, Workers: workers})
	defer rd.Close()
	src := func(yield func(Result, error) bool) {
		for {
			res, err := rd.Next()
			if err == io.EOF || !yield(res, err) || err != nil {
				return
			}
		}
	}
	type out struct {
		rep *complication.Report
		err error
	}
	deidentify := func(res Result) out {
		if res.Report == nil {
			return out{}
		}
		rep, err := a.Report(res.Report)
		return out{rep, err}
	}
	w, err := NewTablesWriter(discardSink{}, CSVOptions{Profile: ProfileMachine})
	if err != nil {
		b.Fatal(err)
	}
	written := 0
	for o, err := range pipeline.Map(b.Context(), src, deidentify, pipeline.Options{Workers: workers}) {
		if err != nil {
			b.Fatal(err)
		}
		if o.rep == nil || o.err != nil {
			continue
		}
		if err := w.Write(o.rep); err != nil {
			b.Fatal(err)
		}
		written++
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	return written
}

// BenchmarkPipelineParts runs BenchmarkPipeline's job at one worker with
// parts of it changed, to show what each costs: "full" is the job itself;
// "free-text-dropped" de-identifies under the registry profile with every
// free-text field dropped instead of redacted (no text scans; the leak
// gate still sweeps every other string with the record's identifiers).
func BenchmarkPipelineParts(b *testing.B) {
	n := *pipelineRecords
	in := pipelineInput(n)
	v := testValidator(b)
	dropText := anonymize.Registry()
	for i, r := range dropText.Reports {
		if r.Action == anonymize.Redact {
			dropText.Reports[i].Action = anonymize.Drop
		}
	}
	for _, part := range []struct {
		name string
		a    deidentifier
	}{{"full", testAnonymizer(b)}, {"free-text-dropped", testAnonymizerWith(b, dropText)}} {
		b.Run(part.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if written := runPipeline(b, bytes.NewReader(in.Bytes()), v, part.a, 1); written < n*9/10 {
					b.Fatalf("only %d of %d records written", written, n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
