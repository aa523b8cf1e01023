package synth_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

var today = time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)

func validator(t testing.TB, now time.Time) *schema.Validator {
	t.Helper()
	v, err := schema.New(schema.Options{Now: func() time.Time { return now }})
	require.NoError(t, err)
	return v
}

// records returns n records from each seed.
func records(opts synth.Options, seeds []uint64, n int) []synth.Record {
	var out []synth.Record
	for _, s := range seeds {
		opts.Seed = s
		g := synth.New(opts)
		for range n {
			out = append(out, g.Next())
		}
	}
	return out
}

func short() bool { return testing.Short() }

func TestDeterminism(t *testing.T) {
	opts := synth.Options{Seed: 42, InvalidRate: 0.2}
	a, b := synth.New(opts), synth.New(opts)
	for i := range 500 {
		ra, rb := a.Next(), b.Next()
		require.Equal(t, i, ra.Index)
		require.Truef(t, bytes.Equal(ra.JSON, rb.JSON), "record %d differs between runs", i)
		require.Equal(t, ra.Fault, rb.Fault)
		require.Equal(t, ra.Expect, rb.Expect)
	}

	// Other seeds give other streams.
	differ := 0
	x, y := synth.New(synth.Options{Seed: 1}), synth.New(synth.Options{Seed: 2})
	for range 100 {
		if !bytes.Equal(x.Next().JSON, y.Next().JSON) {
			differ++
		}
	}
	assert.Equal(t, 100, differ, "seeds 1 and 2 should share no record")

	// Today moves the dates but the stream stays deterministic.
	c1 := synth.New(synth.Options{Seed: 3, Today: time.Date(2031, 3, 5, 15, 4, 0, 0, time.FixedZone("", -5*3600))})
	c2 := synth.New(synth.Options{Seed: 3, Today: time.Date(2031, 3, 5, 0, 0, 0, 0, time.UTC)})
	assert.Equal(t, c1.Next().JSON, c2.Next().JSON, "only Today's calendar date counts")
}

func TestValidRecords(t *testing.T) {
	v := validator(t, today)
	n := 600
	if short() {
		n = 150
	}
	recs := records(synth.Options{}, []uint64{1, 2, 3, 4}, n)
	warnings := map[complication.Code]int{}
	withWarning := 0
	for _, rec := range recs {
		require.Empty(t, rec.Fault)
		require.Nil(t, rec.Expect)
		require.NotNil(t, rec.Report)
		want, err := json.Marshal(rec.Report)
		require.NoError(t, err)
		require.Equal(t, string(want), string(rec.JSON), "JSON must be json.Marshal(Report)")

		fs := v.Validate(schema.Report, rec.JSON)
		if fs.Rejected() {
			t.Fatalf("record %d rejected: %v\n%s", rec.Index, fs, rec.JSON)
		}
		if fs.Warnings() > 0 {
			withWarning++
		}
		for _, f := range fs {
			warnings[f.Code]++
		}
		// The Go path agrees with the JSON path.
		require.False(t, v.ValidateReport(schema.Report, rec.Report).Rejected())
	}
	total := len(recs)
	t.Logf("%d valid records, %d (%.1f%%) with at least one warning", total, withWarning, pct(withWarning, total))
	for _, code := range slices.Sorted(maps.Keys(warnings)) {
		t.Logf("  %-32s %5d  %5.2f%% of records", code, warnings[code], pct(warnings[code], total))
	}
	assert.Less(t, pct(withWarning, total), 20.0, "warnings should be the minority")
	assert.Positive(t, warnings[complication.CodeUnder18], "16- and 17-year-olds exercise the under-18 flag")
}

func pct(n, d int) float64 { return 100 * float64(n) / float64(d) }

func TestFaults(t *testing.T) {
	// The structural codes the generator expects are the schema package's.
	want := map[synth.Fault]complication.Code{
		synth.FaultSyntax:                schema.CodeSyntax,
		synth.FaultInvalidUTF8:           schema.CodeInvalidUTF8,
		synth.FaultDuplicateKey:          schema.CodeDuplicateKey,
		synth.FaultUnknownField:          schema.CodeUnknownField,
		synth.FaultWrongType:             schema.CodeType,
		synth.FaultBadDate:               schema.CodeFormat,
		synth.FaultBadCode:               schema.CodeEnum,
		synth.FaultMissingRequired:       schema.CodeRequired,
		synth.FaultDateOrder:             complication.CodeDateOrder,
		synth.FaultDateInFuture:          complication.CodeDateInFuture,
		synth.FaultFatalNotSerious:       complication.CodeFatalNotSerious,
		synth.FaultDuplicateEventID:      complication.CodeDuplicateID,
		synth.FaultNotSeriousConflict:    complication.CodeNotSeriousConflict,
		synth.FaultFollowUpWithoutParent: complication.CodeFollowUpWithoutParent,
		synth.FaultMissingAndPresent:     complication.CodeMissingAndPresent,
		synth.FaultAgeBandMismatch:       complication.CodeAgeBandMismatch,
		synth.FaultCodeForm:              complication.CodeCodeForm,
		synth.FaultExpectedSerious:       complication.CodeExpectedSerious,
		synth.FaultDeviceWithoutLot:      complication.CodeDeviceWithoutLot,
	}
	require.ElementsMatch(t, slices.Collect(maps.Keys(want)), synth.Faults())

	v := validator(t, today)
	n := 500
	if short() {
		n = 150
	}
	seen := map[synth.Fault]int{}
	for _, rec := range records(synth.Options{InvalidRate: 1}, []uint64{7, 8, 9}, n) {
		f := rec.Fault
		require.NotEmpty(t, f)
		seen[f]++
		require.Equal(t, []complication.Code{want[f]}, rec.Expect, "fault %s", f)
		if rec.Report != nil {
			b, err := json.Marshal(rec.Report)
			require.NoError(t, err)
			require.Equal(t, string(b), string(rec.JSON), "fault %s: JSON must be json.Marshal(Report)", f)
		}

		fs := v.Validate(schema.Report, rec.JSON)
		got := map[complication.Code]bool{}
		for _, x := range fs {
			if x.Level == f.Level() {
				got[x.Code] = true
			}
		}
		for _, code := range rec.Expect {
			require.Truef(t, got[code], "fault %s: want %s at %s level, got %v\n%s", f, code, f.Level(), fs, rec.JSON)
		}
		switch f.Level() {
		case complication.LevelError:
			require.True(t, fs.Rejected(), "fault %s must reject the record", f)
			// Exactly the expected error codes, nothing else.
			var errs []complication.Code
			for _, x := range fs {
				if x.Level == complication.LevelError && !slices.Contains(errs, x.Code) {
					errs = append(errs, x.Code)
				}
			}
			require.ElementsMatchf(t, rec.Expect, errs, "fault %s: %v\n%s", f, fs, rec.JSON)
		case complication.LevelWarning:
			require.False(t, fs.Rejected(), "warning-only fault %s must not reject: %v", f, fs)
		default:
			t.Fatalf("fault %s has no level", f)
		}
	}
	// Each fault is drawn uniformly: about 3n/19 times. The floor leaves
	// room for chance in the short run's 450 draws.
	floor := 10
	if short() {
		floor = 5
	}
	for _, f := range synth.Faults() {
		assert.Greaterf(t, seen[f], floor, "fault %s drawn too rarely", f)
	}
	t.Logf("faults drawn: %v", seen)
}

func TestFaultLevel(t *testing.T) {
	assert.Equal(t, complication.Level(""), synth.Fault("").Level())
	assert.Equal(t, complication.Level(""), synth.Fault("no_such_fault").Level())
	assert.Equal(t, complication.LevelWarning, synth.FaultExpectedSerious.Level())
	assert.Equal(t, complication.LevelError, synth.FaultSyntax.Level())
	fs := synth.Faults()
	fs[0] = "changed"
	assert.Equal(t, synth.FaultSyntax, synth.Faults()[0], "Faults returns a copy")
}

func TestInvalidRate(t *testing.T) {
	g := synth.New(synth.Options{Seed: 5, InvalidRate: 0.1})
	bad := 0
	for range 2000 {
		if g.Next().Fault != "" {
			bad++
		}
	}
	assert.InDelta(t, 200, bad, 50)
	for _, rate := range []float64{-1, 2} {
		g := synth.New(synth.Options{InvalidRate: rate})
		f := g.Next().Fault
		if rate < 0 {
			assert.Empty(t, f)
		} else {
			assert.NotEmpty(t, f)
		}
	}
}

// identifiers collects the direct identifiers of a report's identity block.
type identifiers struct {
	nhs, phones, emails, postcodes []string
}

func collect(r *complication.Report) identifiers {
	var ids identifiers
	id := r.Identity
	if id == nil {
		return ids
	}
	person := func(p *complication.PersonIdentity) {
		if p == nil {
			return
		}
		if p.NHSNumber != "" {
			ids.nhs = append(ids.nhs, p.NHSNumber)
		}
		ids.phones = append(ids.phones, p.Phones...)
		ids.emails = append(ids.emails, p.Emails...)
		if p.Address != nil && p.Address.Postcode != "" {
			ids.postcodes = append(ids.postcodes, p.Address.Postcode)
		}
	}
	prac := func(p *complication.PractitionerIdentity) {
		if p != nil {
			ids.phones = append(ids.phones, p.Phones...)
			ids.emails = append(ids.emails, p.Emails...)
		}
	}
	person(id.Patient)
	person(id.Reporter)
	prac(id.Practitioner)
	prac(id.Prescriber)
	if cl := id.Clinic; cl != nil {
		ids.phones = append(ids.phones, cl.Phones...)
		ids.emails = append(ids.emails, cl.Emails...)
		if cl.Address != nil && cl.Address.Postcode != "" {
			ids.postcodes = append(ids.postcodes, cl.Address.Postcode)
		}
	}
	return ids
}

// nationalDigits turns any written UK number into its national digits:
// "+44 (0)7700 900123" gives "07700900123".
func nationalDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	switch {
	case strings.HasPrefix(d, "440"):
		return d[2:]
	case strings.HasPrefix(d, "44"):
		return "0" + d[2:]
	}
	return d
}

// dramaNumber matches Ofcom's ranges for TV and radio drama: mobile
// 07700 900xxx, the 496 0xxx ranges of the large cities, London 020 7946 0xxx,
// Tyneside 0191 498 0xxx, Cardiff 029 2018 0xxx and the no-area 01632 960xxx.
var dramaNumber = regexp.MustCompile(`^(07700900\d{3}|01(13|14|15|16|17|18|21|31|41|51|61)4960\d{3}|02079460\d{3}|01914980\d{3}|02920180\d{3}|01632960\d{3})$`)

var (
	emailRE    = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]+`)
	postcodeRE = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$`)
	phoneRE    = regexp.MustCompile(`(\+44\s?(\(0\))?|\b0)[0-9][0-9 -]{8,13}[0-9]`)
)

func reservedEmail(e string) bool {
	dom := strings.ToLower(e[strings.LastIndexByte(e, '@')+1:])
	switch dom {
	case "example.com", "example.org", "example.net":
		return true
	}
	return strings.HasSuffix(dom, ".invalid")
}

func TestReservedIdentifiers(t *testing.T) {
	n := 600
	if short() {
		n = 150
	}
	var nhs, phones, emails int
	for _, rec := range records(synth.Options{InvalidRate: 0.05}, []uint64{11, 12, 13}, n) {
		if rec.Report == nil {
			continue
		}
		ids := collect(rec.Report)
		for _, x := range ids.nhs {
			nhs++
			require.Truef(t, strings.HasPrefix(x, "999"), "NHS number %s outside the reserved range", x)
			require.Truef(t, complication.ValidNHSNumber(x), "NHS number %s fails modulus 11", x)
		}
		for _, x := range ids.phones {
			phones++
			require.Truef(t, dramaNumber.MatchString(nationalDigits(x)), "phone %q is not an Ofcom drama number", x)
		}
		for _, x := range ids.emails {
			emails++
			require.Truef(t, reservedEmail(x), "email %q is not at a reserved domain", x)
		}
		for _, x := range ids.postcodes {
			require.Regexpf(t, postcodeRE, x, "postcode %q is not in UK format", x)
		}
		// Free text too: every email and phone number anywhere in the
		// document is reserved.
		for _, x := range emailRE.FindAllString(string(rec.JSON), -1) {
			require.Truef(t, reservedEmail(x), "email %q in the document is not at a reserved domain", x)
		}
		for _, text := range freeText(rec.Report) {
			for _, x := range phoneRE.FindAllString(text, -1) {
				d := nationalDigits(x)
				if len(d) == 11 && (strings.HasPrefix(d, "07") || strings.HasPrefix(d, "01") || strings.HasPrefix(d, "02")) {
					require.Truef(t, dramaNumber.MatchString(d), "phone %q in free text is not an Ofcom drama number: %s", x, text)
				}
			}
		}
	}
	require.Positive(t, nhs)
	require.Positive(t, phones)
	require.Positive(t, emails)
	t.Logf("checked %d NHS numbers, %d phone numbers, %d email addresses", nhs, phones, emails)
}

func freeText(r *complication.Report) []string {
	out := []string{r.Narrative, r.Treatment.Notes, r.Patient.HistoryNotes}
	for _, e := range r.Events {
		out = append(out, e.Description, e.Sequelae)
		for _, m := range e.Management {
			out = append(out, m.Notes)
		}
	}
	return out
}

// mentions reports whether text holds one of the patient's own identifiers
// in some surface form. It is written independently of the generator.
func mentions(text string, p *complication.PersonIdentity) bool {
	if text == "" || p == nil {
		return false
	}
	low := strings.ToLower(text)
	word := func(w string) bool {
		return w != "" && regexp.MustCompile(`(?i)(^|[^\p{L}])`+regexp.QuoteMeta(w)+`($|[^\p{L}])`).MatchString(text)
	}
	if word(p.FamilyName) || word(p.GivenName) {
		return true
	}
	for _, e := range p.Emails {
		if strings.Contains(low, strings.ToLower(e)) {
			return true
		}
	}
	for _, h := range p.SocialHandles {
		if strings.Contains(low, "@"+strings.ToLower(strings.TrimPrefix(h.Handle, "@"))) {
			return true
		}
	}
	// Numbers with any separators.
	digitsRuns := regexp.MustCompile(`\+?[0-9][0-9 ().-]{5,}[0-9]`).FindAllString(text, -1)
	nums := []string{p.NHSNumber}
	for _, ph := range p.Phones {
		nums = append(nums, nationalDigits(ph))
	}
	for _, run := range digitsRuns {
		d := nationalDigits(run)
		for _, n := range nums {
			if n != "" && strings.Contains(d, n) {
				return true
			}
		}
	}
	if a := p.Address; a != nil {
		squash := strings.ToUpper(strings.ReplaceAll(text, " ", ""))
		if a.Postcode != "" && strings.Contains(squash, strings.ReplaceAll(a.Postcode, " ", "")) {
			return true
		}
	}
	if p.LocalID != "" && strings.Contains(text, p.LocalID) {
		return true
	}
	if dob := p.DateOfBirth; dob.Precision() >= complication.PrecisionDay {
		d, m, y := dob.Day(), int(dob.Month()), dob.Year()
		month := dob.Start().Month().String()
		re := fmt.Sprintf(`(?i)\b0?%d(st|nd|rd|th)?[ ./-]+(0?%d|%s|%s)[ ./-]+(%d|%02d)\b`, d, m, month, month[:3], y, y%100)
		if regexp.MustCompile(re).MatchString(text) || strings.Contains(text, dob.String()) {
			return true
		}
	}
	return false
}

// sentenceEnd finds the end of a sentence that another follows, skipping
// initials ("J. Smith") and abbreviations before numbers ("NHS no. 999").
var sentenceEnd = regexp.MustCompile(`[a-z0-9)\]]\. [A-Z]`)

func TestNarrativeMentionsIdentifiers(t *testing.T) {
	n := 700
	if short() {
		n = 200
	}
	recs := records(synth.Options{}, []uint64{21, 22, 23}, n)
	with, narratives := 0, 0
	sentences := map[int]int{}
	for _, rec := range recs {
		r := rec.Report
		if r.Narrative == "" {
			continue
		}
		narratives++
		sentences[len(sentenceEnd.FindAllString(r.Narrative, -1))+1]++
		if mentions(r.Narrative, r.Identity.Patient) {
			with++
		}
	}
	share := pct(with, len(recs))
	t.Logf("%d of %d records (%.1f%%) have a narrative that mentions the patient's own identifiers; %d narratives", with, len(recs), share, narratives)
	t.Logf("narrative length in sentences: %v", sentences)
	assert.GreaterOrEqual(t, share, 30.0)
	assert.Less(t, share, 80.0, "many narratives should mention no identifier")
	assert.Greater(t, pct(narratives, len(recs)), 80.0)
}

func TestNarrativeWords(t *testing.T) {
	v := validator(t, today)
	for _, words := range []int{600, 50000} {
		g := synth.New(synth.Options{Seed: 9, NarrativeWords: words})
		long := 0
		for range 30 {
			rec := g.Next()
			nar := rec.Report.Narrative
			require.LessOrEqual(t, utf8.RuneCountInString(nar), 20000, "narrative over the schema's limit")
			if nar != "" {
				long++
				if words < 2000 {
					assert.GreaterOrEqual(t, len(strings.Fields(nar)), words)
					assert.Less(t, len(strings.Fields(nar)), words+150)
				} else {
					assert.Greater(t, utf8.RuneCountInString(nar), 19000)
				}
			}
			require.False(t, v.Validate(schema.Report, rec.JSON).Rejected())
		}
		require.Positive(t, long)
	}
}

func TestDistribution(t *testing.T) {
	n := 2000
	if short() {
		n = 500
	}
	recs := records(synth.Options{}, []uint64{31, 32}, n)
	procs := map[complication.Procedure]int{}
	lips, female, under18, serious := 0, 0, 0, 0
	for _, rec := range recs {
		r := rec.Report
		procs[r.Treatment.Procedure]++
		if r.Treatment.Procedure == complication.ProcedureDermalFiller && slices.ContainsFunc(r.Treatment.Products, func(p complication.Product) bool {
			return strings.Contains(r.Narrative+r.Treatment.Notes, "lip") || slices.ContainsFunc(r.Treatment.Sites, func(s complication.SiteSide) bool {
				return s.Site == complication.SiteUpperLip || s.Site == complication.SiteLowerLip || s.Site == complication.SiteLipBorder
			})
		}) {
			lips++
		}
		if r.Patient.Sex == complication.SexFemale {
			female++
		}
		if _, hi, ok := r.AgeAtTreatment(); ok && hi < 18 {
			under18++
		}
		for _, e := range r.Events {
			if s, _ := e.Serious(); s {
				serious++
				break
			}
		}
	}
	total := len(recs)
	share := func(p complication.Procedure) float64 { return pct(procs[p], total) }
	t.Logf("procedures: %v", procs)
	t.Logf("lips %.1f%% of filler; female %.1f%%; under 18 %.1f%%; with a serious event %.1f%%",
		pct(lips, procs[complication.ProcedureDermalFiller]), pct(female, total), pct(under18, total), pct(serious, total))
	assert.InDelta(t, 65, share(complication.ProcedureDermalFiller), 5)
	assert.InDelta(t, 25, share(complication.ProcedureBotulinumToxin), 4)
	rest := 100 - share(complication.ProcedureDermalFiller) - share(complication.ProcedureBotulinumToxin)
	assert.InDelta(t, 10, rest, 4)
	for _, p := range []complication.Procedure{complication.ProcedureThreadLift, complication.ProcedureChemicalPeel,
		complication.ProcedureLaserIPL, complication.ProcedureSkinBooster, complication.ProcedureLipolysis} {
		assert.Positivef(t, procs[p], "no %s records", p)
	}
	assert.InDelta(t, 70, pct(lips, procs[complication.ProcedureDermalFiller]), 8)
	assert.Greater(t, pct(female, total), 80.0)
	assert.InDelta(t, 2.5, pct(under18, total), 2)
	assert.InDelta(t, 4, pct(serious, total), 3.5)
}

// TestClinicalConsistency checks the timing and management the taxonomy
// implies.
func TestClinicalConsistency(t *testing.T) {
	n := 1500
	if short() {
		n = 400
	}
	recs := records(synth.Options{}, []uint64{41, 42, 43}, n)
	occlusions, nodules, monthOnly := 0, 0, 0
	for _, rec := range recs {
		r := rec.Report
		treated := r.Treatment.Date
		for _, e := range r.Events {
			lo, hi, ok := complication.Interval(treated, e.Onset)
			switch e.Term {
			case complication.TermVascularOcclusion:
				occlusions++
				require.Equal(t, complication.PrecisionMinute, e.Onset.Precision(), "occlusion onset to the minute")
				require.Equal(t, complication.PrecisionMinute, treated.Precision(), "treatment time recorded")
				require.True(t, ok && lo == 0 && hi == 0, "occlusion on the treatment day")
				serious, assessed := e.Serious()
				require.True(t, serious && assessed, "occlusion marked serious")
				require.NotEmpty(t, e.Management)
				for i, m := range e.Management {
					require.False(t, m.Given.Before(e.Onset), "management after onset")
					if i > 0 {
						require.False(t, m.Given.Before(e.Management[i-1].Given), "management in time order")
					}
				}
				if r.Treatment.Products[0].Substance != "calcium hydroxylapatite" {
					// Hyaluronic acid fillers are dissolved at once.
					i := slices.IndexFunc(e.Management, func(m complication.Management) bool { return m.Action == complication.ActionHyaluronidase })
					require.GreaterOrEqual(t, i, 0, "occlusion managed with hyaluronidase")
					m := e.Management[i]
					require.Equal(t, complication.DoseUnitIU, m.DoseUnit)
					require.NotNil(t, m.Dose)
					require.Equal(t, complication.PrecisionMinute, m.Given.Precision())
				}
			case complication.TermNoduleInflammatory:
				if e.Onset.IsZero() {
					continue
				}
				nodules++
				require.True(t, ok)
				require.GreaterOrEqual(t, hi, 28, "delayed nodule at least weeks after treatment")
				require.LessOrEqual(t, lo, 300, "delayed nodule within about nine months")
				if e.Onset.Precision() == complication.PrecisionMonth {
					monthOnly++
				}
			}
			if e.Outcome == complication.OutcomeFatal {
				t.Fatalf("valid record %d has a fatal outcome", rec.Index)
			}
			if e.Term.ExpectedSerious() {
				serious, _ := e.Serious()
				require.Truef(t, serious, "%s not serious", e.Term)
			}
		}
		// Products fit the procedure.
		for _, p := range r.Treatment.Products {
			switch r.Treatment.Procedure {
			case complication.ProcedureBotulinumToxin:
				require.Equal(t, complication.ProductClassMedicine, p.Class)
				if p.Dose != nil {
					require.Equal(t, complication.DoseUnitUnits, p.DoseUnit)
				}
			case complication.ProcedureDermalFiller, complication.ProcedureThreadLift:
				require.Equal(t, complication.ProductClassDevice, p.Class)
				if p.Dose != nil {
					require.Equal(t, complication.DoseUnitMl, p.DoseUnit)
				}
			case complication.ProcedureChemicalPeel:
				require.Equal(t, complication.ProductClassCosmetic, p.Class)
			}
		}
		// Age and date of birth agree.
		if a := r.Patient.AgeAtTreatment; a != nil && !r.Identity.Patient.DateOfBirth.IsZero() {
			r2 := *r
			r2.Patient.AgeAtTreatment = nil
			lo, hi, ok := r2.AgeAtTreatment()
			require.True(t, ok)
			require.Truef(t, lo <= *a && *a <= hi, "age %d outside %d..%d from date of birth", *a, lo, hi)
		}
	}
	t.Logf("%d occlusions, %d delayed nodules (%d known only to the month)", occlusions, nodules, monthOnly)
	require.Positive(t, occlusions)
	require.Positive(t, nodules)
	require.Positive(t, monthOnly)
}

// TestDatesBeforeToday checks every dated field against Today, including a
// Today far from the default.
func TestDatesBeforeToday(t *testing.T) {
	for _, now := range []time.Time{today, time.Date(2031, 6, 30, 12, 0, 0, 0, time.UTC)} {
		day := complication.DateOf(now, complication.PrecisionDay)
		recs := records(synth.Options{Today: now}, []uint64{51}, 400)
		for _, rec := range recs {
			r := rec.Report
			dates := []complication.PartialDate{r.Treatment.Date}
			for _, n := range r.ReportedTo {
				dates = append(dates, n.Date)
			}
			for _, e := range r.Events {
				dates = append(dates, e.Onset, e.Detected, e.Resolved, e.OutcomeDate)
				for _, m := range e.Management {
					dates = append(dates, m.Given)
				}
				if c := e.Candour; c != nil {
					dates = append(dates, c.NotifiedInPerson, c.NotifiedInWriting)
				}
			}
			for _, d := range dates {
				// A date known only to the month may be the current month:
				// it is not in the future, and it starts before today.
				if !d.IsZero() {
					require.Truef(t, !d.After(day) && d.Start().Before(day.Start()), "date %s not before %s", d, day)
				}
			}
			require.True(t, r.Created.Before(now))
			require.True(t, r.Updated.IsZero() || !r.Updated.Before(r.Created) && r.Updated.Before(now))
			// Treatment within the last few years.
			require.True(t, r.Treatment.Date.After(complication.DateOf(now.AddDate(-5, 0, 0), complication.PrecisionDay)))
		}
	}
}

// TestConcurrentGenerators runs generators side by side: they share only
// read-only tables, so the race detector must stay quiet and each stream
// must match a solo run.
func TestConcurrentGenerators(t *testing.T) {
	want := records(synth.Options{InvalidRate: 0.3}, []uint64{61}, 50)
	done := make(chan []synth.Record)
	for range 4 {
		go func() { done <- records(synth.Options{InvalidRate: 0.3}, []uint64{61}, 50) }()
	}
	for range 4 {
		got := <-done
		for i := range want {
			require.Equal(t, want[i].JSON, got[i].JSON)
		}
	}
}

func BenchmarkNext(b *testing.B) {
	g := synth.New(synth.Options{Seed: 1})
	b.ReportAllocs()
	var size int
	for b.Loop() {
		size += len(g.Next().JSON)
	}
	b.SetBytes(int64(size / max(b.N, 1)))
}

func BenchmarkNextLongNarrative(b *testing.B) {
	g := synth.New(synth.Options{Seed: 1, NarrativeWords: 1000})
	b.ReportAllocs()
	for b.Loop() {
		g.Next()
	}
}
