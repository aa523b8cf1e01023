package pii

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

const (
	corpusDocs    = 2000
	obfuscateRate = 60 // percent of planted identifiers obfuscated
)

// TestKnownRecall measures the known-identifier sweep: every planted
// identifier the Known record describes must be found, obfuscated or not.
func TestKnownRecall(t *testing.T) {
	docs := generate(1, scaled(corpusDocs), obfuscateRate)
	total, found := 0, 0
	var misses []string
	for _, d := range docs {
		m := NewMatcher(d.known)
		spans := m.Find(d.text)
		for _, i := range d.knownIdx {
			p := d.planted[i]
			total++
			if covered(d.text, p, spans) {
				found++
			} else if len(misses) < 20 {
				misses = append(misses, fmt.Sprintf("%s %q in %q", p.kind, d.text[p.start:p.end], d.text))
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("known-identifier recall: %d/%d = %.4f", found, total, recall)
	for _, s := range misses {
		t.Log("miss:", s)
	}
	if found != total {
		t.Errorf("known-identifier recall %.4f, want 1.0", recall)
	}
}

// TestGenericRecall measures the generic detectors alone, with no Known
// record, on every planted identifier.
func TestGenericRecall(t *testing.T) {
	docs := generate(2, scaled(corpusDocs), obfuscateRate)
	type tally struct{ total, found int }
	per := map[Kind]*tally{}
	total, found := 0, 0
	var misses []string
	for _, d := range docs {
		spans := Detect(d.text)
		for _, p := range d.planted {
			if per[p.kind] == nil {
				per[p.kind] = &tally{}
			}
			per[p.kind].total++
			total++
			if covered(d.text, p, spans) {
				found++
				per[p.kind].found++
			} else if len(misses) < 40 {
				misses = append(misses, fmt.Sprintf("%s %q in %q", p.kind, d.text[p.start:p.end], d.text))
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("generic-detector recall: %d/%d = %.4f", found, total, recall)
	var kinds []string
	for k, v := range per {
		kinds = append(kinds, fmt.Sprintf("%s %d/%d", k, v.found, v.total))
	}
	sort.Strings(kinds)
	t.Logf("per kind: %s", strings.Join(kinds, ", "))
	for _, s := range misses {
		t.Log("miss:", s)
	}
	if recall < 0.995 {
		t.Errorf("generic-detector recall %.4f, want >= 0.995", recall)
	}
}

// TestClinicalPrecision runs the generic detectors over the clinical
// corpus, which holds no identifiers: every span is a false positive.
// It also measures span precision on the planted corpus, where clinical
// sentences and identifiers are mixed.
func TestClinicalPrecision(t *testing.T) {
	if len(clinicalCorpus) < 150 {
		t.Fatalf("clinical corpus has %d sentences, want >= 150", len(clinicalCorpus))
	}
	clean, fp := 0, 0
	for _, s := range clinicalCorpus {
		spans := Detect(s)
		if len(spans) == 0 {
			clean++
			continue
		}
		fp += len(spans)
		for _, sp := range spans {
			t.Logf("false positive: %s %q in %q", sp.Kind, s[sp.Start:sp.End], s)
		}
	}
	sentPrecision := float64(clean) / float64(len(clinicalCorpus))
	t.Logf("clinical corpus: %d sentences, %d with no span (%.4f), %d false-positive spans",
		len(clinicalCorpus), clean, sentPrecision, fp)

	docs := generate(3, scaled(corpusDocs), obfuscateRate)
	tp, fps := 0, 0
	for _, d := range docs {
		for _, sp := range Merge(d.text, Detect(d.text)) {
			if overlapsPlanted(sp, d.planted) {
				tp++
			} else {
				fps++
				if fps <= 10 {
					t.Logf("planted-corpus false positive: %s %q in %q", sp.Kind, d.text[sp.Start:sp.End], d.text)
				}
			}
		}
	}
	spanPrecision := float64(tp) / float64(tp+fps)
	t.Logf("planted corpus span precision: %d/%d = %.4f", tp, tp+fps, spanPrecision)
	if sentPrecision < 0.95 {
		t.Errorf("clinical sentences without a false positive: %.4f, want >= 0.95", sentPrecision)
	}
	if spanPrecision < 0.95 {
		t.Errorf("span precision %.4f, want >= 0.95", spanPrecision)
	}
}
