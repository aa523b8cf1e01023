package complication_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	c "github.com/openaesthetics/casebook/complication"
)

// summaryComplaints returns a small register: five complaints in England,
// Scotland and outside the UK, one of them received before the period.
func summaryComplaints() []*c.Complaint {
	pd := c.MustParsePartialDate
	return []*c.Complaint{
		{ // acknowledged on day 2 of 3, answered by the agreed date, upheld
			ReceivedAt: at("2026-11-02T10:00:00Z"), Channel: c.ComplaintChannelEmail, Jurisdiction: c.JurisdictionEngland,
			Categories:     []c.ComplaintCategory{c.ComplaintCategoryComplication, c.ComplaintCategoryAftercare, c.ComplaintCategoryComplication},
			AcknowledgedAt: at("2026-11-04T09:00:00Z"), AgreedResponseBy: pd("2026-11-20"), ResponseSentAt: at("2026-11-19T09:00:00Z"),
			Outcome: c.ComplaintOutcomeUpheld, HealthAndSafety: new(true),
		},
		{ // acknowledged on day 5, answered late, partly upheld, escalated twice
			ReceivedAt: at("2026-11-02T10:00:00Z"), Channel: c.ComplaintChannelPublicSocialMedia, Jurisdiction: c.JurisdictionEngland,
			Categories:     []c.ComplaintCategory{c.ComplaintCategoryCommunication, c.ComplaintCategoryConfidentiality},
			AcknowledgedAt: at("2026-11-09T09:00:00Z"), AgreedResponseBy: pd("2026-11-20"), ResponseSentAt: at("2026-11-23T09:00:00Z"),
			Outcome: c.ComplaintOutcomePartlyUpheld,
			Conduct: &c.PractitionerConduct{
				ResponseChannels:            []c.ResponseChannel{c.ResponseChannelPublicComment, c.ResponseChannelBlockedOrIgnored},
				PatientInformationDisclosed: new(true),
			},
			Escalations: []c.Escalation{{To: c.EscalationRouteJCCP}, {To: c.EscalationRouteISCAS}},
		},
		{ // Scotland, acknowledged on day 1, not yet answered
			ReceivedAt: at("2026-11-10T10:00:00Z"), Channel: c.ComplaintChannelPhone, Jurisdiction: c.JurisdictionScotland,
			Categories:     []c.ComplaintCategory{c.ComplaintCategoryCostRefund},
			AcknowledgedAt: at("2026-11-11T09:00:00Z"),
		},
		{ // outside the UK: no working days; withdrawn
			ReceivedAt: at("2026-11-12T10:00:00+01:00"), Channel: c.ComplaintChannelEmail, Jurisdiction: c.JurisdictionOther,
			AcknowledgedAt: at("2026-11-13T09:00:00+01:00"), ResponseSentAt: at("2026-11-22T09:00:00+01:00"),
			Outcome: c.ComplaintOutcomeWithdrawn, Escalations: []c.Escalation{{To: c.EscalationRouteMHRAYellowCard}},
		},
		{ // received before the period
			ReceivedAt: at("2026-10-30T10:00:00Z"), Channel: c.ComplaintChannelLetter, Jurisdiction: c.JurisdictionEngland,
			Outcome: c.ComplaintOutcomeNotUpheld,
		},
	}
}

func TestComplaintStats(t *testing.T) {
	period := c.StatsOptions{From: at("2026-11-01T00:00:00Z"), To: at("2026-12-01T00:00:00Z")}
	s := c.NewComplaintStats(period)
	var counted []bool
	for _, x := range summaryComplaints() {
		counted = append(counted, s.Add(x))
	}
	assert.Equal(t, []bool{true, true, true, true, false}, counted)
	sum := s.Summary()
	assert.Equal(t, period.From, sum.From)
	assert.Equal(t, 5, sum.Considered)
	assert.Equal(t, 4, sum.Received)
	assert.Equal(t, 4, sum.Acknowledged)
	assert.Equal(t, 2, sum.AcknowledgedOnTime, "day 2 in England and day 1 in Scotland; day 5 is late; no deadline outside the UK")
	assert.Equal(t, 3, sum.Responded)
	assert.Equal(t, 1, sum.RespondedOnTime)
	assert.Equal(t, 1, sum.DeadlinesUnknown)
	assert.Equal(t, []int{1, 1, 0, 1, 0}, []int{sum.Upheld, sum.PartlyUpheld, sum.NotUpheld, sum.Withdrawn, sum.OutOfTime})
	assert.Equal(t, 2, sum.Escalated)
	assert.Equal(t, 1, sum.ReferredToOmbudsman, "ISCAS counts; JCCP and the MHRA do not")
	assert.Equal(t, 1, sum.HealthAndSafety)
	assert.Equal(t, []int{1, 1, 1}, []int{sum.DisclosedPublicly, sum.AnsweredInPublic, sum.BlockedOrIgnored})

	// Working days to acknowledge: England 2 and 5, Scotland 1 → median 2.
	assert.Equal(t, c.Median{N: 3, Value: 2}, sum.DaysToAcknowledge)
	// Calendar days to respond: 17, 21 and 10 (outside the UK, in its own
	// offset) → median 17. Working days: 13 and 15 → median 14.
	assert.Equal(t, c.Median{N: 3, Value: 17}, sum.DaysToRespond)
	assert.Equal(t, c.Median{N: 2, Value: 14}, sum.WorkingDaysToRespond)

	n := func(counts []c.CodeCount, code string) int {
		i := slices.IndexFunc(counts, func(cc c.CodeCount) bool { return cc.Code == code })
		require.GreaterOrEqual(t, i, 0, code)
		return counts[i].N
	}
	assert.Equal(t, 1, n(sum.ByCategory, "complication"), "a repeated category counts once")
	assert.Equal(t, 1, n(sum.ByCategory, "aftercare"))
	assert.Equal(t, 0, n(sum.ByCategory, "advertising"), "zeros are listed")
	assert.Equal(t, 2, n(sum.ByChannel, "email"))
	assert.Equal(t, 0, n(sum.ByChannel, "letter"), "the letter was received before the period")
	var codes []string
	for _, cc := range sum.ByChannel {
		codes = append(codes, cc.Code)
	}
	var want []string
	for _, l := range c.CodeLists() {
		if l.Name == "complaint_channel" {
			for _, e := range l.Entries {
				want = append(want, e.Code)
			}
		}
	}
	assert.Equal(t, want, codes, "channels in code-list order")
	assert.Equal(t, "Email", sum.ByChannel[slices.IndexFunc(sum.ByChannel, func(cc c.CodeCount) bool { return cc.Code == "email" })].Display)
}

// TestComplaintStatsDeterministic: the summary does not depend on the order
// complaints are added in, and marshals to the same bytes.
func TestComplaintStatsDeterministic(t *testing.T) {
	forward := c.NewComplaintStats(c.StatsOptions{})
	backward := c.NewComplaintStats(c.StatsOptions{})
	xs := summaryComplaints()
	for i := range xs {
		forward.Add(xs[i])
		backward.Add(xs[len(xs)-1-i])
	}
	a, err := json.Marshal(forward.Summary())
	require.NoError(t, err)
	b, err := json.Marshal(backward.Summary())
	require.NoError(t, err)
	assert.JSONEq(t, string(a), string(b))
	assert.Equal(t, string(a), string(b))
	assert.Equal(t, 5, forward.Summary().Received, "no period: every complaint counts")
}

func TestComplaintStatsEmptyAndMedians(t *testing.T) {
	s := c.NewComplaintStats(c.StatsOptions{To: at("2026-12-01T00:00:00Z")})
	sum := s.Summary()
	assert.Equal(t, c.Median{}, sum.DaysToAcknowledge)
	assert.Zero(t, sum.Received)
	assert.False(t, s.Add(&c.Complaint{}), "a complaint with no received_at is outside any bounded period")
	assert.Equal(t, 1, s.Summary().Considered)

	// Medians over even and odd counts, with repeated values.
	received := at("2026-11-02T10:00:00Z") // Monday
	s = c.NewComplaintStats(c.StatsOptions{})
	for i, days := range []int{1, 10, 3, 3} {
		s.Add(&c.Complaint{ReceivedAt: received, Jurisdiction: c.JurisdictionEngland, ResponseSentAt: received.AddDate(0, 0, days)})
		if i == 2 {
			assert.Equal(t, c.Median{N: 3, Value: 3}, s.Summary().DaysToRespond, "odd count")
		}
	}
	assert.Equal(t, c.Median{N: 4, Value: 3}, s.Summary().DaysToRespond)
	s.Add(&c.Complaint{ReceivedAt: received, Jurisdiction: c.JurisdictionEngland, ResponseSentAt: received.AddDate(0, 0, 10)})
	s.Add(&c.Complaint{ReceivedAt: received, Jurisdiction: c.JurisdictionEngland, ResponseSentAt: received.AddDate(0, 0, 10)})
	assert.Equal(t, c.Median{N: 6, Value: 6.5}, s.Summary().DaysToRespond, "the mean of the two middle values")
	s.Add(&c.Complaint{ReceivedAt: received, Jurisdiction: c.JurisdictionEngland, ResponseSentAt: received.AddDate(0, 0, -1)})
	assert.Equal(t, 6, s.Summary().DaysToRespond.N, "a response before receipt has no duration")
}
