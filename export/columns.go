package export

import (
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

// column is one CSV column over rows of type T. The layouts (layout.go) are
// tables of columns; writers call get, readers call set, and the codebook
// reads name, path, kind and the flags.
type column[T any] struct {
	name    string // header, relative to the table (e.g. "onset"); flat files prefix it
	path    string // dotted JSON path relative to the table's entity, for the codebook; "" for derived columns
	kind    kind
	list    bool   // one item per element of an array of objects (flat layout only)
	derived bool   // computed from other fields; ignored on reading
	note    string // description of a derived column
	// codeList is the code list (in codes.schema.json) of a derived code
	// column, and privacy the x-privacy class of a derived column ("" is
	// none); other columns take both from the schema.
	codeList string
	privacy  string
	// ref is the resource and field the items of a UUID list refer to,
	// such as "complaints.id", for the codebook.
	ref string

	// get appends the cell for t to dst (nothing for a missing value).
	get func(t T, dst []byte) []byte
	// set stores a non-empty cell into t. It is nil for derived columns.
	set func(t T, cell string) error
}

// acc returns a pointer to a field of t. With create false it returns nil
// when an optional object holding the field is absent; with create true it
// allocates that object.
type acc[T, F any] func(t T, create bool) *F

// in composes an accessor of an optional or nested object with an accessor
// of one of its fields.
func in[T, O, F any](obj acc[T, O], field func(*O) *F) acc[T, F] {
	return func(t T, create bool) *F {
		o := obj(t, create)
		if o == nil {
			return nil
		}
		return field(o)
	}
}

// opt returns an accessor of an optional object held by pointer.
func opt[T, O any](ptr func(T) **O) acc[T, O] {
	return func(t T, create bool) *O {
		p := ptr(t)
		if *p == nil {
			if !create {
				return nil
			}
			*p = new(O)
		}
		return *p
	}
}

// self is the accessor of an always-present part of t.
func self[T, F any](f func(T) *F) acc[T, F] {
	return func(t T, _ bool) *F { return f(t) }
}

// codeType is what every generated code list type provides.
type codeType interface {
	~string
	Valid() bool
}

func textCol[T any](name string, a acc[T, string]) column[T] {
	return column[T]{name: name, path: name, kind: kindText,
		get: func(t T, dst []byte) []byte {
			if p := a(t, false); p != nil {
				dst = append(dst, *p...)
			}
			return dst
		},
		set: func(t T, s string) error { *a(t, true) = s; return nil },
	}
}

func codeCol[T any, C codeType](name string, a acc[T, C]) column[T] {
	return column[T]{name: name, path: name, kind: kindCode,
		get: func(t T, dst []byte) []byte {
			if p := a(t, false); p != nil {
				dst = append(dst, *p...)
			}
			return dst
		},
		set: func(t T, s string) error {
			c := C(s)
			if !c.Valid() {
				return ErrUnknownCode
			}
			*a(t, true) = c
			return nil
		},
	}
}

func codesCol[T any, C codeType](name string, a acc[T, []C]) column[T] {
	return column[T]{name: name, path: name, kind: kindCodes,
		get: func(t T, dst []byte) []byte {
			p := a(t, false)
			if p == nil {
				return dst
			}
			for i, c := range *p {
				if i > 0 {
					dst = append(dst, ';')
				}
				from := len(dst)
				dst = append(dst, c...)
				dst = escapeItem(dst, from)
			}
			return dst
		},
		set: func(t T, s string) error {
			items, err := splitList(s)
			if err != nil {
				return err
			}
			out := make([]C, len(items))
			for i, it := range items {
				if !C(it).Valid() {
					return fmt.Errorf("item %d: %w", i+1, ErrUnknownCode)
				}
				out[i] = C(it)
			}
			*a(t, true) = out
			return nil
		},
	}
}

func uuidCol[T any](name string, a acc[T, uuid.UUID]) column[T] {
	return column[T]{name: name, path: name, kind: kindUUID,
		get: func(t T, dst []byte) []byte {
			if p := a(t, false); p != nil {
				dst = appendUUID(dst, *p)
			}
			return dst
		},
		set: func(t T, s string) error {
			u, err := parseUUID(s)
			if err != nil {
				return err
			}
			*a(t, true) = u
			return nil
		},
	}
}

func uuidsCol[T any](name string, a acc[T, []uuid.UUID]) column[T] {
	return column[T]{name: name, path: name, kind: kindUUIDs,
		get: func(t T, dst []byte) []byte {
			p := a(t, false)
			if p == nil {
				return dst
			}
			for i, u := range *p {
				if i > 0 {
					dst = append(dst, ';')
				}
				dst = appendUUID(dst, u)
			}
			return dst
		},
		set: func(t T, s string) error {
			items, err := splitList(s)
			if err != nil {
				return err
			}
			out := make([]uuid.UUID, len(items))
			for i, it := range items {
				if out[i], err = parseUUID(it); err != nil {
					return fmt.Errorf("item %d: %w", i+1, err)
				}
			}
			*a(t, true) = out
			return nil
		},
	}
}

// optionalCol is an optional scalar held by pointer: written with
// appendV, read with parseV, empty when the pointer is nil.
func optionalCol[T, V any](name string, k kind, a acc[T, *V], appendV func([]byte, V) []byte, parseV func(string) (V, error)) column[T] {
	return column[T]{name: name, path: name, kind: k,
		get: func(t T, dst []byte) []byte {
			if p := a(t, false); p != nil && *p != nil {
				dst = appendV(dst, **p)
			}
			return dst
		},
		set: func(t T, s string) error {
			v, err := parseV(s)
			if err != nil {
				return err
			}
			*a(t, true) = &v
			return nil
		},
	}
}

// intPtrCol is an optional whole number held by pointer.
func intPtrCol[T any](name string, a acc[T, *int]) column[T] {
	return optionalCol(name, kindInt, a, appendInt, parseInt)
}

// intCol is a whole number whose zero value means "not recorded".
func intCol[T any](name string, a acc[T, int]) column[T] {
	return column[T]{name: name, path: name, kind: kindInt,
		get: func(t T, dst []byte) []byte {
			if p := a(t, false); p != nil && *p != 0 {
				dst = appendInt(dst, *p)
			}
			return dst
		},
		set: func(t T, s string) error {
			n, err := parseInt(s)
			if err != nil {
				return err
			}
			*a(t, true) = n
			return nil
		},
	}
}

func appendInt(dst []byte, n int) []byte {
	return strconv.AppendInt(dst, int64(n), 10)
}

// numberCol is an optional decimal number held by pointer.
func numberCol[T any](name string, a acc[T, *float64]) column[T] {
	return optionalCol(name, kindNumber, a, appendNumber, parseNumber)
}

// boolCol is an optional boolean held by pointer.
func boolCol[T any](name string, a acc[T, *bool]) column[T] {
	return optionalCol(name, kindBool, a, appendBool, parseBool)
}

func appendBool(dst []byte, b bool) []byte {
	if b {
		return append(dst, "true"...)
	}
	return append(dst, "false"...)
}

func dateCol[T any](name string, a acc[T, complication.PartialDate]) column[T] {
	return column[T]{name: name, path: name, kind: kindDate,
		get: func(t T, dst []byte) []byte {
			if p := a(t, false); p != nil {
				dst = appendDate(dst, *p)
			}
			return dst
		},
		set: func(t T, s string) error {
			d, err := parseDate(s)
			if err != nil {
				return err
			}
			*a(t, true) = d
			return nil
		},
	}
}

func timestampCol[T any](name string, a acc[T, time.Time]) column[T] {
	return column[T]{name: name, path: name, kind: kindTimestamp,
		get: func(t T, dst []byte) []byte {
			if p := a(t, false); p != nil {
				dst = appendTimestamp(dst, *p)
			}
			return dst
		},
		set: func(t T, s string) error {
			ts, err := parseTimestamp(s)
			if err != nil {
				return err
			}
			*a(t, true) = ts
			return nil
		},
	}
}

func missingCol[T any](a acc[T, complication.Missing]) column[T] {
	return column[T]{name: "missing", path: "missing", kind: kindMissing,
		get: func(t T, dst []byte) []byte {
			if p := a(t, false); p != nil {
				dst = appendMissing(dst, *p)
			}
			return dst
		},
		set: func(t T, s string) error {
			m, err := parseMissing(s)
			if err != nil {
				return err
			}
			*a(t, true) = m
			return nil
		},
	}
}

// derivedCol is a column computed from the row; readers ignore it.
func derivedCol[T any](name string, k kind, note string, get func(T, []byte) []byte) column[T] {
	return column[T]{name: name, kind: k, derived: true, note: note, get: get}
}

// refersTo marks a UUID list column whose items are ids of another
// table's rows (resource.field), for the codebook.
func refersTo[T any](c column[T], ref string) column[T] {
	c.ref = ref
	return c
}

// prefixed returns cols with prefix+"." before every name and path, for
// the columns of a nested object.
func prefixed[T any](prefix string, cols ...column[T]) []column[T] {
	out := make([]column[T], len(cols))
	for i, c := range cols {
		c.name = prefix + "." + c.name
		if c.path != "" {
			c.path = prefix + "." + c.path
		}
		out[i] = c
	}
	return out
}

// listCols turns the columns of the elements of an array of objects into
// parallel list columns of the array's owner: the cell of each holds one
// item per element, in array order, joined with ';', with '\' and ';'
// inside an item escaped by a backslash. A missing member is an empty
// item; a column whose items are all empty is the empty cell. The number of
// elements is the greatest item count of the array's columns, so only an
// array whose elements all have no member set reads back shorter (empty).
func listCols[T, E any](prefix string, arr acc[T, []E], items []column[*E]) []column[T] {
	out := make([]column[T], 0, len(items))
	for _, it := range items {
		out = append(out, column[T]{
			name: prefix + "." + it.name,
			path: prefix + "." + it.path,
			kind: it.kind,
			list: true,
			get: func(t T, dst []byte) []byte {
				p := arr(t, false)
				if p == nil || len(*p) == 0 {
					return dst
				}
				start, any := len(dst), false
				for i := range *p {
					if i > 0 {
						dst = append(dst, ';')
					}
					from := len(dst)
					dst = it.get(&(*p)[i], dst)
					if len(dst) > from {
						any = true
						dst = escapeItem(dst, from)
					}
				}
				if !any {
					dst = dst[:start]
				}
				return dst
			},
			set: func(t T, s string) error {
				cells, err := splitList(s)
				if err != nil {
					return err
				}
				p := arr(t, true)
				for len(*p) < len(cells) {
					var zero E
					*p = append(*p, zero)
				}
				for i, c := range cells {
					if c == "" {
						continue
					}
					if err := it.set(&(*p)[i], c); err != nil {
						return fmt.Errorf("item %d: %w", i+1, err)
					}
				}
				return nil
			},
		})
	}
	return out
}
