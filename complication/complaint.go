package complication

import (
	"time"

	"github.com/google/uuid"
)

// Complaint is one complaint: a person's expression of dissatisfaction about
// a treatment, a practitioner or a clinic, and how it was handled. It holds
// what the NHS complaints regulations (SI 2009/309), CQC Regulation 16 and
// ISO 10002 expect a complaint record to hold: when and how it arrived, who
// made it, what it is about and what remedy is sought, the handling timeline
// with its status history, the assessment and outcome, how the practitioner
// answered, and where the complaint went next.
//
// Deadlines are never typed in: [Complaint.Deadlines] derives them from
// received_at, the jurisdiction and the dates of the event, and
// [Complaint.Due] says what is due and when. [Complaint.Check] runs the
// domain rules.
//
// Like [Report], the same type carries both shapes of the published schema.
// As a clinic holds it, a Complaint may carry a [ComplaintIdentity] block
// with every direct identifier (the complainant's and patient's names and
// contact details, the practitioner and clinic, the anonymous complainant's
// tracking token); nothing outside that block is a direct identifier. The
// de-identified submission shape has no Identity and carries a
// [Deidentification] block instead.
//
// Timestamps of the handling (received_at, acknowledged_at …) are RFC 3339
// instants, because clinic systems log them; dates of the events complained
// about are [PartialDate]s, because people remember them to the month. The
// zero value of a code, a date or a timestamp means "not recorded".
type Complaint struct {
	ID           uuid.UUID        `json:"id,omitzero"`
	ReceivedAt   time.Time        `json:"received_at,omitzero"`   // when the complaint reached the clinic, in any form
	Channel      ComplaintChannel `json:"channel,omitempty"`      // how it reached the clinic
	Jurisdiction Jurisdiction     `json:"jurisdiction,omitempty"` // decides the deadlines and the bank-holiday calendar

	ComplainantRole ComplainantRole `json:"complainant_role,omitempty"` // the patient, or who acts for them
	ConsentToAct    *bool           `json:"consent_to_act,omitempty"`   // the patient agreed that the complainant acts for them
	Anonymous       *bool           `json:"anonymous,omitempty"`        // the complainant did not give their identity

	Summary         string              `json:"summary,omitempty"`          // free text; redacted on export
	Categories      []ComplaintCategory `json:"categories,omitempty"`       // what the complaint is about
	ComplicationIDs []uuid.UUID         `json:"complication_ids,omitempty"` // complication reports about the same episode
	TreatmentDate   PartialDate         `json:"treatment_date,omitzero"`    // the treatment, the event complained about
	AwarenessDate   PartialDate         `json:"awareness_date,omitzero"`    // when the complainant became aware of the problem
	RemedySought    []Remedy            `json:"remedy_sought,omitempty"`    // what the complainant asks for (ISO 10002)
	RemedyNotes     string              `json:"remedy_notes,omitempty"`     // free text

	PatientPseudonym string        `json:"patient_pseudonym,omitempty"` // keyed pseudonym; set by anonymisation
	Practitioner     *Practitioner `json:"practitioner,omitempty"`      // the practitioner complained about
	Setting          *Setting      `json:"setting,omitempty"`           // the clinic or premises complained about

	// A complaint made after the time limit may still be accepted for a good
	// reason; these record that decision (see [Deadlines].TimeLimitEnds).
	OutOfTimeAccepted *bool           `json:"out_of_time_accepted,omitempty"`
	OutOfTimeReason   OutOfTimeReason `json:"out_of_time_reason,omitempty"`

	AcknowledgedAt      time.Time      `json:"acknowledged_at,omitzero"`
	DiscussionOfferedAt time.Time      `json:"discussion_offered_at,omitzero"` // offer to discuss the handling and the response period
	AgreedResponseBy    PartialDate    `json:"agreed_response_by,omitzero"`    // the response date agreed with the complainant
	Extensions          []Extension    `json:"extensions,omitempty"`           // later response dates, in the order agreed
	ResponseSentAt      time.Time      `json:"response_sent_at,omitzero"`      // the written response
	DelayExplainedAt    time.Time      `json:"delay_explained_at,omitzero"`    // explanation of a response later than six months
	ClosedAt            time.Time      `json:"closed_at,omitzero"`             //
	StatusHistory       []StatusChange `json:"status_history,omitempty"`       // every status, in time order

	Urgency         Urgency          `json:"urgency,omitempty"`           // initial assessment (ISO 10002)
	HealthAndSafety *bool            `json:"health_and_safety,omitempty"` // raises a significant health or safety concern
	Outcome         ComplaintOutcome `json:"outcome,omitempty"`           //
	ApologyGiven    *bool            `json:"apology_given,omitempty"`     //
	RemedialActions []RemedialAction `json:"remedial_actions,omitempty"`  // what was done to put things right
	LearningPoints  string           `json:"learning_points,omitempty"`   // free text

	Conduct *PractitionerConduct `json:"practitioner_conduct,omitempty"` // how the practitioner answered

	Escalations          []Escalation `json:"escalations,omitempty"`                  // bodies the complaint went to
	EscalationRouteGiven *bool        `json:"informed_of_escalation_route,omitempty"` // told how to take it further

	Identity         *ComplaintIdentity `json:"identity,omitempty"`         // identified shape only
	Deidentification *Deidentification  `json:"deidentification,omitempty"` // submission shape only
}

// Extension is an agreed change to the response date. The latest
// extension's date replaces the agreed response date.
type Extension struct {
	ResponseBy PartialDate     `json:"response_by,omitzero"` // the new response date
	Reason     ExtensionReason `json:"reason,omitempty"`
	AgreedOn   PartialDate     `json:"agreed_on,omitzero"` // when the complainant was told or agreed
}

// StatusChange is one entry of a complaint's status history: the status the
// complaint entered and when. See [ComplaintStatus.CanBecome] for the
// changes allowed.
type StatusChange struct {
	Status ComplaintStatus `json:"status,omitempty"`
	At     time.Time       `json:"at,omitzero"`
}

// PractitionerConduct records, as neutral facts, how the practitioner
// answered the complainant. A public answer is complaint data: the GMC and
// the NMC forbid putting patient information in public to answer criticism,
// and "ignored or blocked" is what most complainants to Save Face report.
// The content of a public post is never recorded here.
type PractitionerConduct struct {
	ResponseChannels            []ResponseChannel `json:"response_channels,omitempty"`                      // every way the practitioner answered
	Platforms                   []SocialPlatform  `json:"platforms,omitempty"`                              // where a public answer appeared
	PatientInformationDisclosed *bool             `json:"patient_information_disclosed_publicly,omitempty"` // health or other patient information put in public
}

// Escalation records that a complaint was taken to another body: an
// ombudsman, a regulator, a register, the MHRA, the police.
type Escalation struct {
	To        EscalationRoute `json:"to,omitempty"`
	Date      PartialDate     `json:"date,omitzero"`
	Reference string          `json:"reference,omitempty"` // the body's reference, such as an ombudsman case number
}

// ComplaintIdentity holds every direct identifier of a complaint: the only
// place in a complaint record where names, contact details, social handles,
// registration numbers and the anonymous complainant's tracking token may
// appear. The submission schema has no place for it, and anonymisation
// removes it whole.
//
// The tracking token belongs here because it identifies a person: it is
// issued to the complainant and quoted back in their messages, so whoever
// holds the token and the complainant's correspondence can tell who
// complained, which is exactly what an anonymous complaint must prevent.
type ComplaintIdentity struct {
	Complainant   *PersonIdentity       `json:"complainant,omitempty"`
	Patient       *PersonIdentity       `json:"patient,omitempty"` // when the complainant is not the patient
	Practitioner  *PractitionerIdentity `json:"practitioner,omitempty"`
	Clinic        *ClinicIdentity       `json:"clinic,omitempty"`
	TrackingToken string                `json:"tracking_token,omitempty"` // given to an anonymous complainant to follow the complaint
}

// Status returns the complaint's current status: the status of the last
// entry of its history, or "" if the history is empty. The status is
// derived, never stored.
func (c *Complaint) Status() ComplaintStatus {
	if len(c.StatusHistory) == 0 {
		return ""
	}
	return c.StatusHistory[len(c.StatusHistory)-1].Status
}

// Open reports whether the complaint is still being handled: its current
// status is not closed, or, with no status history, it has no closed_at.
// A withdrawn complaint is not open.
func (c *Complaint) Open() bool {
	if c.Outcome == ComplaintOutcomeWithdrawn {
		return false
	}
	if s := c.Status(); s != "" {
		return s != ComplaintStatusClosed
	}
	return c.ClosedAt.IsZero()
}

// CanBecome reports whether a complaint in status s may next enter status
// next. The handling runs received → acknowledged → investigating →
// responded → closed. A complaint may be escalated from any status (an
// escalated one again, to another body; a closed one to the ombudsman), and
// an escalated one may then be acknowledged, investigated, answered or
// closed. A responded or closed complaint may be reopened, after which it
// is investigated again.
//
// Closing a complaint that has not been answered is not allowed here,
// since a complaint closed without a response is one that was ignored;
// [Complaint.Check] allows it only when the outcome says the complaint was
// withdrawn or not considered because it was out of time.
func (s ComplaintStatus) CanBecome(next ComplaintStatus) bool {
	switch s {
	case ComplaintStatusReceived:
		return next == ComplaintStatusAcknowledged || next == ComplaintStatusEscalated
	case ComplaintStatusAcknowledged:
		return next == ComplaintStatusInvestigating || next == ComplaintStatusEscalated
	case ComplaintStatusInvestigating:
		return next == ComplaintStatusResponded || next == ComplaintStatusEscalated
	case ComplaintStatusResponded:
		return next == ComplaintStatusClosed || next == ComplaintStatusReopened || next == ComplaintStatusEscalated
	case ComplaintStatusClosed:
		// Local resolution ends with closure; the ombudsman route usually
		// starts after it.
		return next == ComplaintStatusReopened || next == ComplaintStatusEscalated
	case ComplaintStatusReopened:
		return next == ComplaintStatusInvestigating || next == ComplaintStatusEscalated
	case ComplaintStatusEscalated:
		// A complainant may escalate before the clinic has even
		// acknowledged the complaint.
		return next == ComplaintStatusAcknowledged || next == ComplaintStatusInvestigating || next == ComplaintStatusResponded ||
			next == ComplaintStatusClosed || next == ComplaintStatusEscalated
	}
	return false
}

// Public reports whether the channel is one the public can see.
func (r ResponseChannel) Public() bool {
	return r == ResponseChannelPublicPost || r == ResponseChannelPublicComment
}

// Ombudsman reports whether the route is an ombudsman or the independent
// sector's adjudication service (ISCAS): the referrals an annual complaints
// report counts.
func (e EscalationRoute) Ombudsman() bool {
	switch e {
	case EscalationRoutePHSO, EscalationRouteSPSO, EscalationRoutePSOW, EscalationRouteNIPSO, EscalationRouteISCAS:
		return true
	}
	return false
}
