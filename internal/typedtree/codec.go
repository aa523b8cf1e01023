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
		enc: encoders{byType: map[reflect.Type]encoder{}},
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
	return dec(v, rv.Elem())
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
