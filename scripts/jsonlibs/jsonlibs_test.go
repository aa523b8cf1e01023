package jsonlibs

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	jsonv2 "github.com/go-json-experiment/json"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

func lines(b *testing.B) [][]byte {
	g := synth.New(synth.Options{Seed: 5, Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	out := make([][]byte, 1000)
	for i := range out {
		out[i] = g.Next().JSON
	}
	return out
}

// BenchmarkDecode decodes the same synthetic reports with each candidate.
// Only the last two check what casebook must check (strict JSON, the
// schema, the domain rules); the others set the floor.
func BenchmarkDecode(b *testing.B) {
	ls := lines(b)
	var size int64
	for _, l := range ls {
		size += int64(len(l))
	}
	v, err := schema.New(schema.Options{})
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		fn   func([]byte) error
	}{
		{"json.Valid (syntax only)", func(d []byte) error {
			if !json.Valid(d) {
				b.Fatal("invalid")
			}
			return nil
		}},
		{"encoding/json typed", func(d []byte) error { return json.Unmarshal(d, new(complication.Report)) }},
		{"encoding/json typed strict", func(d []byte) error {
			dec := json.NewDecoder(bytes.NewReader(d))
			dec.DisallowUnknownFields()
			return dec.Decode(new(complication.Report))
		}},
		{"encoding/json any UseNumber", func(d []byte) error {
			dec := json.NewDecoder(bytes.NewReader(d))
			dec.UseNumber()
			var x any
			return dec.Decode(&x)
		}},
		{"go-json-experiment typed strict", func(d []byte) error {
			return jsonv2.Unmarshal(d, new(complication.Report), jsonv2.RejectUnknownMembers(true))
		}},
		{"go-json-experiment any", func(d []byte) error {
			var x any
			return jsonv2.Unmarshal(d, &x)
		}},
		{"jsonscan tree (strict)", func(d []byte) error {
			_, err := jsonscan.Parse(d, jsonscan.Limits{})
			return err
		}},
		{"casebook DecodeReport (strict + schema + rules)", func(d []byte) error {
			if r, fs := v.DecodeReport(schema.Report, d); r == nil {
				b.Fatal(fs)
			}
			return nil
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(size / int64(len(ls)))
			i := 0
			for b.Loop() {
				if err := c.fn(ls[i%len(ls)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
