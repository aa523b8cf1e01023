package anonymize

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

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

// gate re-scans every string of a de-identified record. Every string is
// checked for the record's own identifiers in every surface form: this is
// the gate's complete promise, for values the record held. Free text is
// also re-scanned with every generic detector (for surrogate output only
// with the known identifiers, since the detectors rightly see the
// surrogates).
//
// Texts the redactor has already put through this very check (see
// textRedactor.checked) are not checked twice.
//
// The same walk reads the record back as json.Unmarshal would read its
// JSON: times come back in the fixed zone of their offset, and a code or
// date that would not read back is noted in badRead. The gate visits
// members as the record's JSON holds them, in name order.
type gate struct {
	sh   *shape
	m    *pii.Matcher
	mode TextMode
	done *textRedactor
	// pattern is the field pattern of the value being walked; path its
	// pointer, kept as steps and spelled out only for an error.
	pattern []byte
	path    []step
	names   []string
	buf     []byte
	badRead bool
}

// step is one step of a pointer: a member name, or an array index.
type step struct {
	name  string
	index int // -1 for a member
}

// walk checks v, whose plan is p and pattern g.pattern, and everything
// inside it.
func (g *gate) walk(v reflect.Value, p *valuePlan) error {
	switch p.kind {
	case kindStruct:
		for i := range p.fields {
			f := &p.fields[i]
			fv := v.Field(f.Index)
			if f.Omitted(fv) {
				continue
			}
			if err := g.child(fv, f.val, f.Name, -1); err != nil {
				return err
			}
		}
	case kindPtr:
		if !v.IsNil() {
			return g.walk(v.Elem(), p.elem)
		}
	case kindSlice:
		for i := range v.Len() {
			if err := g.child(v.Index(i), p.elem, "*", i); err != nil {
				return err
			}
		}
	case kindMap:
		from := len(g.names)
		for _, k := range v.MapKeys() {
			g.names = append(g.names, k.String())
		}
		slices.Sort(g.names[from:])
		to := len(g.names)
		defer func() { g.names = g.names[:from] }()
		x := reflect.New(p.elem.typ).Elem()
		for i := from; i < to; i++ {
			x.Set(v.MapIndex(reflect.ValueOf(g.names[i]).Convert(p.typ.Key())))
			if err := g.child(x, p.elem, g.names[i], -1); err != nil {
				return err
			}
		}
	case kindString:
		if p.code && !g.reads(v, p) {
			g.badRead = true
		}
		return g.text(p, v.String())
	case kindUUID:
		if g.scans(p) {
			return g.text(p, ref[uuid.UUID](v).String())
		}
	case kindDate:
		d, err := readDate(*ref[complication.PartialDate](v))
		if err != nil {
			g.badRead = true
			return nil
		}
		*ref[complication.PartialDate](v) = d
		if g.scans(p) {
			return g.text(p, d.String())
		}
	case kindTime:
		t, err := readTime(*ref[time.Time](v))
		if err != nil {
			g.badRead = true
			return nil
		}
		*ref[time.Time](v) = t
		if g.scans(p) {
			b, _ := t.MarshalText()
			return g.text(p, string(b))
		}
	}
	return nil
}

// reads reports whether code v, of plan p, reads back from JSON: whether
// its type's UnmarshalText accepts it.
func (g *gate) reads(v reflect.Value, p *valuePlan) bool {
	if p.valid {
		return v.Addr().Interface().(interface{ Valid() bool }).Valid()
	}
	g.buf = append(g.buf[:0], v.String()...)
	return reflect.New(p.typ).Interface().(encoding.TextUnmarshaler).UnmarshalText(g.buf) == nil
}

// scanInfo reports whether the gate scans the strings of plan p, found
// at g.pattern, and whether they are free text. A pattern that is not a
// field is scanned, as everything is unless known to be safe.
func (g *gate) scanInfo(p *valuePlan) (scan, freeText bool) {
	info := p.info
	if p.keyed {
		info = g.sh.info[string(g.pattern)]
	}
	if info != nil {
		return info.scanned, info.freeText
	}
	return scanned(complication.Field{}), false
}

func (g *gate) scans(p *valuePlan) bool { scan, _ := g.scanInfo(p); return scan }

// text checks one string of plan p at g.pattern.
func (g *gate) text(p *valuePlan, v string) error {
	scan, freeText := g.scanInfo(p)
	if !scan || g.done.checked(v) {
		return nil
	}
	if spans := gateSpans(v, g.m, freeText, g.mode); len(spans) > 0 {
		return &LeakError{Pointer: g.pointer(), Kind: string(spans[0].Kind)}
	}
	return nil
}

// child walks one member (index -1) or element of a container.
func (g *gate) child(v reflect.Value, p *valuePlan, name string, index int) error {
	n := len(g.pattern)
	g.pattern = append(append(g.pattern, '/'), name...)
	g.path = append(g.path, step{name, index})
	err := g.walk(v, p)
	g.pattern, g.path = g.pattern[:n], g.path[:len(g.path)-1]
	return err
}

// pointer spells out the pointer of the value being walked.
func (g *gate) pointer() string {
	ptr := ""
	for _, s := range g.path {
		if s.index < 0 {
			ptr = jsonscan.AppendToken(ptr, s.name)
		} else {
			ptr = ptr + "/" + strconv.Itoa(s.index)
		}
	}
	return ptr
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
