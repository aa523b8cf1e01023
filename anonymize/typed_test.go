package anonymize

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
)

// typedTestSecret is a test-only key.
var typedTestSecret = []byte("casebook-typed-test-key-0123456789")

// typedTestAnonymizers returns an Anonymizer for every profile and text
// mode, so that every action runs on every field that can take it.
func typedTestAnonymizers(t testing.TB) map[string]*Anonymizer {
	t.Helper()
	key, err := NewKey("typed-test", typedTestSecret)
	if err != nil {
		t.Fatal(err)
	}
	policies := map[string]*Policy{
		"registry":              Registry(),
		"research-shift":        Research(ResearchOptions{}),
		"research-month":        Research(ResearchOptions{Dates: MonthDates}),
		"research-surrogates":   Research(ResearchOptions{Text: Surrogates}),
		"registry-surrogates":   withText(Registry(), Surrogates),
		"research-short-shifts": Research(ResearchOptions{MaxShiftDays: 3}),
		// An age band written beside a generalised age is not visited
		// unless it was there before: a rule dropping bands shows it.
		"research-drop-band": withRule(Research(ResearchOptions{}), "/patient/age_band", Drop),
	}
	out := map[string]*Anonymizer{}
	for name, p := range policies {
		a, err := New(p, key)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = a
	}
	return out
}

func withRule(p *Policy, pointer string, act Action) *Policy {
	for i := range p.Reports {
		if p.Reports[i].Pointer == pointer {
			p.Reports[i].Action = act
		}
	}
	return p
}

func withText(p *Policy, m TextMode) *Policy {
	p.Text = m
	return p
}

// sameResult fails unless the typed anonymiser and the tree oracle gave
// the same record, the same audit counts and the same error.
func sameResult[T any](t *testing.T, what string, out, want *T, st, wantSt stats, err, wantErr error) {
	t.Helper()
	switch {
	case (err == nil) != (wantErr == nil):
		t.Fatalf("%s: error %v, the tree gives %v", what, err, wantErr)
	case err != nil:
		if reflect.TypeOf(err) != reflect.TypeOf(wantErr) || err.Error() != wantErr.Error() {
			t.Fatalf("%s: error %v, the tree gives %v", what, err, wantErr)
		}
	default:
		got, gerr := json.Marshal(out)
		exp, eerr := json.Marshal(want)
		if gerr != nil || eerr != nil || !bytes.Equal(got, exp) {
			t.Fatalf("%s: output differs from the tree's:\n%s\n%s", what, got, exp)
		}
		if !reflect.DeepEqual(out, want) {
			t.Fatalf("%s: output writes the same JSON but is not the same value", what)
		}
	}
	if !reflect.DeepEqual(st, wantSt) {
		t.Fatalf("%s: audit counts %+v, the tree gives %+v", what, st, wantSt)
	}
}

// TestTypedMatchesTree holds the typed anonymiser to the tree-based one it
// replaced (oracle_tree_test.go): same records, same counts, same errors,
// on synthetic reports and complaints (a third with a fault), under every
// profile, and on the same records bent the ways a record built in Go can
// be and a decoded one cannot (invalid UTF-8, NaN, far years, codes not in
// their list, empty slices, named time zones, missing blocks).
func TestTypedMatchesTree(t *testing.T) {
	n := 250
	if testing.Short() {
		n = 60
	}
	as := typedTestAnonymizers(t)
	g := synth.New(synth.Options{Seed: 11, InvalidRate: 0.3})
	checked := 0
	for i := range n {
		rec := g.Next()
		crec := g.NextComplaint()
		for name, a := range as {
			if rec.Report != nil {
				for j, bend := range reportBends {
					r := deepCopyJSON(t, rec.Report)
					if j > 0 && !bend(r, i) {
						continue
					}
					what := fmt.Sprintf("report %d, %s, bend %d", i, name, j)
					before, merr := json.Marshal(r)
					out, st, err := a.anonymizeReport(r)
					if after, _ := json.Marshal(r); merr == nil && !bytes.Equal(before, after) {
						t.Fatalf("%s: the input changed", what)
					}
					want, wantSt, wantErr := treeReport(a, r)
					sameResult(t, what, out, want, st, wantSt, err, wantErr)
					checked++
				}
			}
			if crec.Complaint != nil {
				for j, bend := range complaintBends {
					c := deepCopyJSON(t, crec.Complaint)
					if j > 0 && !bend(c, i) {
						continue
					}
					what := fmt.Sprintf("complaint %d, %s, bend %d", i, name, j)
					out, st, err := a.anonymizeComplaint(c)
					want, wantSt, wantErr := treeComplaint(a, c)
					sameResult(t, what, out, want, st, wantSt, err, wantErr)
					checked++
				}
			}
		}
	}
	t.Logf("%d records compared", checked)
}

// deepCopyJSON copies v deeply, so a bend cannot touch the generator's
// record.
func deepCopyJSON[T any](t testing.TB, v *T) *T {
	out := new(T)
	deepCopy(reflect.ValueOf(out).Elem(), reflect.ValueOf(v).Elem())
	return out
}

func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			dst.Set(reflect.New(src.Type().Elem()))
			deepCopy(dst.Elem(), src.Elem())
		}
	case reflect.Slice:
		if !src.IsNil() {
			dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
			for i := range src.Len() {
				deepCopy(dst.Index(i), src.Index(i))
			}
		}
	case reflect.Map:
		if !src.IsNil() {
			dst.Set(reflect.MakeMap(src.Type()))
			for it := src.MapRange(); it.Next(); {
				dst.SetMapIndex(it.Key(), it.Value())
			}
		}
	case reflect.Struct:
		if src.Type() == reflect.TypeFor[time.Time]() || src.Type() == reflect.TypeFor[complication.PartialDate]() {
			dst.Set(src)
			return
		}
		for i := range src.NumField() {
			deepCopy(dst.Field(i), src.Field(i))
		}
	default:
		dst.Set(src)
	}
}

var london = time.FixedZone("BST", 3600)

// reportBends bend a report; the first is the record as it is. A bend
// returns false when it does not apply to the record.
var reportBends = []func(r *complication.Report, i int) bool{
	nil,
	func(r *complication.Report, i int) bool {
		r.Narrative = "Bad \xff byte \xc3 then Jane \xe2\x82"
		return true
	},
	func(r *complication.Report, i int) bool {
		if len(r.Treatment.Products) == 0 {
			return false
		}
		r.Treatment.Products[0].Name = "Prod\xffuct"
		return true
	},
	func(r *complication.Report, i int) bool { w := math.NaN(); r.Patient.WeightKg = &w; return true },
	func(r *complication.Report, i int) bool { w := math.Inf(1); r.Patient.WeightKg = &w; return true },
	func(r *complication.Report, i int) bool {
		r.Created = time.Date(10000, 1, 2, 3, 4, 5, 0, time.UTC)
		return true
	},
	func(r *complication.Report, i int) bool {
		// A shift can carry a time past year 9999.
		r.Updated = time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC)
		return true
	},
	func(r *complication.Report, i int) bool {
		loc, err := time.LoadLocation("Europe/London")
		if err != nil {
			loc = london
		}
		r.Created = time.Date(2025, 3, 30, 0, 30, 0, 123, loc)
		r.Updated = time.Date(2025, 10, 26, 1, 30, 0, 0, loc).Add(time.Hour)
		return true
	},
	func(r *complication.Report, i int) bool { r.Patient.Sex = "bogus"; return true },
	func(r *complication.Report, i int) bool {
		r.Patient.Missing = complication.Missing{"sex": "not_asked", "b\xffad": "no_such_reason"}
		return true
	},
	func(r *complication.Report, i int) bool {
		r.Patient.History = []complication.RiskFactor{}
		r.Events = []complication.Event{}
		r.ComplaintIDs = nil
		return true
	},
	func(r *complication.Report, i int) bool {
		r.Practitioner, r.Setting, r.Consent = nil, nil, nil
		return true
	},
	func(r *complication.Report, i int) bool { r.Identity = nil; return true },
	func(r *complication.Report, i int) bool {
		age := 34 + i%30
		r.Patient.AgeAtTreatment = &age
		r.Patient.AgeBand = complication.BandOf(age)
		r.Patient.PostcodeDistrict = "LS1"
		r.Patient.PostcodeArea = "LS"
		r.Patient.Pseudonym = "clinic-own-17"
		return true
	},
	func(r *complication.Report, i int) bool {
		if len(r.Events) == 0 {
			return false
		}
		r.Events[0].CTCAEGrade = 5
		r.Events[0].Onset = complication.PartialDate{}
		r.Events = append(r.Events, r.Events[0])
		return true
	},
	func(r *complication.Report, i int) bool {
		r.Treatment.Date = complication.DateOf(time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), complication.PrecisionYear)
		return true
	},
	func(r *complication.Report, i int) bool {
		r.Deidentification = &complication.Deidentification{PolicyID: "x"}
		return true
	},
}

var complaintBends = []func(c *complication.Complaint, i int) bool{
	nil,
	func(c *complication.Complaint, i int) bool { c.Summary = "Complaint \xff about Jane"; return true },
	func(c *complication.Complaint, i int) bool {
		c.ReceivedAt = time.Date(2025, 3, 30, 0, 30, 0, 0, london)
		c.ClosedAt = time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)
		return true
	},
	func(c *complication.Complaint, i int) bool {
		c.Categories = []complication.ComplaintCategory{"bogus"}
		return true
	},
	func(c *complication.Complaint, i int) bool { c.Identity = nil; c.Practitioner = nil; return true },
	func(c *complication.Complaint, i int) bool {
		c.ComplicationIDs = append(c.ComplicationIDs, c.ID)
		c.PatientPseudonym = "own-pseudonym"
		return true
	},
}

// FuzzTypedMatchesTree holds the typed anonymiser to the tree oracle on
// any report or complaint JSON can hold.
func FuzzTypedMatchesTree(f *testing.F) {
	g := synth.New(synth.Options{Seed: 3, InvalidRate: 0.2})
	for range 8 {
		f.Add(g.Next().JSON)
		f.Add(g.NextComplaint().JSON)
	}
	f.Add([]byte(`{"narrative":"Jane Doe 9990000018 07700 900123","patient":{"missing":{"sex":"not_asked"}},"identity":{"patient":{"given_name":"Jane"}}}`))
	as := typedTestAnonymizers(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var r complication.Report
		var c complication.Complaint
		okR, okC := json.Unmarshal(data, &r) == nil, json.Unmarshal(data, &c) == nil
		for name, a := range as {
			if okR {
				out, st, err := a.anonymizeReport(&r)
				want, wantSt, wantErr := treeReport(a, &r)
				sameResult(t, "report, "+name, out, want, st, wantSt, err, wantErr)
			}
			if okC {
				out, st, err := a.anonymizeComplaint(&c)
				want, wantSt, wantErr := treeComplaint(a, &c)
				sameResult(t, "complaint, "+name, out, want, st, wantSt, err, wantErr)
			}
		}
	})
}

// TestReadDate checks readDate's shortcut against the round trip through
// text it stands for, on dates from every constructor.
func TestReadDate(t *testing.T) {
	roundTrip := func(d complication.PartialDate) (complication.PartialDate, error) {
		b, _ := d.MarshalText()
		var out complication.PartialDate
		err := out.UnmarshalText(b)
		return out, err
	}
	var dates []complication.PartialDate
	base := time.Date(1, 1, 1, 23, 59, 0, 0, time.UTC)
	for i := 0; i < 3_700_000; i += 37 {
		tm := base.AddDate(0, 0, i)
		for _, p := range []complication.Precision{complication.PrecisionNone, complication.PrecisionYear,
			complication.PrecisionMonth, complication.PrecisionDay, complication.PrecisionMinute} {
			d := complication.DateOf(tm, p)
			dates = append(dates, d, d.Truncate(complication.PrecisionMonth), d.Truncate(complication.PrecisionYear))
			if moved, ok := d.AddDays(i % 400); ok {
				dates = append(dates, moved)
			}
		}
	}
	for _, s := range []string{"0001", "9999-12", "2024-02-29", "2026-05-14T00:00", "9999-12-31T23:59"} {
		dates = append(dates, complication.MustParsePartialDate(s))
	}
	for _, d := range append(dates, complication.PartialDate{}) {
		got, err := readDate(d)
		want, wantErr := roundTrip(d)
		if (err == nil) != (wantErr == nil) || err == nil && got != want {
			t.Fatalf("readDate(%v) = %v, %v; the round trip gives %v, %v", d, got, err, want, wantErr)
		}
	}
}
