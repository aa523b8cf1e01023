package pii

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRecompileMatchesNewMatcher recompiles one Matcher through a run of
// records, forwards and backwards (so that it both grows and shrinks),
// and checks that it finds in every text exactly what a new Matcher of
// the same record finds: nothing is kept from the records before, the
// texts of which it is also given.
func TestRecompileMatchesNewMatcher(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	type record struct {
		known Known
		texts []string
	}
	// A title the record before used makes a weak name a name.
	records := []record{
		{Known{Titles: []string{"Councillor"}, Names: []Name{{Family: []string{"Hope"}}}}, []string{"Councillor Hope called."}},
		{Known{Names: []Name{{Given: []string{"May"}}}}, []string{"Seen by Councillor may today."}},
	}
	for _, k := range fixedKnowns() {
		records = append(records, record{k, variants(r, k)})
	}
	for _, d := range generate(9, scaled(60), 60) {
		records = append(records, record{d.known, append(variants(r, d.known), d.text)})
	}
	for _, c := range synthCases(t, 1, 2, scaled(30), 0) {
		records = append(records, record{c.known, append(variants(r, c.known), c.texts...)})
	}
	backwards := slices.Clone(records)
	slices.Reverse(backwards)
	var m *Matcher
	pairs := 0
	for i, rec := range append(records, backwards...) {
		m = m.Recompile(rec.known)
		fresh := NewMatcher(rec.known)
		texts := rec.texts
		if i > 0 {
			texts = append(texts, append(records, backwards...)[i-1].texts...)
		}
		for _, text := range texts {
			got, want := describe(text, m.Find(text)), describe(text, fresh.Find(text))
			if got != want {
				t.Fatalf("record %d: recompiled Find(%q) = %s, want %s\nKnown: %s", i, text, got, want, describeKnown(rec.known))
			}
			pairs++
		}
	}
	t.Logf("%d records, %d (record, text) pairs", 2*len(records), pairs)
}
