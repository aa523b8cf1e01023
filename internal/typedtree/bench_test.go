package typedtree

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
)

func benchReports(b *testing.B) []*complication.Report {
	g := synth.New(synth.Options{Seed: 7})
	var out []*complication.Report
	for range 200 {
		if r := g.Next().Report; r != nil {
			out = append(out, r)
		}
	}
	return out
}

// BenchmarkEncode compares Encode with the json.Marshal + jsonscan.Parse
// it stands in for, on synthetic identified reports.
func BenchmarkEncode(b *testing.B) {
	recs := benchReports(b)
	c := recordCodec()
	b.Run("typedtree", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := c.Encode(recs[i%len(recs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("marshal+parse", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := marshalTree(recs[i%len(recs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkDecode compares Decode with the encode + strict json.Decoder
// it stands in for.
func BenchmarkDecode(b *testing.B) {
	recs := benchReports(b)
	c := recordCodec()
	trees := make([]any, len(recs))
	for i, r := range recs {
		trees[i], _ = c.Encode(r)
	}
	b.Run("typedtree", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if err := c.Decode(trees[i%len(trees)], new(complication.Report)); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("marshal+decode", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			data, err := json.Marshal(trees[i%len(trees)])
			if err != nil {
				b.Fatal(err)
			}
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(new(complication.Report)); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
