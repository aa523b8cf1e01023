package anonymize_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
)

// planting is one identifier written into a narrative, between sentinels
// so its fate can be read back from the output.
type planting struct {
	kind, value string
	known       bool
}

const sentinelOpen, sentinelClose = "Zqvw", "Wvqz"

// knownPlantings lists the record's own identifiers in the forms people
// write them.
func knownPlantings(r *complication.Report) []planting {
	p := r.Identity.Patient
	var out []planting
	add := func(kind, v string) {
		if strings.TrimSpace(v) != "" {
			out = append(out, planting{kind: kind, value: v, known: true})
		}
	}
	add("name", p.GivenName+" "+p.FamilyName)
	add("name", p.FamilyName)
	if p.Title != "" {
		add("name", p.Title+" "+p.FamilyName)
	}
	add("nhs", p.NHSNumber)
	if n := p.NHSNumber; len(n) == 10 {
		add("nhs", n[:3]+" "+n[3:6]+" "+n[6:])
	}
	for _, ph := range p.Phones {
		add("phone", ph)
	}
	for _, e := range p.Emails {
		add("email", e)
	}
	for _, h := range p.SocialHandles {
		add("handle", h.Handle)
	}
	if p.Address != nil {
		add("postcode", p.Address.Postcode)
		add("postcode", strings.ReplaceAll(p.Address.Postcode, " ", ""))
	}
	if d := p.DateOfBirth; d.Precision() >= complication.PrecisionDay {
		add("dob", fmt.Sprintf("%02d/%02d/%d", d.Day(), d.Month(), d.Year()))
		add("dob", fmt.Sprintf("%d %s %d", d.Day(), d.Month(), d.Year()))
	}
	return out
}

// unknownPlantings are identifiers the record does not hold (someone
// else's), written with the cue words people use; only the generic
// detectors can find them.
func unknownPlantings(other *complication.Report, rng *rand.Rand) []planting {
	p := other.Identity.Patient
	var out []planting
	add := func(kind, cue, v string) {
		if strings.TrimSpace(v) != "" {
			out = append(out, planting{kind: kind, value: cue + v})
		}
	}
	add("nhs", "NHS no ", p.NHSNumber)
	for _, ph := range p.Phones {
		add("phone", "call ", ph)
	}
	for _, e := range p.Emails {
		add("email", "email ", e)
	}
	for _, h := range p.SocialHandles {
		if strings.HasPrefix(h.Handle, "@") {
			add("handle", "DM ", h.Handle)
		}
	}
	if p.Address != nil {
		add("postcode", "postcode ", p.Address.Postcode)
	}
	add("name", "her sister ", p.GivenName)
	add("name", "Mrs ", p.FamilyName)
	add("url", "see ", "https://www.instagram.com/"+strings.TrimPrefix(strings.ToLower(p.GivenName), "@")+"_example")
	add("ni", "NI number ", []string{"CE 12 34 56 A", "AB123456D", "JG 10 37 12 A"}[rng.IntN(3)])
	add("gmc", "GMC ", fmt.Sprintf("%07d", 1000000+rng.IntN(8999999)))
	if d := p.DateOfBirth; d.Precision() >= complication.PrecisionDay {
		add("dob", "DOB ", fmt.Sprintf("%02d/%02d/%02d", d.Day(), d.Month(), d.Year()%100))
	}
	return out
}

// readBack returns the output text between the sentinels of the i-th
// planting.
func readBack(out string, i int) (string, bool) {
	open := fmt.Sprintf("%s%d ", sentinelOpen, i)
	a := strings.Index(out, open)
	if a < 0 {
		return "", false
	}
	rest := out[a+len(open):]
	b := strings.Index(rest, " "+sentinelClose)
	if b < 0 {
		return "", false
	}
	return rest[:b], true
}

// TestPlantedIdentifierCorpus measures the figures the package promises on
// synthetic records: every known identifier, however disguised, is removed
// or its record refused (recall 100%); identifiers the record does not
// hold are removed by the generic detectors at ≥ 99.5%.
func TestPlantedIdentifierCorpus(t *testing.T) {
	records := 300
	if testing.Short() {
		records = 60
	}
	gen := synth.New(synth.Options{Seed: 2026})
	others := synth.New(synth.Options{Seed: 9})
	rng := rand.New(rand.NewPCG(11, 12))
	a := newAnonymizer(t, anonymize.Registry())

	type tally struct{ planted, removed int }
	var known, unknown tally
	byKind := map[string]*tally{}
	refused := 0
	var misses []string
	for n := 0; n < records; n++ {
		r := gen.Next().Report
		other := others.Next().Report
		if r == nil || other == nil || r.Identity == nil || r.Identity.Patient == nil || other.Identity == nil || other.Identity.Patient == nil {
			continue
		}
		plants := knownPlantings(r)
		plants = append(plants, unknownPlantings(other, rng)...)
		var b strings.Builder
		b.WriteString("Review after lip filler. ")
		for i, p := range plants {
			v := p.value
			if rng.IntN(2) == 0 {
				v = obfuscate(v, rng)
			}
			fmt.Fprintf(&b, "%s%d %s %s. ", sentinelOpen, i, v, sentinelClose)
		}
		r.Narrative = b.String()
		out, err := a.Report(r)
		if err != nil {
			var leak *anonymize.LeakError
			require.True(t, errors.As(err, &leak), "%v", err)
			// The gate refused the record: nothing reached the output.
			t.Logf("refused: %v", err)
			refused++
			for _, p := range plants {
				if p.known {
					known.planted++
					known.removed++
				}
			}
			continue
		}
		for i, p := range plants {
			got, ok := readBack(out.Narrative, i)
			require.True(t, ok, "sentinels must survive")
			removed := !strings.Contains(skeleton(got), skeleton(strings.TrimSpace(strings.TrimPrefix(p.value, cueOf(p.value)))))
			t1 := &unknown
			if p.known {
				t1 = &known
			}
			t1.planted++
			k := byKind[p.kind+fmt.Sprint(p.known)]
			if k == nil {
				k = &tally{}
				byKind[p.kind+fmt.Sprint(p.known)] = k
			}
			k.planted++
			if removed {
				t1.removed++
				k.removed++
			} else if len(misses) < 40 {
				misses = append(misses, fmt.Sprintf("%s/%v: %q -> %q", p.kind, p.known, p.value, got))
			}
		}
	}
	knownRecall := float64(known.removed) / float64(known.planted)
	unknownRecall := float64(unknown.removed) / float64(unknown.planted)
	t.Logf("known identifiers: %d planted, recall %.4f (%d records refused by the leak gate)", known.planted, knownRecall, refused)
	t.Logf("unknown identifiers: %d planted, generic-detector recall %.4f", unknown.planted, unknownRecall)
	for k, v := range byKind {
		t.Logf("  %-14s %4d planted, recall %.4f", k, v.planted, float64(v.removed)/float64(v.planted))
	}
	if len(misses) > 0 {
		t.Logf("missed (first few):\n%s", strings.Join(misses, "\n"))
	}
	assert.Equal(t, 1.0, knownRecall, "every known identifier is removed or its record refused")
	assert.GreaterOrEqual(t, unknownRecall, 0.995)
}

// cueOf returns the cue words an unknown planting starts with.
func cueOf(v string) string {
	for _, cue := range []string{"NHS no ", "call ", "email ", "DM ", "postcode ", "her sister ", "Mrs ", "see ", "NI number ", "GMC ", "DOB "} {
		if strings.HasPrefix(v, cue) {
			return cue
		}
	}
	return ""
}
