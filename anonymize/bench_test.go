package anonymize_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
)

// narrative500 is a realistic clinical narrative of about 500 words that
// mentions the patient's own identifiers a few times.
func narrative500() string {
	sentences := []string{
		"Mrs Doe attended the clinic for review of her lips.",
		"She had 1 ml of Juvederm Volbella to the upper and lower lip with a 27G needle on 14 May.",
		"Six months later she noticed firm, tender lumps along the vermilion border, worse after a cold.",
		"She contacted the practitioner on Instagram and was blocked, so she rang us on 07700 900123.",
		"On examination there were three palpable nodules, the largest 6 mm, with mild erythema and no fluctuance.",
		"There was no blanching, livedo or dusky discolouration and capillary refill was under two seconds.",
		"Her NHS number 999 000 0018 was confirmed and her GP was informed by letter.",
		"We injected 300 IU hyaluronidase intralesionally after a negative patch test and prescribed oral antibiotics for seven days.",
		"She was reviewed on day 14 with partial resolution and a second dose of 150 IU was given.",
		"Photographs were taken with consent and stored in the clinic record, not in this report.",
		"She was advised to report the product to the MHRA Yellow Card scheme and given our complaints leaflet.",
		"Jane asked whether the filler could have been counterfeit; the batch was unknown.",
	}
	var b strings.Builder
	for words := 0; words < 500; {
		for _, s := range sentences {
			b.WriteString(s)
			b.WriteByte(' ')
			words += len(strings.Fields(s))
			if words >= 500 {
				break
			}
		}
	}
	return b.String()
}

func BenchmarkReport(b *testing.B) {
	for _, p := range []*anonymize.Policy{anonymize.Registry(), anonymize.Research(anonymize.ResearchOptions{})} {
		b.Run(p.ID+"/500-word-narrative", func(b *testing.B) {
			a := newAnonymizer(b, p)
			r := corpusReport(b, "report-lip-filler-nodule")
			r.Narrative = narrative500()
			out, err := a.Report(r)
			require.NoError(b, err)
			require.NotContains(b, out.Narrative, "Doe")
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := a.Report(r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// synthReports generates n identified records deterministically and keeps
// those the anonymizer accepts, so every benchmark iteration does the full
// work of one record rather than an early refusal.
func synthReports(b *testing.B, a *anonymize.Anonymizer, n int) []*complication.Report {
	b.Helper()
	g := synth.New(synth.Options{Seed: 7})
	var out []*complication.Report
	for range n {
		r := g.Next().Report
		if r == nil {
			continue
		}
		if _, err := a.Report(r); err == nil {
			out = append(out, r)
		}
	}
	require.NotEmpty(b, out)
	return out
}

// BenchmarkReportSynth anonymises synthetic reports (about 2.9 KB of JSON
// each, a full identity block and a short narrative), one record per
// operation.
func BenchmarkReportSynth(b *testing.B) {
	for _, p := range []*anonymize.Policy{anonymize.Registry(), anonymize.Research(anonymize.ResearchOptions{})} {
		b.Run(p.ID, func(b *testing.B) {
			a := newAnonymizer(b, p)
			recs := synthReports(b, a, 500)
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				if _, err := a.Report(recs[i%len(recs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkComplaintSynth anonymises synthetic complaints under the
// registry profile, one record per operation.
func BenchmarkComplaintSynth(b *testing.B) {
	a := newAnonymizer(b, anonymize.Registry())
	g := synth.New(synth.Options{Seed: 7})
	var recs []*complication.Complaint
	for range 500 {
		c := g.NextComplaint().Complaint
		if c == nil {
			continue
		}
		if _, err := a.Complaint(c); err == nil {
			recs = append(recs, c)
		}
	}
	require.NotEmpty(b, recs)
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := a.Complaint(recs[i%len(recs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
