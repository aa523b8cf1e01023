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

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

// complaintStream returns n complaints from each seed: for even seeds each
// after a report (linked), for odd seeds with no report before (each about
// a fresh episode).
func complaintStream(opts synth.Options, seeds []uint64, n int) []synth.Record {
	var out []synth.Record
	for _, s := range seeds {
		opts.Seed = s
		g := synth.New(opts)
		for range n {
			if s%2 == 0 {
				g.Next()
			}
			out = append(out, g.NextComplaint())
		}
	}
	return out
}

// share is a counter of values, logged as percentages of a total.
type share[K comparable] map[K]int

func logShares[K interface {
	comparable
	~string
}](t *testing.T, name string, s share[K], total int) {
	t.Helper()
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(s)) {
		fmt.Fprintf(&b, "\n    %-34s %5.1f%% (%d)", k, pct(s[k], total), s[k])
	}
	t.Logf("%s (of %d):%s", name, total, b.String())
}

func TestValidComplaints(t *testing.T) {
	v := validator(t, today)
	recs := complaintStream(synth.Options{}, []uint64{101, 102, 103, 104}, 300)
	require.GreaterOrEqual(t, len(recs), 1000)

	warnings := share[complication.Code]{}
	roles, channels, cats, routes, statuses, outcomes, conduct := share[complication.ComplainantRole]{}, share[complication.ComplaintChannel]{},
		share[complication.ComplaintCategory]{}, share[complication.EscalationRoute]{}, share[complication.ComplaintStatus]{},
		share[complication.ComplaintOutcome]{}, share[complication.ResponseChannel]{}
	var anonymous, withWarning, acked, ackedLate, escalated, reopened, disclosed, extended, explained, owed, outOfTime, outOfTimeAccepted int
	for _, rec := range recs {
		require.Equal(t, synth.KindComplaint, rec.Kind)
		require.Empty(t, rec.Fault)
		require.Nil(t, rec.Expect)
		require.Nil(t, rec.Report)
		x := rec.Complaint
		require.NotNil(t, x)
		want, err := json.Marshal(x)
		require.NoError(t, err)
		require.Equal(t, string(want), string(rec.JSON), "JSON must be json.Marshal(Complaint)")

		fs := v.Validate(schema.Complaint, rec.JSON)
		if fs.Rejected() {
			t.Fatalf("complaint %d rejected: %v\n%s", rec.Index, fs, rec.JSON)
		}
		require.False(t, v.ValidateComplaint(schema.Complaint, x).Rejected(), "the Go path agrees with the JSON path")
		if fs.Warnings() > 0 {
			withWarning++
		}
		seen := map[complication.Code]bool{}
		for _, f := range fs {
			if !seen[f.Code] {
				warnings[f.Code]++
				seen[f.Code] = true
			}
		}

		roles[x.ComplainantRole]++
		channels[x.Channel]++
		if x.Anonymous != nil && *x.Anonymous {
			anonymous++
			require.NotEmpty(t, x.Identity.TrackingToken)
			require.Nil(t, x.Identity.Complainant)
			require.Nil(t, x.Identity.Patient)
			require.Empty(t, x.ComplicationIDs)
		}
		for _, c := range x.Categories {
			cats[c]++
		}
		escRoutes := map[complication.EscalationRoute]bool{}
		for _, e := range x.Escalations {
			escRoutes[e.To] = true
		}
		for r := range escRoutes {
			routes[r]++
		}
		if len(x.Escalations) > 0 {
			escalated++
		}
		statuses[x.Status()]++
		if slices.ContainsFunc(x.StatusHistory, func(s complication.StatusChange) bool { return s.Status == complication.ComplaintStatusReopened }) {
			reopened++
		}
		if x.Outcome != "" {
			outcomes[x.Outcome]++
		}
		if pc := x.Conduct; pc != nil {
			for _, ch := range pc.ResponseChannels {
				conduct[ch]++
			}
			if pc.PatientInformationDisclosed != nil && *pc.PatientInformationDisclosed {
				disclosed++
			}
		}
		if len(x.Extensions) > 0 {
			extended++
		}
		if !x.DelayExplainedAt.IsZero() {
			explained++
		}
		// A response still owed at Today, past the agreed date.
		if x.Open() && x.ResponseSentAt.IsZero() {
			if d, err := x.Deadlines(); err == nil && !d.RespondBy.IsZero() && d.RespondBy.Before(complication.DateOf(today, complication.PrecisionDay)) {
				owed++
			}
		}
		if x.OutOfTimeAccepted != nil && *x.OutOfTimeAccepted && x.OutOfTimeReason != "" {
			outOfTimeAccepted++
		}
		// Made after the time limit, judged by the computed deadline.
		if d, err := x.Deadlines(); err == nil && !d.TimeLimitEnds.IsZero() &&
			complication.DateOf(ukClock(x.ReceivedAt), complication.PrecisionDay).After(d.TimeLimitEnds) {
			outOfTime++
		}
		// Acknowledged in time, judged by the computed deadline.
		if !x.AcknowledgedAt.IsZero() {
			if d, err := x.Deadlines(); err == nil {
				acked++
				if complication.DateOf(ukClock(x.AcknowledgedAt), complication.PrecisionDay).After(d.AcknowledgeBy) {
					ackedLate++
				}
			}
		}
		// Status changes are the allowed ones, in time order.
		for i := 1; i < len(x.StatusHistory); i++ {
			prev, cur := x.StatusHistory[i-1], x.StatusHistory[i]
			require.False(t, cur.At.Before(prev.At))
			early := x.Outcome == complication.ComplaintOutcomeWithdrawn || x.Outcome == complication.ComplaintOutcomeOutOfTime
			require.Truef(t, prev.Status.CanBecome(cur.Status) || early && cur.Status == complication.ComplaintStatusClosed,
				"%s -> %s", prev.Status, cur.Status)
		}
	}
	total := len(recs)
	t.Logf("%d valid complaints, %d (%.1f%%) with at least one warning", total, withWarning, pct(withWarning, total))
	logShares(t, "warning rates by code (share of complaints with at least one)", warnings, total)
	logShares(t, "complainant role", roles, total)
	logShares(t, "channel", channels, total)
	logShares(t, "categories", cats, total)
	logShares(t, "practitioner response channels", conduct, total)
	logShares(t, "escalated to", routes, total)
	logShares(t, "current status", statuses, total)
	logShares(t, "outcome", outcomes, total)
	t.Logf("anonymous %.1f%%; escalated %.1f%%; reopened %.1f%%; extended %.1f%%; disclosed in public %.1f%%; made after the time limit %.1f%%, accepted with a reason %.1f%%",
		pct(anonymous, total), pct(escalated, total), pct(reopened, total), pct(extended, total), pct(disclosed, total), pct(outOfTime, total), pct(outOfTimeAccepted, total))
	t.Logf("acknowledged: %d, of which late %.1f%%; delay past six months explained: %d; response owed past the agreed date at Today: %d",
		acked, pct(ackedLate, acked), explained, owed)

	for _, code := range []complication.Code{complication.CodeAcknowledgementOverdue, complication.CodePublicDisclosure,
		complication.CodeBlockedOrIgnored, complication.CodeOutOfTime, complication.CodeResponseOverdue,
		complication.CodeDelayNotExplained, complication.CodePublicResponse, complication.CodeEscalationRouteNotGiven,
		complication.CodeHealthSafetyUnlinked, complication.CodeDeadlinesUnknown} {
		assert.Positivef(t, warnings[code], "no %s warning in %d complaints", code, total)
	}
	assert.Zero(t, warnings[complication.CodeConsentToAct], "valid complaints record the consent to act")
	assert.Less(t, pct(ackedLate, acked), 20.0, "most acknowledgements are in time")
	assert.Positive(t, outOfTimeAccepted, "some late complaints are accepted for a reason")
	assert.Positive(t, explained, "some long delays are explained")
	assert.Positive(t, owed, "some responses are overdue at Today")
	assert.Less(t, pct(warnings[complication.CodeAcknowledgementOverdue], total), 40.0)
	assert.InDelta(t, 50, pct(conduct[complication.ResponseChannelBlockedOrIgnored], total), 15, "about half blocked or ignored")
	assert.InDelta(t, 80, pct(roles[complication.ComplainantRolePatient], total), 8, "mostly the patient")
	assert.Positive(t, roles[complication.ComplainantRoleRelativeOrCarer])
	assert.Positive(t, roles[complication.ComplainantRoleRepresentative])
	assert.Positive(t, reopened)
	assert.Positive(t, statuses[complication.ComplaintStatusEscalated]+routes[complication.EscalationRouteJCCP])
	for _, ch := range []complication.ComplaintChannel{complication.ComplaintChannelPrivateMessage, complication.ComplaintChannelPublicSocialMedia,
		complication.ComplaintChannelEmail, complication.ComplaintChannelPhone, complication.ComplaintChannelWebForm,
		complication.ComplaintChannelInPerson, complication.ComplaintChannelRegisterOrRegulator, complication.ComplaintChannelLetter} {
		assert.Positivef(t, channels[ch], "no complaint by %s", ch)
	}
	for _, r := range []complication.EscalationRoute{complication.EscalationRouteJCCP, complication.EscalationRouteSaveFace,
		complication.EscalationRouteMHRAYellowCard, complication.EscalationRouteISCAS, complication.EscalationRouteLocalAuthority} {
		assert.Positivef(t, routes[r], "no escalation to %s", r)
	}
}

// ukClock returns the UK wall clock of an instant, as a UTC-convention time:
// GMT, or BST from 01:00 GMT on the last Sunday of March to 01:00 GMT on
// the last Sunday of October. It is written independently of the packages
// under test.
func ukClock(t time.Time) time.Time {
	u := t.UTC()
	lastSunday := func(m time.Month) time.Time {
		d := time.Date(u.Year(), m+1, 0, 1, 0, 0, 0, time.UTC)
		return d.AddDate(0, 0, -int(d.Weekday()))
	}
	if !u.Before(lastSunday(time.March)) && u.Before(lastSunday(time.October)) {
		return u.Add(time.Hour)
	}
	return u
}

// TestComplaintLinking checks that a complaint after a report is about the
// report's episode, and that one before any report links none.
func TestComplaintLinking(t *testing.T) {
	linked, anonymous := 0, 0
	fits := map[string][2]int{}
	for _, seed := range []uint64{111, 112, 113} {
		g := synth.New(synth.Options{Seed: seed, InvalidRate: 0.1})
		first := g.NextComplaint()
		require.Empty(t, first.Complaint.ComplicationIDs, "no report yet, so no link")
		for range 250 {
			rep := g.Next()
			require.Equal(t, synth.KindReport, rep.Kind)
			require.Nil(t, rep.Complaint)
			for range 1 + int(seed%2) { // one or two complaints about the same episode
				rec := g.NextComplaint()
				x := rec.Complaint
				if x == nil || rep.Report == nil {
					continue
				}
				r := rep.Report
				if rec.Fault != "" {
					continue
				}
				if x.Anonymous != nil && *x.Anonymous {
					anonymous++
					require.Empty(t, x.ComplicationIDs)
					if !x.TreatmentDate.IsZero() {
						require.Equal(t, r.Treatment.Date.Truncate(complication.PrecisionMonth), x.TreatmentDate)
					}
					continue
				}
				linked++
				require.Equal(t, []uuid.UUID{r.ID}, x.ComplicationIDs)
				require.Equal(t, r.Treatment.Date, x.TreatmentDate)
				// The same patient.
				p := x.Identity.Patient
				if x.ComplainantRole == complication.ComplainantRolePatient {
					require.Nil(t, p, "the patient complains: no separate patient identity")
					p = x.Identity.Complainant
				}
				require.NotNil(t, p)
				rp := r.Identity.Patient
				require.Equal(t, rp.GivenName, p.GivenName)
				require.Equal(t, rp.FamilyName, p.FamilyName)
				if !rp.DateOfBirth.IsZero() && !p.DateOfBirth.IsZero() {
					require.Equal(t, rp.DateOfBirth, p.DateOfBirth)
				}
				// The same practitioner and clinic.
				if x.Identity.Practitioner != nil {
					require.Equal(t, r.Identity.Practitioner.Name, x.Identity.Practitioner.Name)
				}
				if x.Identity.Clinic != nil {
					require.Equal(t, r.Identity.Clinic.Name, x.Identity.Clinic.Name)
				}
				if x.Practitioner != nil {
					require.Equal(t, r.Practitioner.Profession, x.Practitioner.Profession)
				}
				if x.Setting != nil {
					require.Equal(t, r.Setting.Premises, x.Setting.Premises)
				}
				if rec.Fault == "" && rep.Fault == "" {
					require.Equal(t, r.Jurisdiction == complication.JurisdictionOther, x.Jurisdiction == complication.JurisdictionOther)
				}
				// Categories fit the complication.
				if rep.Fault != "" {
					continue
				}
				term := r.Events[0].Term
				has := func(c complication.ComplaintCategory) bool { return slices.Contains(x.Categories, c) }
				switch term {
				case complication.TermUnsatisfactoryResult, complication.TermAsymmetry:
					require.True(t, has(complication.ComplaintCategoryClinicalOutcome), "%s: %v", term, x.Categories)
					f := fits["result→cost_refund"]
					f[1]++
					if has(complication.ComplaintCategoryCostRefund) {
						f[0]++
					}
					fits["result→cost_refund"] = f
				case complication.TermNoduleInflammatory, complication.TermNoduleNoninflammatory, complication.TermGranuloma, complication.TermBiofilm:
					require.True(t, has(complication.ComplaintCategoryComplication), "%s: %v", term, x.Categories)
					f := fits["nodule→outcome or aftercare"]
					f[1]++
					if has(complication.ComplaintCategoryClinicalOutcome) || has(complication.ComplaintCategoryAftercare) {
						f[0]++
					}
					fits["nodule→outcome or aftercare"] = f
				case complication.TermVascularOcclusion, complication.TermInfectionAcute, complication.TermEyelidPtosis, complication.TermBurn:
					require.True(t, has(complication.ComplaintCategoryComplication), "%s: %v", term, x.Categories)
				}
			}
		}
	}
	t.Logf("%d linked complaints checked, %d anonymous", linked, anonymous)
	for k, f := range fits {
		t.Logf("  %s: %d of %d", k, f[0], f[1])
		assert.Greater(t, pct(f[0], f[1]), 50.0, k)
	}
	require.Positive(t, linked)
	require.Positive(t, anonymous)
}

func TestComplaintFaults(t *testing.T) {
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
		synth.FaultStatusTransition:      complication.CodeStatusTransition,
		synth.FaultAnonymousWithIdentity: complication.CodeAnonymousWithIdentity,
		synth.FaultConsentToActMissing:   complication.CodeConsentToAct,
	}
	require.ElementsMatch(t, slices.Collect(maps.Keys(want)), synth.ComplaintFaults())
	assert.Equal(t, complication.LevelError, synth.FaultStatusTransition.Level())
	assert.Equal(t, complication.LevelWarning, synth.FaultConsentToActMissing.Level())

	v := validator(t, today)
	n := 400
	if short() {
		n = 150
	}
	seen := map[synth.Fault]int{}
	for _, rec := range complaintStream(synth.Options{InvalidRate: 1}, []uint64{121, 122, 123}, n) {
		f := rec.Fault
		require.NotEmpty(t, f)
		require.Equal(t, synth.KindComplaint, rec.Kind)
		require.Nil(t, rec.Report)
		seen[f]++
		require.Equal(t, []complication.Code{want[f]}, rec.Expect, "fault %s", f)
		if rec.Complaint != nil {
			b, err := json.Marshal(rec.Complaint)
			require.NoError(t, err)
			require.Equal(t, string(b), string(rec.JSON), "fault %s: JSON must be json.Marshal(Complaint)", f)
		}

		fs := v.Validate(schema.Complaint, rec.JSON)
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
			require.True(t, fs.Rejected(), "fault %s must reject the complaint", f)
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
	for _, f := range synth.ComplaintFaults() {
		assert.Greaterf(t, seen[f], 10, "fault %s drawn too rarely", f)
	}
	t.Logf("complaint faults drawn: %v", seen)
}

// complaintIdentifiers collects the direct identifiers of a complaint's
// identity block.
func complaintIdentifiers(x *complication.Complaint) identifiers {
	var ids identifiers
	id := x.Identity
	if id == nil {
		return ids
	}
	r := &complication.Report{Identity: &complication.Identity{Patient: id.Complainant, Reporter: id.Patient, Practitioner: id.Practitioner, Clinic: id.Clinic}}
	return collect(r)
}

var trackingTokenRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{5,63}$`)

func TestComplaintReservedIdentifiers(t *testing.T) {
	var nhs, phones, emails, tokens int
	for _, rec := range complaintStream(synth.Options{InvalidRate: 0.05}, []uint64{131, 132, 133, 134}, 300) {
		// Every email address anywhere in the document is reserved, faulty
		// documents included.
		for _, x := range emailRE.FindAllString(string(bytes.ToValidUTF8(rec.JSON, nil)), -1) {
			require.Truef(t, reservedEmail(x), "email %q in the document is not at a reserved domain", x)
		}
		x := rec.Complaint
		if x == nil {
			continue
		}
		ids := complaintIdentifiers(x)
		for _, n := range ids.nhs {
			nhs++
			require.Truef(t, strings.HasPrefix(n, "999"), "NHS number %s outside the reserved range", n)
			require.Truef(t, complication.ValidNHSNumber(n), "NHS number %s fails modulus 11", n)
		}
		for _, p := range ids.phones {
			phones++
			require.Truef(t, dramaNumber.MatchString(nationalDigits(p)), "phone %q is not an Ofcom drama number", p)
		}
		for _, e := range ids.emails {
			emails++
			require.Truef(t, reservedEmail(e), "email %q is not at a reserved domain", e)
		}
		for _, p := range ids.postcodes {
			require.Regexpf(t, postcodeRE, p, "postcode %q is not in UK format", p)
		}
		if x.Identity != nil && x.Identity.TrackingToken != "" {
			tokens++
			require.Regexp(t, trackingTokenRE, x.Identity.TrackingToken)
		}
		for _, text := range []string{x.Summary, x.RemedyNotes, x.LearningPoints} {
			for _, p := range phoneRE.FindAllString(text, -1) {
				d := nationalDigits(p)
				if len(d) == 11 && (strings.HasPrefix(d, "07") || strings.HasPrefix(d, "01") || strings.HasPrefix(d, "02")) {
					require.Truef(t, dramaNumber.MatchString(d), "phone %q in free text is not an Ofcom drama number: %s", p, text)
				}
			}
		}
	}
	require.Positive(t, nhs)
	require.Positive(t, phones)
	require.Positive(t, emails)
	require.Positive(t, tokens)
	t.Logf("checked %d NHS numbers, %d phone numbers, %d email addresses, %d tracking tokens", nhs, phones, emails, tokens)
}

// TestComplaintText checks the free text: it mentions the complainant's
// own identifiers some of the time, never an anonymous complainant's, and
// never quotes a public post.
func TestComplaintText(t *testing.T) {
	recs := complaintStream(synth.Options{}, []uint64{141, 142, 143}, 300)
	with, named, notes, learning, public := 0, 0, 0, 0, 0
	for _, rec := range recs {
		x := rec.Complaint
		texts := []string{x.Summary, x.RemedyNotes, x.LearningPoints}
		for _, s := range texts {
			require.NotContainsf(t, s, `"`, "free text quotes something: %s", s)
			require.NotContains(t, s, "“")
			require.NotContains(t, s, "”")
		}
		if x.RemedyNotes != "" {
			notes++
		}
		if x.LearningPoints != "" {
			learning++
		}
		if pc := x.Conduct; pc != nil && slices.ContainsFunc(pc.ResponseChannels, complication.ResponseChannel.Public) {
			public++
			require.Regexp(t, `(?i)public|posted about`, x.Summary, "a public answer is described, neutrally")
		}
		if x.Identity == nil || x.Identity.Complainant == nil {
			continue
		}
		named++
		// Take out the practitioner's and the clinic's names, which share
		// words with people's names.
		text := strings.Join(texts, " ")
		if p := x.Identity.Practitioner; p != nil {
			text = strings.ReplaceAll(text, p.Name, "")
		}
		if cl := x.Identity.Clinic; cl != nil {
			text = strings.ReplaceAll(text, cl.Name, "")
		}
		if mentions(text, x.Identity.Complainant) {
			with++
		}
	}
	t.Logf("%d of %d named complainants (%.1f%%) are mentioned by their own identifiers in the free text; remedy notes %.1f%%, learning points %.1f%%, public answers %d",
		with, named, pct(with, named), pct(notes, len(recs)), pct(learning, len(recs)), public)
	assert.InDelta(t, 45, pct(with, named), 20)
	assert.Positive(t, public)
}

// TestComplaintDeterminism checks that the same options and the same
// sequence of calls give the same records, whatever the interleaving.
func TestComplaintDeterminism(t *testing.T) {
	patterns := []string{"C", "RC", "RCC", "RRCRCCRRRC", "CCRCRR"}
	for _, p := range patterns {
		opts := synth.Options{Seed: 77, InvalidRate: 0.2}
		a, b := synth.New(opts), synth.New(opts)
		for i := range 300 {
			var ra, rb synth.Record
			if p[i%len(p)] == 'R' {
				ra, rb = a.Next(), b.Next()
				require.Equal(t, synth.KindReport, ra.Kind)
			} else {
				ra, rb = a.NextComplaint(), b.NextComplaint()
				require.Equal(t, synth.KindComplaint, ra.Kind)
			}
			require.Equal(t, i, ra.Index, "reports and complaints share the index")
			require.Truef(t, bytes.Equal(ra.JSON, rb.JSON), "pattern %s: record %d differs between runs", p, i)
			require.Equal(t, ra.Fault, rb.Fault)
			require.Equal(t, ra.Expect, rb.Expect)
		}
	}

	// The calls share one stream: a complaint between two reports changes
	// the second report, as documented.
	x, y := synth.New(synth.Options{Seed: 5}), synth.New(synth.Options{Seed: 5})
	require.Equal(t, x.Next().JSON, y.Next().JSON)
	y.NextComplaint()
	assert.NotEqual(t, x.Next().JSON, y.Next().JSON)

	// Only Today's calendar date counts.
	c1 := synth.New(synth.Options{Seed: 3, Today: time.Date(2031, 3, 5, 15, 4, 0, 0, time.FixedZone("", -5*3600))})
	c2 := synth.New(synth.Options{Seed: 3, Today: time.Date(2031, 3, 5, 0, 0, 0, 0, time.UTC)})
	assert.Equal(t, c1.NextComplaint().JSON, c2.NextComplaint().JSON)
}

// TestComplaintDatesBeforeToday checks every timestamp and date against
// Today, for a Today far from the default, and that the complaints still
// validate as of that day.
func TestComplaintDatesBeforeToday(t *testing.T) {
	now := time.Date(2031, 6, 30, 12, 0, 0, 0, time.UTC)
	midnight := time.Date(2031, 6, 30, 0, 0, 0, 0, time.UTC)
	v := validator(t, midnight)
	day := complication.DateOf(now, complication.PrecisionDay)
	for _, rec := range complaintStream(synth.Options{Today: now}, []uint64{151, 152}, 300) {
		x := rec.Complaint
		require.False(t, v.Validate(schema.Complaint, rec.JSON).Rejected(), "%s", rec.JSON)
		stamps := []time.Time{x.ReceivedAt, x.AcknowledgedAt, x.DiscussionOfferedAt, x.ResponseSentAt, x.DelayExplainedAt, x.ClosedAt}
		for _, s := range x.StatusHistory {
			stamps = append(stamps, s.At)
		}
		for _, s := range stamps {
			require.True(t, s.IsZero() || s.Before(midnight), "timestamp %s not before %s", s, midnight)
		}
		dates := []complication.PartialDate{x.TreatmentDate, x.AwarenessDate}
		for _, e := range x.Escalations {
			dates = append(dates, e.Date)
		}
		for _, e := range x.Extensions {
			dates = append(dates, e.AgreedOn)
		}
		for _, d := range dates {
			require.True(t, d.IsZero() || !d.After(day), "date %s after %s", d, day)
		}
	}
}

func TestConcurrentComplaintGenerators(t *testing.T) {
	run := func() []synth.Record { return complaintStream(synth.Options{InvalidRate: 0.3}, []uint64{162}, 60) }
	want := run()
	done := make(chan []synth.Record)
	for range 4 {
		go func() { done <- run() }()
	}
	for range 4 {
		got := <-done
		for i := range want {
			require.Equal(t, want[i].JSON, got[i].JSON)
		}
	}
}

func BenchmarkNextComplaint(b *testing.B) {
	g := synth.New(synth.Options{Seed: 1})
	b.ReportAllocs()
	for b.Loop() {
		g.Next()
		g.NextComplaint()
	}
}

// TestComplaintsAcrossTodays runs complaints with and without faults
// against reference dates that stress the deadline arithmetic: the turn of
// the year, the days the clocks change, and years outside the UK
// working-day calendars (deadlines_unknown, never an error).
func TestComplaintsAcrossTodays(t *testing.T) {
	todays := []time.Time{
		time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 10, 25, 0, 0, 0, 0, time.UTC),
		time.Date(2030, 12, 26, 0, 0, 0, 0, time.UTC),
		time.Date(2101, 6, 1, 0, 0, 0, 0, time.UTC),
	}
	for _, now := range todays {
		v := validator(t, now)
		for _, rate := range []float64{0, 1} {
			for _, seed := range []uint64{171, 172, 173} {
				g := synth.New(synth.Options{Seed: seed, Today: now, InvalidRate: rate})
				for i := range 100 {
					if i%3 != 0 {
						g.Next()
					}
					rec := g.NextComplaint()
					fs := v.Validate(schema.Complaint, rec.JSON)
					var errs []complication.Code
					for _, f := range fs {
						if f.Level == complication.LevelError && !slices.Contains(errs, f.Code) {
							errs = append(errs, f.Code)
						}
					}
					switch rec.Fault.Level() {
					case complication.LevelError:
						require.Equalf(t, rec.Expect, errs, "today %s, fault %s: %v\n%s", now.Format(time.DateOnly), rec.Fault, fs, rec.JSON)
					case complication.LevelWarning:
						require.Emptyf(t, errs, "today %s, fault %s: %v", now.Format(time.DateOnly), rec.Fault, fs)
						require.True(t, fs.Has(rec.Expect[0]))
					default:
						require.Emptyf(t, errs, "today %s: %v\n%s", now.Format(time.DateOnly), fs, rec.JSON)
					}
				}
			}
		}
	}
}
