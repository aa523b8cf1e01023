package schema

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// A document is parsed once, into jsonscan's tree, which both validation
// paths read. The typed record is then filled from that tree rather than
// by decoding the bytes a second time. The rules follow encoding/json for
// every type the record types use (struct fields by their json names,
// pointers, slices, string-keyed maps, encoding.TextUnmarshaler), so the
// result equals json.Unmarshal's; TestTreeDecodeMatchesUnmarshal holds it
// to that. One deliberate difference: a time.Time is parsed from the
// decoded string, where time.Time.UnmarshalJSON reads the raw JSON text
// and so refuses a date-time written with escapes such as \u002B.

// treeDecoder fills dst, a settable value of its type, from a tree value.
type treeDecoder func(v any, dst reflect.Value) error

// treeDecoders holds one decoder per type, built once when the package's
// schemas are compiled and read-only after that.
type treeDecoders map[reflect.Type]treeDecoder

var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
)

// errTreeType reports a tree value of the wrong kind for the Go type. It
// carries no value.
var errTreeType = errors.New("value does not fit the record type")

// treeError is errTreeType with where it happened.
type treeError struct {
	reversed []string // the pointer's tokens, innermost first
}

func (e *treeError) Error() string { return errTreeType.Error() }
func (e *treeError) Unwrap() error { return errTreeType }

// pointer returns the RFC 6901 pointer of the value that did not fit.
func (e *treeError) pointer() string {
	ptr := ""
	for i := len(e.reversed) - 1; i >= 0; i-- {
		ptr = jsonscan.AppendToken(ptr, e.reversed[i])
	}
	return ptr
}

// at places err under token, for the pointer of a failure.
func at(err error, token string) error {
	te, ok := err.(*treeError)
	if !ok {
		te = &treeError{}
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

// newTreeDecoders builds decoders for the given root types and everything
// they contain.
func newTreeDecoders(roots ...reflect.Type) treeDecoders {
	d := treeDecoders{}
	for _, t := range roots {
		d.build(t)
	}
	return d
}

// decode fills *ptr from the tree value v.
func (d treeDecoders) decode(v any, ptr any) error {
	rv := reflect.ValueOf(ptr)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("schema: decode into %T", ptr)
	}
	dec, ok := d[rv.Type().Elem()]
	if !ok {
		return fmt.Errorf("schema: no tree decoder for %s", rv.Type().Elem())
	}
	return dec(v, rv.Elem())
}

func (d treeDecoders) build(t reflect.Type) treeDecoder {
	if dec, ok := d[t]; ok {
		return dec
	}
	// Recursive types find this indirection while their decoder is built.
	var dec treeDecoder
	d[t] = func(v any, dst reflect.Value) error { return dec(v, dst) }
	dec = d.make(t)
	d[t] = dec
	return dec
}

func (d treeDecoders) make(t reflect.Type) treeDecoder {
	pt := reflect.PointerTo(t)
	switch {
	case t == timeType:
		return decodeText
	case pt.Implements(jsonUnmarshalerType):
		return decodeViaJSON
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
	return decodeViaJSON
}

// decodeViaJSON re-encodes the tree value and lets encoding/json decode it.
func decodeViaJSON(v any, dst reflect.Value) error {
	b, err := json.Marshal(v)
	if err != nil {
		return errTreeType
	}
	if err := json.Unmarshal(b, dst.Addr().Interface()); err != nil {
		return errTreeType
	}
	return nil
}

func decodeText(v any, dst reflect.Value) error {
	switch s := v.(type) {
	case nil:
		return nil
	case string:
		if err := dst.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return errTreeType
		}
		return nil
	}
	return errTreeType
}

func decodeString(v any, dst reflect.Value) error {
	switch s := v.(type) {
	case nil:
		return nil
	case string:
		dst.SetString(s)
		return nil
	}
	return errTreeType
}

func decodeBool(v any, dst reflect.Value) error {
	switch b := v.(type) {
	case nil:
		return nil
	case bool:
		dst.SetBool(b)
		return nil
	}
	return errTreeType
}

func decodeInt(v any, dst reflect.Value) error {
	switch n := v.(type) {
	case nil:
		return nil
	case json.Number:
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil || dst.OverflowInt(i) {
			return errTreeType
		}
		dst.SetInt(i)
		return nil
	}
	return errTreeType
}

func decodeUint(v any, dst reflect.Value) error {
	switch n := v.(type) {
	case nil:
		return nil
	case json.Number:
		u, err := strconv.ParseUint(string(n), 10, 64)
		if err != nil || dst.OverflowUint(u) {
			return errTreeType
		}
		dst.SetUint(u)
		return nil
	}
	return errTreeType
}

func decodeFloat(v any, dst reflect.Value) error {
	switch n := v.(type) {
	case nil:
		return nil
	case json.Number:
		f, err := strconv.ParseFloat(string(n), dst.Type().Bits())
		if err != nil || dst.OverflowFloat(f) {
			return errTreeType
		}
		dst.SetFloat(f)
		return nil
	}
	return errTreeType
}

func (d treeDecoders) pointer(t reflect.Type) treeDecoder {
	elem := d.build(t.Elem())
	return func(v any, dst reflect.Value) error {
		if v == nil {
			dst.SetZero()
			return nil
		}
		if dst.IsNil() {
			dst.Set(reflect.New(t.Elem()))
		}
		return elem(v, dst.Elem())
	}
}

func (d treeDecoders) slice(t reflect.Type) treeDecoder {
	elem := d.build(t.Elem())
	return func(v any, dst reflect.Value) error {
		switch arr := v.(type) {
		case nil:
			dst.SetZero()
			return nil
		case []any:
			s := reflect.MakeSlice(t, len(arr), len(arr))
			for i, x := range arr {
				if err := elem(x, s.Index(i)); err != nil {
					return at(err, strconv.Itoa(i))
				}
			}
			dst.Set(s)
			return nil
		}
		return errTreeType
	}
}

func (d treeDecoders) stringMap(t reflect.Type) treeDecoder {
	elem := d.build(t.Elem())
	return func(v any, dst reflect.Value) error {
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
				if err := elem(x, ev); err != nil {
					first.keep(err, k)
					continue
				}
				dst.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), ev)
			}
			return first.err
		}
		return errTreeType
	}
}

// treeField is one struct field a JSON member fills.
type treeField struct {
	index int
	dec   treeDecoder
}

func (d treeDecoders) structure(t reflect.Type) treeDecoder {
	fields := map[string]treeField{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			// Embedded structs promote their fields under encoding/json's
			// rules; the record types have none, so leave them to it.
			return decodeViaJSON
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
		fields[name] = treeField{index: i, dec: d.build(f.Type)}
	}
	return func(v any, dst reflect.Value) error {
		switch obj := v.(type) {
		case nil:
			return nil
		case map[string]any:
			var first firstFailure
			for k, x := range obj {
				f, ok := fields[k]
				if !ok {
					// encoding/json would also try a case-insensitive
					// match; the schemas reject any member that is not an
					// exact field name before a record is decoded.
					continue
				}
				if err := f.dec(x, dst.Field(f.index)); err != nil {
					first.keep(err, k)
				}
			}
			return first.err
		}
		return errTreeType
	}
}
