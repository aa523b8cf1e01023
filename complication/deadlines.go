package complication

import (
	"cmp"
	"errors"
	"slices"
	"time"

	"github.com/openaesthetics/casebook/internal/ukcal"
)

// Errors from [Complaint.Deadlines] and [Complaint.Due]. They name what is
// missing, never a value from the complaint.
var (
	// ErrNoCalendar means the complaint's jurisdiction is not recorded or is
	// outside the United Kingdom, so there is no working-day calendar and
	// no complaint rules to compute deadlines from.
	ErrNoCalendar = errors.New("complication: deadlines need a UK jurisdiction (england, wales, scotland or northern_ireland)")
	// ErrNotReceived means received_at is not recorded; every deadline runs
	// from it.
	ErrNotReceived = errors.New("complication: deadlines need received_at")
	// ErrCalendarRange means a deadline falls outside the years the UK
	// working-day calendars cover (1995 to 2099).
	ErrCalendarRange = errors.New("complication: a deadline falls outside the years the UK working-day calendars cover")
	// ErrDatesAltered means anonymisation shifted or generalised the
	// complaint's dates: intervals may survive, but weekdays and bank
	// holidays do not, so working-day deadlines would be wrong.
	ErrDatesAltered = errors.New("complication: the complaint's dates were shifted or generalised by anonymisation, so its deadlines cannot be computed")
)

// Deadlines are the dates a complaint's handling is measured against. They
// are derived from the complaint, never typed in: from received_at, the
// jurisdiction, the treatment and awareness dates, and the agreed response
// date with its extensions. Each date is the last day on which the duty is
// met, as a day-precision [PartialDate]; the zero date means the record
// does not allow the deadline to be computed.
//
// The rules, by jurisdiction (a working day is a weekday that is not a bank
// holiday of the nation's calendar; the day of receipt never counts):
//
//   - England: acknowledge within 3 working days of receipt (NHS Complaints
//     Regulations 2009, SI 2009/309, reg 13(2); JCCP also acknowledges
//     within 3 working days). Time limit: 12 months from the event or, if
//     later, from when the complainant became aware of it (reg 12).
//   - Wales: acknowledge within 2 working days (NHS (Concerns, Complaints
//     and Redress Arrangements) (Wales) Regulations 2011, SI 2011/704,
//     reg 22). Time limit: 12 months from the event or from awareness
//     (reg 15). Wales shares England's bank holidays.
//   - Scotland: acknowledge within 3 working days, the stage 2 rule of the
//     NHS Scotland Model Complaints Handling Procedure (in force 1 April
//     2017; SPSO model CHP). Time limit: 6 months from the event, or 6
//     months from awareness but no later than 12 months after the event.
//   - Northern Ireland: acknowledge within 2 working days, as HSC trusts
//     and independent hospitals must under the HSC Complaints Procedure
//     (primary care practices have 3). Time limit: 6 months from the event
//     or from awareness, normally no later than 12 months after the event.
//
// In every nation a response not sent within six months beginning with the
// day of receipt owes the complainant an explanation of the delay (SI
// 2009/309 reg 14(2); the Welsh, Scottish and Northern Irish procedures set
// shorter response targets, which a clinic records as the agreed response
// date).
type Deadlines struct {
	Jurisdiction Jurisdiction

	// AcknowledgeWithin is the nation's acknowledgement period in working
	// days, and AcknowledgeBy the last day of it.
	AcknowledgeWithin int
	AcknowledgeBy     PartialDate

	// TimeLimitEnds is the last day on which the complaint is in time. It
	// is zero when neither the treatment nor the awareness date is
	// recorded. Dates known only to the month or year are taken at their
	// last day, so imprecision never puts a complaint out of time.
	TimeLimitEnds PartialDate

	// SixMonthsEnd is the last day of the six months beginning with the day
	// of receipt: a response sent later owes an explanation of the delay.
	SixMonthsEnd PartialDate

	// RespondBy is the agreed response date, moved by the latest extension,
	// in the precision it was recorded. It is zero when none was agreed.
	RespondBy PartialDate
}

// nation holds one UK nation's complaint rules.
type nation struct {
	div     ukcal.Division
	ackDays int
	ackRule string // the acknowledgement rule, cited in findings
	// shortLimit selects the Scottish and Northern Irish time limit: six
	// months from the event or from awareness, and no later than twelve
	// months after the event. Otherwise twelve months from the later of the
	// two.
	shortLimit bool
	limitRule  string
}

// Sources for the rules below:
//
//   - England: https://www.legislation.gov.uk/uksi/2009/309 regs 12, 13 and
//     14; JCCP: https://www.jccp.org.uk/ThePublic/raising-a-concern.
//   - Wales: https://www.legislation.gov.uk/wsi/2011/704 regs 15 and 22;
//     summarised by the DDU (theddu.com, "Introduction to the NHS complaints
//     procedure in Wales": acknowledge within two working days; concerns
//     within one year of the incident or of becoming aware).
//   - Scotland: Medical Protection, "Complaints Handling Procedure – NHS
//     Scotland" (medicalprotection.org/uk/articles/complaints-handling-
//     procedure-nhs-scotland: stage 2 acknowledged in 3 working days, 6-month
//     time limit) and Citizens Advice Scotland, "NHS complaints" (six months
//     from the event or from finding out, no longer than 12 months after the
//     event). Stage 1 (frontline) complaints get a decision within 5 working
//     days rather than an acknowledgement; casebook applies the stage 2
//     acknowledgement to every complaint, since a record does not say which
//     stage a complaint will end at.
//   - Northern Ireland: the MDU, "Responding to complaints in Northern
//     Ireland" (trusts acknowledge within two working days, primary care
//     within three); the Ulster Independent Clinic's published procedure (an
//     independent provider: two working days); Medical Protection, "Time
//     limits for making a complaint" and the South Eastern HSC Trust (six
//     months from the event or from awareness, within 12 months of the
//     event). casebook uses two working days, the rule for trusts and
//     independent providers and the stricter of the two; a primary care
//     practice on the three-day rule may see an acknowledgement flagged a
//     day early.
func nationOf(j Jurisdiction) (nation, bool) {
	switch j {
	case JurisdictionEngland:
		return nation{div: ukcal.EnglandAndWales, ackDays: 3, ackRule: "SI 2009/309 reg 13",
			limitRule: "12 months from the event or from awareness, SI 2009/309 reg 12"}, true
	case JurisdictionWales:
		return nation{div: ukcal.EnglandAndWales, ackDays: 2, ackRule: "SI 2011/704 reg 22",
			limitRule: "12 months from the event or from awareness, SI 2011/704 reg 15"}, true
	case JurisdictionScotland:
		return nation{div: ukcal.Scotland, ackDays: 3, ackRule: "NHS Scotland model complaints handling procedure",
			shortLimit: true, limitRule: "6 months from the event or from awareness and within 12 months of the event, NHS Scotland model complaints handling procedure"}, true
	case JurisdictionNorthernIreland:
		return nation{div: ukcal.NorthernIreland, ackDays: 2, ackRule: "HSC complaints procedure",
			shortLimit: true, limitRule: "6 months from the event or from awareness and within 12 months of the event, HSC complaints procedure"}, true
	}
	return nation{}, false
}

// Deadlines computes the complaint's deadlines. It returns [ErrNoCalendar]
// when the jurisdiction is not a UK nation, [ErrNotReceived] when
// received_at is not recorded, [ErrCalendarRange] when a date falls
// outside the calendars' years and [ErrDatesAltered] for a de-identified
// complaint whose dates were not kept as recorded.
//
// The day of receipt is the UK civil date of received_at (GMT, or BST in
// summer), whatever offset the timestamp was written with, so a complaint
// emailed at 23:30 GMT on a summer evening counts from the next day.
func (c *Complaint) Deadlines() (Deadlines, error) {
	n, ok := nationOf(c.Jurisdiction)
	if !ok {
		return Deadlines{}, ErrNoCalendar
	}
	if c.ReceivedAt.IsZero() {
		return Deadlines{}, ErrNotReceived
	}
	if c.datesAltered() {
		return Deadlines{}, ErrDatesAltered
	}
	received := ukcal.DateAt(c.ReceivedAt)
	ack, err := ukcal.AddWorkingDays(n.div, received, n.ackDays)
	if err != nil {
		return Deadlines{}, ErrCalendarRange
	}
	d := Deadlines{
		Jurisdiction:      c.Jurisdiction,
		AcknowledgeWithin: n.ackDays,
		AcknowledgeBy:     dayOf(ack),
		SixMonthsEnd:      dayOf(periodBeginning(received, 6)),
		RespondBy:         c.respondBy(),
	}
	if end, ok := n.timeLimit(c.TreatmentDate, c.AwarenessDate); ok {
		d.TimeLimitEnds = dayOf(end)
	}
	return d, nil
}

// datesAltered reports whether anonymisation shifted or generalised the
// complaint's dates.
func (c *Complaint) datesAltered() bool {
	d := c.Deidentification
	return d != nil && d.Dates != "" && d.Dates != DateHandlingKept
}

// respondBy returns the latest extension's date or, without one, the
// agreed response date.
func (c *Complaint) respondBy() PartialDate {
	for i := len(c.Extensions) - 1; i >= 0; i-- {
		if !c.Extensions[i].ResponseBy.IsZero() {
			return c.Extensions[i].ResponseBy
		}
	}
	return c.AgreedResponseBy
}

// timeLimit returns the last day on which a complaint about an event on
// event, noticed on aware, is in time.
func (n nation) timeLimit(event, aware PartialDate) (ukcal.Date, bool) {
	hasEvent, hasAware := !event.IsZero(), !aware.IsZero()
	e, a := ukcal.DateOf(event.lastDay()), ukcal.DateOf(aware.lastDay())
	switch {
	case !n.shortLimit && hasEvent && hasAware:
		return monthsAfter(later(e, a), 12), true
	case !n.shortLimit && hasEvent:
		return monthsAfter(e, 12), true
	case !n.shortLimit && hasAware:
		return monthsAfter(a, 12), true
	case hasEvent && hasAware:
		return later(monthsAfter(e, 6), earlier(monthsAfter(a, 6), monthsAfter(e, 12))), true
	case hasEvent:
		return monthsAfter(e, 6), true
	case hasAware:
		return monthsAfter(a, 6), true
	}
	return ukcal.Date{}, false
}

// addMonths returns the date n months after d on the same day of the
// month or, where that month is shorter, on its last day (the
// corresponding-date rule of Dodds v Walker [1981] 1 WLR 1027). clamped
// reports the second case.
func addMonths(d ukcal.Date, n int) (_ ukcal.Date, clamped bool) {
	m := int(d.Month) - 1 + n
	y := d.Year + m/12
	month := time.Month(m%12 + 1)
	day := d.Day
	if last := daysIn(month, y); day > last {
		day, clamped = last, true
	}
	return ukcal.Date{Year: y, Month: month, Day: day}, clamped
}

// monthsAfter is the last day of "n months after d": the corresponding date.
func monthsAfter(d ukcal.Date, n int) ukcal.Date {
	end, _ := addMonths(d, n)
	return end
}

// periodBeginning is the last day of "n months beginning with d": the day
// before the corresponding date, or the end of the month when the month
// has no corresponding date.
func periodBeginning(d ukcal.Date, n int) ukcal.Date {
	end, clamped := addMonths(d, n)
	if clamped {
		return end
	}
	return end.AddDays(-1)
}

func later(a, b ukcal.Date) ukcal.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b ukcal.Date) ukcal.Date {
	if a.Before(b) {
		return a
	}
	return b
}

func dayOf(d ukcal.Date) PartialDate { return DateOf(d.Time(), PrecisionDay) }

// UKDate returns the civil date in the United Kingdom at the instant t,
// to the day: the date a complaint's deadlines count from. It follows the
// GMT/BST rule by law, not the system's zone files, so it gives the same
// answer on every machine.
func UKDate(t time.Time) PartialDate { return dayOf(ukcal.DateAt(t)) }

// ErrBeforeReceipt is returned by [Complaint.WorkingDaysAfterReceipt] for
// an instant whose UK date is before the day of receipt.
var ErrBeforeReceipt = errors.New("complication: the date is before the complaint was received")

// WorkingDaysAfterReceipt returns the working days, in the complaint's UK
// nation, from the day of receipt (not counted) to the UK date of t
// (counted): how long an acknowledgement or a response took, measured as
// the deadlines are. It fails as [Complaint.Deadlines] does, and with
// [ErrBeforeReceipt] for a t before the day of receipt.
func (c *Complaint) WorkingDaysAfterReceipt(t time.Time) (int, error) {
	if c.datesAltered() {
		return 0, ErrDatesAltered
	}
	n, ok := nationOf(c.Jurisdiction)
	if !ok {
		return 0, ErrNoCalendar
	}
	if c.ReceivedAt.IsZero() || t.IsZero() {
		return 0, ErrNotReceived
	}
	received, d := ukcal.DateAt(c.ReceivedAt), ukcal.DateAt(t)
	if d.Before(received) {
		return 0, ErrBeforeReceipt
	}
	days, err := ukcal.WorkingDaysBetween(n.div, received, d)
	if err != nil {
		return 0, ErrCalendarRange
	}
	return days, nil
}

// DueKind names a duty in a complaint's handling that falls due on a date.
// Its values are stable wire codes.
type DueKind string

// Due kinds, in the order [Complaint.Due] lists duties that fall on the same
// day.
const (
	DueAcknowledge     DueKind = "acknowledge"      // acknowledge the complaint
	DueOfferDiscussion DueKind = "offer_discussion" // offer to discuss the handling and the response period
	DueRespond         DueKind = "respond"          // send the written response
	DueExplainDelay    DueKind = "explain_delay"    // without a response by then, explain the delay
)

func (k DueKind) rank() int {
	return slices.Index([]DueKind{DueAcknowledge, DueOfferDiscussion, DueRespond, DueExplainDelay}, k)
}

// DueItem is one duty still to be done: what, by which day, whether that
// day has passed, and the field of the complaint that records it done.
type DueItem struct {
	Kind    DueKind     `json:"kind"`
	By      PartialDate `json:"by"`      // the last day to do it
	Overdue bool        `json:"overdue"` // the day has passed
	Pointer string      `json:"pointer"` // e.g. "/acknowledged_at"
}

// Due returns what is still to be done in the complaint's handling as of
// asOf (an instant, taken as its UK date), sorted by day: the
// acknowledgement and the offer to discuss (both by the acknowledgement
// deadline: SI 2009/309 reg 13 requires the offer with the
// acknowledgement), the response (by the agreed date with its extensions
// or, without one, by the end of the six months), and the explanation owed
// if the response is not sent within six months. A duty is done once its
// field is recorded. A closed or withdrawn complaint has nothing due.
//
// The errors are those of [Complaint.Deadlines].
func (c *Complaint) Due(asOf time.Time) ([]DueItem, error) {
	if !c.Open() {
		return nil, nil
	}
	d, err := c.Deadlines()
	if err != nil {
		return nil, err
	}
	today := UKDate(asOf)
	var out []DueItem
	add := func(kind DueKind, by PartialDate, ptr string) {
		out = append(out, DueItem{Kind: kind, By: by, Overdue: today.After(by), Pointer: ptr})
	}
	if c.AcknowledgedAt.IsZero() {
		add(DueAcknowledge, d.AcknowledgeBy, "/acknowledged_at")
	}
	if c.DiscussionOfferedAt.IsZero() {
		add(DueOfferDiscussion, d.AcknowledgeBy, "/discussion_offered_at")
	}
	if c.ResponseSentAt.IsZero() {
		by := d.RespondBy
		if by.IsZero() {
			by = d.SixMonthsEnd
		}
		add(DueRespond, by, "/response_sent_at")
		if c.DelayExplainedAt.IsZero() {
			add(DueExplainDelay, d.SixMonthsEnd, "/delay_explained_at")
		}
	}
	slices.SortStableFunc(out, func(a, b DueItem) int {
		return cmp.Or(a.By.lastDay().Compare(b.By.lastDay()), cmp.Compare(a.Kind.rank(), b.Kind.rank()))
	})
	return out, nil
}
