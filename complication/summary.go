package complication

import (
	"maps"
	"slices"
	"time"

	"github.com/openaesthetics/casebook/internal/ukcal"
)

// StatsOptions configure a [ComplaintStats].
type StatsOptions struct {
	// From and To bound the reporting period: a complaint counts when its
	// received_at lies in [From, To). A zero bound is open, so the zero
	// value counts every complaint. Complaints outside the period, and
	// complaints with no received_at when a bound is set, are considered
	// but not counted.
	From, To time.Time
}

// ComplaintStats accumulates a summary of a clinic's complaints for its own
// reporting: the register CQC Regulation 16 asks a provider to keep and
// summarise, and the counters of an annual complaints report (SI 2009/309
// regs 17 and 18: number received, number well-founded, number referred to
// the ombudsman). Add complaints one at a time, in any order, and read the
// [ComplaintSummary] at any point.
//
// Memory does not grow with the number of complaints: the medians are kept
// as histograms of whole days, so a ComplaintStats holds one counter per
// distinct number of days seen. The summary is the same whatever order the
// complaints are added in.
//
// Counts are not suppressed: before publishing a summary outside the
// clinic, suppress small cells (see the anonymize package).
//
// A ComplaintStats is not safe for concurrent use.
type ComplaintStats struct {
	opts StatsOptions
	sum  ComplaintSummary

	ackDays, respondDays, respondWorkingDays histogram
	categories                               map[ComplaintCategory]int
	channels                                 map[ComplaintChannel]int
}

// ComplaintSummary is the summary a [ComplaintStats] accumulates. Counts are
// numbers of complaints; a complaint with two escalations counts once in
// Escalated.
type ComplaintSummary struct {
	From time.Time `json:"from,omitzero"` // the reporting period, as configured
	To   time.Time `json:"to,omitzero"`

	Considered int `json:"considered"` // every complaint added, in the period or not
	Received   int `json:"received"`   // complaints received in the period: every count below is of these

	Acknowledged       int `json:"acknowledged"`
	AcknowledgedOnTime int `json:"acknowledged_on_time"` // by the deadline of [Complaint.Deadlines]
	Responded          int `json:"responded"`
	// RespondedOnTime counts responses sent by the agreed response date
	// (extensions included), of the Responded complaints that had one:
	// the record SI 2009/309 reg 17 asks for.
	RespondedOnTime int `json:"responded_on_time"`
	// DeadlinesUnknown counts complaints whose deadlines cannot be
	// computed (no UK jurisdiction); they are left out of the on-time counts
	// and the working-day medians.
	DeadlinesUnknown int `json:"deadlines_unknown"`

	Upheld       int `json:"upheld"` // well-founded
	PartlyUpheld int `json:"partly_upheld"`
	NotUpheld    int `json:"not_upheld"`
	Withdrawn    int `json:"withdrawn"`
	OutOfTime    int `json:"out_of_time"`

	Escalated           int `json:"escalated"`             // taken to at least one other body
	ReferredToOmbudsman int `json:"referred_to_ombudsman"` // to an ombudsman or ISCAS (see [EscalationRoute.Ombudsman])
	HealthAndSafety     int `json:"health_and_safety"`

	// How practitioners answered: the conduct an aesthetic clinic most needs
	// to see.
	DisclosedPublicly int `json:"disclosed_publicly"` // patient information put in public
	AnsweredInPublic  int `json:"answered_in_public"`
	BlockedOrIgnored  int `json:"blocked_or_ignored"`

	// DaysToAcknowledge is in working days, as the acknowledgement rule is;
	// DaysToRespond in calendar days, as the six-month rule is, and
	// WorkingDaysToRespond in working days, as the Welsh, Scottish and
	// Northern Irish response targets are. The day of receipt does not
	// count: a complaint answered the day after receipt took 1 day.
	DaysToAcknowledge    Median `json:"days_to_acknowledge"`
	DaysToRespond        Median `json:"days_to_respond"`
	WorkingDaysToRespond Median `json:"working_days_to_respond"`

	// ByCategory and ByChannel count complaints by category and by channel,
	// one entry per code in the code list's order, zeros included, so two
	// summaries always line up. A complaint counts once in each of its
	// categories.
	ByCategory []CodeCount `json:"by_category"`
	ByChannel  []CodeCount `json:"by_channel"`
}

// Median is the median of a set of whole numbers of days.
type Median struct {
	N     int     `json:"n"`     // how many complaints it is over
	Value float64 `json:"value"` // the median; 0 when N is 0
}

// CodeCount is how many complaints have a code.
type CodeCount struct {
	Code    string `json:"code"`
	Display string `json:"display"`
	N       int    `json:"n"`
}

// NewComplaintStats returns an empty accumulator for the period in opts.
func NewComplaintStats(opts StatsOptions) *ComplaintStats {
	return &ComplaintStats{
		opts:       opts,
		sum:        ComplaintSummary{From: opts.From, To: opts.To},
		categories: map[ComplaintCategory]int{},
		channels:   map[ComplaintChannel]int{},
	}
}

// Add counts one complaint. It reports whether the complaint falls in the
// reporting period and was counted.
func (s *ComplaintStats) Add(c *Complaint) bool {
	s.sum.Considered++
	if !s.inPeriod(c.ReceivedAt) {
		return false
	}
	sum := &s.sum
	sum.Received++
	for _, cat := range slices.Compact(slices.Sorted(slices.Values(c.Categories))) {
		s.categories[cat]++
	}
	if c.Channel != "" {
		s.channels[c.Channel]++
	}
	switch c.Outcome {
	case ComplaintOutcomeUpheld:
		sum.Upheld++
	case ComplaintOutcomePartlyUpheld:
		sum.PartlyUpheld++
	case ComplaintOutcomeNotUpheld:
		sum.NotUpheld++
	case ComplaintOutcomeWithdrawn:
		sum.Withdrawn++
	case ComplaintOutcomeOutOfTime:
		sum.OutOfTime++
	}
	if len(c.Escalations) > 0 {
		sum.Escalated++
	}
	if slices.ContainsFunc(c.Escalations, func(e Escalation) bool { return e.To.Ombudsman() }) {
		sum.ReferredToOmbudsman++
	}
	if c.HealthAndSafety != nil && *c.HealthAndSafety {
		sum.HealthAndSafety++
	}
	if pc := c.Conduct; pc != nil {
		if pc.PatientInformationDisclosed != nil && *pc.PatientInformationDisclosed {
			sum.DisclosedPublicly++
		}
		if slices.ContainsFunc(pc.ResponseChannels, ResponseChannel.Public) {
			sum.AnsweredInPublic++
		}
		if slices.Contains(pc.ResponseChannels, ResponseChannelBlockedOrIgnored) {
			sum.BlockedOrIgnored++
		}
	}
	s.timings(c)
	return true
}

func (s *ComplaintStats) inPeriod(t time.Time) bool {
	if s.opts.From.IsZero() && s.opts.To.IsZero() {
		return true
	}
	if t.IsZero() {
		return false
	}
	return (s.opts.From.IsZero() || !t.Before(s.opts.From)) && (s.opts.To.IsZero() || t.Before(s.opts.To))
}

func (s *ComplaintStats) timings(c *Complaint) {
	sum := &s.sum
	d, err := c.Deadlines()
	n, uk := nationOf(c.Jurisdiction)
	if err != nil {
		sum.DeadlinesUnknown++
	}
	if !c.AcknowledgedAt.IsZero() {
		sum.Acknowledged++
		if err == nil {
			ack := ukcal.DateAt(c.AcknowledgedAt)
			if !dayOf(ack).After(d.AcknowledgeBy) {
				sum.AcknowledgedOnTime++
			}
			if days, err := ukcal.WorkingDaysBetween(n.div, ukcal.DateAt(c.ReceivedAt), ack); err == nil {
				s.ackDays.add(days)
			}
		}
	}
	if c.ResponseSentAt.IsZero() || c.ReceivedAt.IsZero() {
		return
	}
	sum.Responded++
	received, sent := civilDate(c.ReceivedAt, uk), civilDate(c.ResponseSentAt, uk)
	if days := int(sent.Time().Sub(received.Time()) / (24 * time.Hour)); days >= 0 {
		s.respondDays.add(days)
	}
	if err != nil {
		return
	}
	if !d.RespondBy.IsZero() && !dayOf(sent).After(d.RespondBy) {
		sum.RespondedOnTime++
	}
	if days, err := ukcal.WorkingDaysBetween(n.div, received, sent); err == nil {
		s.respondWorkingDays.add(days)
	}
}

// civilDate is the UK date of t for a UK complaint, and otherwise the date
// in the offset t was recorded with.
func civilDate(t time.Time, uk bool) ukcal.Date {
	if uk {
		return ukcal.DateAt(t)
	}
	return ukcal.DateOf(t)
}

// Summary returns the summary of the complaints added so far. It may be
// called at any point, and more complaints added afterwards.
func (s *ComplaintStats) Summary() ComplaintSummary {
	out := s.sum
	out.DaysToAcknowledge = s.ackDays.median()
	out.DaysToRespond = s.respondDays.median()
	out.WorkingDaysToRespond = s.respondWorkingDays.median()
	out.ByCategory = counts("complaint_category", func(code string) int { return s.categories[ComplaintCategory(code)] })
	out.ByChannel = counts("complaint_channel", func(code string) int { return s.channels[ComplaintChannel(code)] })
	return out
}

func counts(list string, n func(code string) int) []CodeCount {
	var out []CodeCount
	for _, l := range codeLists() {
		if l.Name != list {
			continue
		}
		for _, e := range l.Entries {
			out = append(out, CodeCount{Code: e.Code, Display: e.Display, N: n(e.Code)})
		}
	}
	return out
}

// histogram counts whole numbers of days, so that a median over any number
// of complaints needs memory only for the distinct values.
type histogram map[int]int

func (h *histogram) add(days int) {
	if *h == nil {
		*h = histogram{}
	}
	(*h)[days]++
}

func (h histogram) median() Median {
	total := 0
	for _, n := range h {
		total += n
	}
	if total == 0 {
		return Median{}
	}
	keys := slices.Sorted(maps.Keys(h))
	// The median is the mean of the values at ranks lo and hi (0-based);
	// they are equal for an odd total.
	lo, hi := (total-1)/2, total/2
	var vlo, vhi, seen int
	for _, k := range keys {
		next := seen + h[k]
		if lo >= seen && lo < next {
			vlo = k
		}
		if hi >= seen && hi < next {
			vhi = k
			break
		}
		seen = next
	}
	return Median{N: total, Value: float64(vlo+vhi) / 2}
}
