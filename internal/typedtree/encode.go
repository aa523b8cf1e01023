package typedtree

import (
	"encoding"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// encoder returns the tree of v, a value of its type. v may or may not
// be addressable; methods with pointer receivers are used only when it
// is, as encoding/json does.
type encoder func(v reflect.Value) (any, error)

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	isZeroerType      = reflect.TypeFor[interface{ IsZero() bool }]()
)

// errUnsupportedValue is json.Marshal's refusal of a NaN or an infinity.
var errUnsupportedValue = errors.New("typedtree: unsupported value")

// encoders builds and holds one encoder per type.
type encoders struct {
	byType map[reflect.Type]encoder
	// structs holds the fields of every struct type with its own encoder.
	structs map[reflect.Type][]structField
}

func (e *encoders) build(t reflect.Type) encoder {
	if enc, ok := e.byType[t]; ok {
		return enc
	}
	// Recursive types find this indirection while their encoder is built.
	var enc encoder
	e.byType[t] = func(v reflect.Value) (any, error) { return enc(v) }
	enc = e.make(t, true)
	e.byType[t] = enc
	return enc
}

// make follows encoding/json's newTypeEncoder: marshalling methods come
// first, a pointer receiver's only for addressable values.
func (e *encoders) make(t reflect.Type, allowAddr bool) encoder {
	if t.Kind() != reflect.Pointer && allowAddr && reflect.PointerTo(t).Implements(jsonMarshalerType) {
		return condAddr(viaMarshalJSON, e.make(t, false))
	}
	if t.Implements(jsonMarshalerType) {
		return viaMarshalJSON
	}
	if t.Kind() != reflect.Pointer && allowAddr && reflect.PointerTo(t).Implements(textMarshalerType) {
		return condAddr(viaMarshalText, e.make(t, false))
	}
	if t.Implements(textMarshalerType) {
		return viaMarshalText
	}
	switch t.Kind() {
	case reflect.String:
		return func(v reflect.Value) (any, error) { return validString(v.String()), nil }
	case reflect.Bool:
		return func(v reflect.Value) (any, error) { return v.Bool(), nil }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return func(v reflect.Value) (any, error) { return json.Number(strconv.FormatInt(v.Int(), 10)), nil }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(v reflect.Value) (any, error) { return json.Number(strconv.FormatUint(v.Uint(), 10)), nil }
	case reflect.Float32, reflect.Float64:
		bits := t.Bits()
		return func(v reflect.Value) (any, error) { return floatNumber(v.Float(), bits) }
	case reflect.Pointer:
		elem := e.build(t.Elem())
		return func(v reflect.Value) (any, error) {
			if v.IsNil() {
				return nil, nil
			}
			return elem(v.Elem())
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			break // base64, and the byte-marshaller subtleties: leave to encoding/json
		}
		elem := e.build(t.Elem())
		return func(v reflect.Value) (any, error) {
			if v.IsNil() {
				return nil, nil
			}
			return list(v, elem)
		}
	case reflect.Array:
		elem := e.build(t.Elem())
		return func(v reflect.Value) (any, error) { return list(v, elem) }
	case reflect.Map:
		if t.Key().Kind() != reflect.String || reflect.PointerTo(t.Key()).Implements(textMarshalerType) || t.Key().Implements(textMarshalerType) {
			break
		}
		elem := e.build(t.Elem())
		return func(v reflect.Value) (any, error) {
			if v.IsNil() {
				return nil, nil
			}
			obj := make(map[string]any, v.Len())
			it := v.MapRange()
			for it.Next() {
				x, err := elem(it.Value())
				if err != nil {
					return nil, err
				}
				obj[validString(it.Key().String())] = x
			}
			return obj, nil
		}
	case reflect.Struct:
		if enc, ok := e.structure(t); ok {
			return enc
		}
	}
	// Anything else (interfaces, byte slices, text-keyed maps, embedded
	// structs) is absent from the record types; encoding/json handles it
	// exactly.
	return viaJSON
}

// condAddr uses addr when v is addressable and plain otherwise.
func condAddr(addr, plain encoder) encoder {
	return func(v reflect.Value) (any, error) {
		if v.CanAddr() {
			return addr(v.Addr())
		}
		return plain(v)
	}
}

func list(v reflect.Value, elem encoder) (any, error) {
	arr := make([]any, v.Len())
	for i := range arr {
		x, err := elem(v.Index(i))
		if err != nil {
			return nil, err
		}
		arr[i] = x
	}
	return arr, nil
}

func viaMarshalJSON(v reflect.Value) (any, error) {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return nil, nil
	}
	if t, ok := v.Interface().(interface{ MarshalText() ([]byte, error) }); ok && v.Type() == timeType {
		// time.Time's MarshalJSON is its MarshalText in quotes, with the
		// same checks; the text needs no parse.
		b, err := t.MarshalText()
		if err != nil {
			return nil, errors.New("typedtree: a time RFC 3339 cannot write")
		}
		return string(b), nil
	}
	b, err := v.Interface().(json.Marshaler).MarshalJSON()
	if err != nil {
		return nil, errors.New("typedtree: a MarshalJSON method failed")
	}
	return parse(b)
}

func viaMarshalText(v reflect.Value) (any, error) {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return nil, nil
	}
	b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
	if err != nil {
		return nil, errors.New("typedtree: a MarshalText method failed")
	}
	return validString(string(b)), nil
}

func viaJSON(v reflect.Value) (any, error) {
	if v.CanAddr() {
		v = v.Addr()
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return nil, errors.New("typedtree: the value does not encode as JSON")
	}
	return parse(b)
}

func parse(b []byte) (any, error) {
	tree, err := jsonscan.Parse(b, jsonscan.Limits{})
	if err != nil {
		return nil, errors.New("typedtree: a marshalling method wrote invalid JSON")
	}
	return tree, nil
}

// floatNumber writes f as encoding/json does: like ES6, in exponent form
// only below 1e-6 or from 1e21, with a one-digit negative exponent
// written without its leading zero.
func floatNumber(f float64, bits int) (any, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, errUnsupportedValue
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		format = 'e'
	}
	b := strconv.AppendFloat(make([]byte, 0, 24), f, format, -1, bits)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return json.Number(b), nil
}

// validString returns s with every byte that is not part of valid UTF-8
// replaced by U+FFFD, one for each byte, as json.Marshal writes it.
func validString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// structField is one member a struct field writes.
type structField struct {
	index     int
	name      string
	omitEmpty bool
	omitZero  bool
	isZero    func(reflect.Value) bool // nil: reflect's IsZero
	enc       encoder
}

// structure returns the encoder of struct type t, or false when t has an
// embedded field, whose promotion rules are left to encoding/json.
func (e *encoders) structure(t reflect.Type) (encoder, bool) {
	var fields []structField
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, false
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !validTagName(name) {
			name = ""
		}
		if name == "" {
			name = f.Name
		}
		sf := structField{index: i, name: name, enc: e.build(f.Type)}
		for opts != "" {
			var o string
			o, opts, _ = strings.Cut(opts, ",")
			switch o {
			case "omitempty":
				sf.omitEmpty = true
			case "omitzero":
				sf.omitZero = true
				sf.isZero = zeroTest(f.Type)
			case "string":
				return nil, false // quoted scalars: leave to encoding/json
			}
		}
		fields = append(fields, sf)
	}
	e.structs[t] = fields
	return func(v reflect.Value) (any, error) { return encodeStruct(fields, v, nil) }, true
}

// encodeStruct writes the members of struct value v. A member whose name
// is in stub, when it is written at all, holds nil instead of its value.
func encodeStruct(fields []structField, v reflect.Value, stub map[string]bool) (any, error) {
	// Record types leave most fields empty: sizing the map for the
	// members written, not for every field, halves the cost.
	var written [64]bool
	keep := written[:0]
	if len(fields) > len(written) {
		keep = make([]bool, 0, len(fields))
	}
	n := 0
	for i := range fields {
		ok := !fields[i].omitted(v.Field(fields[i].index))
		keep = append(keep, ok)
		if ok {
			n++
		}
	}
	obj := make(map[string]any, n)
	for i := range fields {
		if !keep[i] {
			continue
		}
		f := &fields[i]
		if stub[f.name] {
			obj[f.name] = nil
			continue
		}
		x, err := f.enc(v.Field(f.index))
		if err != nil {
			return nil, err
		}
		obj[f.name] = x
	}
	return obj, nil
}

// omitted reports whether the field's value fv is left out.
func (f *structField) omitted(fv reflect.Value) bool {
	return f.omitEmpty && isEmpty(fv) || f.omitZero && (f.isZero == nil && fv.IsZero() || f.isZero != nil && f.isZero(fv))
}

// zeroTest returns how omitzero tests a field of type t: its IsZero
// method when it has one, as encoding/json decides, or nil for reflect's.
func zeroTest(t reflect.Type) func(reflect.Value) bool {
	type isZeroer = interface{ IsZero() bool }
	switch {
	case t.Kind() == reflect.Interface && t.Implements(isZeroerType):
		return func(v reflect.Value) bool {
			return v.IsNil() || v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() || v.Interface().(isZeroer).IsZero()
		}
	case t.Kind() == reflect.Pointer && t.Implements(isZeroerType):
		return func(v reflect.Value) bool { return v.IsNil() || v.Interface().(isZeroer).IsZero() }
	case t.Implements(isZeroerType):
		return func(v reflect.Value) bool {
			if v.CanAddr() {
				// Through a pointer the value is not boxed: no allocation.
				return v.Addr().Interface().(isZeroer).IsZero()
			}
			return v.Interface().(isZeroer).IsZero()
		}
	case reflect.PointerTo(t).Implements(isZeroerType):
		return func(v reflect.Value) bool {
			if !v.CanAddr() {
				c := reflect.New(v.Type()).Elem()
				c.Set(v)
				v = c
			}
			return v.Addr().Interface().(isZeroer).IsZero()
		}
	}
	return nil
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// validTagName is encoding/json's test of a tag's name part.
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
			// Backslash and quote chars are reserved, but otherwise any
			// punctuation chars are allowed in a tag name.
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}
