package export

import (
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

// This file is the CSV layout of complaints: the columns of complaints.csv
// in the order of the published complaint schema, its derived columns, and
// the child tables of its arrays of objects. There is no flat layout of
// complaints.

type (
	complaint    = complication.Complaint
	escalation   = complication.Escalation
	extension    = complication.Extension
	statusChange = complication.StatusChange
)

// complaintRow is a complaint with what its derived columns share,
// computed once: its deadlines.
type complaintRow struct {
	c *complaint

	derived bool
	ok      bool // the deadlines could be computed
	dl      complication.Deadlines
}

func (x *complaintRow) deadlines() *complaintRow {
	if !x.derived {
		x.derived = true
		dl, err := x.c.Deadlines()
		x.ok = err == nil
		x.dl = dl
	}
	return x
}

// workingDays returns the working days of the complaint's nation from the
// day of receipt (not counted) to the UK date of t (counted). ok is false
// when the deadlines cannot be computed, t is zero or falls before the
// day of receipt, or the calendars do not cover it.
func (x *complaintRow) workingDays(t time.Time) (int, bool) {
	if !x.deadlines().ok || t.IsZero() {
		return 0, false
	}
	n, err := x.c.WorkingDaysAfterReceipt(t)
	return n, err == nil
}

// inTime reports whether the UK date of t is not after the last day by.
// ok is false when the deadlines cannot be computed or t or by is zero.
func (x *complaintRow) inTime(t time.Time, by complication.PartialDate) (inTime, ok bool) {
	if !x.deadlines().ok || t.IsZero() || by.IsZero() {
		return false, false
	}
	return !complication.UKDate(t).After(by), true
}

// respondBy is the response deadline of [complication.Complaint.Due]: the
// agreed response date moved by the latest extension or, without one, the
// end of the six months beginning with the day of receipt.
func (x *complaintRow) respondBy() complication.PartialDate {
	if !x.deadlines().ok {
		return complication.PartialDate{}
	}
	if !x.dl.RespondBy.IsZero() {
		return x.dl.RespondBy
	}
	return x.dl.SixMonthsEnd
}

func cx[F any](f func(*complaint) *F) acc[*complaintRow, F] {
	return func(x *complaintRow, _ bool) *F { return f(x.c) }
}

// complaintColumns are the columns of complaints.csv: the complaint-level
// fields in schema order (the arrays of objects extensions,
// status_history and escalations are child tables), then the derived
// columns.
func complaintColumns() []column[*complaintRow] {
	cols := []column[*complaintRow]{
		uuidCol("id", cx(func(c *complaint) *uuid.UUID { return &c.ID })),
		timestampCol("received_at", cx(func(c *complaint) *time.Time { return &c.ReceivedAt })),
		codeCol("channel", cx(func(c *complaint) *complication.ComplaintChannel { return &c.Channel })),
		codeCol("jurisdiction", cx(func(c *complaint) *complication.Jurisdiction { return &c.Jurisdiction })),
		codeCol("complainant_role", cx(func(c *complaint) *complication.ComplainantRole { return &c.ComplainantRole })),
		boolCol("consent_to_act", cx(func(c *complaint) **bool { return &c.ConsentToAct })),
		boolCol("anonymous", cx(func(c *complaint) **bool { return &c.Anonymous })),
		textCol("summary", cx(func(c *complaint) *string { return &c.Summary })),
		codesCol("categories", cx(func(c *complaint) *[]complication.ComplaintCategory { return &c.Categories })),
		refersTo(uuidsCol("complication_ids", cx(func(c *complaint) *[]uuid.UUID { return &c.ComplicationIDs })), "reports.id"),
		dateCol("treatment_date", cx(func(c *complaint) *complication.PartialDate { return &c.TreatmentDate })),
		dateCol("awareness_date", cx(func(c *complaint) *complication.PartialDate { return &c.AwarenessDate })),
		codesCol("remedy_sought", cx(func(c *complaint) *[]complication.Remedy { return &c.RemedySought })),
		textCol("remedy_notes", cx(func(c *complaint) *string { return &c.RemedyNotes })),
		textCol("patient_pseudonym", cx(func(c *complaint) *string { return &c.PatientPseudonym })),
	}
	cols = append(cols, practitionerColumns(opt(func(x *complaintRow) **complication.Practitioner { return &x.c.Practitioner }))...)
	cols = append(cols, settingColumns(opt(func(x *complaintRow) **complication.Setting { return &x.c.Setting }))...)
	cols = append(cols,
		boolCol("out_of_time_accepted", cx(func(c *complaint) **bool { return &c.OutOfTimeAccepted })),
		codeCol("out_of_time_reason", cx(func(c *complaint) *complication.OutOfTimeReason { return &c.OutOfTimeReason })),
		timestampCol("acknowledged_at", cx(func(c *complaint) *time.Time { return &c.AcknowledgedAt })),
		timestampCol("discussion_offered_at", cx(func(c *complaint) *time.Time { return &c.DiscussionOfferedAt })),
		dateCol("agreed_response_by", cx(func(c *complaint) *complication.PartialDate { return &c.AgreedResponseBy })),
		timestampCol("response_sent_at", cx(func(c *complaint) *time.Time { return &c.ResponseSentAt })),
		timestampCol("delay_explained_at", cx(func(c *complaint) *time.Time { return &c.DelayExplainedAt })),
		timestampCol("closed_at", cx(func(c *complaint) *time.Time { return &c.ClosedAt })),
		codeCol("urgency", cx(func(c *complaint) *complication.Urgency { return &c.Urgency })),
		boolCol("health_and_safety", cx(func(c *complaint) **bool { return &c.HealthAndSafety })),
		codeCol("outcome", cx(func(c *complaint) *complication.ComplaintOutcome { return &c.Outcome })),
		boolCol("apology_given", cx(func(c *complaint) **bool { return &c.ApologyGiven })),
		codesCol("remedial_actions", cx(func(c *complaint) *[]complication.RemedialAction { return &c.RemedialActions })),
		textCol("learning_points", cx(func(c *complaint) *string { return &c.LearningPoints })),
	)
	type PC = complication.PractitionerConduct
	conduct := opt(func(x *complaintRow) **PC { return &x.c.Conduct })
	cols = append(cols, prefixed("practitioner_conduct",
		codesCol("response_channels", in(conduct, func(o *PC) *[]complication.ResponseChannel { return &o.ResponseChannels })),
		codesCol("platforms", in(conduct, func(o *PC) *[]complication.SocialPlatform { return &o.Platforms })),
		boolCol("patient_information_disclosed_publicly", in(conduct, func(o *PC) **bool { return &o.PatientInformationDisclosed })),
	)...)
	cols = append(cols,
		boolCol("informed_of_escalation_route", cx(func(c *complaint) **bool { return &c.EscalationRouteGiven })),
	)
	cols = append(cols, deidentificationColumns(opt(func(x *complaintRow) **complication.Deidentification { return &x.c.Deidentification }))...)
	return append(cols, derivedComplaintColumns()...)
}

// noDeadlines is when the deadline columns are empty, as the codebook
// states it.
const noDeadlines = "the deadlines cannot be computed (no UK jurisdiction or received_at, or dates shifted or generalised by de-identification: deidentification.dates other than kept)"

// derivedComplaintColumns compute what the model says is derived and never
// typed in: the current status, and the handling measured against the
// deadlines of complication.Complaint.Deadlines. An export has no "today",
// so a duty not yet done is never judged late here: its flag is empty.
func derivedComplaintColumns() []column[*complaintRow] {
	status := derivedCol("status", kindCode,
		"Derived: the current status, that of the last entry of status_history (complaint_status_history.csv); empty when the history is empty.",
		func(x *complaintRow, dst []byte) []byte { return append(dst, x.c.Status()...) })
	status.codeList = "complaint_status"
	date := func(name, note string, by func(x *complaintRow) complication.PartialDate) column[*complaintRow] {
		c := derivedCol(name, kindDate, note, func(x *complaintRow, dst []byte) []byte {
			if x.deadlines().ok {
				dst = appendDate(dst, by(x))
			}
			return dst
		})
		c.privacy = "quasi-identifier"
		return c
	}
	days := func(name, note string, at func(c *complaint) time.Time) column[*complaintRow] {
		return derivedCol(name, kindInt, note, func(x *complaintRow, dst []byte) []byte {
			if n, ok := x.workingDays(at(x.c)); ok {
				dst = appendInt(dst, n)
			}
			return dst
		})
	}
	flag := func(name, note string, at func(c *complaint) time.Time, by func(x *complaintRow) complication.PartialDate) column[*complaintRow] {
		return derivedCol(name, kindBool, note, func(x *complaintRow, dst []byte) []byte {
			if in, ok := x.inTime(at(x.c), by(x)); ok {
				dst = appendBool(dst, in)
			}
			return dst
		})
	}
	ackBy := func(x *complaintRow) complication.PartialDate { return x.dl.AcknowledgeBy }
	limit := func(x *complaintRow) complication.PartialDate { return x.dl.TimeLimitEnds }
	respondBy := (*complaintRow).respondBy
	received := func(c *complaint) time.Time { return c.ReceivedAt }
	acked := func(c *complaint) time.Time { return c.AcknowledgedAt }
	sent := func(c *complaint) time.Time { return c.ResponseSentAt }
	return []column[*complaintRow]{
		status,
		derivedCol("open", kindBool,
			"Derived: true while the complaint is being handled: its current status is not closed (with no status history, closed_at is empty) and it was not withdrawn.",
			func(x *complaintRow, dst []byte) []byte { return appendBool(dst, x.c.Open()) }),
		date("acknowledge_by",
			"Derived: the last day to acknowledge the complaint, the acknowledgement period of the jurisdiction in working days after the UK date of received_at, by its bank-holiday calendar; empty when "+noDeadlines+".",
			ackBy),
		days("acknowledgement_working_days",
			"Derived: working days of the jurisdiction's calendar from the UK date of received_at (not counted) to that of acknowledged_at (counted); empty when not acknowledged, acknowledged before receipt, or "+noDeadlines+".",
			acked),
		flag("acknowledged_in_time",
			"Derived: true when the UK date of acknowledged_at is not after acknowledge_by (an acknowledgement on a weekend or bank holiday after acknowledge_by is late, though it adds no working day); empty when not acknowledged (an export has no today to judge a duty not yet done) or "+noDeadlines+".",
			acked, ackBy),
		date("respond_by",
			"Derived: the last day to send the written response: agreed_response_by as moved by the latest extension (complaint_extensions.csv) or, with none agreed, the last day of the six months beginning with the UK date of received_at; empty when "+noDeadlines+".",
			respondBy),
		days("response_working_days",
			"Derived: working days of the jurisdiction's calendar from the UK date of received_at (not counted) to that of response_sent_at (counted); empty when no response was sent, or "+noDeadlines+".",
			sent),
		flag("responded_in_time",
			"Derived: true when the UK date of response_sent_at is not certainly after respond_by; empty when no response was sent (an export has no today to judge a duty not yet done) or "+noDeadlines+".",
			sent, respondBy),
		date("time_limit_ends",
			"Derived: the last day on which the complaint is in time under the jurisdiction's time limit, from treatment_date and awareness_date (taken at their last day when imprecise); empty when neither is recorded, or "+noDeadlines+".",
			limit),
		flag("made_in_time",
			"Derived: true when the UK date of received_at is not after time_limit_ends; empty when time_limit_ends is.",
			received, limit),
	}
}

func extensionColumns() []column[*extension] {
	return []column[*extension]{
		dateCol("response_by", elem(func(e *extension) *complication.PartialDate { return &e.ResponseBy })),
		codeCol("reason", elem(func(e *extension) *complication.ExtensionReason { return &e.Reason })),
		dateCol("agreed_on", elem(func(e *extension) *complication.PartialDate { return &e.AgreedOn })),
	}
}

func statusChangeColumns() []column[*statusChange] {
	return []column[*statusChange]{
		codeCol("status", elem(func(s *statusChange) *complication.ComplaintStatus { return &s.Status })),
		timestampCol("at", elem(func(s *statusChange) *time.Time { return &s.At })),
	}
}

func escalationColumns() []column[*escalation] {
	return []column[*escalation]{
		codeCol("to", elem(func(e *escalation) *complication.EscalationRoute { return &e.To })),
		dateCol("date", elem(func(e *escalation) *complication.PartialDate { return &e.Date })),
		textCol("reference", elem(func(e *escalation) *string { return &e.Reference })),
	}
}

// complaintTables is the tidy layout of complaints.
func complaintTables() tableSet[*complaintRow] {
	k := complaintKind()
	return tableSet[*complaintRow]{
		kind:   k,
		id:     func(x *complaintRow) uuid.UUID { return x.c.ID },
		newRec: func() *complaintRow { return &complaintRow{c: new(complaint)} },
		list: []table[*complaintRow]{
			&parentTable[*complaintRow]{kind: k, title: "Complaints: one row per complaint", cols: complaintColumns()},
			complaintChild("complaint_extensions", "extensions", "extension_index", extensionColumns(),
				func(c *complaint) *[]extension { return &c.Extensions }),
			complaintChild("complaint_status_history", "status_history", "status_change_index", statusChangeColumns(),
				func(c *complaint) *[]statusChange { return &c.StatusHistory }),
			complaintChild("complaint_escalations", "escalations", "escalation_index", escalationColumns(),
				func(c *complaint) *[]escalation { return &c.Escalations }),
		},
	}
}

// complaintChild returns the child table of an array of a complaint.
func complaintChild[E any](file, entity, index string, cols []column[*E], slot func(*complaint) *[]E) *childTable[*complaintRow, E] {
	return &childTable[*complaintRow, E]{kind: complaintKind(), file: file, entity: entity, index: index, level: levelRecord, cols: cols,
		id:   func(x *complaintRow) uuid.UUID { return x.c.ID },
		slot: func(x *complaintRow, _ *event) *[]E { return slot(x.c) }}
}
