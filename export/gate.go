package export

import (
	"errors"
	"math"
	"strconv"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

var errNilRecord = errors.New("record is nil")

// gate is the check every writer applies to a record before writing any
// of it. Writers of the registry and research shapes fail closed: they
// refuse a record that still carries an identity block or lacks a
// deidentification block, whatever else it holds, and name the pointer,
// never a value.
type gate struct {
	deidentified bool              // refuse identified records; validate against the submission shapes
	validator    *schema.Validator // optional full validation
}

// reportShape and complaintShape are the shapes the gate validates
// against: the submission shapes for writers that fail closed, the
// identified shapes for the backup writer.
func (g *gate) reportShape() schema.Shape {
	if g.deidentified {
		return schema.ReportSubmission
	}
	return schema.Report
}

func (g *gate) complaintShape() schema.Shape {
	if g.deidentified {
		return schema.ComplaintSubmission
	}
	return schema.Complaint
}

// closed applies the fail-closed checks common to every record kind.
func (g *gate) closed(index int, identified, deidentified bool) error {
	if !g.deidentified {
		return nil
	}
	if identified {
		return &RecordError{Index: index, Pointer: "/identity", Err: ErrIdentified}
	}
	if !deidentified {
		return &RecordError{Index: index, Pointer: "/deidentification", Err: ErrNotDeidentified}
	}
	return nil
}

func (g *gate) check(index int, r *complication.Report) error {
	if r == nil {
		return &RecordError{Index: index, Err: errNilRecord}
	}
	if err := g.closed(index, r.Identity != nil, r.Deidentification != nil); err != nil {
		return err
	}
	if ptr := nonFinite(r); ptr != "" {
		return &RecordError{Index: index, Pointer: ptr, Err: ErrNotFinite}
	}
	if g.validator != nil {
		return refusal(index, g.validator.ValidateReport(g.reportShape(), r))
	}
	return nil
}

// checkComplaint is check for a complaint. Complaints hold no numbers
// that could be NaN or infinite.
func (g *gate) checkComplaint(index int, c *complication.Complaint) error {
	if err := g.closedComplaint(index, c); err != nil {
		return err
	}
	if g.validator != nil {
		return refusal(index, g.validator.ValidateComplaint(g.complaintShape(), c))
	}
	return nil
}

func (g *gate) closedComplaint(index int, c *complication.Complaint) error {
	if c == nil {
		return &RecordError{Index: index, Err: errNilRecord}
	}
	return g.closed(index, c.Identity != nil, c.Deidentification != nil)
}

// refuseComplaint is what a writer of reports only does with a complaint:
// the fail-closed checks first, so an identified complaint is refused as
// identified by every writer, then ErrRecordKind.
func (g *gate) refuseComplaint(index int, c *complication.Complaint) error {
	if err := g.closedComplaint(index, c); err != nil {
		return err
	}
	return &RecordError{Index: index, Err: ErrRecordKind}
}

// refusal turns rejecting findings into a *RecordError at the first
// error's pointer, or returns nil.
func refusal(index int, fs complication.Findings) error {
	if !fs.Rejected() {
		return nil
	}
	ptr := ""
	for _, f := range fs {
		if f.Level == complication.LevelError {
			ptr = f.Pointer
			break
		}
	}
	return &RecordError{Index: index, Pointer: ptr, Err: fs.Err()}
}

// nonFinite returns the pointer of the first NaN or infinite number in r,
// or "".
func nonFinite(r *complication.Report) string {
	bad := func(f *float64) bool { return f != nil && (math.IsNaN(*f) || math.IsInf(*f, 0)) }
	if bad(r.Patient.WeightKg) {
		return "/patient/weight_kg"
	}
	for i := range r.Treatment.Products {
		if bad(r.Treatment.Products[i].Dose) {
			return "/treatment/products/" + strconv.Itoa(i) + "/dose"
		}
	}
	for i := range r.Events {
		for j := range r.Events[i].Management {
			if bad(r.Events[i].Management[j].Dose) {
				return "/events/" + strconv.Itoa(i) + "/management/" + strconv.Itoa(j) + "/dose"
			}
		}
	}
	return ""
}

// refuseReport is refuseComplaint for a report given to an output of
// complaints only (a complaint envelope).
func (g *gate) refuseReport(index int, r *complication.Report) error {
	if r == nil {
		return &RecordError{Index: index, Err: errNilRecord}
	}
	if err := g.closed(index, r.Identity != nil, r.Deidentification != nil); err != nil {
		return err
	}
	return &RecordError{Index: index, Err: ErrRecordKind}
}
