package schema

import (
	"strconv"
	"strings"
	"sync"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// fieldNames returns every member name the embedded schemas define, in any
// document, keyed by its lower-case form: the names under "properties" and
// in "propertyNames" enums.
var fieldNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	c, err := compileOnce()
	if err != nil {
		return names
	}
	var walk func(any)
	walk = func(n any) {
		switch n := n.(type) {
		case map[string]any:
			if props, ok := n["properties"].(map[string]any); ok {
				for k := range props {
					names[strings.ToLower(k)] = true
				}
			}
			if pn, ok := n["propertyNames"].(map[string]any); ok {
				for _, k := range stringList(pn["enum"]) {
					names[strings.ToLower(k)] = true
				}
			}
			for _, v := range n {
				walk(v)
			}
		case []any:
			for _, v := range n {
				walk(v)
			}
		}
	}
	for _, doc := range c.docs {
		walk(doc)
	}
	return names
})

// withheldName ends the message of a finding about a member whose name
// [safePointer] withheld.
const withheldName = "; its name is not shown because no casebook schema defines it"

// safePointer returns the longest prefix of ptr whose tokens are all field
// names some casebook schema defines (compared without regard to case, so
// that "Severity" is still shown) or array indexes below maxItems, and
// whether it cut ptr short.
//
// Member names are chosen by whoever wrote the document, so a hostile or
// careless submitter can put patient data in a name, where a pointer would
// echo it into logs. A name no schema defines is therefore never shown: the
// finding points at the object that holds it instead, and its line still
// says where it is.
func safePointer(ptr string, maxItems int) (string, bool) {
	if ptr == "" {
		return "", false
	}
	toks, err := jsonscan.Tokens(ptr)
	if err != nil {
		return "", true
	}
	names := fieldNames()
	out := ""
	for _, t := range toks {
		if !names[strings.ToLower(t)] && !isIndex(t, maxItems) {
			return out, true
		}
		out = jsonscan.AppendToken(out, t)
	}
	return out, false
}

// isIndex reports whether t is an array index, in canonical form, below
// max.
func isIndex(t string, max int) bool {
	if t == "" || len(t) > 1 && t[0] == '0' {
		return false
	}
	n, err := strconv.Atoi(t)
	return err == nil && n >= 0 && n < max
}

// withholdNames replaces each finding's pointer by its [safePointer]. A
// finding about the withheld member itself says so in its message.
func withholdNames(fs complication.Findings, maxItems int) {
	for i := range fs {
		p, cut := safePointer(fs[i].Pointer, maxItems)
		if !cut {
			continue
		}
		fs[i].Pointer = p
		switch fs[i].Code {
		case CodeUnknownField, CodeInvalidKey, CodeDuplicateKey:
			fs[i].Message += withheldName
		}
	}
}
