package anonymize

import (
	"encoding"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/typedtree"
)

// The anonymiser applies its policy to a copy of the typed record. Its
// semantics are those of a JSON tree: the record as json.Marshal writes it,
// the rules applied member by member in sorted name order, and the result
// read back as json.Unmarshal would. The plans below carry what that needs
// (member names, encoding/json's omit tests, patterns and their rules), so
// no tree is built; TestTypedMatchesTree holds the two to the same output.

// valueKind is how the anonymiser handles one Go type.
type valueKind uint8

const (
	kindString valueKind = iota // any string kind; codes among them
	kindBool
	kindInt
	kindFloat
	kindUUID
	kindDate // complication.PartialDate
	kindTime // time.Time
	kindPtr
	kindStruct
	kindSlice
	kindMap // string keys, string values: complication.Missing
)

var (
	uuidType          = reflect.TypeFor[uuid.UUID]()
	partialDateType   = reflect.TypeFor[complication.PartialDate]()
	timeType          = reflect.TypeFor[time.Time]()
	textUnmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
	validatorType     = reflect.TypeFor[interface{ Valid() bool }]()
)

// valuePlan is the compiled handling of one value: its kind, and for
// containers what they hold. pattern is the value's field pattern.
type valuePlan struct {
	kind    valueKind
	typ     reflect.Type
	pattern string
	info    *patternInfo // the pattern's rule and field; nil when it has neither
	// keyed is set for a map's values, whose pattern ends in their key:
	// pattern and info are then looked up as the walk meets them.
	keyed bool
	// code is set for a string type whose pointer has UnmarshalText (the
	// code lists), which reading the JSON back would call; valid when the
	// type also has the Valid method the generated UnmarshalText calls,
	// which answers the same without allocating.
	code, valid bool
	elem        *valuePlan  // kindPtr's pointee, kindSlice's items, kindMap's values
	fields      []fieldPlan // kindStruct's members, sorted by name
}

// fieldPlan is one member of a struct.
type fieldPlan struct {
	typedtree.Member
	val *valuePlan
}

// field returns the plan of the member named name, or nil.
func (p *valuePlan) field(name string) *fieldPlan {
	for i := range p.fields {
		if p.fields[i].Name == name {
			return &p.fields[i]
		}
	}
	return nil
}

// compilePlan returns the plan of type t at pattern, for shape sh.
func compilePlan(sh *shape, trees *typedtree.Codec, t reflect.Type, pattern string) (*valuePlan, error) {
	p := &valuePlan{typ: t, pattern: pattern, info: sh.info[pattern]}
	switch {
	case t == uuidType:
		p.kind = kindUUID
		return p, nil
	case t == partialDateType:
		p.kind = kindDate
		return p, nil
	case t == timeType:
		p.kind = kindTime
		return p, nil
	}
	var err error
	switch t.Kind() {
	case reflect.String:
		p.kind = kindString
		p.code = reflect.PointerTo(t).Implements(textUnmarshalType)
		p.valid = p.code && t.Implements(validatorType)
	case reflect.Bool:
		p.kind = kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind = kindInt
	case reflect.Float64:
		p.kind = kindFloat
	case reflect.Pointer:
		p.kind = kindPtr
		p.elem, err = compilePlan(sh, trees, t.Elem(), pattern)
	case reflect.Slice:
		p.kind = kindSlice
		p.elem, err = compilePlan(sh, trees, t.Elem(), pattern+"/*")
	case reflect.Map:
		if t.Key().Kind() != reflect.String || t.Elem().Kind() != reflect.String {
			return nil, fmt.Errorf("anonymize: internal: no plan for %s at %s", t, pattern)
		}
		p.kind = kindMap
		if p.elem, err = compilePlan(sh, trees, t.Elem(), ""); err != nil {
			return nil, err
		}
		p.elem.keyed = true
	case reflect.Struct:
		p.kind = kindStruct
		members, ok := trees.Members(t)
		if !ok {
			return nil, fmt.Errorf("anonymize: internal: no plan for %s at %s", t, pattern)
		}
		for _, m := range members {
			val, err := compilePlan(sh, trees, t.Field(m.Index).Type, pattern+"/"+m.Name)
			if err != nil {
				return nil, err
			}
			p.fields = append(p.fields, fieldPlan{Member: m, val: val})
		}
		slices.SortFunc(p.fields, func(a, b fieldPlan) int {
			switch {
			case a.Name < b.Name:
				return -1
			case a.Name > b.Name:
				return 1
			}
			return 0
		})
	default:
		return nil, fmt.Errorf("anonymize: internal: no plan for %s at %s", t, pattern)
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// errEncode is the refusal of a record json.Marshal would refuse (a NaN,
// a time outside years 0–9999); it names no value.
var errEncode = errors.New("anonymize: the record does not encode as JSON")

// errDecode is the refusal of a result that would not read back into the
// record type (a code the list lacks, a date out of range). It cannot
// happen to a record the validator accepted.
var errDecode = errors.New("anonymize: internal: the de-identified record does not decode")

// copyRecord copies the members of struct src into dst as the struct's
// JSON would read back: members encoding/json leaves out come back zero,
// strings as valid UTF-8, and times in the fixed zone of their written
// offset. Members named in stub (given for the record itself, nil below
// it) are copied shallowly, unchecked: the policy drops them whole, as
// the tree held nil for them.
func copyRecord(dst, src reflect.Value, p *valuePlan, stub map[string]bool) error {
	for i := range p.fields {
		f := &p.fields[i]
		sv := src.Field(f.Index)
		switch {
		case f.Omitted(sv):
		case stub[f.Name]:
			dst.Field(f.Index).Set(sv)
		default:
			if err := copyValue(dst.Field(f.Index), sv, f.val); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyValue copies src into dst, which is zero, as copyRecord does.
func copyValue(dst, src reflect.Value, p *valuePlan) error {
	switch p.kind {
	case kindString:
		dst.SetString(typedtree.ValidUTF8(src.String()))
	case kindFloat:
		f := src.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return errEncode
		}
		dst.SetFloat(f)
	case kindTime:
		t, err := readTime(*ref[time.Time](src))
		if err != nil {
			return errEncode
		}
		*ref[time.Time](dst) = t
	case kindPtr:
		if src.IsNil() {
			return nil
		}
		nv := reflect.New(p.typ.Elem())
		if err := copyValue(nv.Elem(), src.Elem(), p.elem); err != nil {
			return err
		}
		dst.Set(nv)
	case kindSlice:
		if src.IsNil() {
			return nil
		}
		n := src.Len()
		nv := reflect.MakeSlice(p.typ, n, n)
		for i := range n {
			if err := copyValue(nv.Index(i), src.Index(i), p.elem); err != nil {
				return err
			}
		}
		dst.Set(nv)
	case kindMap:
		if src.IsNil() {
			return nil
		}
		nv := reflect.MakeMapWithSize(p.typ, src.Len())
		it := src.MapRange()
		k, v := reflect.New(p.typ.Key()).Elem(), reflect.New(p.typ.Elem()).Elem()
		for it.Next() {
			k.SetString(typedtree.ValidUTF8(it.Key().String()))
			v.SetString(typedtree.ValidUTF8(it.Value().String()))
			nv.SetMapIndex(k, v)
		}
		dst.Set(nv)
	case kindStruct:
		return copyRecord(dst, src, p, nil)
	default:
		dst.Set(src)
	}
	return nil
}

// ref returns a pointer to the value v holds, which must be addressable
// (every value of the anonymiser's copy is, and of the record it reads):
// reading and writing through it boxes nothing.
func ref[T any](v reflect.Value) *T { return v.Addr().Interface().(*T) }

// readTime is t as json.Unmarshal reads what json.Marshal wrote of it.
func readTime(t time.Time) (time.Time, error) {
	b, err := t.MarshalText()
	if err != nil {
		return time.Time{}, err
	}
	var out time.Time
	if err := out.UnmarshalText(b); err != nil {
		return time.Time{}, err
	}
	return out, nil
}

// readDate is d as json.Unmarshal reads what json.Marshal wrote of it.
// Every PartialDate but the zero one reads back as itself: its fields are
// unexported and every constructor (ParsePartialDate, DateOf, Truncate,
// AddDays) makes a valid date with nothing below its precision, which is
// what ParsePartialDate makes of its text (TestReadDate). The zero date
// writes "", which does not read back.
func readDate(d complication.PartialDate) (complication.PartialDate, error) {
	if d.IsZero() {
		return d, complication.ErrPartialDate
	}
	return d, nil
}

// object applies the rules to every member of struct v present when the
// walk reaches it, in name order. Like the members of a tree, a member
// one rule writes (an age band beside a generalised age) is not visited
// unless it was there already.
func (e *run) object(v reflect.Value, p *valuePlan) error {
	from := len(e.present)
	for i := range p.fields {
		e.present = append(e.present, !p.fields[i].Omitted(v.Field(p.fields[i].Index)))
	}
	defer func() { e.present = e.present[:from] }()
	for i := range p.fields {
		if !e.present[from+i] {
			continue
		}
		f := &p.fields[i]
		info := f.val.info
		if info == nil || !info.hasRule {
			return &PolicyError{Pointer: f.val.pattern, Reason: "no rule for this field"}
		}
		fv := v.Field(f.Index)
		keep, err := e.apply(v, p, info, fv, f.val)
		if err != nil {
			return err
		}
		if !keep {
			fv.SetZero()
		}
	}
	return nil
}

// apply runs one action on value fv, in place. parent is the struct
// holding it (pp its plan), or invalid for an array item. keep is false
// when the value goes.
func (e *run) apply(parent reflect.Value, pp *valuePlan, info *patternInfo, fv reflect.Value, vp *valuePlan) (bool, error) {
	f, pattern := info.field, info.pattern
	switch info.act {
	case Drop:
		e.st.fields[Drop]++
		return false, nil
	case Keep:
		return true, e.descend(fv, vp, info)
	case Pseudonymise:
		e.st.fields[Pseudonymise]++
		if f.Kind == complication.KindUUID {
			e.rekey(fv, vp)
			return true, nil
		}
		return vp.kind != kindString || fv.String() != "", nil // pseudonyms were set by derive
	case Redact:
		if vp.kind != kindString {
			return false, &PolicyError{Pointer: pattern, Reason: "redact needs text"}
		}
		e.st.fields[Redact]++
		fv.SetString(e.text.redact(fv.String()))
		return true, nil
	case Generalise:
		e.st.fields[Generalise]++
		return e.generalise(parent, pp, pattern, f, fv, vp)
	case Shift:
		e.st.fields[Shift]++
		return e.shift(f, fv, vp)
	}
	return false, &PolicyError{Pointer: pattern, Reason: "unknown action"}
}

// descend applies the rules inside a kept struct or slice.
func (e *run) descend(fv reflect.Value, vp *valuePlan, info *patternInfo) error {
	switch vp.kind {
	case kindPtr:
		if fv.IsNil() || vp.elem.kind != kindStruct {
			return nil
		}
		return e.object(fv.Elem(), vp.elem)
	case kindStruct:
		return e.object(fv, vp)
	case kindMap:
		if info.field.Kind == complication.KindMissing || fv.Len() == 0 {
			return nil
		}
		// A map that is not a Missing map would be walked member by
		// member, and no pattern gives its members rules.
		keys := make([]string, 0, fv.Len())
		for _, k := range fv.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		return &PolicyError{Pointer: vp.pattern + "/" + keys[0], Reason: "no rule for this field"}
	case kindSlice:
		if fv.IsNil() {
			return nil
		}
		item := vp.elem.info
		if item == nil || !item.hasRule {
			return &PolicyError{Pointer: vp.pattern + "/*", Reason: "no rule for this field"}
		}
		n, kept := fv.Len(), 0
		for i := range n {
			x := fv.Index(i)
			keep, err := e.apply(reflect.Value{}, nil, item, x, vp.elem)
			if err != nil {
				return err
			}
			if !keep {
				continue
			}
			if kept != i {
				fv.Index(kept).Set(x)
			}
			kept++
		}
		// What was dropped must not stay in the backing array, where
		// reslicing the result would find it.
		for i := kept; i < n; i++ {
			fv.Index(i).SetZero()
		}
		fv.SetLen(kept)
	}
	return nil
}

func (e *run) rekey(fv reflect.Value, vp *valuePlan) {
	switch vp.kind {
	case kindUUID:
		*ref[uuid.UUID](fv) = e.a.key.rekey(*ref[uuid.UUID](fv))
	case kindString:
		if id, err := uuid.Parse(fv.String()); err == nil {
			fv.SetString(e.a.key.rekey(id).String())
		}
	}
}

// setSibling writes s into the member name of parent, a struct of plan pp.
func setSibling(parent reflect.Value, pp *valuePlan, name, s string) {
	if !parent.IsValid() {
		return
	}
	if f := pp.field(name); f != nil && f.val.kind == kindString {
		parent.Field(f.Index).SetString(s)
	}
}

func (e *run) generalise(parent reflect.Value, pp *valuePlan, pattern string, f complication.Field, fv reflect.Value, vp *valuePlan) (bool, error) {
	switch pattern {
	case "/patient/age_at_treatment":
		age, ok := intOf(fv, vp)
		if !ok {
			return false, &PolicyError{Pointer: pattern, Reason: "age is not a whole number"}
		}
		setSibling(parent, pp, "age_band", string(complication.BandOf(age)))
		return false, nil
	case "/patient/postcode_district":
		if vp.kind == kindString {
			if pc, ok := parsePostcode(fv.String() + " 1AA"); ok {
				setSibling(parent, pp, "postcode_area", pc.area)
			}
		}
		return false, nil
	}
	switch f.Kind {
	case complication.KindPartialDate:
		if vp.kind != kindDate {
			return false, &PolicyError{Pointer: pattern, Reason: "not a partial date"}
		}
		d, err := readDate(*ref[complication.PartialDate](fv))
		if err != nil {
			return false, &PolicyError{Pointer: pattern, Reason: "not a partial date"}
		}
		*ref[complication.PartialDate](fv) = d.Truncate(complication.PrecisionMonth)
		return true, nil
	case complication.KindTimestamp:
		if vp.kind != kindTime {
			return false, &PolicyError{Pointer: pattern, Reason: "not a timestamp"}
		}
		y, m, _ := ref[time.Time](fv).UTC().Date()
		*ref[time.Time](fv) = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return true, nil
	}
	return false, &PolicyError{Pointer: pattern, Reason: "no generaliser"}
}

// intOf reads a whole number from an integer or a pointer to one.
func intOf(fv reflect.Value, vp *valuePlan) (int, bool) {
	if vp.kind == kindPtr {
		if fv.IsNil() {
			return 0, false
		}
		fv, vp = fv.Elem(), vp.elem
	}
	if vp.kind != kindInt {
		return 0, false
	}
	return int(fv.Int()), true
}

// shift moves a date by the patient's offset. Dates known to the day or
// minute move exactly, which keeps every interval between them. A date
// known only to the month or year covers a period; the shifted period is
// published as the coarsest partial date that contains all of it (a
// shifted month usually straddles two months, so it becomes its year). A
// period no partial date contains (a shifted year always straddles two) is
// dropped. Containment is what keeps the domain rules true: a date that
// was not before another is never before it after shifting.
func (e *run) shift(f complication.Field, fv reflect.Value, vp *valuePlan) (bool, error) {
	switch f.Kind {
	case complication.KindPartialDate:
		if vp.kind != kindDate {
			return false, &PolicyError{Pointer: f.Pointer, Reason: "not a partial date"}
		}
		d, err := readDate(*ref[complication.PartialDate](fv))
		if err != nil {
			return false, &PolicyError{Pointer: f.Pointer, Reason: "not a partial date"}
		}
		if moved, ok := d.AddDays(e.offset); ok {
			*ref[complication.PartialDate](fv) = moved
			return true, nil
		}
		start, end := d.Start().AddDate(0, 0, e.offset), d.End().AddDate(0, 0, e.offset)
		for _, p := range []complication.Precision{d.Precision(), complication.PrecisionYear} {
			c := complication.DateOf(start, p)
			if !c.IsZero() && !c.End().Before(end) {
				*ref[complication.PartialDate](fv) = c
				return true, nil
			}
		}
		e.st.notShiftable++
		if f.Required {
			return false, &DateError{Pointer: f.Pointer}
		}
		return false, nil
	case complication.KindTimestamp:
		if vp.kind != kindTime {
			return false, &PolicyError{Pointer: f.Pointer, Reason: "not a timestamp"}
		}
		*ref[time.Time](fv) = ref[time.Time](fv).AddDate(0, 0, e.offset)
		return true, nil
	}
	return false, &PolicyError{Pointer: f.Pointer, Reason: "only dates shift"}
}
