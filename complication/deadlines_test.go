package complication_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	c "github.com/openaesthetics/casebook/complication"
)

func TestAcknowledgeBy(t *testing.T) {
	tests := []struct {
		name     string
		j        c.Jurisdiction
		received string
		within   int
		want     string
	}{
		// Christmas 2026: Friday 25 December, Boxing Day substituted to
		// Monday 28 December; in Scotland 2 January 2027 (a Saturday) moves
		// to Monday 4 January.
		{"England, Thursday 24 December", c.JurisdictionEngland, "2026-12-24T10:00:00Z", 3, "2026-12-31"},
		{"Scotland, Thursday 24 December", c.JurisdictionScotland, "2026-12-24T10:00:00Z", 3, "2026-12-31"},
		{"Wales, Thursday 24 December", c.JurisdictionWales, "2026-12-24T10:00:00Z", 2, "2026-12-30"},
		{"Northern Ireland, Thursday 24 December", c.JurisdictionNorthernIreland, "2026-12-24T10:00:00Z", 2, "2026-12-30"},
		{"England, Wednesday 30 December", c.JurisdictionEngland, "2026-12-30T10:00:00Z", 3, "2027-01-05"},
		{"Scotland, Wednesday 30 December", c.JurisdictionScotland, "2026-12-30T10:00:00Z", 3, "2027-01-06"},
		// Easter 2026: Good Friday 3 April; Easter Monday 6 April is not a
		// bank holiday in Scotland.
		{"England, Thursday before Easter", c.JurisdictionEngland, "2026-04-02T09:00:00+01:00", 3, "2026-04-09"},
		{"Scotland, Thursday before Easter", c.JurisdictionScotland, "2026-04-02T09:00:00+01:00", 3, "2026-04-08"},
		{"Wales, Thursday before Easter", c.JurisdictionWales, "2026-04-02T09:00:00+01:00", 2, "2026-04-08"},
		{"Northern Ireland, Thursday before Easter", c.JurisdictionNorthernIreland, "2026-04-02T09:00:00+01:00", 2, "2026-04-08"},
		{"England, on Good Friday", c.JurisdictionEngland, "2026-04-03T09:00:00+01:00", 3, "2026-04-09"},
		{"Scotland, on Good Friday", c.JurisdictionScotland, "2026-04-03T09:00:00+01:00", 3, "2026-04-08"},
		{"England, Saturday before the spring bank holiday", c.JurisdictionEngland, "2026-05-23T12:00:00+01:00", 3, "2026-05-28"},
		// Scotland's one-off bank holiday on Monday 15 June 2026.
		{"England, Friday 12 June", c.JurisdictionEngland, "2026-06-12T12:00:00+01:00", 3, "2026-06-17"},
		{"Scotland, Friday 12 June", c.JurisdictionScotland, "2026-06-12T12:00:00+01:00", 3, "2026-06-18"},
		// The day of receipt is the UK date: 23:30 UTC on Monday 1 June is
		// 00:30 BST on Tuesday 2 June, whatever offset it is written with.
		{"late evening in summer, UTC", c.JurisdictionEngland, "2026-06-01T23:30:00Z", 3, "2026-06-05"},
		{"late evening in summer, BST", c.JurisdictionEngland, "2026-06-02T00:30:00+01:00", 3, "2026-06-05"},
		{"late evening in summer, New York", c.JurisdictionEngland, "2026-06-01T19:30:00-04:00", 3, "2026-06-05"},
		{"late evening in winter", c.JurisdictionEngland, "2026-12-01T23:30:00Z", 3, "2026-12-04"},
		{"before BST begins", c.JurisdictionEngland, "2026-03-29T00:59:00Z", 3, "2026-04-01"},
		{"after BST ends", c.JurisdictionEngland, "2026-10-25T23:30:00Z", 3, "2026-10-28"},
		{"just before BST ends", c.JurisdictionEngland, "2026-10-24T23:30:00Z", 3, "2026-10-28"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := &c.Complaint{Jurisdiction: tc.j, ReceivedAt: at(tc.received)}
			d, err := x.Deadlines()
			require.NoError(t, err)
			assert.Equal(t, tc.within, d.AcknowledgeWithin)
			assert.Equal(t, tc.want, d.AcknowledgeBy.String())
			assert.Equal(t, c.PrecisionDay, d.AcknowledgeBy.Precision())
			assert.Equal(t, tc.j, d.Jurisdiction)
		})
	}
}

func TestTimeLimit(t *testing.T) {
	tests := []struct {
		name           string
		j              c.Jurisdiction
		treated, aware string
		want           string
	}{
		{"England, event only", c.JurisdictionEngland, "2025-05-14", "", "2026-05-14"},
		{"England, awareness later than the event", c.JurisdictionEngland, "2025-05-14", "2025-11-20", "2026-11-20"},
		{"England, awareness only", c.JurisdictionEngland, "", "2025-11-20", "2026-11-20"},
		{"England, event known to the month", c.JurisdictionEngland, "2025-05", "", "2026-05-31"},
		{"England, event known to the year", c.JurisdictionEngland, "2025", "", "2026-12-31"},
		{"England, leap day", c.JurisdictionEngland, "2024-02-29", "", "2025-02-28"},
		{"Wales, awareness later than the event", c.JurisdictionWales, "2025-05-14", "2025-11-20", "2026-11-20"},
		{"Scotland, event only", c.JurisdictionScotland, "2025-05-14", "", "2025-11-14"},
		{"Scotland, awareness soon after", c.JurisdictionScotland, "2025-05-14", "2025-06-01", "2025-12-01"},
		{"Scotland, late awareness capped at 12 months", c.JurisdictionScotland, "2025-05-14", "2026-01-10", "2026-05-14"},
		{"Northern Ireland, late awareness capped at 12 months", c.JurisdictionNorthernIreland, "2025-05-14", "2026-01-10", "2026-05-14"},
		{"Northern Ireland, awareness only", c.JurisdictionNorthernIreland, "", "2026-01-10", "2026-07-10"},
		{"neither date", c.JurisdictionEngland, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := &c.Complaint{Jurisdiction: tc.j, ReceivedAt: at("2026-12-01T10:00:00Z")}
			if tc.treated != "" {
				x.TreatmentDate = c.MustParsePartialDate(tc.treated)
			}
			if tc.aware != "" {
				x.AwarenessDate = c.MustParsePartialDate(tc.aware)
			}
			d, err := x.Deadlines()
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.TimeLimitEnds.String())
		})
	}
}

// TestOutOfTimeBoundary: a complaint received on the last day of the limit
// is in time; one received the next day is not.
func TestOutOfTimeBoundary(t *testing.T) {
	x := &c.Complaint{
		Jurisdiction:  c.JurisdictionEngland,
		TreatmentDate: c.MustParsePartialDate("2025-05-14"),
		AwarenessDate: c.MustParsePartialDate("2025-11-20"),
	}
	for received, late := range map[string]bool{
		"2026-11-20T23:59:00Z": false,
		"2026-11-21T00:00:00Z": true,
	} {
		x.ReceivedAt = at(received)
		assert.Equal(t, late, x.Check(c.CheckOptions{}).Has(c.CodeOutOfTime), received)
	}
	x.AwarenessDate = c.PartialDate{}
	x.ReceivedAt = at("2026-11-20T10:00:00Z")
	assert.True(t, x.Check(c.CheckOptions{}).Has(c.CodeOutOfTime), "without the later awareness date, the event date decides")
}

func TestSixMonthsEnd(t *testing.T) {
	for received, want := range map[string]string{
		"2026-01-10T09:00:00Z": "2026-07-09",
		"2026-08-31T09:00:00Z": "2027-02-28", // no 31 February: the period ends with the month
		"2026-03-31T09:00:00Z": "2026-09-30",
		"2026-09-30T09:00:00Z": "2027-03-29",
		"2027-08-31T09:00:00Z": "2028-02-29",
	} {
		x := &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: at(received)}
		d, err := x.Deadlines()
		require.NoError(t, err)
		assert.Equal(t, want, d.SixMonthsEnd.String(), received)
	}
}

func TestRespondBy(t *testing.T) {
	pd := c.MustParsePartialDate
	x := &c.Complaint{Jurisdiction: c.JurisdictionWales, ReceivedAt: at("2026-11-02T10:00:00Z")}
	d, err := x.Deadlines()
	require.NoError(t, err)
	assert.True(t, d.RespondBy.IsZero(), "no agreed date, no response deadline")

	x.AgreedResponseBy = pd("2026-11-20")
	d, _ = x.Deadlines()
	assert.Equal(t, "2026-11-20", d.RespondBy.String())

	x.Extensions = []c.Extension{
		{ResponseBy: pd("2026-12-04"), Reason: c.ExtensionReasonAwaitingRecords},
		{ResponseBy: pd("2026-12-18"), Reason: c.ExtensionReasonComplexInvestigation},
		{Reason: c.ExtensionReasonOther}, // no date: ignored
	}
	d, _ = x.Deadlines()
	assert.Equal(t, "2026-12-18", d.RespondBy.String(), "the latest extension decides")

	x.AgreedResponseBy = c.PartialDate{}
	x.Extensions = x.Extensions[:1]
	d, _ = x.Deadlines()
	assert.Equal(t, "2026-12-04", d.RespondBy.String(), "an extension without an agreed date still sets one")
}

func TestDeadlinesErrors(t *testing.T) {
	received := at("2026-11-02T10:00:00Z")
	tests := []struct {
		name string
		x    *c.Complaint
		err  error
	}{
		{"no jurisdiction", &c.Complaint{ReceivedAt: received}, c.ErrNoCalendar},
		{"outside the UK", &c.Complaint{Jurisdiction: c.JurisdictionOther, ReceivedAt: received}, c.ErrNoCalendar},
		{"not received", &c.Complaint{Jurisdiction: c.JurisdictionEngland}, c.ErrNotReceived},
		{"before the calendars", &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: at("1994-06-01T10:00:00Z")}, c.ErrCalendarRange},
		{"after the calendars", &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: at("2099-12-30T10:00:00Z")}, c.ErrCalendarRange},
		{"dates shifted", &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: received,
			Deidentification: &c.Deidentification{Dates: c.DateHandlingShifted}}, c.ErrDatesAltered},
		{"dates generalised", &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: received,
			Deidentification: &c.Deidentification{Dates: c.DateHandlingMonth}}, c.ErrDatesAltered},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.x.Deadlines()
			assert.ErrorIs(t, err, tc.err)
			_, err = tc.x.Due(received)
			assert.ErrorIs(t, err, tc.err)
			assert.NotContains(t, err.Error(), "2026", "errors never repeat a value")
		})
	}
	kept := &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: received, Deidentification: &c.Deidentification{Dates: c.DateHandlingKept}}
	_, err := kept.Deadlines()
	assert.NoError(t, err, "kept dates are calendar dates")
}

// TestShiftedDatesSkipDeadlineRules: the same late, future-dated complaint
// is flagged with its dates kept and not with its dates shifted.
func TestShiftedDatesSkipDeadlineRules(t *testing.T) {
	x := &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: at("2026-12-20T10:00:00Z"),
		Deidentification: &c.Deidentification{Dates: c.DateHandlingKept}}
	fs := x.Check(c.CheckOptions{Today: at("2027-01-20T10:00:00Z")})
	assert.True(t, fs.Has(c.CodeAcknowledgementOverdue))
	fs = x.Check(c.CheckOptions{Today: today})
	assert.True(t, fs.Has(c.CodeDateInFuture))
	x.Deidentification.Dates = c.DateHandlingShifted
	assert.Empty(t, x.Check(c.CheckOptions{Today: at("2027-01-20T10:00:00Z")}))
	assert.Empty(t, x.Check(c.CheckOptions{Today: today}))
}

func TestDue(t *testing.T) {
	pd := c.MustParsePartialDate
	type item struct {
		kind    c.DueKind
		by      string
		overdue bool
	}
	list := func(items []c.DueItem) []item {
		var out []item
		for _, it := range items {
			out = append(out, item{it.Kind, it.By.String(), it.Overdue})
		}
		return out
	}
	// Received on Monday 2 November 2026 in England: acknowledge by
	// Thursday 5 November; six months end on 1 May 2027.
	x := &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: at("2026-11-02T10:15:00Z")}
	due, err := x.Due(at("2026-11-03T09:00:00Z"))
	require.NoError(t, err)
	assert.Equal(t, []item{
		{c.DueAcknowledge, "2026-11-05", false},
		{c.DueOfferDiscussion, "2026-11-05", false},
		{c.DueRespond, "2027-05-01", false},
		{c.DueExplainDelay, "2027-05-01", false},
	}, list(due))
	assert.Equal(t, "/acknowledged_at", due[0].Pointer)
	assert.Equal(t, "/discussion_offered_at", due[1].Pointer)
	assert.Equal(t, "/response_sent_at", due[2].Pointer)
	assert.Equal(t, "/delay_explained_at", due[3].Pointer)

	due, _ = x.Due(at("2026-11-06T09:00:00Z"))
	assert.True(t, due[0].Overdue && due[1].Overdue, "Friday is past Thursday's deadline")
	due, _ = x.Due(at("2026-11-05T23:30:00Z"))
	assert.False(t, due[0].Overdue, "the whole last day counts")

	x.AcknowledgedAt = at("2026-11-04T09:00:00Z")
	x.DiscussionOfferedAt = x.AcknowledgedAt
	x.AgreedResponseBy = pd("2026-11-20")
	due, _ = x.Due(at("2026-11-23T09:00:00Z"))
	assert.Equal(t, []item{
		{c.DueRespond, "2026-11-20", true},
		{c.DueExplainDelay, "2027-05-01", false},
	}, list(due))

	x.Extensions = []c.Extension{{ResponseBy: pd("2026-12"), Reason: c.ExtensionReasonComplexInvestigation}}
	due, _ = x.Due(at("2026-12-31T09:00:00Z"))
	assert.Equal(t, item{c.DueRespond, "2026-12", false}, list(due)[0], "a month-precision date is overdue only after the month")

	x.ResponseSentAt = at("2026-12-10T09:00:00Z")
	due, _ = x.Due(at("2026-12-31T09:00:00Z"))
	assert.Empty(t, due, "everything done")

	x.ResponseSentAt = time.Time{}
	x.ClosedAt = at("2026-12-10T09:00:00Z")
	due, err = x.Due(at("2026-12-31T09:00:00Z"))
	assert.NoError(t, err)
	assert.Empty(t, due, "a closed complaint has nothing due")

	y := &c.Complaint{ReceivedAt: at("2026-11-02T10:15:00Z")}
	_, err = y.Due(today)
	assert.ErrorIs(t, err, c.ErrNoCalendar)
}

func TestWorkingDaysAfterReceipt(t *testing.T) {
	x := &c.Complaint{Jurisdiction: c.JurisdictionEngland, ReceivedAt: at("2026-12-23T16:00:00Z")}
	for _, tc := range []struct {
		when string
		want int
	}{
		{"2026-12-23T18:00:00Z", 0},
		{"2026-12-24T10:00:00Z", 1},
		{"2026-12-29T10:00:00Z", 2}, // Christmas Day and the Boxing Day substitute do not count
		{"2026-12-30T10:00:00Z", 3},
	} {
		got, err := x.WorkingDaysAfterReceipt(at(tc.when))
		require.NoError(t, err, tc.when)
		assert.Equal(t, tc.want, got, tc.when)
	}
	_, err := x.WorkingDaysAfterReceipt(at("2026-12-22T10:00:00Z"))
	assert.ErrorIs(t, err, c.ErrBeforeReceipt)
	x.Jurisdiction = c.JurisdictionOther
	_, err = x.WorkingDaysAfterReceipt(at("2026-12-24T10:00:00Z"))
	assert.ErrorIs(t, err, c.ErrNoCalendar)
	assert.Equal(t, "2026-07-16", c.UKDate(at("2026-07-15T23:30:00Z")).String())
}
