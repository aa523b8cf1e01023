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
	deidentified bool              // refuse identified records
	validator    *schema.Validator // optional full validation
	shape        schema.Shape
}

func (g *gate) check(index int, r *complication.Report) error {
	if r == nil {
		return &RecordError{Index: index, Err: errNilRecord}
	}
	if g.deidentified {
		if r.Identity != nil {
			return &RecordError{Index: index, Pointer: "/identity", Err: ErrIdentified}
		}
		if r.Deidentification == nil {
			return &RecordError{Index: index, Pointer: "/deidentification", Err: ErrNotDeidentified}
		}
	}
	if ptr := nonFinite(r); ptr != "" {
		return &RecordError{Index: index, Pointer: ptr, Err: ErrNotFinite}
	}
	if g.validator != nil {
		fs := g.validator.ValidateReport(g.shape, r)
		if fs.Rejected() {
			ptr := ""
			for _, f := range fs {
				if f.Level == complication.LevelError {
					ptr = f.Pointer
					break
				}
			}
			return &RecordError{Index: index, Pointer: ptr, Err: fs.Err()}
		}
	}
	return nil
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
