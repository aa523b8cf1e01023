package anonymize

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
	"github.com/openaesthetics/casebook/internal/pii"
)

// LeakError reports that the leak gate found an identifier in a
// de-identified record, which was therefore refused. It names the field
// and the kind of identifier, never the value.
type LeakError struct {
	Pointer string // RFC 6901 pointer into the de-identified record
	Kind    string // e.g. "NAME", "NHS_NUMBER"
}

func (e *LeakError) Error() string {
	return fmt.Sprintf("anonymize: leak gate: a %s survived at %s; the record is refused", e.Kind, e.Pointer)
}

// leakGate re-scans every string of a de-identified tree. Every string is
// checked for the record's own identifiers in every surface form: this is
// the gate's complete promise, for values the record held. Free text is
// also re-scanned with every generic detector (for surrogate output only
// with the known identifiers, since the detectors rightly see the
// surrogates).
//
// Texts the redactor has already put through this very check (see
// textRedactor.checked) are not checked twice.
func leakGate(v any, ptr, pattern string, m *pii.Matcher, fields map[string]complication.Field, mode TextMode, done *textRedactor) error {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if err := leakGate(v[k], jsonscan.AppendToken(ptr, k), pattern+"/"+k, m, fields, mode, done); err != nil {
				return err
			}
		}
	case []any:
		for i, x := range v {
			if err := leakGate(x, ptr+"/"+strconv.Itoa(i), pattern+"/*", m, fields, mode, done); err != nil {
				return err
			}
		}
	case string:
		if !scanned(fields[pattern]) || done.checked(v) {
			return nil
		}
		if spans := gateSpans(v, m, fields[pattern].Privacy == complication.PrivacyFreeText, mode); len(spans) > 0 {
			return &LeakError{Pointer: ptr, Kind: string(spans[0].Kind)}
		}
	}
	return nil
}

// gateSpans is what the leak gate finds in one string: the record's own
// identifiers anywhere, and in free text written with placeholders also
// anything a generic detector finds (surrogate output is checked for the
// record's identifiers only, since the detectors rightly see surrogates).
func gateSpans(v string, m *pii.Matcher, freeText bool, mode TextMode) []pii.Span {
	spans := m.Find(v)
	if freeText && mode == Placeholders {
		spans = append(spans, pii.Leaks(v, m)...)
	}
	return spans
}

// scanned reports whether the gate scans a field's values. It skips values
// whose form the anonymizer itself guarantees and that cannot carry an
// identifier: codes of a closed list, UUIDs, dates and timestamps, keyed
// pseudonyms (HMAC output, whose random letters can spell a short name)
// and the postcode district and area it derived (whose letters can equal
// a patient's initials). Every other string, free text or not, is scanned.
func scanned(f complication.Field) bool {
	switch f.Kind {
	case complication.KindCode, complication.KindUUID, complication.KindPartialDate, complication.KindTimestamp:
		return false
	}
	if _, ok := pseudonymFields[f.Pointer]; ok {
		return false
	}
	switch f.Pointer {
	case "/patient/postcode_district", "/patient/postcode_area":
		return false
	}
	return true
}
