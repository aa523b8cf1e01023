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
func leakGate(v any, ptr, pattern string, m *pii.Matcher, fields map[string]complication.Field, mode TextMode) error {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if err := leakGate(v[k], jsonscan.AppendToken(ptr, k), pattern+"/"+k, m, fields, mode); err != nil {
				return err
			}
		}
	case []any:
		for i, x := range v {
			if err := leakGate(x, ptr+"/"+strconv.Itoa(i), pattern+"/*", m, fields, mode); err != nil {
				return err
			}
		}
	case string:
		if spans := m.Find(v); len(spans) > 0 {
			return &LeakError{Pointer: ptr, Kind: string(spans[0].Kind)}
		}
		if fields[pattern].Privacy == complication.PrivacyFreeText && mode == Placeholders {
			if spans := pii.Leaks(v, m); len(spans) > 0 {
				return &LeakError{Pointer: ptr, Kind: string(spans[0].Kind)}
			}
		}
	}
	return nil
}
