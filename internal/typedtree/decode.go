package typedtree

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// decoder fills dst, a settable value of its type, from a tree value.
type decoder func(st *decodeState, v any, dst reflect.Value) error

// decodeState is one Decode call's scratch space.
type decodeState struct {
	// text holds the bytes given to an UnmarshalText method, which must
	// copy them if it keeps them, so one buffer serves every call.
	text []byte
}

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
)

// ErrMismatch reports a tree value of the wrong kind for its Go type, or
// an object member the Go type does not have when the Codec refuses
// unknown members. It carries no value.
var ErrMismatch = errors.New("value does not fit the record type")

// Error is ErrMismatch with where it happened.
type Error struct {
	reversed []string // the pointer's tokens, innermost first
}

func (e *Error) Error() string { return ErrMismatch.Error() }

// Unwrap returns ErrMismatch.
func (e *Error) Unwrap() error { return ErrMismatch }

// Pointer returns the RFC 6901 pointer of the value that did not fit.
// A member the Go type does not define is withheld: the pointer stops at
// its object, because a submitted member name can itself be an
// identifier.
func (e *Error) Pointer() string {
	ptr := ""
	for i := len(e.reversed) - 1; i >= 0; i-- {
		ptr = jsonscan.AppendToken(ptr, e.reversed[i])
	}
	return ptr
}

// at places err under token, for the pointer of a failure.
func at(err error, token string) error {
	te, ok := err.(*Error)
	if !ok {
		te = &Error{}
	}
	te.reversed = append(te.reversed, token)
	return te
}

// firstFailure keeps the failure under the smallest member name, so that
// the error does not depend on map iteration order.
type firstFailure struct {
	err  error
	name string
}

func (f *firstFailure) keep(err error, name string) {
	if f.err == nil || name < f.name {
		f.err, f.name = at(err, name), name
	}
}

// decoders builds and holds one decoder per type.
type decoders struct {
	byType map[reflect.Type]decoder
	strict bool // refuse object members the Go type does not define
}

func (d *decoders) build(t reflect.Type) decoder {
	if dec, ok := d.byType[t]; ok {
		return dec
	}
	// Recursive types find this indirection while their decoder is built.
	var dec decoder
	d.byType[t] = func(st *decodeState, v any, dst reflect.Value) error { return dec(st, v, dst) }
	dec = d.make(t)
	d.byType[t] = dec
	return dec
}

func (d *decoders) make(t reflect.Type) decoder {
	pt := reflect.PointerTo(t)
	switch {
	case t == timeType:
		return decodeText
	case pt.Implements(jsonUnmarshalerType):
		return d.viaJSON
	case pt.Implements(textUnmarshalerType):
		return decodeText
	}
	switch t.Kind() {
	case reflect.String:
		return decodeString
	case reflect.Bool:
		return decodeBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return decodeInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return decodeUint
	case reflect.Float32, reflect.Float64:
		return decodeFloat
	case reflect.Pointer:
		return d.pointer(t)
	case reflect.Slice:
		return d.slice(t)
	case reflect.Map:
		if t.Key().Kind() == reflect.String && !reflect.PointerTo(t.Key()).Implements(textUnmarshalerType) {
			return d.stringMap(t)
		}
	case reflect.Struct:
		return d.structure(t)
	}
	// Anything else (interfaces, arrays, text-keyed maps) is rare in the
	// record types; encoding/json handles it exactly.
	return d.viaJSON
}

// viaJSON re-encodes the tree value and lets encoding/json decode it.
func (d *decoders) viaJSON(_ *decodeState, v any, dst reflect.Value) error {
	b, err := json.Marshal(v)
	if err != nil {
		return ErrMismatch
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if d.strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(dst.Addr().Interface()); err != nil {
		return ErrMismatch
	}
	return nil
}

func decodeText(st *decodeState, v any, dst reflect.Value) error {
	switch s := v.(type) {
	case nil:
		return nil
	case string:
		st.text = append(st.text[:0], s...)
		if err := dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(st.text); err != nil {
			return ErrMismatch
		}
		return nil
	}
	return ErrMismatch
}

func decodeString(_ *decodeState, v any, dst reflect.Value) error {
	switch s := v.(type) {
	case nil:
		return nil
	case string:
		dst.SetString(s)
		return nil
	}
	return ErrMismatch
}

func decodeBool(_ *decodeState, v any, dst reflect.Value) error {
	switch b := v.(type) {
	case nil:
		return nil
	case bool:
		dst.SetBool(b)
		return nil
	}
	return ErrMismatch
}

func decodeInt(_ *decodeState, v any, dst reflect.Value) error {
	switch n := v.(type) {
	case nil:
		return nil
	case json.Number:
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || dst.OverflowInt(i) {
			return ErrMismatch
		}
		dst.SetInt(i)
		return nil
	}
	return ErrMismatch
}

func decodeUint(_ *decodeState, v any, dst reflect.Value) error {
	switch n := v.(type) {
	case nil:
		return nil
	case json.Number:
		u, err := strconv.ParseUint(string(n), 10, 64)
		if err != nil || dst.OverflowUint(u) {
			return ErrMismatch
		}
		dst.SetUint(u)
		return nil
	}
	return ErrMismatch
}

func decodeFloat(_ *decodeState, v any, dst reflect.Value) error {
	switch n := v.(type) {
	case nil:
		return nil
	case json.Number:
		f, err := strconv.ParseFloat(string(n), dst.Type().Bits())
		if err != nil || dst.OverflowFloat(f) {
			return ErrMismatch
		}
		dst.SetFloat(f)
		return nil
	}
	return ErrMismatch
}

func (d *decoders) pointer(t reflect.Type) decoder {
	elem := d.build(t.Elem())
	return func(st *decodeState, v any, dst reflect.Value) error {
		if v == nil {
			dst.SetZero()
			return nil
		}
		if dst.IsNil() {
			dst.Set(reflect.New(t.Elem()))
		}
		return elem(st, v, dst.Elem())
	}
}

func (d *decoders) slice(t reflect.Type) decoder {
	elem := d.build(t.Elem())
	return func(st *decodeState, v any, dst reflect.Value) error {
		switch arr := v.(type) {
		case nil:
			dst.SetZero()
			return nil
		case []any:
			s := reflect.MakeSlice(t, len(arr), len(arr))
			for i, x := range arr {
				if err := elem(st, x, s.Index(i)); err != nil {
					return at(err, strconv.Itoa(i))
				}
			}
			dst.Set(s)
			return nil
		}
		return ErrMismatch
	}
}

func (d *decoders) stringMap(t reflect.Type) decoder {
	elem := d.build(t.Elem())
	return func(st *decodeState, v any, dst reflect.Value) error {
		switch obj := v.(type) {
		case nil:
			dst.SetZero()
			return nil
		case map[string]any:
			if dst.IsNil() {
				dst.Set(reflect.MakeMapWithSize(t, len(obj)))
			}
			var first firstFailure
			for k, x := range obj {
				ev := reflect.New(t.Elem()).Elem()
				if err := elem(st, x, ev); err != nil {
					first.keep(err, k)
					continue
				}
				dst.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), ev)
			}
			return first.err
		}
		return ErrMismatch
	}
}

// field is one struct field a JSON member fills.
type field struct {
	index int
	dec   decoder
}

func (d *decoders) structure(t reflect.Type) decoder {
	fields := map[string]field{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			// Embedded structs promote their fields under encoding/json's
			// rules; the record types have none, so leave them to it.
			return d.viaJSON
		}
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = field{index: i, dec: d.build(f.Type)}
	}
	// Members are looked up field by field: cheaper than ranging over
	// the object, and the order cannot matter, since each member fills
	// its own field.
	type named struct {
		name string
		field
	}
	list := make([]named, 0, len(fields))
	for name, f := range fields {
		list = append(list, named{name, f})
	}
	slices.SortFunc(list, func(a, b named) int { return a.index - b.index })
	strict := d.strict
	return func(st *decodeState, v any, dst reflect.Value) error {
		switch obj := v.(type) {
		case nil:
			return nil
		case map[string]any:
			var first firstFailure
			found := 0
			for i := range list {
				f := &list[i]
				x, ok := obj[f.name]
				if !ok {
					continue
				}
				found++
				if err := f.dec(st, x, dst.Field(f.index)); err != nil {
					first.keep(err, f.name)
				}
			}
			if strict && found < len(obj) {
				// A member the type does not define. The pointer stops
				// at the object: the name could be an identifier.
				// encoding/json would also try a case-insensitive match;
				// trees come from documents the schemas have checked,
				// which reject any member that is not an exact field
				// name, or from Encode, which writes exact names only.
				return &Error{}
			}
			return first.err
		}
		return ErrMismatch
	}
}
