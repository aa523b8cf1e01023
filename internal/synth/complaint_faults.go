package synth

import (
	"bytes"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	c "github.com/openaesthetics/casebook/complication"
)

// applyComplaintFault puts rec.Fault into the complaint ck built. Each
// fault produces exactly the codes of its spec at its level; a fault the
// complaint cannot hold is applied to the JSON bytes and leaves Complaint
// nil.
func (g *Generator) applyComplaintFault(rec *Record, ck *ckase) {
	spec := specIn(complaintFaults, rec.Fault)
	rec.Expect = slices.Clone(spec.expect)
	x := ck.x
	if spec.bytes {
		if rec.Fault == FaultWrongType && x.HealthAndSafety == nil {
			x.HealthAndSafety = ptr(ck.serious)
		}
		rec.JSON = g.corruptComplaint(rec.Fault, marshal(x), ck)
		return
	}
	switch rec.Fault {
	case FaultBadCode:
		// Values typed by hand or carried over from another system.
		switch g.intn(5) {
		case 0:
			x.Channel = c.ComplaintChannel(pick(g, []string{"instagram", "dm", "Email", "social_media", "online"}))
		case 1:
			x.Categories[g.intn(len(x.Categories))] = c.ComplaintCategory(pick(g, []string{"botched_treatment", "Complication", "refund", "rudeness"}))
		case 2:
			x.RemedySought[g.intn(len(x.RemedySought))] = c.Remedy(pick(g, []string{"money_back", "Refund", "dissolve", "compensation_claim"}))
		case 3:
			x.StatusHistory[len(x.StatusHistory)-1].Status = c.ComplaintStatus(pick(g, []string{"open", "pending", "resolved", "in_progress", "Closed"}))
		default:
			if x.Conduct != nil {
				x.Conduct.ResponseChannels[0] = c.ResponseChannel(pick(g, []string{"blocked", "ignored", "public", "instagram_comment"}))
			} else {
				x.Channel = c.ComplaintChannel(pick(g, []string{"whatsapp", "Phone call"}))
			}
		}
	case FaultMissingRequired:
		switch g.intn(5) {
		case 0:
			x.Summary = ""
		case 1:
			x.Channel = ""
		case 2:
			x.ReceivedAt = time.Time{}
		case 3:
			x.ID = uuid.Nil
		default:
			x.StatusHistory[len(x.StatusHistory)-1].At = time.Time{}
		}
	case FaultDateOrder:
		var opts []int
		if !x.AcknowledgedAt.IsZero() {
			opts = append(opts, 0, 0)
		}
		if !x.TreatmentDate.IsZero() {
			opts = append(opts, 1)
		}
		if !x.ResponseSentAt.IsZero() {
			opts = append(opts, 2)
		}
		if len(opts) == 0 {
			opts = []int{3}
		}
		switch pick(g, opts) {
		case 0: // acknowledged before it was received: a day typed wrong
			x.AcknowledgedAt = x.ReceivedAt.Add(-time.Duration(g.between(1, 3)) * day).Add(time.Duration(g.between(-120, 120)) * time.Minute)
		case 1: // noticed before the treatment: the date of an earlier session
			x.AwarenessDate = c.DateOf(x.TreatmentDate.Start().AddDate(0, 0, -g.between(1, 60)), c.PrecisionDay)
		case 2: // the response dated before the complaint
			x.ResponseSentAt = x.ReceivedAt.Add(-time.Duration(g.between(1, 10)) * day)
		default: // the treatment dated after the complaint: day and month swapped
			x.TreatmentDate = c.DateOf(ck.recv.AddDate(0, 0, 1), c.PrecisionDay)
		}
	case FaultDateInFuture:
		// An escalation dated with the wrong year.
		when := c.DateOf(g.today.AddDate(0, 0, g.between(30, 400)), c.PrecisionDay)
		if len(x.Escalations) > 0 {
			x.Escalations[g.intn(len(x.Escalations))].Date = when
		} else {
			x.Escalations = append(x.Escalations, c.Escalation{To: g.register(ck), Date: when})
		}
	case FaultStatusTransition:
		h := x.StatusHistory
		if len(h) >= 2 && g.chance(0.35) {
			// The history starts where the clinic's system began logging.
			x.StatusHistory = slices.Clone(h[1:])
			break
		}
		// A status set by hand, skipping the steps between: answered
		// before it was investigated, investigated after closing without
		// reopening, acknowledged again, reopened while with another body.
		last := h[len(h)-1]
		next := map[c.ComplaintStatus]c.ComplaintStatus{
			c.ComplaintStatusReceived:      c.ComplaintStatusResponded,
			c.ComplaintStatusAcknowledged:  c.ComplaintStatusResponded,
			c.ComplaintStatusInvestigating: c.ComplaintStatusAcknowledged,
			c.ComplaintStatusResponded:     c.ComplaintStatusAcknowledged,
			c.ComplaintStatusClosed:        c.ComplaintStatusInvestigating,
			c.ComplaintStatusReopened:      c.ComplaintStatusResponded,
			c.ComplaintStatusEscalated:     c.ComplaintStatusReopened,
		}[last.Status]
		x.StatusHistory = append(slices.Clone(h), c.StatusChange{Status: next, At: last.At.Add(time.Duration(g.between(30, 180)) * time.Minute)})
	case FaultAnonymousWithIdentity:
		// Ticked anonymous, yet the form kept the name typed in.
		x.Anonymous = ptr(true)
		if x.Identity == nil {
			x.Identity = &c.ComplaintIdentity{}
		}
		if x.Identity.Complainant == nil {
			x.Identity.Complainant = &c.PersonIdentity{GivenName: ck.pat.given, FamilyName: ck.pat.family}
		}
	case FaultConsentToActMissing:
		// Built with a relative or representative and no consent recorded.
		x.ConsentToAct = nil
	}
	rec.Complaint = x
	rec.JSON = marshal(x)
}

// corruptComplaint applies a JSON-level fault to a marshalled complaint.
func (g *Generator) corruptComplaint(f Fault, data []byte, ck *ckase) []byte {
	switch f {
	case FaultSyntax:
		return g.syntaxFault(data)
	case FaultInvalidUTF8:
		return latin1(data, `"summary":"`)
	case FaultDuplicateKey:
		if g.chance(0.5) {
			other := c.ComplaintChannelEmail
			if ck.x.Channel == other {
				other = c.ComplaintChannelPhone
			}
			return insertAfter(data, `{`, `"channel":"`+string(other)+`",`)
		}
		return insertAfter(data, `{`, `"summary":"See notes.",`)
	case FaultUnknownField:
		switch g.intn(4) {
		case 0:
			name := "Anonymous"
			if !ck.anon {
				name = ck.pat.given + " " + ck.pat.family
			}
			return insertAfter(data, `{`, `"complainant_name":`+strconv.Quote(name)+`,`)
		case 1:
			return insertAfter(data, `{`, `"status":"open",`)
		case 2:
			return insertAfter(data, `{`, `"Channel":"email",`)
		default:
			return insertAfter(data, `{`, `"handler_notes":"see paper file",`)
		}
	case FaultWrongType:
		keys := []string{`"health_and_safety":`}
		for _, key := range []string{`"consent_to_act":`, `"anonymous":`, `"apology_given":`, `"informed_of_escalation_route":`,
			`"out_of_time_accepted":`, `"patient_information_disclosed_publicly":`} {
			if valueAt(data, key) >= 0 {
				keys = append(keys, key)
			}
		}
		i := valueAt(data, pick(g, keys))
		v := "false"
		if data[i] == 't' {
			v = "true"
		}
		word := v
		if g.chance(0.5) {
			word = map[string]string{"true": "yes", "false": "no"}[v]
		}
		return slices.Concat(data[:i], []byte(strconv.Quote(word)), data[i+len(v):])
	case FaultBadDate:
		key := `"treatment_date":"`
		if !bytes.Contains(data, []byte(key)) {
			key = `"received_at":"`
		}
		return g.impossibleDate(data, key)
	}
	return data
}
