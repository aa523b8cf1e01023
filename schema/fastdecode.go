package schema

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/bits"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// The fast decoder is the fast path for documents as bytes: one pass that
// reads strict JSON, checks each value against the compiled subschema it
// falls under (fastNode, the same checks the tree fast path makes) and
// stores it in the typed record, with no intermediate tree. Like the tree
// fast path it only ever says "valid, and here is the record" or "not
// sure": anything it does not handle (an unknown member, a number near a
// bound, a limit reached) sends the document down the full path —
// jsonscan, then jsonschema — which decides and writes the findings.
// TestFastPathAgrees, TestFastDecodeByteTraps and FuzzFastPathAgrees hold it to
// never accepting what the full path rejects, and to filling the record
// exactly as the full path does.
//
// A valid record is the common case, so its decode is kept to few
// allocations: its strings are cut from one copy of the document, listed
// codes are stored as the schema's own strings, small scalar pointees come
// from a shared slab, and slices grow in place. Member names and codes are
// found by perfect hashes (fastnames.go), formats and patterns by quick
// checks that defer to the full ones when unsure (fastformat.go,
// fastpattern.go).

// fastPlan pairs a subschema with the Go type its values decode into.
type fastPlan struct {
	// chain is the subschema followed by its $ref targets; the keywords
	// of every node apply.
	chain []*fastNode
	kind  planKind
	typ   reflect.Type // nil for kindNone: validate, store nothing

	// bare holds the types among null, boolean, object and array that
	// every subschema of the chain allows by its type, enum and false
	// keywords: the checks of those values that depend on nothing else,
	// made once here.
	bare typeSet

	elem *fastPlan // kindPointer: the pointee; kindSlice: the items; kindMap: the values
	slab slabKind  // kindPointer: where a scalar pointee is allocated

	// Objects.
	members  map[string]*planMember // properties, for kindStruct and kindNone
	names    nameTable[*planMember] // members, for looking names up while decoding
	required int                    // members with bit < required are required
	keys     []*fastNode            // propertyNames, for kindMap

	// Arrays.
	unique   bool          // uniqueItems, for kindSlice
	firstCap int           // capacity of a slice's first allocation
	empty    reflect.Value // an empty slice that is not nil, shared: its capacity is zero

	// codes holds, for a kindText of string kind whose schema lists the
	// codes (an enum), each code that every subschema of the chain
	// accepts and that the type's UnmarshalText stores as it is: such a
	// code is stored without checks, without a call and without
	// allocating.
	codes     map[string]string
	codeTable nameTable[string] // codes, for looking them up while decoding
}

type planKind uint8

const (
	kindNone planKind = iota // no Go value: only validate
	kindString
	kindText // encoding.TextUnmarshaler
	kindBool
	kindInt
	kindFloat
	kindPointer
	kindSlice
	kindMap
	kindStruct
)

// planMember is one property of an object plan.
type planMember struct {
	name  string
	plan  *fastPlan
	field int  // struct field index, -1 for kindNone
	bit   int  // index for duplicate and required tracking
	never bool // plan.chain[0].never, kept here to spare the lookup
}

// planBuilder builds plans once per (subschema, type) pair.
type planBuilder struct {
	plans map[planKey]*fastPlan
}

type planKey struct {
	node *fastNode
	typ  reflect.Type
}

func chainOf(n *fastNode) []*fastNode {
	var chain []*fastNode
	for ; n != nil; n = n.ref {
		chain = append(chain, n)
	}
	return chain
}

// plan returns the plan for node n decoding into t (nil t: validate only).
func (b *planBuilder) plan(n *fastNode, t reflect.Type) (*fastPlan, error) {
	key := planKey{n, t}
	if p, ok := b.plans[key]; ok {
		return p, nil
	}
	p := &fastPlan{chain: chainOf(n), typ: t}
	for _, bt := range []typeSet{typeNull, typeBoolean, typeObject, typeArray} {
		p.bare |= bt
		for _, c := range p.chain {
			if c.never || c.enum != nil || c.types != 0 && c.types&bt == 0 {
				p.bare &^= bt
			}
		}
	}
	b.plans[key] = p
	if err := b.fill(p, n, t); err != nil {
		return nil, err
	}
	return p, nil
}

// structural returns the one node of the chain that says how an object's
// members or an array's items are checked.
func structural(chain []*fastNode, has func(*fastNode) bool) (*fastNode, error) {
	var found *fastNode
	for _, c := range chain {
		if has(c) {
			if found != nil {
				return nil, fmt.Errorf("fast decoder: two structural subschemas in one $ref chain")
			}
			found = c
		}
	}
	return found, nil
}

func (b *planBuilder) fill(p *fastPlan, n *fastNode, t reflect.Type) error {
	if t == nil {
		p.kind = kindNone
		return b.fillObject(p, nil)
	}
	pt := reflect.PointerTo(t)
	switch {
	case t == timeType || pt.Implements(textUnmarshalerType) && !pt.Implements(jsonUnmarshalerType):
		p.kind = kindText
		p.codes = planCodes(p.chain, t)
		p.codeTable = newNameTable(p.codes)
		return nil
	case pt.Implements(jsonUnmarshalerType):
		return fmt.Errorf("fast decoder: %s has its own UnmarshalJSON", t)
	}
	switch t.Kind() {
	case reflect.String:
		p.kind = kindString
	case reflect.Bool:
		p.kind = kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind = kindInt
	case reflect.Float32, reflect.Float64:
		p.kind = kindFloat
	case reflect.Pointer:
		p.kind = kindPointer
		switch t.Elem() {
		case reflect.TypeFor[bool]():
			p.slab = slabBool
		case reflect.TypeFor[int]():
			p.slab = slabInt
		case reflect.TypeFor[float64]():
			p.slab = slabFloat
		}
		elem, err := b.plan(n, t.Elem())
		p.elem = elem
		return err
	case reflect.Slice:
		p.kind = kindSlice
		items, err := structural(p.chain, func(c *fastNode) bool { return c.items != nil })
		if err != nil {
			return err
		}
		for _, c := range p.chain {
			p.unique = p.unique || c.unique
		}
		if items == nil {
			return fmt.Errorf("fast decoder: array of %s without items", t.Elem())
		}
		// Arrays in records are short: room for a few small items, or
		// for one large one, before the slice first grows.
		p.firstCap = min(4, max(1, 256/max(1, int(t.Elem().Size()))))
		p.empty = reflect.MakeSlice(t, 0, 0)
		p.elem, err = b.plan(items.items, t.Elem())
		return err
	case reflect.Map:
		if t.Key().Kind() != reflect.String || reflect.PointerTo(t.Key()).Implements(textUnmarshalerType) {
			return fmt.Errorf("fast decoder: unsupported map type %s", t)
		}
		p.kind = kindMap
		obj, err := structural(p.chain, func(c *fastNode) bool { return c.additional != nil || c.properties != nil })
		if err != nil {
			return err
		}
		if obj == nil || obj.properties != nil || obj.additional == nil {
			return fmt.Errorf("fast decoder: map type %s needs additionalProperties and no properties", t)
		}
		for _, c := range p.chain {
			if c.propertyNames != nil {
				p.keys = append(p.keys, chainOf(c.propertyNames)...)
			}
		}
		p.elem, err = b.plan(obj.additional, t.Elem())
		return err
	case reflect.Struct:
		p.kind = kindStruct
		return b.fillObject(p, t)
	default:
		return fmt.Errorf("fast decoder: unsupported type %s", t)
	}
	return nil
}

// fillObject plans the members of an object decoded into struct t, or
// only validated when t is nil.
func (b *planBuilder) fillObject(p *fastPlan, t reflect.Type) error {
	obj, err := structural(p.chain, func(c *fastNode) bool { return c.properties != nil })
	if err != nil || obj == nil {
		return err
	}
	for _, c := range p.chain {
		// additionalProperties and propertyNames judge the members of
		// their own subschema: beside a $ref they would see other
		// properties than the ones planned here.
		if c != obj && (c.additional != nil || c.propertyNames != nil) {
			return fmt.Errorf("fast decoder: additionalProperties or propertyNames beside another subschema's properties")
		}
	}
	if obj.propertyNames != nil {
		return fmt.Errorf("fast decoder: propertyNames on an object with properties")
	}
	fields := map[string]int{}
	if t != nil {
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Anonymous {
				return fmt.Errorf("fast decoder: %s embeds %s", t, f.Type)
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.IsExported() && name != "-" && name != "" {
				fields[name] = i
			}
		}
	}
	var required []string
	for _, c := range p.chain {
		required = append(required, c.required...)
	}
	p.members = map[string]*planMember{}
	add := func(name string) error {
		if _, ok := p.members[name]; ok {
			return nil
		}
		child, ok := obj.properties[name]
		if !ok {
			// A required name the schema does not define: a document with
			// it fails additionalProperties, one without it fails required,
			// so no document is accepted and the member is never read.
			child = &fastNode{never: true}
		}
		m := &planMember{name: name, field: -1, bit: len(p.members)}
		var ft reflect.Type
		if i, ok := fields[name]; ok {
			m.field, ft = i, t.Field(i).Type
		}
		plan, err := b.plan(child, ft)
		if err != nil {
			return err
		}
		m.plan, m.never = plan, plan.chain[0].never
		p.members[name] = m
		return nil
	}
	for _, name := range required {
		if err := add(name); err != nil {
			return err
		}
	}
	p.required = len(p.members)
	for _, name := range sortedKeys(anyKeys(obj.properties)) {
		if err := add(name); err != nil {
			return err
		}
	}
	p.names = newNameTable(p.members)
	return nil
}

// planCodes returns the codes of a text type of string kind that the
// whole chain accepts and its UnmarshalText stores unchanged, among the
// strings of the first enum in chain, or nil. Checking a string depends on
// nothing but the string, so the checks are made here once. Decoding then
// stores the listed code itself: a string value that UnmarshalText would
// have produced from the same text, since a string-kind value holds
// nothing but its text.
func planCodes(chain []*fastNode, t reflect.Type) map[string]string {
	if t.Kind() != reflect.String {
		return nil
	}
	for _, n := range chain {
		if n.enum == nil {
			continue
		}
		codes := make(map[string]string, len(n.enum))
	next:
		for code := range n.enum {
			for _, c := range chain {
				if c.never || !c.acceptsString(code) {
					continue next
				}
			}
			v := reflect.New(t)
			err := v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(code))
			if err == nil && v.Elem().String() == code {
				codes[code] = code
			}
		}
		return codes
	}
	return nil
}

func anyKeys[V any](m map[string]V) map[string]any {
	out := make(map[string]any, len(m))
	for k := range m {
		out[k] = nil
	}
	return out
}

// compileFastDecoders plans each shape's fast decoder.
func compileFastDecoders(fast map[Shape]*fastNode) (map[Shape]*fastPlan, error) {
	b := &planBuilder{plans: map[planKey]*fastPlan{}}
	out := map[Shape]*fastPlan{}
	for _, s := range Shapes() {
		t := reflect.TypeFor[complication.Report]()
		if s == Complaint || s == ComplaintSubmission {
			t = reflect.TypeFor[complication.Complaint]()
		}
		p, err := b.plan(fast[s], t)
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %w", s, err)
		}
		out[s] = p
	}
	return out, nil
}

// decode decodes data into dst, a pointer to the shape's record type,
// and reports whether it is sure the document is valid. On false, dst is
// in an unspecified state.
func (p *fastPlan) decode(data []byte, lim jsonscan.Limits, dst any) bool {
	// One copy of the document holds every string of the record: strings
	// are cut from it without allocating. A record's strings therefore
	// keep the whole document's text alive (as long as any of them is
	// reachable), which costs no more than the record itself, and they
	// never change when the caller reuses data.
	d := &fastDec{data: data, text: string(data), lim: lim}
	if !d.value(p, reflect.ValueOf(dst).Elem()) {
		return false
	}
	d.space()
	return d.pos == len(d.data)
}

// fastDec is the state of one fast decode.
type fastDec struct {
	data  []byte
	text  string // a copy of data, from which strings are cut
	pos   int
	depth int
	lim   jsonscan.Limits

	// scalars holds the values behind the record's *bool, *int and
	// *float64 fields, which are many and small: one allocation serves
	// several. Each pointer has its own element, so they are as
	// independent as separately allocated ones; an element keeps its
	// slab alive, as it keeps the rest of the record.
	scalars *scalarSlab
}

// scalarSlab is storage for the pointees of scalar pointer fields.
type scalarSlab struct {
	bools                  [8]bool
	ints                   [2]int
	floats                 [6]float64
	nbools, nints, nfloats int
}

// slabKind says which part of a scalarSlab a pointer plan's values take.
type slabKind uint8

const (
	slabNone slabKind = iota
	slabBool
	slabInt
	slabFloat
)

// newScalar returns a pointer to a new zero value of the slab kind k.
func (d *fastDec) newScalar(k slabKind) reflect.Value {
	s := d.scalars
	if s == nil || k == slabBool && s.nbools == len(s.bools) || k == slabInt && s.nints == len(s.ints) ||
		k == slabFloat && s.nfloats == len(s.floats) {
		s = new(scalarSlab)
		d.scalars = s
	}
	switch k {
	case slabBool:
		s.nbools++
		return reflect.ValueOf(&s.bools[s.nbools-1])
	case slabInt:
		s.nints++
		return reflect.ValueOf(&s.ints[s.nints-1])
	}
	s.nfloats++
	return reflect.ValueOf(&s.floats[s.nfloats-1])
}

func (d *fastDec) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// value reads one value for plan p into dst (invalid for kindNone).
func (d *fastDec) value(p *fastPlan, dst reflect.Value) bool {
	d.space()
	if d.pos >= len(d.data) {
		return false
	}
	if p.kind == kindPointer {
		if d.data[d.pos] == 'n' {
			return d.null(p) // the pointer stays nil
		}
		var e reflect.Value
		if p.slab != slabNone {
			e = d.newScalar(p.slab)
		} else {
			e = reflect.New(p.typ.Elem())
		}
		if !d.value(p.elem, e.Elem()) {
			return false
		}
		dst.Set(e)
		return true
	}
	switch c := d.data[d.pos]; {
	case c == '"':
		start := d.pos + 1
		s, escaped, ok := d.str()
		return ok && d.stringValue(p, s, escaped, start, dst)
	case c == '{':
		return d.object(p, dst)
	case c == '[':
		return d.array(p, dst)
	case c == 't' || c == 'f':
		return d.boolean(p, dst)
	case c == 'n':
		return d.null(p) && (p.kind == kindNone || p.kind == kindText || p.kind == kindString ||
			p.kind == kindBool || p.kind == kindInt || p.kind == kindFloat)
	case c == '-' || '0' <= c && c <= '9':
		return d.number(p, dst)
	}
	return false
}

func (d *fastDec) literal(lit []byte) bool {
	if !bytes.HasPrefix(d.data[d.pos:], lit) {
		return false
	}
	d.pos += len(lit)
	return true
}

var (
	litNull  = []byte("null")
	litTrue  = []byte("true")
	litFalse = []byte("false")
)

// null reads null; JSON null into a Go value leaves it as it is, as
// encoding/json does.
func (d *fastDec) null(p *fastPlan) bool {
	if !d.literal(litNull) {
		return false
	}
	if p.bare&typeNull == 0 {
		return false
	}
	return true
}

func (d *fastDec) boolean(p *fastPlan, dst reflect.Value) bool {
	v := d.data[d.pos] == 't'
	lit := litFalse
	if v {
		lit = litTrue
	}
	if !d.literal(lit) {
		return false
	}
	if p.bare&typeBoolean == 0 {
		return false
	}
	switch p.kind {
	case kindBool:
		dst.SetBool(v)
	case kindNone:
	default:
		return false
	}
	return true
}

func (d *fastDec) number(p *fastPlan, dst reflect.Value) bool {
	start := d.pos
	i := start
	data := d.data
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(data) && data[i] == '.' {
		i++
		j := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		if i == j {
			return false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		// Any exponent beyond three digits is left to the full path,
		// which enforces the limit on its magnitude.
		if i == j || i-j > 3 {
			return false
		}
		if e, _ := strconv.Atoi(string(data[j:i])); e > d.lim.MaxExponent {
			return false
		}
	}
	if i-start > d.lim.MaxNumberLen {
		return false
	}
	d.pos = i
	tok := d.text[start:i]
	for _, n := range p.chain {
		if n.never || !n.acceptsNumber(json.Number(tok)) {
			return false
		}
	}
	switch p.kind {
	case kindInt:
		v, err := strconv.ParseInt(tok, 10, 64)
		if err != nil || dst.OverflowInt(v) {
			return false
		}
		dst.SetInt(v)
	case kindFloat:
		v, err := strconv.ParseFloat(tok, dst.Type().Bits())
		if err != nil || dst.OverflowFloat(v) {
			return false
		}
		dst.SetFloat(v)
	case kindNone:
	default:
		return false
	}
	return true
}

// plainByte marks the bytes a string holds as they are: printable ASCII
// other than the quote and the backslash.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// nonPlain returns a mask of the bytes of w, read little-endian, that are
// not plain (see plainByte): zero when all eight are plain, and otherwise
// with its lowest set bit in the first byte that is not. It is the classic
// "has a zero byte" bit trick: (x - n·0x01…) &^ x & 0x80… flags the bytes
// of x below n (n ≤ 0x80), exactly for the lowest such byte, as no borrow
// reaches it from below; a higher byte may be flagged by a borrow, which
// the caller never reads past the lowest. It is applied to w for control
// characters, to w^'"' and w^'\\' for those two bytes, and w itself flags
// the bytes from 0x80.
func nonPlain(w uint64) uint64 {
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	q := w ^ (ones * '"')
	b := w ^ (ones * '\\')
	control := (w - ones*0x20) &^ w
	quote := (q - ones) &^ q
	backslash := (b - ones) &^ b
	return (w | control | quote | backslash) & hi
}

// str reads a string: s is its content, cut from d.text when it holds no
// escapes, otherwise decoded into a new string.
func (d *fastDec) str() (s string, escaped, ok bool) {
	data := d.data
	q := d.pos
	i := q + 1
	for i < len(data) {
		if i+8 <= len(data) {
			// Eight bytes at a time, straight to the first that is not
			// plain.
			m := nonPlain(binary.LittleEndian.Uint64(data[i:]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		} else {
			// The last few bytes of the document.
			for i < len(data) && plainByte[data[i]] {
				i++
			}
			if i >= len(data) {
				break
			}
		}
		switch c := data[i]; {
		case c == '"':
			if i-q-1 > d.lim.MaxStringLen {
				return "", false, false
			}
			d.pos = i + 1
			if !escaped {
				return d.text[q+1 : i], false, true
			}
			// Escapes are rare: let the full path's scanner decode them,
			// with exactly its rules (lone surrogates, limits).
			v, err := jsonscan.Parse(data[q:i+1], d.lim)
			s, ok := v.(string)
			return s, true, err == nil && ok
		case c == '\\':
			escaped = true
			i += 2 // the escape's letter is checked by jsonscan
		case c < 0x20:
			return "", false, false
		default:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false, false
			}
			i += size
		}
	}
	return "", false, false
}

// stringValue checks and stores the string s, read from the string
// whose content starts at data[start].
func (d *fastDec) stringValue(p *fastPlan, s string, escaped bool, start int, dst reflect.Value) bool {
	if code, ok := p.codeTable.lookup(s); ok {
		dst.SetString(code)
		return true
	}
	for _, n := range p.chain {
		if n.never || !n.acceptsString(s) {
			return false
		}
	}
	switch p.kind {
	case kindString:
		dst.SetString(s)
	case kindText:
		// UnmarshalText must not keep its text, so it may read data.
		text := d.data[start : start+len(s)]
		if escaped {
			text = []byte(s)
		}
		if dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(text) != nil {
			return false
		}
	case kindNone:
	default:
		return false
	}
	return true
}

func (d *fastDec) open(p *fastPlan, t typeSet) bool {
	if p.bare&t == 0 {
		return false
	}
	d.depth++
	d.pos++
	return d.depth <= d.lim.MaxDepth
}

// name reads a member name and the colon after it.
func (d *fastDec) name() (string, bool) {
	d.space()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return "", false
	}
	s, _, ok := d.str()
	if !ok {
		return "", false
	}
	d.space()
	if d.pos >= len(d.data) || d.data[d.pos] != ':' {
		return "", false
	}
	d.pos++
	return s, true
}

// next reads the comma or the closing bracket after an element; done
// reports the bracket.
func (d *fastDec) next(closing byte) (done, ok bool) {
	d.space()
	if d.pos >= len(d.data) {
		return false, false
	}
	switch d.data[d.pos] {
	case ',':
		d.pos++
		return false, true
	case closing:
		d.pos++
		d.depth--
		return true, true
	}
	return false, false
}

// empty consumes the closing bracket of an empty object or array.
func (d *fastDec) empty(closing byte) bool {
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == closing {
		d.pos++
		d.depth--
		return true
	}
	return false
}

func (d *fastDec) object(p *fastPlan, dst reflect.Value) bool {
	if !d.open(p, typeObject) {
		return false
	}
	switch p.kind {
	case kindMap:
		return d.mapMembers(p, dst)
	case kindStruct, kindNone:
	default:
		return false
	}
	if p.members == nil {
		// No properties to decode by: leave the object to the full path.
		return false
	}
	var seenSmall uint64
	var seenLarge []bool
	if len(p.members) > 64 {
		seenLarge = make([]bool, len(p.members))
	}
	count := 0
	if !d.empty('}') {
		for {
			name, ok := d.name()
			if !ok {
				return false
			}
			m, ok := p.names.lookup(name)
			if !ok || m.never {
				return false // unknown member: the full path names it
			}
			if seenLarge != nil {
				if seenLarge[m.bit] {
					return false
				}
				seenLarge[m.bit] = true
			} else {
				if seenSmall&(1<<m.bit) != 0 {
					return false // duplicate member
				}
				seenSmall |= 1 << m.bit
			}
			if count++; count > d.lim.MaxMembers {
				return false
			}
			var field reflect.Value
			if m.field >= 0 && p.kind == kindStruct {
				field = dst.Field(m.field)
			} else if m.plan.kind != kindNone {
				return false
			}
			if !d.value(m.plan, field) {
				return false
			}
			done, ok := d.next('}')
			if !ok {
				return false
			}
			if done {
				break
			}
		}
	}
	for bit := range p.required {
		if seenLarge != nil && !seenLarge[bit] || seenLarge == nil && seenSmall&(1<<bit) == 0 {
			return false
		}
	}
	return true
}

func (d *fastDec) mapMembers(p *fastPlan, dst reflect.Value) bool {
	t := p.typ
	m := reflect.MakeMap(t)
	// One key and one value serve every member: SetMapIndex copies them.
	key := reflect.New(t.Key()).Elem()
	ev := reflect.New(t.Elem()).Elem()
	if !d.empty('}') {
		for {
			s, ok := d.name()
			if !ok {
				return false
			}
			for _, n := range p.keys {
				if n.never || !n.acceptsString(s) {
					return false
				}
			}
			key.SetString(s)
			if m.MapIndex(key).IsValid() {
				return false // duplicate member
			}
			if m.Len() >= d.lim.MaxMembers {
				return false
			}
			ev.SetZero()
			if !d.value(p.elem, ev) {
				return false
			}
			m.SetMapIndex(key, ev)
			done, ok := d.next('}')
			if !ok {
				return false
			}
			if done {
				break
			}
		}
	}
	dst.Set(m)
	return true
}

func (d *fastDec) array(p *fastPlan, dst reflect.Value) bool {
	if !d.open(p, typeArray) || p.kind != kindSlice {
		return false
	}
	// dst is addressable, so the slice grows in place. An empty array
	// gives an empty slice that is not nil, as in encoding/json.
	// Growing an addressable slice in place allocates only its array;
	// reflect.MakeSlice would allocate its header too.
	s := dst
	s.Set(p.empty)
	if !d.empty(']') {
		s.Grow(p.firstCap)
		for {
			n := s.Len()
			if n >= d.lim.MaxMembers {
				return false
			}
			if n == s.Cap() {
				s.Grow(n)
			}
			s.SetLen(n + 1)
			if !d.value(p.elem, s.Index(n)) {
				return false
			}
			done, ok := d.next(']')
			if !ok {
				return false
			}
			if done {
				break
			}
		}
	}
	for _, n := range p.chain {
		if n.minItems >= 0 && s.Len() < n.minItems || n.maxItems >= 0 && s.Len() > n.maxItems {
			return false
		}
	}
	if p.unique && s.Len() > 1 {
		if p.typ.Elem().Kind() != reflect.String && p.elem.kind != kindText || !uniqueText(s) {
			return false
		}
	}
	return true
}

// uniqueText reports whether the items of a slice of strings (or of values
// decoded from strings) are distinct, comparing their JSON text.
func uniqueText(s reflect.Value) bool {
	if s.Type().Elem().Kind() == reflect.String {
		for i := 1; i < s.Len(); i++ {
			for j := range i {
				if s.Index(i).String() == s.Index(j).String() {
					return false
				}
			}
		}
		return true
	}
	texts := make([]string, s.Len())
	for i := range texts {
		v := s.Index(i)
		if v.Kind() == reflect.String {
			texts[i] = v.String()
			continue
		}
		m, ok := v.Addr().Interface().(encoding.TextMarshaler)
		if !ok {
			return false
		}
		b, err := m.MarshalText()
		if err != nil {
			return false
		}
		texts[i] = string(b)
	}
	for i := 1; i < len(texts); i++ {
		for j := range i {
			if texts[i] == texts[j] {
				return false
			}
		}
	}
	return true
}
