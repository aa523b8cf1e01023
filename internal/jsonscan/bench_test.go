package jsonscan_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// benchRecord is a realistic nested record of about 3 KB.
const benchRecord = "../../testdata/valid/report-vascular-occlusion.json"

func readBench(b *testing.B) []byte {
	b.Helper()
	data, err := os.ReadFile(benchRecord)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkParse(b *testing.B) {
	data := readBench(b)
	b.Run("jsonscan", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := jsonscan.Parse(data, jsonscan.Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				b.Fatal(err)
			}
		}
	})
	// json.Unmarshal cannot keep numbers as json.Number, so it is not a
	// drop-in alternative; it is here as the fastest encoding/json path.
	b.Run("encoding_json_unmarshal_float64", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkParseError(b *testing.B) {
	data := readBench(b)
	// A duplicate member name near the end: the whole document is read
	// before the error is found.
	i := bytes.LastIndex(data, []byte(`"clinic"`))
	bad := append(bytes.Clone(data[:i]), `"practitioner": {}, `...)
	bad = append(bad, data[i:]...)
	b.ReportAllocs()
	b.SetBytes(int64(len(bad)))
	for b.Loop() {
		if _, err := jsonscan.Parse(bad, jsonscan.Limits{}); err == nil {
			b.Fatal("accepted a duplicate key")
		}
	}
}

func BenchmarkLine(b *testing.B) {
	data := readBench(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if jsonscan.Line(data, "/identity/clinic/address/postcode") == 0 {
			b.Fatal("no line")
		}
	}
}
