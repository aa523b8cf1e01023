package anonymize_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
)

// dayDates lists a report's dates known to the day or minute, by name.
func dayDates(r *complication.Report) map[string]complication.PartialDate {
	out := map[string]complication.PartialDate{}
	add := func(name string, d complication.PartialDate) {
		if d.Precision() >= complication.PrecisionDay {
			out[name] = d
		}
	}
	add("treatment", r.Treatment.Date)
	for i, e := range r.Events {
		p := "event" + string(rune('a'+i))
		add(p+".onset", e.Onset)
		add(p+".detected", e.Detected)
		add(p+".resolved", e.Resolved)
		add(p+".outcome", e.OutcomeDate)
		for j, m := range e.Management {
			add(p+".management"+string(rune('a'+j)), m.Given)
		}
	}
	return out
}

// stringsOf returns every string in a record's JSON form.
func stringsOf(t *testing.T, v any) []string {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var tree any
	require.NoError(t, json.Unmarshal(b, &tree))
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(tree)
	return out
}

// TestResearchProperties checks, over synthetic records, the properties
// the research profile promises: every interval between dates known to the
// day is kept exactly; one patient, one offset; every string of the output
// is valid UTF-8; and the same record, key and policy give the same bytes.
func TestResearchProperties(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{}))
	b := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{}))
	g := synth.New(synth.Options{Seed: 404})
	checked := 0
	for range 200 {
		r := g.Next().Report
		if r == nil || r.Treatment.Date.Precision() < complication.PrecisionDay {
			continue
		}
		out, err := a.Report(r)
		require.NoError(t, err)
		again, err := b.Report(r)
		require.NoError(t, err)
		require.True(t, reflect.DeepEqual(out, again), "deterministic")

		in, got := dayDates(r), dayDates(out)
		require.Equal(t, len(in), len(got), "no day-precision date is lost")
		shift := 0
		for name, d := range in {
			lo, hi, ok := complication.Interval(d, got[name])
			require.True(t, ok)
			require.Equal(t, lo, hi)
			if shift == 0 {
				shift = lo
			}
			assert.Equal(t, shift, lo, "every date of a patient moves by the same offset")
		}
		assert.NotZero(t, shift)
		for _, s := range stringsOf(t, out) {
			assert.True(t, utf8.ValidString(s))
		}
		checked++
	}
	assert.Greater(t, checked, 150)
}

// TestPseudonymStability checks over synthetic identities that the
// patient pseudonym does not depend on how the identifiers are written.
func TestPseudonymStability(t *testing.T) {
	a := newAnonymizer(t, anonymize.Registry())
	g := synth.New(synth.Options{Seed: 505})
	for range 100 {
		r := g.Next().Report
		if r == nil || r.Identity == nil || r.Identity.Patient == nil {
			continue
		}
		first, err := a.Report(r)
		require.NoError(t, err)
		p := r.Identity.Patient
		if n := p.NHSNumber; len(n) == 10 {
			p.NHSNumber = n[:3] + " " + n[3:6] + " " + n[6:]
		}
		p.GivenName = "  " + p.GivenName + " "
		second, err := a.Report(r)
		require.NoError(t, err)
		assert.Equal(t, first.Patient.Pseudonym, second.Patient.Pseudonym)
	}
}
