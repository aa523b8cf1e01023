package export

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

// resultReader is what both JSON readers offer.
type resultReader interface {
	Next() (Result, error)
	Tally() Tally
	Close() error
}

// readOutcome is everything a reader returned, to compare runs.
type readOutcome struct {
	results []Result
	err     error // the error that ended the stream (io.EOF at a clean end)
	tally   Tally
}

func readOut(rr resultReader) readOutcome {
	var o readOutcome
	for {
		res, err := rr.Next()
		if err != nil {
			o.err = err
			break
		}
		o.results = append(o.results, res)
	}
	o.tally = rr.Tally()
	return o
}

// synthNDJSON returns n identified synthetic records, some with faults,
// mixing complaints in when mixed is set.
func synthNDJSON(n int, mixed bool) string {
	g := synth.New(synth.Options{Seed: 7, InvalidRate: 0.3})
	var b strings.Builder
	for i := range n {
		rec := g.Next()
		if mixed && i%3 == 1 {
			rec = g.NextComplaint()
		}
		b.Write(rec.JSON)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestParallelNDJSONReaderSameResults checks that any number of workers
// gives the results, tally and ending of one, record for record.
func TestParallelNDJSONReaderSameResults(t *testing.T) {
	v := testValidator(t)
	recs := synthNDJSON(150, false)
	mixed := synthNDJSON(90, true)
	bad := "\xef\xbb\xbf" + recs[:strings.Index(recs, "\n")+1] + `{"id": nope` + "\n\n  \r\n" +
		`{"narrative":"` + strings.Repeat("x", 5000) + `"}` + "\r\n" + "{\"narrative\":\"\xff\xfe\"}\n42\n" + recs
	for _, tc := range []struct {
		name  string
		input func() io.Reader
		opts  ReadOptions
		err   error
	}{
		{"identified records", func() io.Reader { return strings.NewReader(recs) }, ReadOptions{Shape: schema.Report}, io.EOF},
		{"as submissions", func() io.Reader { return strings.NewReader(recs) }, ReadOptions{}, io.EOF},
		{"mixed kinds", func() io.Reader { return strings.NewReader(mixed) }, ReadOptions{Shape: schema.Report, DetectKind: true}, io.EOF},
		{"bad lines", func() io.Reader { return strings.NewReader(bad) }, ReadOptions{Shape: schema.Report, MaxRecordBytes: 4096}, io.EOF},
		{"empty", func() io.Reader { return strings.NewReader("") }, ReadOptions{}, io.EOF},
		{"I/O error mid-stream", func() io.Reader {
			return io.MultiReader(strings.NewReader(recs[:len(recs)/2]), iotest.ErrReader(errors.New("disk on fire")))
		}, ReadOptions{Shape: schema.Report}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			read := func(workers int) readOutcome {
				opts := tc.opts
				opts.Validator, opts.Workers = v, workers
				return readOut(NewNDJSONReader(tc.input(), opts))
			}
			want := read(0)
			if tc.err != nil {
				require.ErrorIs(t, want.err, tc.err)
			} else {
				require.ErrorContains(t, want.err, "disk on fire")
			}
			require.Equal(t, want.tally.Read, want.tally.Accepted+want.tally.Rejected)
			require.Equal(t, len(want.results), want.tally.Read)
			for _, workers := range []int{1, 2, 3, 8} {
				before := runtime.NumGoroutine()
				got := read(workers)
				require.Equal(t, want.err, got.err, "workers=%d", workers)
				require.Equal(t, want.tally, got.tally, "workers=%d", workers)
				require.Equal(t, len(want.results), len(got.results), "workers=%d", workers)
				for i := range want.results {
					require.Equal(t, want.results[i], got.results[i], "workers=%d, result %d", workers, i)
				}
				noLeakedGoroutines(t, before)
			}
		})
	}
	// The case carries rejections and acceptances of every sort.
	o := readOut(NewNDJSONReader(strings.NewReader(bad), ReadOptions{Validator: v, Shape: schema.Report, MaxRecordBytes: 4096, Workers: 2}))
	assert.Positive(t, o.tally.Accepted)
	assert.Positive(t, o.tally.Rejected)
}

// envelopeOf returns an envelope of n de-identified synthetic reports.
func envelopeOf(t *testing.T, n int) string {
	next := synthStream(3)
	recs := make([]*complication.Report, n)
	for i := range recs {
		recs[i] = next(i)
	}
	return string(envelopeBytes(t, recs))
}

func TestParallelEnvelopeReaderSameResults(t *testing.T) {
	v := testValidator(t)
	good := envelopeOf(t, 120)
	lines := strings.Split(good, "\n")
	// Lines 1..120 are the records; spoil some.
	spoiled := append([]string(nil), lines...)
	spoiled[5] = `{"id": nope, "reporter": {"role": [1, 2}]},`
	spoiled[9] = strings.Replace(spoiled[9], `"policy_version":"1"`, `"policy_version":"2"`, 1)
	spoiled[40] = strings.Replace(spoiled[40], `"severity":"`, `"severity":"x`, 1)
	for _, tc := range []struct {
		name string
		data string
		err  error
	}{
		{"clean", good, io.EOF},
		{"bad records", strings.Join(spoiled, "\n"), io.EOF},
		{"missing comma", strings.Replace(good, "},\n{", "}\n{", 30), ErrSyntax},
		{"truncated", good[:len(good)*2/3], io.ErrUnexpectedEOF},
		{"counts disagree", strings.Replace(good, `"counts":{"records":120`, `"counts":{"records":121`, 1), ErrCounts},
		{"data after the end", good + "{}", ErrSyntax},
		{"wrong schema", strings.Replace(good, "report-submission.schema.json", "report.schema.json", 1), ErrHeader},
		{"empty", string(envelopeBytes(t, nil)), io.EOF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			read := func(workers int) (readOutcome, *EnvelopeReader) {
				er := NewEnvelopeReader(strings.NewReader(tc.data), ReadOptions{Validator: v, Workers: workers})
				return readOut(er), er
			}
			want, wr := read(0)
			require.ErrorIs(t, want.err, tc.err)
			for _, workers := range []int{1, 2, 5} {
				before := runtime.NumGoroutine()
				got, gr := read(workers)
				require.Equal(t, want.err, got.err, "workers=%d", workers)
				require.Equal(t, want.tally, got.tally, "workers=%d", workers)
				require.Equal(t, len(want.results), len(got.results), "workers=%d", workers)
				for i := range want.results {
					require.Equal(t, want.results[i], got.results[i], "workers=%d, result %d", workers, i)
				}
				require.Equal(t, wr.Header(), gr.Header())
				wc, wok := wr.Counts()
				gc, gok := gr.Counts()
				require.Equal(t, wok, gok)
				require.Equal(t, wc, gc)
				noLeakedGoroutines(t, before)
			}
		})
	}
	t.Run("spoiled records are rejected", func(t *testing.T) {
		er := NewEnvelopeReader(strings.NewReader(strings.Join(spoiled, "\n")), ReadOptions{Validator: v, Workers: 2})
		o := readOut(er)
		require.ErrorIs(t, o.err, io.EOF)
		assert.Equal(t, Tally{Read: 120, Accepted: 117, Rejected: 3}, o.tally)
		assert.True(t, o.results[8].Findings.Has(CodePolicyMismatch), "%v", o.results[8].Findings)
	})
}

// TestParallelReaderClose checks that stopping early with Close releases
// every goroutine, and that Next then reports the reader closed.
func TestParallelReaderClose(t *testing.T) {
	v := testValidator(t)
	recs := synthNDJSON(200, false)
	env := envelopeOf(t, 200)
	for _, tc := range []struct {
		name string
		open func(workers int) resultReader
	}{
		{"ndjson", func(w int) resultReader {
			return NewNDJSONReader(strings.NewReader(recs), ReadOptions{Validator: v, Shape: schema.Report, Workers: w})
		}},
		{"envelope", func(w int) resultReader {
			return NewEnvelopeReader(strings.NewReader(env), ReadOptions{Validator: v, Workers: w})
		}},
	} {
		for _, workers := range []int{0, 4} {
			t.Run(fmt.Sprintf("%s/workers=%d", tc.name, workers), func(t *testing.T) {
				before := runtime.NumGoroutine()
				rr := tc.open(workers)
				for i := range 5 {
					res, err := rr.Next()
					require.NoError(t, err)
					require.Equal(t, i, res.Index)
				}
				require.NoError(t, rr.Close())
				noLeakedGoroutines(t, before)
				_, err := rr.Next()
				require.ErrorIs(t, err, ErrReaderClosed)
				require.NoError(t, rr.Close(), "Close twice")
				assert.Equal(t, 5, rr.Tally().Read, "the tally counts what was returned")
			})
		}
	}
}

// TestParallelReaderReadsAhead checks that the workers run ahead of Next,
// but not without bound.
func TestParallelReaderReadsAhead(t *testing.T) {
	recs := synthNDJSON(2000, false)
	in := &countingIn{r: strings.NewReader(recs)}
	nr := NewNDJSONReader(in, ReadOptions{Validator: testValidator(t), Shape: schema.Report, Workers: 2})
	defer nr.Close()
	_, err := nr.Next()
	require.NoError(t, err)
	assert.Less(t, in.n, len(recs)/2, "a bounded window of records is read ahead")
}

type countingIn struct {
	r io.Reader
	n int
}

func (c *countingIn) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func noLeakedGoroutines(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutines leaked: %d before, %d after\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
}
