package complication

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Level says what a finding does to its record.
type Level string

// Levels.
const (
	LevelError   Level = "error"   // the record is rejected
	LevelWarning Level = "warning" // the record is accepted and flagged
)

// Code is the stable, machine-readable identifier of a kind of finding, such
// as "required" or "date_order". Codes are API: they are never renamed or
// reused, only added. The codes of the domain rules are the Code constants of
// this package; the schema package defines the structural ones.
type Code string

// Finding is one problem found in a record. It names where (an RFC 6901 JSON
// Pointer into the record's JSON form, and the line where that is known),
// what (a stable code), how bad (a level) and a message for people.
//
// A Finding never contains a value from the record, so findings can be
// logged, stored and shown without leaking patient data. The message names
// the field and the rule only; its wording may change, so programs should
// switch on Code.
type Finding struct {
	Pointer string `json:"pointer"`        // e.g. "/events/0/onset"; "" is the whole record
	Line    int    `json:"line,omitempty"` // 1-based line in the input, 0 if unknown
	Code    Code   `json:"code"`
	Level   Level  `json:"level"`
	Message string `json:"message"`
}

// String formats the finding as "/pointer: code: message" (with "line N: "
// first when the line is known).
func (f Finding) String() string {
	ptr := f.Pointer
	if ptr == "" {
		ptr = "/"
	}
	s := ptr + ": " + string(f.Code) + ": " + f.Message
	if f.Line > 0 {
		s = "line " + strconv.Itoa(f.Line) + ": " + s
	}
	if f.Level == LevelWarning {
		s += " (warning)"
	}
	return s
}

// Findings is the list of findings for one record.
type Findings []Finding

// Errors returns the number of error-level findings.
func (fs Findings) Errors() int {
	n := 0
	for _, f := range fs {
		if f.Level == LevelError {
			n++
		}
	}
	return n
}

// Warnings returns the number of warning-level findings.
func (fs Findings) Warnings() int { return len(fs) - fs.Errors() }

// Rejected reports whether any finding rejects the record.
func (fs Findings) Rejected() bool { return fs.Errors() > 0 }

// Has reports whether a finding with the code exists.
func (fs Findings) Has(code Code) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Code == code })
}

// Sort orders findings deterministically: by line where lines are known
// (document order), then by pointer (array indices compare as numbers, so
// /events/2 comes before /events/10), then by code, level and message.
// Equal findings are removed.
func (fs *Findings) Sort() {
	slices.SortFunc(*fs, compareFindings)
	*fs = slices.Compact(*fs)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Line, b.Line),
		comparePointers(a.Pointer, b.Pointer),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Level, b.Level),
		cmp.Compare(a.Message, b.Message),
	)
}

// comparePointers compares RFC 6901 pointers token by token, numerically
// where both tokens are array indices, so /events/2 sorts before /events/10.
func comparePointers(a, b string) int {
	for a != "" && b != "" {
		var ta, tb string
		ta, a = nextToken(a)
		tb, b = nextToken(b)
		if ta == tb {
			continue
		}
		na, errA := strconv.Atoi(ta)
		nb, errB := strconv.Atoi(tb)
		if errA == nil && errB == nil {
			return cmp.Compare(na, nb)
		}
		return cmp.Compare(ta, tb)
	}
	return cmp.Compare(len(a), len(b))
}

func nextToken(p string) (tok, rest string) {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

// Err returns nil if no finding rejects the record, and otherwise a
// [*ValidationError] holding all the findings.
func (fs Findings) Err() error {
	if !fs.Rejected() {
		return nil
	}
	return &ValidationError{Findings: fs}
}

// ValidationError reports a rejected record. Use [errors.As] to reach the
// findings:
//
//	var verr *complication.ValidationError
//	if errors.As(err, &verr) {
//		for _, f := range verr.Findings { ... }
//	}
//
// Its Error text names the first error's pointer and code, never a value.
type ValidationError struct {
	Findings Findings
}

func (e *ValidationError) Error() string {
	for _, f := range e.Findings {
		if f.Level == LevelError {
			ptr := f.Pointer
			if ptr == "" {
				ptr = "/"
			}
			n := e.Findings.Errors()
			if n == 1 {
				return fmt.Sprintf("complication: record rejected: %s: %s", ptr, f.Code)
			}
			return fmt.Sprintf("complication: record rejected with %d errors; first at %s: %s", n, ptr, f.Code)
		}
	}
	return "complication: record rejected"
}
