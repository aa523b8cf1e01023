package complication

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"time"
)

// Codes of the complaint rules. See [Complaint.Check]. Complaints also use
// [CodeDateOrder], [CodeDateInFuture] and [CodeIdentityInSubmission].
const (
	CodeStatusTransition        Code = "status_transition"              // a status change the handling does not allow
	CodeAnonymousWithIdentity   Code = "anonymous_with_identity"        // an anonymous complaint that names its complainant
	CodeConsentToAct            Code = "consent_to_act_missing"         // a representative without the patient's consent recorded
	CodeHealthSafetyUnlinked    Code = "health_safety_unlinked"         // a health and safety concern with no complication report
	CodePublicDisclosure        Code = "public_disclosure"              // the practitioner put patient information in public
	CodePublicResponse          Code = "public_response"                // the practitioner answered in public
	CodeBlockedOrIgnored        Code = "complainant_blocked_or_ignored" // the practitioner blocked or ignored the complainant
	CodeEscalationRouteNotGiven Code = "escalation_route_not_given"     // answered without telling the complainant where to go next
	CodeDeadlinesUnknown        Code = "deadlines_unknown"              // the deadlines cannot be computed
	CodeAcknowledgementOverdue  Code = "acknowledgement_overdue"        // acknowledged late, or not yet and the deadline has passed
	CodeResponseOverdue         Code = "response_overdue"               // responded after the agreed date, or not yet and it has passed
	CodeOutOfTime               Code = "out_of_time"                    // made after the time limit with no decision recorded
	CodeDelayNotExplained       Code = "delay_not_explained"            // no response within six months and no explanation
	CodeStatusTimestamp         Code = "status_timestamp_mismatch"      // the status history and the handling timestamps disagree
	CodeOutcomeInTime           Code = "out_of_time_outcome_in_time"    // an out-of-time outcome for a complaint made in time
	CodeRemedyConflict          Code = "remedy_conflict"                // not_stated listed with a remedy
)

// Check runs the domain rules on a complaint and returns findings sorted by
// [Findings.Sort], with pointers into the complaint's JSON form. Like
// [Report.Check] it assumes a structurally valid complaint and never
// panics on any other. With opts.Today zero, rules that need today's date
// (dates in the future, duties not done by a deadline that has passed) are
// skipped; duties done late are judged from the record alone. For a
// de-identified complaint whose dates were shifted or generalised, the
// future-date and deadline rules are skipped.
//
// Errors (the record is rejected): dates out of order (anything before
// received_at, awareness before the treatment, a treatment after receipt,
// an extension that does not move the response date later, status changes
// out of time order); dates in the future; a status change the handling
// does not allow (see [ComplaintStatus.CanBecome]); an anonymous complaint
// that names its complainant (or, when the patient complains, the patient);
// not_stated listed with a remedy; an identity block in a de-identified
// record.
//
// Warnings (the record is accepted and flagged): the deadlines of
// [Complaint.Deadlines] missed (acknowledgement, agreed response, the
// explanation owed after six months); a complaint made after the time limit
// with no decision to accept it, or accepted with no reason; no UK
// jurisdiction recorded, so deadlines cannot be computed; a representative
// acting without the patient's consent recorded; a health and safety
// concern not linked to a complication report; a response that does not
// tell the complainant how to take the complaint further; a response date
// with no responded status in the history; an out-of-time outcome for a
// complaint made in time; and the
// practitioner's conduct: patient information disclosed in public, an
// answer given in public, the complainant blocked or ignored. Conduct
// findings cite the professional guidance by name and never repeat what
// was said.
func (c *Complaint) Check(opts CheckOptions) Findings {
	if c.datesAltered() {
		// Shifted or generalised dates are not calendar dates: the future
		// and deadline rules do not apply to them. Order rules still do.
		opts.Today = time.Time{}
	}
	k := checker{opts: opts}
	k.complaint(c)
	k.out.Sort()
	return k.out
}

func (k *checker) complaint(c *Complaint) {
	k.complaintDates(c)
	k.statusHistory(c)
	if c.Identity != nil && c.Deidentification != nil {
		k.errorf("/identity", CodeIdentityInSubmission, "a de-identified record must not carry an identity block")
	}
	if c.Anonymous != nil && *c.Anonymous && c.Identity != nil {
		// An anonymous patient complainant is identified just as well by
		// the patient block.
		if p := c.Identity.Complainant; p != nil && !reflect.ValueOf(*p).IsZero() {
			k.errorf("/identity/complainant", CodeAnonymousWithIdentity, "an anonymous complaint must not identify its complainant")
		}
		if p := c.Identity.Patient; p != nil && !reflect.ValueOf(*p).IsZero() && c.ComplainantRole == ComplainantRolePatient {
			k.errorf("/identity/patient", CodeAnonymousWithIdentity, "an anonymous complaint by the patient must not identify the patient")
		}
	}
	if len(c.RemedySought) > 1 && slices.Contains(c.RemedySought, RemedyNotStated) {
		k.errorf("/remedy_sought", CodeRemedyConflict, "not_stated cannot be listed with a remedy")
	}
	k.statusTimestamps(c)
	if c.ComplainantRole.actsForPatient() && (c.ConsentToAct == nil || !*c.ConsentToAct) {
		k.warnf("/consent_to_act", CodeConsentToAct,
			"a complaint made for the patient needs the patient's consent, unless they cannot give it (SI 2009/309 reg 5)")
	}
	if c.HealthAndSafety != nil && *c.HealthAndSafety && len(c.ComplicationIDs) == 0 {
		k.warnf("/complication_ids", CodeHealthSafetyUnlinked,
			"a complaint raising a health and safety concern should link or prompt a complication report")
	}
	k.conduct(c)
	withdrawn := c.Outcome == ComplaintOutcomeWithdrawn
	answered := !c.ResponseSentAt.IsZero() || c.Status() == ComplaintStatusResponded || c.Status() == ComplaintStatusClosed
	if answered && !withdrawn && (c.EscalationRouteGiven == nil || !*c.EscalationRouteGiven) {
		k.warnf("/informed_of_escalation_route", CodeEscalationRouteNotGiven,
			"a response must tell the complainant how to take the complaint further: the ombudsman, ISCAS or a regulator")
	}
	k.deadlines(c)
}

// statusTimestamps checks that the status history and the handling
// timestamps do not contradict each other: a complaint with a
// response_sent_at shows the responded status in its history. (A status
// entry carries its own time, so a status without the matching timestamp
// field is not a contradiction.)
func (k *checker) statusTimestamps(c *Complaint) {
	if len(c.StatusHistory) == 0 || c.ResponseSentAt.IsZero() {
		return
	}
	if !slices.ContainsFunc(c.StatusHistory, func(x StatusChange) bool { return x.Status == ComplaintStatusResponded }) {
		k.warnf("/status_history", CodeStatusTimestamp, "response_sent_at is recorded but the status history never says responded")
	}
}

// actsForPatient reports whether a complainant in this role complains on a
// patient's behalf and so needs their consent. A parent or guardian acts
// for a child without it; another practitioner or a member of the public
// may be raising a concern of their own rather than acting for a patient.
func (r ComplainantRole) actsForPatient() bool {
	return r == ComplainantRoleRelativeOrCarer || r == ComplainantRoleRepresentative
}

func (k *checker) complaintDates(c *Complaint) {
	received := c.ReceivedAt
	recvDay := PartialDate{}
	if !received.IsZero() {
		recvDay = UKDate(received)
	}
	stamps := []struct {
		name string
		t    time.Time
	}{
		{"received_at", c.ReceivedAt},
		{"acknowledged_at", c.AcknowledgedAt},
		{"discussion_offered_at", c.DiscussionOfferedAt},
		{"response_sent_at", c.ResponseSentAt},
		{"delay_explained_at", c.DelayExplainedAt},
		{"closed_at", c.ClosedAt},
	}
	for _, s := range stamps {
		k.futureTime("/"+s.name, s.t)
		if s.name != "received_at" && !s.t.IsZero() && !received.IsZero() && s.t.Before(received) {
			k.errorf("/"+s.name, CodeDateOrder, "%s must not be before received_at", s.name)
		}
	}
	k.future("/treatment_date", c.TreatmentDate)
	k.future("/awareness_date", c.AwarenessDate)
	if c.TreatmentDate.After(recvDay) {
		k.errorf("/treatment_date", CodeDateOrder, "treatment_date must not be after received_at")
	}
	if c.AwarenessDate.After(recvDay) {
		k.errorf("/awareness_date", CodeDateOrder, "awareness_date must not be after received_at")
	}
	if c.AwarenessDate.Before(c.TreatmentDate) {
		k.errorf("/awareness_date", CodeDateOrder, "awareness_date must not be before treatment_date")
	}
	if c.AgreedResponseBy.Before(recvDay) {
		k.errorf("/agreed_response_by", CodeDateOrder, "agreed_response_by must not be before received_at")
	}
	prev := c.AgreedResponseBy
	for i, e := range c.Extensions {
		ptr := "/extensions/" + strconv.Itoa(i)
		k.future(ptr+"/agreed_on", e.AgreedOn)
		if e.AgreedOn.Before(recvDay) {
			k.errorf(ptr+"/agreed_on", CodeDateOrder, "an extension must not be agreed before received_at")
		}
		switch {
		case e.ResponseBy.Before(recvDay):
			k.errorf(ptr+"/response_by", CodeDateOrder, "an extended response date must not be before received_at")
		case !prev.IsZero() && !e.ResponseBy.IsZero() && !e.ResponseBy.After(prev):
			k.errorf(ptr+"/response_by", CodeDateOrder, "an extension must move the response date later")
		}
		if !e.ResponseBy.IsZero() {
			prev = e.ResponseBy
		}
	}
	for i, e := range c.Escalations {
		k.future(fmt.Sprintf("/escalations/%d/date", i), e.Date)
	}
}

// futureTime flags a timestamp after today, with a day of grace for clocks
// and zones as for a report's created_at.
func (k *checker) futureTime(ptr string, t time.Time) {
	if k.opts.Today.IsZero() || t.IsZero() {
		return
	}
	if t.After(k.opts.Today.Add(24 * time.Hour)) {
		k.errorf(ptr, CodeDateInFuture, "date is in the future")
	}
}

func (k *checker) statusHistory(c *Complaint) {
	early := c.Outcome == ComplaintOutcomeWithdrawn || c.Outcome == ComplaintOutcomeOutOfTime
	for i, s := range c.StatusHistory {
		ptr := "/status_history/" + strconv.Itoa(i)
		k.futureTime(ptr+"/at", s.At)
		if i == 0 {
			if s.Status != ComplaintStatusReceived {
				k.errorf(ptr+"/status", CodeStatusTransition, "the status history must begin with received")
			}
			if !s.At.IsZero() && !c.ReceivedAt.IsZero() && s.At.Before(c.ReceivedAt) {
				k.errorf(ptr+"/at", CodeDateOrder, "a status change must not be before received_at")
			}
			continue
		}
		prev := c.StatusHistory[i-1]
		// A complaint withdrawn or not considered as out of time may close
		// without a response.
		closesEarly := early && s.Status == ComplaintStatusClosed && prev.Status != ComplaintStatusClosed
		if !prev.Status.CanBecome(s.Status) && !closesEarly {
			k.errorf(ptr+"/status", CodeStatusTransition, "a complaint cannot go from %s to %s", statusName(prev.Status), statusName(s.Status))
		}
		if !s.At.IsZero() && !prev.At.IsZero() && s.At.Before(prev.At) {
			k.errorf(ptr+"/at", CodeDateOrder, "status changes must be in time order")
		}
	}
}

// statusName names a status by its code, and never repeats a value that is
// not a code.
func statusName(s ComplaintStatus) string {
	if !s.Valid() {
		return "an unknown status"
	}
	return string(s)
}

func (k *checker) conduct(c *Complaint) {
	pc := c.Conduct
	if pc == nil {
		return
	}
	disclosed := pc.PatientInformationDisclosed != nil && *pc.PatientInformationDisclosed
	if disclosed {
		k.warnf("/practitioner_conduct/patient_information_disclosed_publicly", CodePublicDisclosure,
			"the practitioner put patient information in public: GMC guidance \"Confidentiality: responding to criticism in the media\" "+
				"and the NMC's guidance on using social media responsibly forbid disclosing patient information to answer a complaint")
	}
	for i, ch := range pc.ResponseChannels {
		ptr := "/practitioner_conduct/response_channels/" + strconv.Itoa(i)
		switch {
		case ch.Public() && !disclosed:
			k.warnf(ptr, CodePublicResponse,
				"the practitioner answered the complaint in public: GMC Good Medical Practice expects a prompt, open, constructive "+
					"and honest response to the complainant, and GMC guidance \"Confidentiality: responding to criticism in the media\" "+
					"warns that public disputes serve no practical purpose")
		case ch == ResponseChannelBlockedOrIgnored:
			k.warnf(ptr, CodeBlockedOrIgnored,
				"the practitioner blocked or ignored the complainant: GMC Good Medical Practice gives complainants the right to a "+
					"prompt, open, constructive and honest response, and a complaint must not affect the patient's care")
		}
	}
}

func (k *checker) deadlines(c *Complaint) {
	d, err := c.Deadlines()
	switch {
	case errors.Is(err, ErrNoCalendar):
		if c.Jurisdiction == "" {
			k.warnf("/jurisdiction", CodeDeadlinesUnknown, "jurisdiction is not recorded, so the handling deadlines cannot be computed")
		}
		return
	case errors.Is(err, ErrCalendarRange):
		k.warnf("/received_at", CodeDeadlinesUnknown, "received_at lies outside the years the UK working-day calendars cover")
		return
	case err != nil:
		return
	}
	n, _ := nationOf(c.Jurisdiction)
	received := UKDate(c.ReceivedAt)

	if c.Outcome == ComplaintOutcomeOutOfTime && !d.TimeLimitEnds.IsZero() && !received.After(d.TimeLimitEnds) {
		k.warnf("/outcome", CodeOutcomeInTime, "the outcome says out of time but the complaint was made within the time limit (%s)", n.limitRule)
	}
	if !d.TimeLimitEnds.IsZero() && received.After(d.TimeLimitEnds) {
		switch {
		case c.OutOfTimeAccepted == nil:
			k.warnf("/received_at", CodeOutOfTime,
				"the complaint was made after the time limit (%s); record whether it is accepted for a good reason", n.limitRule)
		case *c.OutOfTimeAccepted && c.OutOfTimeReason == "":
			k.warnf("/out_of_time_reason", CodeOutOfTime, "a complaint made after the time limit was accepted with no reason recorded")
		}
	}

	// now is the day against which duties not yet done are judged: the day
	// the complaint closed, or today for an open complaint.
	var now PartialDate
	switch {
	case c.Open() && !k.opts.Today.IsZero():
		now = UKDate(k.opts.Today)
	case !c.Open() && !c.ClosedAt.IsZero():
		now = UKDate(c.ClosedAt)
	}
	withdrawn := c.Outcome == ComplaintOutcomeWithdrawn
	switch {
	case !c.AcknowledgedAt.IsZero():
		if UKDate(c.AcknowledgedAt).After(d.AcknowledgeBy) {
			k.warnf("/acknowledged_at", CodeAcknowledgementOverdue,
				"acknowledged later than %d working days after receipt (%s)", n.ackDays, n.ackRule)
		}
	case !withdrawn && now.After(d.AcknowledgeBy):
		k.warnf("/acknowledged_at", CodeAcknowledgementOverdue,
			"not acknowledged within %d working days of receipt (%s)", n.ackDays, n.ackRule)
	}
	if withdrawn {
		return
	}
	sent := PartialDate{}
	if !c.ResponseSentAt.IsZero() {
		sent = UKDate(c.ResponseSentAt)
	}
	if !d.RespondBy.IsZero() {
		switch {
		case !sent.IsZero() && sent.After(d.RespondBy):
			k.warnf("/response_sent_at", CodeResponseOverdue, "the response was sent after the agreed response date, extensions included")
		case sent.IsZero() && now.After(d.RespondBy):
			k.warnf("/response_sent_at", CodeResponseOverdue, "no response by the agreed response date, extensions included")
		}
	}
	if c.DelayExplainedAt.IsZero() {
		switch {
		case !sent.IsZero() && sent.After(d.SixMonthsEnd):
			k.warnf("/delay_explained_at", CodeDelayNotExplained,
				"the response took more than six months and no explanation of the delay is recorded (SI 2009/309 reg 14)")
		case sent.IsZero() && now.After(d.SixMonthsEnd):
			k.warnf("/delay_explained_at", CodeDelayNotExplained,
				"no response within six months of receipt and no explanation of the delay is recorded (SI 2009/309 reg 14)")
		}
	}
}
