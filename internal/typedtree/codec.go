package typedtree

import (
	"fmt"
	"reflect"
)

// Options tune a Codec.
type Options struct {
	// DisallowUnknown makes Decode refuse an object member its Go type
	// does not define, as json.Decoder.DisallowUnknownFields does. The
	// error's pointer stops at the object, never naming the member.
	DisallowUnknown bool
}

// Codec converts values of the types it was built for, and of every type
// they contain, between Go and trees. It is built once and read-only
// after, so it is safe for concurrent use.
type Codec struct {
	dec decoders
	enc encoders
}

// New returns a Codec for the root types.
func New(opts Options, roots ...reflect.Type) *Codec {
	c := &Codec{
		dec: decoders{byType: map[reflect.Type]decoder{}, strict: opts.DisallowUnknown},
		enc: encoders{byType: map[reflect.Type]encoder{}, structs: map[reflect.Type][]structField{}},
	}
	for _, t := range roots {
		c.dec.build(t)
		c.enc.build(t)
		c.enc.build(reflect.PointerTo(t))
	}
	return c
}

// Decode fills *ptr from the tree value v. A value of the wrong kind for
// its field is an [*Error] wrapping [ErrMismatch].
func (c *Codec) Decode(v any, ptr any) error {
	rv := reflect.ValueOf(ptr)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("typedtree: decode into %T", ptr)
	}
	dec, ok := c.dec.byType[rv.Type().Elem()]
	if !ok {
		return fmt.Errorf("typedtree: no decoder for %s", rv.Type().Elem())
	}
	return dec(new(decodeState), v, rv.Elem())
}

// Encode returns the tree of v, which must be of a root type or a
// pointer to one: the tree jsonscan.Parse would make of json.Marshal(v).
// Errors are json.Marshal's (a time outside years 0–9999, a NaN) and
// carry no value.
func (c *Codec) Encode(v any) (any, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return nil, nil
	}
	enc, ok := c.enc.byType[rv.Type()]
	if !ok {
		return nil, fmt.Errorf("typedtree: no encoder for %s", rv.Type())
	}
	return enc(rv)
}

// EncodeStubbed is Encode for a caller that discards some members of the
// root object whatever they hold: each member named in stub that Encode
// would write is written with the value nil, and what it holds is never
// converted. v must be a struct of a root type, or a pointer to one.
func (c *Codec) EncodeStubbed(v any, stub map[string]bool) (any, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil, nil
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return nil, nil
	}
	fields, ok := c.enc.structs[rv.Type()]
	if !ok {
		return nil, fmt.Errorf("typedtree: no struct encoder for %s", rv.Type())
	}
	return encodeStruct(fields, rv, stub)
}

// Member is one member a struct type writes: its name, its field's index
// and encoding/json's test of whether a value of the field is left out.
type Member struct {
	Name  string
	Index int
	field *structField
}

// Omitted reports whether fv, the value of the member's field, is left
// out of the object under the field's omitempty and omitzero options.
func (m Member) Omitted(fv reflect.Value) bool { return m.field.omitted(fv) }

// Members returns the members struct type t writes, in field order, or
// false when t is not a type the Codec encodes itself (a type with an
// embedded field, or one outside the root types).
func (c *Codec) Members(t reflect.Type) ([]Member, bool) {
	fields, ok := c.enc.structs[t]
	if !ok {
		return nil, false
	}
	ms := make([]Member, len(fields))
	for i := range fields {
		ms[i] = Member{Name: fields[i].name, Index: fields[i].index, field: &fields[i]}
	}
	return ms, true
}

// ValidUTF8 returns s as Encode writes a string: each byte that is not
// part of valid UTF-8 replaced by U+FFFD, as encoding/json does.
func ValidUTF8(s string) string { return validString(s) }
