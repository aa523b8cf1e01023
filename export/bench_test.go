package export

import (
	"bytes"
	"flag"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

var benchRecords = flag.Int("records", 1_000_000, "records BenchmarkStreamTables writes per iteration")

// discardSink is a Sink whose files go nowhere.
type discardSink struct{}

type discardFile struct{ io.Writer }

func (discardFile) Close() error { return nil }

func (discardSink) Create(string) (io.WriteCloser, error) { return discardFile{io.Discard}, nil }

// streamStats is what streaming n generated records to the tables cost.
type streamStats struct {
	total, writing time.Duration
	peakHeap       uint64 // largest HeapAlloc seen (garbage included)
	peakLive       uint64 // largest heap after a forced GC
}

// streamTables generates n records on the fly with next (never holding
// more than one) and writes them to tables that go nowhere, sampling the
// heap every sampleEvery records (forcing a GC every gcEvery records, 0
// for never).
func streamTables(tb testing.TB, n, sampleEvery, gcEvery int, next func(int) *complication.Report) streamStats {
	runtime.GC()
	var st streamStats
	var ms runtime.MemStats
	sample := func(gc bool) {
		if gc {
			runtime.GC()
		}
		runtime.ReadMemStats(&ms)
		if gc {
			st.peakLive = max(st.peakLive, ms.HeapAlloc)
		}
		st.peakHeap = max(st.peakHeap, ms.HeapAlloc)
	}
	w, err := NewTablesWriter(discardSink{}, CSVOptions{Profile: ProfileSpreadsheet})
	require.NoError(tb, err)
	start := time.Now()
	for i := range n {
		r := next(i)
		t0 := time.Now()
		if err := w.Write(r); err != nil {
			tb.Fatal(err)
		}
		st.writing += time.Since(t0)
		if i%sampleEvery == 0 {
			sample(gcEvery > 0 && i%gcEvery == 0)
		}
	}
	require.NoError(tb, w.Close())
	st.total = time.Since(start)
	sample(true)
	return st
}

// BenchmarkStreamTables streams -records synthetic records (default 1M)
// from internal/synth, de-identified by hand, through the tidy tables
// writer, generating each on the fly, and reports throughput (records/s
// includes generating; write-records/s is the writer alone) and peak heap.
// Run it with -benchtime=1x.
func BenchmarkStreamTables(b *testing.B) {
	for b.Loop() {
		st := streamTables(b, *benchRecords, 10_000, 100_000, synthStream(1))
		n := float64(*benchRecords)
		b.ReportMetric(n/st.total.Seconds(), "records/s")
		b.ReportMetric(n/st.writing.Seconds(), "write-records/s")
		b.ReportMetric(float64(st.peakHeap)/(1<<20), "peak-heap-MiB")
		b.ReportMetric(float64(st.peakLive)/(1<<20), "peak-live-MiB")
	}
}

// Memory must not grow with the input: ten times the records may not
// need much more live heap.
func TestTablesMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 110k records")
	}
	small := streamTables(t, 10_000, 1_000, 1_000, synthStream(2))
	large := streamTables(t, 100_000, 1_000, 10_000, synthStream(2))
	t.Logf("peak live heap: 10k records %.1f MiB, 100k records %.1f MiB", float64(small.peakLive)/(1<<20), float64(large.peakLive)/(1<<20))
	require.Less(t, large.peakLive, small.peakLive*3/2+(1<<20), "live heap grows with the input")
}

// benchRing returns distinct generated records to cycle through, so the
// per-record benchmarks measure the writer, not the generator.
func benchRing() []*complication.Report {
	ring := make([]*complication.Report, 256)
	for i := range ring {
		ring[i] = genReport(i)
	}
	return ring
}

// complaintRing returns distinct synthetic complaints, de-identified by
// the registry profile, to cycle through.
func complaintRing(tb testing.TB) []*complication.Complaint {
	a := testAnonymizer(tb)
	g := synthGen(5)
	ring := make([]*complication.Complaint, 0, 256)
	for len(ring) < cap(ring) {
		if c, err := a.Complaint(g.NextComplaint().Complaint); err == nil {
			ring = append(ring, c)
		}
	}
	return ring
}

// cpuMetric reports the process's CPU time per operation (garbage
// collection included) as cpu-ns/op: on a loaded machine it is steadier
// than the wall-clock ns/op. Call the returned function after the loop.
func cpuMetric(b *testing.B) func() {
	start, ok := processCPU()
	return func() {
		if end, _ := processCPU(); ok && b.N > 0 {
			b.ReportMetric(float64((end-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

// benchWriter is what every writer offers.
type benchWriter interface {
	Write(*complication.Report) error
	WriteComplaint(*complication.Complaint) error
}

// BenchmarkWriters writes one record per operation to each writer (to
// io.Discard), cycling through 256 distinct records; the -complaints
// variants write complaints.
func BenchmarkWriters(b *testing.B) {
	ring := benchRing()
	complaints := complaintRing(b)
	clock := func() time.Time { return testNow }
	for _, bc := range []struct {
		name       string
		complaints bool
		make       func() (benchWriter, func() error)
	}{
		{"flat", false, func() (benchWriter, func() error) {
			w := NewFlatWriter(io.Discard, CSVOptions{})
			return w, w.Flush
		}},
		{"flat-spreadsheet", false, func() (benchWriter, func() error) {
			w := NewFlatWriter(io.Discard, CSVOptions{Profile: ProfileSpreadsheet})
			return w, w.Flush
		}},
		{"tables", false, func() (benchWriter, func() error) {
			w, _ := NewTablesWriter(discardSink{}, CSVOptions{})
			return w, w.Flush
		}},
		{"tables-spreadsheet", false, func() (benchWriter, func() error) {
			w, _ := NewTablesWriter(discardSink{}, CSVOptions{Profile: ProfileSpreadsheet})
			return w, w.Flush
		}},
		{"tables-complaints", true, func() (benchWriter, func() error) {
			w, _ := NewTablesWriter(discardSink{}, CSVOptions{})
			return w, w.Flush
		}},
		{"ndjson", false, func() (benchWriter, func() error) {
			w := NewNDJSONWriter(io.Discard, JSONOptions{})
			return w, w.Flush
		}},
		{"ndjson-complaints", true, func() (benchWriter, func() error) {
			w := NewNDJSONWriter(io.Discard, JSONOptions{})
			return w, w.Flush
		}},
		{"envelope", false, func() (benchWriter, func() error) {
			w := NewEnvelopeWriter(io.Discard, EnvelopeOptions{Header: testHeader(), Now: clock})
			return w, w.Close
		}},
		{"fhir", false, func() (benchWriter, func() error) {
			w := NewFHIRWriter(io.Discard, FHIROptions{Now: clock})
			return w, w.Close
		}},
		{"sdtm", false, func() (benchWriter, func() error) {
			w := NewSDTMWriter(io.Discard, SDTMOptions{})
			return w, w.Flush
		}},
		{"sdtm-spreadsheet", false, func() (benchWriter, func() error) {
			w := NewSDTMWriter(io.Discard, SDTMOptions{Profile: ProfileSpreadsheet})
			return w, w.Flush
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			w, finish := bc.make()
			b.ReportAllocs()
			done := cpuMetric(b)
			i := 0
			for b.Loop() {
				var err error
				if bc.complaints {
					err = w.WriteComplaint(complaints[i%len(complaints)])
				} else {
					err = w.Write(ring[i%len(ring)])
				}
				if err != nil {
					b.Fatal(err)
				}
				i++
			}
			if err := finish(); err != nil {
				b.Fatal(err)
			}
			done()
		})
	}
}

// BenchmarkReaders reads files of 256 records; ns/record is the cost of
// one record once the reader is set up.
func BenchmarkReaders(b *testing.B) {
	ring := benchRing()
	v := testValidator(b)
	var ndjson bytes.Buffer
	for _, l := range ndjsonLines(b, ring) {
		ndjson.WriteString(l)
	}
	flat := flatFile(b, ring, ProfileMachine)
	tables := memSinkOf(b, ring).fs()
	perRecord := func(b *testing.B, read func()) {
		b.ReportAllocs()
		cpu0, cpuOK := processCPU()
		for b.Loop() {
			read()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ring)), "ns/record")
		if cpu1, _ := processCPU(); cpuOK {
			b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N*len(ring)), "cpu-ns/record")
		}
	}
	// The validator alone on the same lines, for the reader's own
	// overhead: ndjson-validating minus validator-only.
	lines := bytes.SplitAfter(ndjson.Bytes(), []byte("\n"))
	b.Run("validator-only", func(b *testing.B) {
		perRecord(b, func() {
			for _, l := range lines {
				if len(l) == 0 {
					continue
				}
				if r, fs := v.DecodeReport(schema.ReportSubmission, bytes.TrimSuffix(l, []byte("\n"))); r == nil {
					b.Fatal(fs)
				}
			}
		})
	})
	b.Run("ndjson-validating", func(b *testing.B) {
		perRecord(b, func() {
			nr := NewNDJSONReader(bytes.NewReader(ndjson.Bytes()), ReadOptions{Validator: v})
			for {
				res, err := nr.Next()
				if err == io.EOF {
					return
				}
				if err != nil || res.Rejected() {
					b.Fatal(err, res.Findings)
				}
			}
		})
	})
	var envelope bytes.Buffer
	ew := NewEnvelopeWriter(&envelope, EnvelopeOptions{Header: testHeader(), Now: func() time.Time { return testNow }})
	for _, r := range ring {
		require.NoError(b, ew.Write(r))
	}
	require.NoError(b, ew.Close())
	b.Run("envelope-validating", func(b *testing.B) {
		perRecord(b, func() {
			er := NewEnvelopeReader(bytes.NewReader(envelope.Bytes()), ReadOptions{Validator: v})
			for {
				res, err := er.Next()
				if err == io.EOF {
					return
				}
				if err != nil || res.Rejected() {
					b.Fatal(err, res.Findings)
				}
			}
		})
	})
	b.Run("flat", func(b *testing.B) {
		perRecord(b, func() {
			fr := NewFlatReader(bytes.NewReader(flat), CSVReadOptions{})
			for {
				if _, err := fr.Read(); err == io.EOF {
					return
				} else if err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("tables", func(b *testing.B) {
		perRecord(b, func() {
			tr, err := NewTablesReader(tables, CSVReadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			defer tr.Close()
			for {
				if _, err := tr.Read(); err == io.EOF {
					return
				} else if err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

// BenchmarkEnvelopeScan is the envelope reader's own cost per record:
// cutting the raw records out of a records array, without validating
// them (BenchmarkReaders/envelope-validating minus the validator).
func BenchmarkEnvelopeScan(b *testing.B) {
	lines := ndjsonLines(b, benchRing())
	array := []byte("[" + strings.Join(lines, ",") + "]")
	b.SetBytes(int64(len(array)))
	b.ReportAllocs()
	cpu0, cpuOK := processCPU()
	var buf []byte
	for b.Loop() {
		s := newScanner(bytes.NewReader(array))
		if _, err := s.next(); err != nil {
			b.Fatal(err)
		}
		for {
			var err error
			if buf, _, err = s.value(buf[:0], 1<<20); err != nil {
				b.Fatal(err)
			}
			c, _ := s.peek()
			_, _ = s.next()
			if c == ']' {
				break
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(lines)), "ns/record")
	if cpu1, _ := processCPU(); cpuOK {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N*len(lines)), "cpu-ns/record")
	}
}
