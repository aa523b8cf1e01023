package synth

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

// Options configure a [Generator]. The zero value generates valid records
// from seed 0 with today fixed at 2026-11-01.
type Options struct {
	// Seed selects the stream. The same Seed and Options give byte-identical
	// records, in the same order, on every run with the same Go release.
	Seed uint64

	// InvalidRate is the share of records, from 0 to 1, emitted with one
	// known fault (see [Faults]). Values outside the range are clamped.
	InvalidRate float64

	// Today is the reference date: every date a record holds about its
	// treatment and events, and its created_at and updated_at, falls before
	// Today's calendar date (a date known only to the month may name
	// Today's month, never a later one). Products' expiry dates, printed on
	// the label, usually fall after it. A complaint's handling is cut at
	// Today: every step before it is recorded (receipt, acknowledgement,
	// status changes, escalations), none after it, so some complaints are
	// still open; agreed response dates and extensions may fall after it.
	// Validate complaints with the validator's Now at Today for the
	// overdue warnings to be the intended ones. Only Today's calendar date
	// counts. The zero value means 2026-11-01.
	Today time.Time

	// NarrativeWords, when positive, pads each narrative with realistic
	// clinical sentences to about that many words, for benchmarks that need
	// long free text. Narratives never exceed the schema's limit of 20,000
	// characters, so values above about 2,500 words are capped there. Zero
	// leaves narratives at their natural length (one to eight sentences).
	NarrativeWords int
}

// Generator produces a deterministic stream of realistic, identified
// complication reports (the report shape, with its identity block) and,
// with [Generator.NextComplaint], complaints about the same episodes.
//
// [Generator.Next] and [Generator.NextComplaint] draw from the one random
// stream, so each call changes every record after it: a complaint drawn
// between two reports changes the second report. The records depend on
// Options and on the exact sequence of calls; the same Options and the same
// sequence of calls give byte-identical records.
//
// A Generator is not safe for concurrent use: it owns one random stream.
// Use one Generator per goroutine, with different seeds.
type Generator struct {
	opts  Options
	today time.Time // Today's calendar date at midnight, UTC convention
	rng   *rand.Rand
	rd    *rngReader
	n     int
	last  *kase // the episode of the most recent report Next returned
}

// rngReader adapts the generator's random stream to io.Reader, so that
// UUIDs come from the same deterministic stream.
type rngReader struct{ r *rand.Rand }

func (rr *rngReader) Read(p []byte) (int, error) {
	for i := 0; i < len(p); i += 8 {
		v := rr.r.Uint64()
		for j := 0; j < 8 && i+j < len(p); j++ {
			p[i+j] = byte(v >> (8 * j))
		}
	}
	return len(p), nil
}

// defaultToday is the reference date when Options.Today is zero.
var defaultToday = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

// New returns a Generator for opts.
func New(opts Options) *Generator {
	switch {
	case math.IsNaN(opts.InvalidRate) || opts.InvalidRate < 0:
		opts.InvalidRate = 0
	case opts.InvalidRate > 1:
		opts.InvalidRate = 1
	}
	opts.NarrativeWords = max(opts.NarrativeWords, 0)
	today := defaultToday
	if !opts.Today.IsZero() {
		y, m, d := opts.Today.Date()
		today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	// The second PCG word is a fixed odd constant mixed with the seed, so
	// that seeds 0, 1, 2 … give unrelated streams.
	r := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	return &Generator{opts: opts, today: today, rng: r, rd: &rngReader{r}}
}

// RecordKind says which schema shape a [Record] is.
type RecordKind string

// Record kinds.
const (
	KindReport    RecordKind = "report"    // a complication report, from [Generator.Next]
	KindComplaint RecordKind = "complaint" // a complaint, from [Generator.NextComplaint]
)

// Record is one generated document.
type Record struct {
	// Index is the record's 0-based position in the stream. Reports and
	// complaints share the count.
	Index int

	// Kind says whether the record is a report or a complaint.
	Kind RecordKind

	// Report is the record when Kind is KindReport. It is nil for
	// complaints, and when Fault is a JSON-level fault: one that a Report
	// cannot hold (malformed JSON, invalid UTF-8, a duplicate or unknown
	// member, a value of the wrong type, an impossible date).
	Report *complication.Report

	// Complaint is the record when Kind is KindComplaint. It is nil for
	// reports, and when Fault is a JSON-level fault.
	Complaint *complication.Complaint

	// JSON is the document as written: the report, or the complaint, in
	// the identified shape (schema.Report or schema.Complaint). For valid
	// records and for faults the record can hold it is json.Marshal of
	// Report or Complaint; for JSON-level faults it is that document with
	// the fault applied to its bytes.
	JSON []byte

	// Fault is the fault applied, or "" for a valid record. Valid records
	// pass validation with no error-level finding, though some carry
	// realistic warnings. A few reports do: a patient of 16 or 17 treated
	// with filler or toxin (under_18_treatment), a device without its lot
	// number, a serious event not yet reported to the regulator, and
	// similar gaps. Many complaints do, since the handling they record is
	// often late or the practitioner's conduct is itself the problem: see
	// [Generator.NextComplaint].
	Fault Fault

	// Expect lists the finding codes a validator must report for Fault: at
	// error level for faults whose [Fault.Level] is error (the record is
	// rejected), at warning level for warning-only faults. Expect is nil for
	// valid records.
	Expect []complication.Code
}

// Next returns the next record of the stream: a complication report.
func (g *Generator) Next() Record {
	rec := Record{Index: g.n, Kind: KindReport}
	g.n++
	if g.opts.InvalidRate > 0 && g.rng.Float64() < g.opts.InvalidRate {
		rec.Fault = faults[g.rng.IntN(len(faults))].fault
	}
	k := g.build(rec.Fault)
	g.last = k
	if rec.Fault == "" {
		rec.Report = k.r
		rec.JSON = marshal(k.r)
		return rec
	}
	g.applyFault(&rec, k)
	return rec
}

// marshal is json.Marshal for values that always marshal: generated
// reports and complaints hold no NaN or infinite number.
func marshal[T complication.Report | complication.Complaint](r *T) []byte {
	b, err := json.Marshal(r)
	if err != nil {
		panic("synth: generated record does not marshal: " + err.Error())
	}
	return b
}

// Random helpers. Every draw goes through g.rng so the stream stays
// deterministic.

func (g *Generator) intn(n int) int { return g.rng.IntN(n) }

// between returns a uniform integer in [lo, hi].
func (g *Generator) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.rng.IntN(hi-lo+1)
}

func (g *Generator) chance(p float64) bool { return g.rng.Float64() < p }

func pick[T any](g *Generator, xs []T) T { return xs[g.rng.IntN(len(xs))] }

// weighted returns an index drawn with probability proportional to w(i).
func weighted(g *Generator, n int, w func(i int) float64) int {
	total := 0.0
	for i := range n {
		total += w(i)
	}
	x := g.rng.Float64() * total
	for i := range n {
		x -= w(i)
		if x < 0 {
			return i
		}
	}
	return n - 1
}

func (g *Generator) uuid() uuid.UUID {
	u, err := uuid.NewRandomFromReader(g.rd)
	if err != nil {
		panic("synth: reading the random stream cannot fail: " + err.Error())
	}
	return u
}

func ptr[T any](v T) *T { return &v }
