package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// The fast path answers one question, "does this document satisfy the
// schema?", for the keywords casebook's schemas use, compiled from the same
// embedded documents jsonschema compiles. It produces no findings: when it
// says no, or is unsure, the document goes through jsonschema, which stays
// the authority and writes the findings. So the only dangerous mistake is a
// yes where jsonschema says no, and every check below errs towards no
// (numbers near a bound, look-alike numbers in uniqueItems, enums of
// non-strings). FuzzFastPathAgrees and TestFastPathAgrees hold it to that.
//
// Compilation refuses any keyword it does not implement, so a schema edit
// that uses a new keyword fails the package's tests instead of being
// silently skipped.

// fastNode is one compiled subschema.
type fastNode struct {
	never bool      // the false schema
	ref   *fastNode // $ref target; applies alongside the other keywords

	types typeSet // zero means any type

	enum        map[string]bool // string members; nil when there is no enum
	enumOthers  bool            // the enum also lists non-strings: be unsure
	minLength   int             // -1 when absent
	maxLength   int
	pattern     *regexp.Regexp
	quick       *quickPattern     // pattern's quick matcher, or nil
	format      func(string) bool // see stringFormat
	hasMinimum  bool
	minimum     bound
	hasMaximum  bool
	maximum     bound
	hasExclMin  bool
	exclMinimum bound

	required      []string
	properties    map[string]*fastNode
	additional    *fastNode // nil: any additional property is allowed
	propertyNames *fastNode

	items    *fastNode
	minItems int // -1 when absent
	maxItems int
	unique   bool
}

// typeSet is a set of JSON Schema type names.
type typeSet uint8

const (
	typeNull typeSet = 1 << iota
	typeBoolean
	typeObject
	typeArray
	typeNumber
	typeInteger
	typeString
)

var typeNames = map[string]typeSet{
	"null": typeNull, "boolean": typeBoolean, "object": typeObject, "array": typeArray,
	"number": typeNumber, "integer": typeInteger, "string": typeString,
}

// bound is a numeric bound kept both exactly and as a float64.
type bound struct {
	exact *big.Rat
	f     float64
}

// annotations are keywords that do not constrain instances.
var annotations = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "$defs": true, "title": true,
	"description": true, "examples": true, "default": true, "x-privacy": true, "x-labels": true,
	"deprecated": true, "readOnly": true, "writeOnly": true,
}

// fastCompiler compiles the embedded documents into fastNodes, sharing one
// node per schema location so that $ref cycles terminate.
type fastCompiler struct {
	docs    map[string]any // by $id
	formats map[string]func(any) bool
	nodes   map[string]*fastNode // by absolute location
}

func newFastCompiler(docs map[string]any, formats map[string]func(any) bool) *fastCompiler {
	return &fastCompiler{docs: docs, formats: formats, nodes: map[string]*fastNode{}}
}

// compileURL compiles the subschema at an absolute URL such as
// "https://…/defs.schema.json#/$defs/event".
func (fc *fastCompiler) compileURL(abs string) (*fastNode, error) {
	if n, ok := fc.nodes[abs]; ok {
		return n, nil
	}
	id, frag, _ := strings.Cut(abs, "#")
	doc, ok := fc.docs[id]
	if !ok {
		return nil, fmt.Errorf("fast path: $ref to unknown document %s", id)
	}
	v, err := resolveFragment(doc, frag)
	if err != nil {
		return nil, fmt.Errorf("fast path: %s: %w", abs, err)
	}
	n := &fastNode{}
	fc.nodes[abs] = n
	if err := fc.fill(n, v, id, abs); err != nil {
		return nil, err
	}
	return n, nil
}

func resolveFragment(doc any, frag string) (any, error) {
	if frag == "" {
		return doc, nil
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, fmt.Errorf("unsupported fragment %q", frag)
	}
	cur := doc
	for _, t := range strings.Split(frag[1:], "/") {
		t = strings.NewReplacer("~1", "/", "~0", "~").Replace(t)
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("fragment does not name an object member")
		}
		if cur, ok = m[t]; !ok {
			return nil, fmt.Errorf("fragment names a missing member")
		}
	}
	return cur, nil
}

// fill compiles the schema value v, found at location loc in the document
// with $id base, into n.
func (fc *fastCompiler) fill(n *fastNode, v any, base, loc string) error {
	n.minLength, n.maxLength, n.minItems, n.maxItems = -1, -1, -1, -1
	switch s := v.(type) {
	case bool:
		n.never = !s
		return nil
	case map[string]any:
		return fc.fillObject(n, s, base, loc)
	}
	return fmt.Errorf("fast path: %s: a schema must be an object or a boolean", loc)
}

func (fc *fastCompiler) fillObject(n *fastNode, s map[string]any, base, loc string) error {
	sub := func(keyword string, v any) (*fastNode, error) {
		child := &fastNode{}
		return child, fc.fill(child, v, base, loc+"/"+keyword)
	}
	for _, k := range sortedKeys(s) {
		v := s[k]
		var err error
		switch k {
		case "$ref":
			ref, _ := v.(string)
			u, perr := url.Parse(base)
			r, rerr := url.Parse(ref)
			if perr != nil || rerr != nil {
				return fmt.Errorf("fast path: %s: bad $ref", loc)
			}
			n.ref, err = fc.compileURL(u.ResolveReference(r).String())
		case "type":
			n.types, err = parseTypes(v)
		case "enum":
			list, _ := v.([]any)
			n.enum = map[string]bool{}
			for _, x := range list {
				if str, ok := x.(string); ok {
					n.enum[str] = true
				} else {
					n.enumOthers = true
				}
			}
		case "minLength":
			n.minLength, err = nonNegative(v)
		case "maxLength":
			n.maxLength, err = nonNegative(v)
		case "minItems":
			n.minItems, err = nonNegative(v)
		case "maxItems":
			n.maxItems, err = nonNegative(v)
		case "uniqueItems":
			n.unique, _ = v.(bool)
		case "pattern":
			p, _ := v.(string)
			n.pattern, err = regexp.Compile(p)
			n.quick = compileQuickPattern(p)
		case "format":
			name, _ := v.(string)
			f, ok := fc.formats[name]
			if !ok {
				err = fmt.Errorf("unknown format %q", name)
			}
			n.format = stringFormat(name, f)
		case "minimum":
			n.hasMinimum = true
			n.minimum, err = parseBound(v)
		case "maximum":
			n.hasMaximum = true
			n.maximum, err = parseBound(v)
		case "exclusiveMinimum":
			n.hasExclMin = true
			n.exclMinimum, err = parseBound(v)
		case "required":
			list, _ := v.([]any)
			for _, x := range list {
				name, _ := x.(string)
				n.required = append(n.required, name)
			}
		case "properties":
			props, _ := v.(map[string]any)
			n.properties = make(map[string]*fastNode, len(props))
			for _, name := range sortedKeys(props) {
				child := &fastNode{}
				if err := fc.fill(child, props[name], base, loc+"/properties/"+name); err != nil {
					return err
				}
				n.properties[name] = child
			}
		case "additionalProperties":
			n.additional, err = sub(k, v)
		case "propertyNames":
			n.propertyNames, err = sub(k, v)
		case "items":
			n.items, err = sub(k, v)
		default:
			if !annotations[k] {
				err = fmt.Errorf("keyword %q is not implemented by the fast path", k)
			}
		}
		if err != nil {
			return fmt.Errorf("fast path: %s/%s: %w", loc, k, err)
		}
	}
	return nil
}

func parseTypes(v any) (typeSet, error) {
	var names []any
	switch t := v.(type) {
	case string:
		names = []any{t}
	case []any:
		names = t
	}
	var ts typeSet
	for _, x := range names {
		name, _ := x.(string)
		t, ok := typeNames[name]
		if !ok {
			return 0, fmt.Errorf("unknown type %v", x)
		}
		ts |= t
	}
	if ts == 0 {
		return 0, fmt.Errorf("empty type")
	}
	return ts, nil
}

func nonNegative(v any) (int, error) {
	num, ok := v.(json.Number)
	if !ok {
		return 0, fmt.Errorf("not a number")
	}
	n, err := strconv.Atoi(string(num))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("not a non-negative integer")
	}
	return n, nil
}

func parseBound(v any) (bound, error) {
	num, ok := v.(json.Number)
	if !ok {
		return bound{}, fmt.Errorf("not a number")
	}
	r, ok := new(big.Rat).SetString(string(num))
	if !ok {
		return bound{}, fmt.Errorf("not a number")
	}
	f, _ := r.Float64()
	return bound{exact: r, f: f}, nil
}

// accepts reports whether the fast path is sure that v satisfies n. A
// false means "not sure", never "invalid".
func (n *fastNode) accepts(v any) bool {
	if n.never {
		return false
	}
	if n.ref != nil && !n.ref.accepts(v) {
		return false
	}
	switch x := v.(type) {
	case string:
		return n.acceptsString(x)
	case json.Number:
		return n.acceptsNumber(x)
	case map[string]any:
		return n.acceptsObject(x)
	case []any:
		return n.acceptsArray(x)
	case bool:
		return (n.types == 0 || n.types&typeBoolean != 0) && n.enum == nil
	case nil:
		return (n.types == 0 || n.types&typeNull != 0) && n.enum == nil
	}
	return false
}

func (n *fastNode) acceptsString(s string) bool {
	if n.types != 0 && n.types&typeString == 0 {
		return false
	}
	if n.enum != nil && !n.enum[s] {
		return false
	}
	if n.minLength >= 0 || n.maxLength >= 0 {
		// len(s) bounds the rune count from above, so most strings skip
		// counting runes.
		if n.maxLength >= 0 && len(s) > n.maxLength && utf8.RuneCountInString(s) > n.maxLength {
			return false
		}
		// A rune takes at most utf8.UTFMax bytes.
		if n.minLength >= 0 && len(s)/utf8.UTFMax < n.minLength && utf8.RuneCountInString(s) < n.minLength {
			return false
		}
	}
	if n.pattern != nil {
		matched, sure := false, false
		if n.quick != nil {
			matched, sure = n.quick.match(s)
		}
		if !sure {
			matched = n.pattern.MatchString(s)
		}
		if !matched {
			return false
		}
	}
	if n.format != nil && !n.format(s) {
		return false
	}
	return true
}

func (n *fastNode) acceptsNumber(num json.Number) bool {
	if n.enum != nil {
		return false // numeric enums: leave equality to jsonschema
	}
	plain := isPlainInteger(string(num))
	if n.types != 0 && n.types&typeNumber == 0 && (n.types&typeInteger == 0 || !plain) {
		return false
	}
	if !n.hasMinimum && !n.hasMaximum && !n.hasExclMin {
		return true
	}
	f, err := strconv.ParseFloat(string(num), 64)
	if err != nil || math.IsInf(f, 0) {
		return false
	}
	if n.hasMinimum && !clearlyAbove(f, n.minimum, plain, true) {
		return false
	}
	if n.hasExclMin && !clearlyAbove(f, n.exclMinimum, plain, false) {
		return false
	}
	if n.hasMaximum && !clearlyBelow(f, n.maximum, plain) {
		return false
	}
	return true
}

// clearlyAbove reports whether the value x (a float64 parsed from its
// text) is above b, or equal to it when orEqual, beyond any doubt from
// rounding. Only a plain integer can be known to equal an integer bound;
// values within rounding distance of the bound are left to jsonschema's
// exact arithmetic.
func clearlyAbove(x float64, b bound, plain, orEqual bool) bool {
	if x == b.f {
		return orEqual && plain && b.isExactInt()
	}
	return x-b.f > margin(x, b.f)
}

// clearlyBelow is clearlyAbove's mirror for a maximum.
func clearlyBelow(x float64, b bound, plain bool) bool {
	if x == b.f {
		return plain && b.isExactInt()
	}
	return b.f-x > margin(x, b.f)
}

// margin is far wider than the error of parsing two decimals to float64
// (a relative 2⁻⁵³ each).
func margin(a, b float64) float64 {
	return 1e-9 * math.Max(math.Abs(a), math.Abs(b))
}

func (b bound) isExactInt() bool {
	return b.exact.IsInt() && math.Abs(b.f) < 1<<53
}

// isPlainInteger reports whether a number token is an integer written
// without fraction or exponent, short enough to be exact in float64.
func isPlainInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (n *fastNode) acceptsObject(obj map[string]any) bool {
	if n.types != 0 && n.types&typeObject == 0 || n.enum != nil {
		return false
	}
	for _, name := range n.required {
		if _, ok := obj[name]; !ok {
			return false
		}
	}
	for k, v := range obj {
		if n.propertyNames != nil && !n.propertyNames.accepts(k) {
			return false
		}
		if p, ok := n.properties[k]; ok {
			if !p.accepts(v) {
				return false
			}
		} else if n.additional != nil && !n.additional.accepts(v) {
			return false
		}
	}
	return true
}

func (n *fastNode) acceptsArray(arr []any) bool {
	if n.types != 0 && n.types&typeArray == 0 || n.enum != nil {
		return false
	}
	if n.minItems >= 0 && len(arr) < n.minItems || n.maxItems >= 0 && len(arr) > n.maxItems {
		return false
	}
	if n.items != nil {
		for _, x := range arr {
			if !n.items.accepts(x) {
				return false
			}
		}
	}
	if n.unique {
		for i := 1; i < len(arr); i++ {
			for j := 0; j < i; j++ {
				if mayEqual(arr[i], arr[j]) {
					return false
				}
			}
		}
	}
	return true
}

// mayEqual reports whether two JSON values might be equal under JSON
// Schema's equality, where numbers compare by value. Numbers whose texts
// differ but round to the same float64 count as maybe equal.
func mayEqual(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		fx, errx := strconv.ParseFloat(string(x), 64)
		fy, erry := strconv.ParseFloat(string(y), 64)
		return errx != nil || erry != nil || fx == fy
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case nil:
		return b == nil
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !mayEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, xv := range x {
			yv, ok := y[k]
			if !ok || !mayEqual(xv, yv) {
				return false
			}
		}
		return true
	}
	return true
}

// fastFormats returns the format checks jsonschema uses, with casebook's
// own formats added, so that both paths judge formats by the same code.
func fastFormats() map[string]func(any) bool {
	f := make(map[string]func(any) bool, len(jsonschema.Formats)+2)
	for name, check := range jsonschema.Formats {
		f[name] = check
	}
	f["partial-date"] = isPartialDate
	f["nhs-number"] = isNHSNumber
	return f
}

// compileFast compiles the fast path for every shape.
func compileFast(docs map[string]any, formats map[string]func(any) bool) (map[Shape]*fastNode, error) {
	fc := newFastCompiler(docs, formats)
	out := map[Shape]*fastNode{}
	for _, s := range Shapes() {
		n, err := fc.compileURL(s.ID())
		if err != nil {
			return nil, err
		}
		out[s] = n
	}
	return out, nil
}
