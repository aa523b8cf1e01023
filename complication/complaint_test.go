package complication_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	c "github.com/openaesthetics/casebook/complication"
)

// at parses an RFC 3339 timestamp for test fixtures.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// validComplaint returns a complaint, handled well in England, that passes
// every complaint rule with no finding at all (as of today, 25 November
// 2026): tests change one thing and expect one finding. It was received on
// Monday 2 November 2026, so the acknowledgement was due by Thursday 5
// November.
func validComplaint() *c.Complaint {
	return &c.Complaint{
		ID:              uuid.MustParse("7d9a3c1e-5b2f-4e8a-9c0d-1e2f3a4b5c6d"),
		ReceivedAt:      at("2026-11-02T10:15:00Z"),
		Channel:         c.ComplaintChannelEmail,
		Jurisdiction:    c.JurisdictionEngland,
		ComplainantRole: c.ComplainantRolePatient,
		Summary:         "Lumps in both lips since October; asks for them to be dissolved.",
		Categories:      []c.ComplaintCategory{c.ComplaintCategoryComplication, c.ComplaintCategoryAftercare},
		ComplicationIDs: []uuid.UUID{uuid.MustParse("6c1e8f52-3b7d-4a2e-9f10-2d4b6a8c0e11")},
		TreatmentDate:   c.MustParsePartialDate("2026-05-14"),
		AwarenessDate:   c.MustParsePartialDate("2026-10"),
		RemedySought:    []c.Remedy{c.RemedyExplanation, c.RemedyCorrectiveTreatment},

		AcknowledgedAt:      at("2026-11-04T09:00:00Z"),
		DiscussionOfferedAt: at("2026-11-04T09:00:00Z"),
		AgreedResponseBy:    c.MustParsePartialDate("2026-11-20"),
		ResponseSentAt:      at("2026-11-19T14:00:00Z"),
		StatusHistory: []c.StatusChange{
			{Status: c.ComplaintStatusReceived, At: at("2026-11-02T10:15:00Z")},
			{Status: c.ComplaintStatusAcknowledged, At: at("2026-11-04T09:00:00Z")},
			{Status: c.ComplaintStatusInvestigating, At: at("2026-11-05T11:00:00Z")},
			{Status: c.ComplaintStatusResponded, At: at("2026-11-19T14:00:00Z")},
		},

		Urgency:         c.UrgencyPriority,
		HealthAndSafety: new(true),
		Outcome:         c.ComplaintOutcomePartlyUpheld,
		ApologyGiven:    new(true),
		RemedialActions: []c.RemedialAction{c.RemedialActionCorrectiveTreatment, c.RemedialActionPracticeChange},
		Conduct:         &c.PractitionerConduct{ResponseChannels: []c.ResponseChannel{c.ResponseChannelPrivate}},

		EscalationRouteGiven: new(true),
	}
}

func TestValidComplaintHasNoFindings(t *testing.T) {
	fs := validComplaint().Check(c.CheckOptions{Today: today})
	assert.Empty(t, fs, "the base complaint of the rule tests must be clean: %v", fs)
}

func TestComplaintRules(t *testing.T) {
	pd := c.MustParsePartialDate
	tests := []struct {
		name    string
		change  func(x *c.Complaint)
		pointer string
		code    c.Code
		level   c.Level
	}{
		// Dates in order.
		{"acknowledged before receipt", func(x *c.Complaint) { x.AcknowledgedAt = at("2026-11-01T09:00:00Z") }, "/acknowledged_at", c.CodeDateOrder, c.LevelError},
		{"response before receipt", func(x *c.Complaint) { x.ResponseSentAt = at("2026-11-02T10:14:00Z") }, "/response_sent_at", c.CodeDateOrder, c.LevelError},
		{"closed before receipt", func(x *c.Complaint) { x.ClosedAt = at("2026-10-30T09:00:00Z") }, "/closed_at", c.CodeDateOrder, c.LevelError},
		{"delay explained before receipt", func(x *c.Complaint) { x.DelayExplainedAt = at("2026-10-30T09:00:00Z") }, "/delay_explained_at", c.CodeDateOrder, c.LevelError},
		{"discussion offered before receipt", func(x *c.Complaint) { x.DiscussionOfferedAt = at("2026-10-30T09:00:00Z") }, "/discussion_offered_at", c.CodeDateOrder, c.LevelError},
		{"treatment after receipt", func(x *c.Complaint) {
			x.TreatmentDate = pd("2026-11-10")
			x.AwarenessDate = c.PartialDate{}
		}, "/treatment_date", c.CodeDateOrder, c.LevelError},
		{"awareness before treatment", func(x *c.Complaint) { x.AwarenessDate = pd("2026-04") }, "/awareness_date", c.CodeDateOrder, c.LevelError},
		{"awareness after receipt", func(x *c.Complaint) { x.AwarenessDate = pd("2026-11-20") }, "/awareness_date", c.CodeDateOrder, c.LevelError},
		{"agreed response before receipt", func(x *c.Complaint) {
			x.AgreedResponseBy = pd("2026-10-30")
			x.Extensions = []c.Extension{{ResponseBy: pd("2026-11-20"), Reason: c.ExtensionReasonComplexInvestigation}}
		}, "/agreed_response_by", c.CodeDateOrder, c.LevelError},
		{"extension that does not extend", func(x *c.Complaint) {
			x.Extensions = []c.Extension{{ResponseBy: pd("2026-11-19"), Reason: c.ExtensionReasonComplexInvestigation}}
		}, "/extensions/0/response_by", c.CodeDateOrder, c.LevelError},
		{"extension agreed before receipt", func(x *c.Complaint) {
			x.Extensions = []c.Extension{{ResponseBy: pd("2026-11-27"), Reason: c.ExtensionReasonAwaitingRecords, AgreedOn: pd("2026-10-01")}}
		}, "/extensions/0/agreed_on", c.CodeDateOrder, c.LevelError},
		{"status changes out of order", func(x *c.Complaint) { x.StatusHistory[2].At = at("2026-11-03T11:00:00Z") }, "/status_history/2/at", c.CodeDateOrder, c.LevelError},
		{"status before receipt", func(x *c.Complaint) { x.StatusHistory[0].At = at("2026-11-02T10:00:00Z") }, "/status_history/0/at", c.CodeDateOrder, c.LevelError},

		// Dates in the future.
		{"delay explained in the future", func(x *c.Complaint) { x.DelayExplainedAt = today.Add(72 * time.Hour) }, "/delay_explained_at", c.CodeDateInFuture, c.LevelError},
		{"escalated in the future", func(x *c.Complaint) {
			x.Escalations = []c.Escalation{{To: c.EscalationRouteJCCP, Date: pd("2026-12-01")}}
		}, "/escalations/0/date", c.CodeDateInFuture, c.LevelError},
		{"status change in the future", func(x *c.Complaint) {
			x.StatusHistory = append(x.StatusHistory, c.StatusChange{Status: c.ComplaintStatusClosed, At: today.Add(72 * time.Hour)})
		}, "/status_history/4/at", c.CodeDateInFuture, c.LevelError},

		// Status history.
		{"history not starting with received", func(x *c.Complaint) { x.StatusHistory = x.StatusHistory[1:] }, "/status_history/0/status", c.CodeStatusTransition, c.LevelError},
		{"investigated without acknowledgement", func(x *c.Complaint) {
			x.StatusHistory = slices.Delete(x.StatusHistory, 1, 2)
		}, "/status_history/1/status", c.CodeStatusTransition, c.LevelError},
		{"closed without a response", func(x *c.Complaint) {
			x.ResponseSentAt = time.Time{}
			x.AgreedResponseBy = c.PartialDate{}
			x.StatusHistory[3] = c.StatusChange{Status: c.ComplaintStatusClosed, At: at("2026-11-19T14:00:00Z")}
		}, "/status_history/3/status", c.CodeStatusTransition, c.LevelError},

		// Identity.
		{"anonymous complainant named", func(x *c.Complaint) {
			x.Anonymous = new(true)
			x.Identity = &c.ComplaintIdentity{Complainant: &c.PersonIdentity{GivenName: "Ana"}}
		}, "/identity/complainant", c.CodeAnonymousWithIdentity, c.LevelError},
		{"anonymous patient named in the patient block", func(x *c.Complaint) {
			x.Anonymous = new(true)
			x.Identity = &c.ComplaintIdentity{Patient: &c.PersonIdentity{FamilyName: "Doe"}}
		}, "/identity/patient", c.CodeAnonymousWithIdentity, c.LevelError},
		{"not stated with a remedy", func(x *c.Complaint) {
			x.RemedySought = append(x.RemedySought, c.RemedyNotStated)
		}, "/remedy_sought", c.CodeRemedyConflict, c.LevelError},
		{"response date without a responded status", func(x *c.Complaint) {
			x.StatusHistory = x.StatusHistory[:3]
		}, "/status_history", c.CodeStatusTimestamp, c.LevelWarning},
		{"out-of-time outcome in time", func(x *c.Complaint) { x.Outcome = c.ComplaintOutcomeOutOfTime }, "/outcome", c.CodeOutcomeInTime, c.LevelWarning},
		{"identity in a de-identified record", func(x *c.Complaint) {
			x.Identity = &c.ComplaintIdentity{}
			x.Deidentification = &c.Deidentification{PolicyID: "registry", Dates: c.DateHandlingKept}
		}, "/identity", c.CodeIdentityInSubmission, c.LevelError},

		// Who complains, and what about.
		{"relative without consent", func(x *c.Complaint) { x.ComplainantRole = c.ComplainantRoleRelativeOrCarer }, "/consent_to_act", c.CodeConsentToAct, c.LevelWarning},
		{"representative refused consent", func(x *c.Complaint) {
			x.ComplainantRole = c.ComplainantRoleRepresentative
			x.ConsentToAct = new(false)
		}, "/consent_to_act", c.CodeConsentToAct, c.LevelWarning},
		{"health and safety without a complication report", func(x *c.Complaint) { x.ComplicationIDs = nil }, "/complication_ids", c.CodeHealthSafetyUnlinked, c.LevelWarning},

		// Practitioner conduct.
		{"patient information disclosed in public", func(x *c.Complaint) {
			x.Conduct = &c.PractitionerConduct{
				ResponseChannels:            []c.ResponseChannel{c.ResponseChannelPublicComment},
				PatientInformationDisclosed: new(true),
			}
		}, "/practitioner_conduct/patient_information_disclosed_publicly", c.CodePublicDisclosure, c.LevelWarning},
		{"answered in a public post", func(x *c.Complaint) {
			x.Conduct.ResponseChannels = []c.ResponseChannel{c.ResponseChannelPrivate, c.ResponseChannelPublicPost}
		}, "/practitioner_conduct/response_channels/1", c.CodePublicResponse, c.LevelWarning},
		{"complainant blocked", func(x *c.Complaint) {
			x.Conduct.ResponseChannels = []c.ResponseChannel{c.ResponseChannelBlockedOrIgnored}
		}, "/practitioner_conduct/response_channels/0", c.CodeBlockedOrIgnored, c.LevelWarning},
		{"response without the route onward", func(x *c.Complaint) { x.EscalationRouteGiven = nil }, "/informed_of_escalation_route", c.CodeEscalationRouteNotGiven, c.LevelWarning},
		{"closed without the route onward", func(x *c.Complaint) {
			x.ResponseSentAt = time.Time{}
			x.AgreedResponseBy = c.PartialDate{}
			x.EscalationRouteGiven = new(false)
			x.StatusHistory = append(x.StatusHistory[:3],
				c.StatusChange{Status: c.ComplaintStatusEscalated, At: at("2026-11-10T09:00:00Z")},
				c.StatusChange{Status: c.ComplaintStatusClosed, At: at("2026-11-20T09:00:00Z")})
		}, "/informed_of_escalation_route", c.CodeEscalationRouteNotGiven, c.LevelWarning},

		// Deadlines.
		{"no jurisdiction", func(x *c.Complaint) { x.Jurisdiction = "" }, "/jurisdiction", c.CodeDeadlinesUnknown, c.LevelWarning},
		{"received before the calendars begin", func(x *c.Complaint) {
			x.ReceivedAt = at("1994-11-02T10:15:00Z")
			x.TreatmentDate, x.AwarenessDate = c.PartialDate{}, c.PartialDate{}
			x.AgreedResponseBy = c.PartialDate{}
		}, "/received_at", c.CodeDeadlinesUnknown, c.LevelWarning},
		{"acknowledged late", func(x *c.Complaint) { x.AcknowledgedAt = at("2026-11-06T09:00:00Z") }, "/acknowledged_at", c.CodeAcknowledgementOverdue, c.LevelWarning},
		{"not acknowledged", func(x *c.Complaint) { x.AcknowledgedAt = time.Time{} }, "/acknowledged_at", c.CodeAcknowledgementOverdue, c.LevelWarning},
		{"responded after the agreed date", func(x *c.Complaint) { x.ResponseSentAt = at("2026-11-23T09:00:00Z") }, "/response_sent_at", c.CodeResponseOverdue, c.LevelWarning},
		{"responded after the extended date", func(x *c.Complaint) {
			x.Extensions = []c.Extension{{ResponseBy: pd("2026-11-18"), Reason: c.ExtensionReasonAwaitingRecords}}
			x.AgreedResponseBy = pd("2026-11-13")
		}, "/response_sent_at", c.CodeResponseOverdue, c.LevelWarning},
		{"no response by the agreed date", func(x *c.Complaint) { x.ResponseSentAt = time.Time{} }, "/response_sent_at", c.CodeResponseOverdue, c.LevelWarning},
		{"out of time, no decision", func(x *c.Complaint) {
			x.TreatmentDate = pd("2025-06-01")
			x.AwarenessDate = c.PartialDate{}
		}, "/received_at", c.CodeOutOfTime, c.LevelWarning},
		{"out of time, accepted without a reason", func(x *c.Complaint) {
			x.TreatmentDate = pd("2025-06-01")
			x.AwarenessDate = c.PartialDate{}
			x.OutOfTimeAccepted = new(true)
		}, "/out_of_time_reason", c.CodeOutOfTime, c.LevelWarning},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := validComplaint()
			tc.change(x)
			fs := x.Check(c.CheckOptions{Today: today})
			var got []string
			for _, f := range fs {
				got = append(got, f.Pointer+" "+string(f.Code)+" "+string(f.Level))
			}
			want := tc.pointer + " " + string(tc.code) + " " + string(tc.level)
			assert.Equal(t, []string{want}, got, "exactly one finding")
			for _, f := range fs {
				assert.NotEmpty(t, f.Message)
			}
		})
	}
}

// TestComplaintRulesQuiet lists changes that must not produce a finding.
func TestComplaintRulesQuiet(t *testing.T) {
	pd := c.MustParsePartialDate
	tests := []struct {
		name   string
		change func(x *c.Complaint)
	}{
		{"extension honoured", func(x *c.Complaint) {
			x.Extensions = []c.Extension{{ResponseBy: pd("2026-11-27"), Reason: c.ExtensionReasonComplainantRequest, AgreedOn: pd("2026-11-16")}}
			x.ResponseSentAt = at("2026-11-25T09:00:00Z")
			x.StatusHistory[3].At = x.ResponseSentAt
		}},
		{"out of time, accepted with a reason", func(x *c.Complaint) {
			x.TreatmentDate = pd("2025-06-01")
			x.AwarenessDate = c.PartialDate{}
			x.OutOfTimeAccepted = new(true)
			x.OutOfTimeReason = c.OutOfTimeReasonDistressOrTrauma
		}},
		{"out of time, declined", func(x *c.Complaint) {
			x.TreatmentDate = pd("2025-06-01")
			x.AwarenessDate = c.PartialDate{}
			x.OutOfTimeAccepted = new(false)
			x.Outcome = c.ComplaintOutcomeOutOfTime
		}},
		{"in time through awareness", func(x *c.Complaint) {
			x.TreatmentDate = pd("2025-06-01")
			x.AwarenessDate = pd("2025-12")
		}},
		{"acknowledged on the last day", func(x *c.Complaint) { x.AcknowledgedAt = at("2026-11-05T23:30:00Z") }},
		{"parent of a child needs no consent", func(x *c.Complaint) { x.ComplainantRole = c.ComplainantRoleParentOrGuardian }},
		{"representative with consent", func(x *c.Complaint) {
			x.ComplainantRole = c.ComplainantRoleRepresentative
			x.ConsentToAct = new(true)
		}},
		{"anonymous with a tracking token", func(x *c.Complaint) {
			x.Anonymous = new(true)
			x.Identity = &c.ComplaintIdentity{TrackingToken: "trk-4F7Q9X2M", Clinic: &c.ClinicIdentity{Name: "Example Aesthetics"}}
		}},
		{"withdrawn and closed early", func(x *c.Complaint) {
			x.Outcome = c.ComplaintOutcomeWithdrawn
			x.ResponseSentAt = time.Time{}
			x.EscalationRouteGiven = nil
			x.ClosedAt = at("2026-11-06T09:00:00Z")
			x.StatusHistory = append(x.StatusHistory[:3], c.StatusChange{Status: c.ComplaintStatusClosed, At: x.ClosedAt})
		}},
		{"outside the UK", func(x *c.Complaint) { x.Jurisdiction = c.JurisdictionOther; x.AcknowledgedAt = time.Time{} }},
		{"dates shifted into the future by anonymisation", func(x *c.Complaint) {
			// A shift of 73 days keeps every interval but moves the
			// acknowledgement across weekends: neither a future date nor a
			// missed deadline is an error in shifted data.
			x.Deidentification = &c.Deidentification{PolicyID: "registry", Dates: c.DateHandlingShifted}
			shift := func(t *time.Time) { *t = t.AddDate(0, 0, 73) }
			shiftDate := func(d *c.PartialDate) { *d, _ = d.AddDays(73) }
			for _, t := range []*time.Time{&x.ReceivedAt, &x.AcknowledgedAt, &x.DiscussionOfferedAt, &x.ResponseSentAt} {
				shift(t)
			}
			for i := range x.StatusHistory {
				shift(&x.StatusHistory[i].At)
			}
			shiftDate(&x.TreatmentDate)
			shiftDate(&x.AgreedResponseBy)
			x.AwarenessDate = c.MustParsePartialDate("2026-12")
			x.AcknowledgedAt = x.AcknowledgedAt.AddDate(0, 0, 4)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := validComplaint()
			tc.change(x)
			assert.Empty(t, x.Check(c.CheckOptions{Today: today}))
		})
	}
}

// TestComplaintDeadlineRules covers the six-month rule and the day against
// which duties not yet done are judged.
func TestComplaintDeadlineRules(t *testing.T) {
	// A complaint received on Tuesday 10 March 2026 and acknowledged in
	// time; the six months beginning with 10 March end on 9 September.
	base := func() *c.Complaint {
		return &c.Complaint{
			ReceivedAt:           at("2026-03-10T09:00:00Z"),
			Channel:              c.ComplaintChannelLetter,
			Jurisdiction:         c.JurisdictionEngland,
			ComplainantRole:      c.ComplainantRolePatient,
			Summary:              "s",
			AcknowledgedAt:       at("2026-03-11T09:00:00Z"),
			DiscussionOfferedAt:  at("2026-03-11T09:00:00Z"),
			EscalationRouteGiven: new(true),
		}
	}
	tests := []struct {
		name   string
		change func(x *c.Complaint)
		today  time.Time
		want   []string
	}{
		{"answered within six months", func(x *c.Complaint) { x.ResponseSentAt = at("2026-09-09T16:00:00Z") }, today, nil},
		{"answered after six months, unexplained", func(x *c.Complaint) { x.ResponseSentAt = at("2026-09-10T09:00:00Z") }, today,
			[]string{"/delay_explained_at delay_not_explained"}},
		{"answered after six months, explained", func(x *c.Complaint) {
			x.DelayExplainedAt = at("2026-09-09T09:00:00Z")
			x.ResponseSentAt = at("2026-10-01T09:00:00Z")
		}, today, nil},
		{"still open after six months", func(x *c.Complaint) {}, today, []string{"/delay_explained_at delay_not_explained"}},
		{"still open after six months, judged without today", func(x *c.Complaint) {}, time.Time{}, nil},
		{"still open within six months", func(x *c.Complaint) {}, at("2026-09-09T20:00:00Z"), nil},
		{"closed after six months without a response", func(x *c.Complaint) {
			x.ClosedAt = at("2026-10-01T09:00:00Z")
			x.Outcome = c.ComplaintOutcomeOutOfTime
		}, today, []string{"/delay_explained_at delay_not_explained"}},
		{"closed within six months without a response", func(x *c.Complaint) {
			x.ClosedAt = at("2026-04-01T09:00:00Z")
			x.Outcome = c.ComplaintOutcomeOutOfTime
		}, today, nil},
		{"withdrawn", func(x *c.Complaint) { x.Outcome = c.ComplaintOutcomeWithdrawn }, today, nil},
		{"withdrawn before acknowledgement", func(x *c.Complaint) {
			x.Outcome = c.ComplaintOutcomeWithdrawn
			x.AcknowledgedAt = time.Time{}
		}, today, nil},
		{"closed late without acknowledgement", func(x *c.Complaint) {
			x.AcknowledgedAt = time.Time{}
			x.ClosedAt = at("2026-03-20T09:00:00Z")
			x.Outcome = c.ComplaintOutcomeOutOfTime
		}, today, []string{"/acknowledged_at acknowledgement_overdue"}},
		{"closed in time without acknowledgement", func(x *c.Complaint) {
			x.AcknowledgedAt = time.Time{}
			x.ClosedAt = at("2026-03-12T09:00:00Z")
			x.Outcome = c.ComplaintOutcomeOutOfTime
		}, today, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := base()
			tc.change(x)
			var got []string
			for _, f := range x.Check(c.CheckOptions{Today: tc.today}) {
				got = append(got, f.Pointer+" "+string(f.Code))
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestStatusTransitions checks every pair of statuses, both through
// CanBecome and through Check on a history that reaches the first status
// legally and then changes to the second.
func TestStatusTransitions(t *testing.T) {
	const (
		rcv  = c.ComplaintStatusReceived
		ack  = c.ComplaintStatusAcknowledged
		inv  = c.ComplaintStatusInvestigating
		resp = c.ComplaintStatusResponded
		cls  = c.ComplaintStatusClosed
		reop = c.ComplaintStatusReopened
		esc  = c.ComplaintStatusEscalated
	)
	legal := map[c.ComplaintStatus][]c.ComplaintStatus{
		rcv:  {ack, esc},
		ack:  {inv, esc},
		inv:  {resp, esc},
		resp: {cls, reop, esc},
		cls:  {reop, esc},
		reop: {inv, esc},
		esc:  {ack, inv, resp, cls, esc},
	}
	paths := map[c.ComplaintStatus][]c.ComplaintStatus{
		rcv:  {rcv},
		ack:  {rcv, ack},
		inv:  {rcv, ack, inv},
		resp: {rcv, ack, inv, resp},
		cls:  {rcv, ack, inv, resp, cls},
		reop: {rcv, ack, inv, resp, reop},
		esc:  {rcv, esc},
	}
	all := []c.ComplaintStatus{rcv, ack, inv, resp, cls, reop, esc}
	require.Len(t, legal, len(all))
	received := at("2026-11-02T10:00:00Z")
	for _, from := range all {
		for _, to := range all {
			want := slices.Contains(legal[from], to)
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				assert.Equal(t, want, from.CanBecome(to))
				x := &c.Complaint{ReceivedAt: received}
				for i, s := range append(slices.Clone(paths[from]), to) {
					x.StatusHistory = append(x.StatusHistory, c.StatusChange{Status: s, At: received.Add(time.Duration(i) * time.Hour)})
				}
				var got []string
				for _, f := range x.Check(c.CheckOptions{}) {
					if f.Code == c.CodeStatusTransition {
						got = append(got, f.Pointer)
					}
				}
				if want {
					assert.Empty(t, got)
				} else {
					assert.Equal(t, []string{fmt.Sprintf("/status_history/%d/status", len(paths[from]))}, got)
				}
			})
		}
	}
	assert.False(t, c.ComplaintStatus("").CanBecome(rcv))
	assert.False(t, rcv.CanBecome(""))
}

// TestEarlyClosure allows a withdrawn or out-of-time complaint to close
// from any open status, and nothing else to.
func TestEarlyClosure(t *testing.T) {
	received := at("2026-11-02T10:00:00Z")
	for _, outcome := range []c.ComplaintOutcome{"", c.ComplaintOutcomeUpheld, c.ComplaintOutcomeWithdrawn, c.ComplaintOutcomeOutOfTime} {
		for _, from := range []c.ComplaintStatus{c.ComplaintStatusReceived, c.ComplaintStatusAcknowledged} {
			history := []c.StatusChange{{Status: c.ComplaintStatusReceived, At: received}}
			if from != c.ComplaintStatusReceived {
				history = append(history, c.StatusChange{Status: from, At: received.Add(time.Hour)})
			}
			history = append(history, c.StatusChange{Status: c.ComplaintStatusClosed, At: received.Add(2 * time.Hour)})
			x := &c.Complaint{ReceivedAt: received, Outcome: outcome, StatusHistory: history}
			early := outcome == c.ComplaintOutcomeWithdrawn || outcome == c.ComplaintOutcomeOutOfTime
			assert.Equal(t, !early, x.Check(c.CheckOptions{}).Has(c.CodeStatusTransition), "%s from %s", outcome, from)
		}
	}
	x := &c.Complaint{Outcome: c.ComplaintOutcomeWithdrawn, StatusHistory: []c.StatusChange{
		{Status: c.ComplaintStatusReceived}, {Status: c.ComplaintStatusClosed}, {Status: c.ComplaintStatusClosed},
	}}
	assert.True(t, x.Check(c.CheckOptions{}).Has(c.CodeStatusTransition), "closing twice is never allowed")
}

func TestComplaintStatusAndOpen(t *testing.T) {
	x := validComplaint()
	assert.Equal(t, c.ComplaintStatusResponded, x.Status())
	assert.True(t, x.Open())
	x.StatusHistory = append(x.StatusHistory, c.StatusChange{Status: c.ComplaintStatusClosed, At: at("2026-11-24T09:00:00Z")})
	assert.False(t, x.Open())
	x.StatusHistory = append(x.StatusHistory, c.StatusChange{Status: c.ComplaintStatusReopened, At: at("2026-11-25T09:00:00Z")})
	assert.True(t, x.Open(), "a reopened complaint is open")
	y := &c.Complaint{}
	assert.Equal(t, c.ComplaintStatus(""), y.Status())
	assert.True(t, y.Open())
	y.ClosedAt = at("2026-11-24T09:00:00Z")
	assert.False(t, y.Open(), "without a history, closed_at closes")
	assert.False(t, (&c.Complaint{Outcome: c.ComplaintOutcomeWithdrawn}).Open())
}

func TestComplaintRulesNeverPanic(t *testing.T) {
	for _, x := range []*c.Complaint{
		{},
		{Jurisdiction: c.JurisdictionScotland, ReceivedAt: at("2026-11-02T10:00:00Z")},
		{StatusHistory: []c.StatusChange{{}, {}}, Extensions: []c.Extension{{}}, Escalations: []c.Escalation{{}},
			Conduct: &c.PractitionerConduct{ResponseChannels: []c.ResponseChannel{""}}, Identity: &c.ComplaintIdentity{Complainant: &c.PersonIdentity{}},
			Anonymous: new(true), Deidentification: &c.Deidentification{}},
		{Jurisdiction: c.JurisdictionWales, ReceivedAt: at("2099-12-31T10:00:00Z"), Practitioner: &c.Practitioner{}, Setting: &c.Setting{}},
	} {
		assert.NotPanics(t, func() { x.Check(c.CheckOptions{Today: today}) })
		assert.NotPanics(t, func() { _, _ = x.Due(today) })
	}
}

// TestComplaintFindingsCarryNoValues plants canary values in every free-text
// and identifier field, provokes as many findings as it can, and checks that
// no finding repeats a value or a date from the complaint.
func TestComplaintFindingsCarryNoValues(t *testing.T) {
	canaries := []string{"Canary-Jane", "9990000018", "07700900123", "canary@example.com", "LS1 4AP", "@canary.example",
		"trk-CANARY42", "PHSO-CANARY-7", "canary summary", "canary remedy", "canary learning"}
	x := validComplaint()
	x.Summary = "canary summary " + strings.Join(canaries, " ")
	x.RemedyNotes = "canary remedy"
	x.LearningPoints = "canary learning"
	x.Anonymous = new(true)
	x.ComplainantRole = c.ComplainantRoleRelativeOrCarer
	x.Identity = &c.ComplaintIdentity{
		Complainant: &c.PersonIdentity{GivenName: "Canary-Jane", NHSNumber: "9990000018", Phones: []string{"07700900123"},
			Emails: []string{"canary@example.com"}, Address: &c.Address{Postcode: "LS1 4AP"},
			SocialHandles: []c.SocialHandle{{Platform: c.SocialPlatformInstagram, Handle: "@canary.example"}}},
		TrackingToken: "trk-CANARY42",
	}
	x.Escalations = []c.Escalation{{To: c.EscalationRoutePHSO, Date: c.MustParsePartialDate("2026-12-24"), Reference: "PHSO-CANARY-7"}}
	x.Conduct = &c.PractitionerConduct{
		ResponseChannels:            []c.ResponseChannel{c.ResponseChannelPublicPost, c.ResponseChannelBlockedOrIgnored},
		PatientInformationDisclosed: new(true),
	}
	x.AcknowledgedAt = at("2026-11-13T09:00:00Z")
	x.ResponseSentAt = at("2026-11-24T09:00:00Z")
	x.TreatmentDate = c.MustParsePartialDate("2025-03-17")
	x.AwarenessDate = c.PartialDate{}
	x.StatusHistory = append(x.StatusHistory, c.StatusChange{Status: c.ComplaintStatus("Canary-Jane"), At: at("2026-11-24T09:00:00Z")})
	x.EscalationRouteGiven = nil
	x.ComplicationIDs = nil
	fs := x.Check(c.CheckOptions{Today: today})
	require.GreaterOrEqual(t, len(fs), 10, "%v", fs)
	for _, f := range fs {
		for _, canary := range append(canaries, "2026", "2025", "11-02", "03-17", "7d9a3c1e", "Canary", "canary") {
			assert.NotContains(t, f.String(), canary)
		}
	}
}
