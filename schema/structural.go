package schema

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// findings turns jsonschema's error tree into value-free findings. It never
// passes jsonschema's messages on: some of them quote the instance (formats,
// bounds, property names). Each message is built from the schema's own
// keywords instead.
func (c *compiled) findings(shape Shape, err error, doc any) complication.Findings {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return complication.Findings{{Code: CodeInvalid, Level: complication.LevelError, Message: "the document could not be validated"}}
	}
	var out complication.Findings
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, c.leaf(shape, e, doc)...)
			return
		}
		for _, cause := range e.Causes {
			walk(cause)
		}
	}
	walk(ve)
	return dropRedundantPatterns(out)
}

// dropRedundantPatterns removes a pattern finding where the same value also
// failed its format: the schema states both (the pattern for validators that
// do not assert formats), but one problem deserves one finding.
func dropRedundantPatterns(fs complication.Findings) complication.Findings {
	formats := map[string]bool{}
	for _, f := range fs {
		if f.Code == CodeFormat {
			formats[f.Pointer] = true
		}
	}
	return slices.DeleteFunc(fs, func(f complication.Finding) bool {
		return f.Code == CodePattern && formats[f.Pointer]
	})
}

func (c *compiled) leaf(shape Shape, e *jsonschema.ValidationError, doc any) complication.Findings {
	ptr := instancePointer(e.InstanceLocation)
	f := complication.Finding{Pointer: ptr, Level: complication.LevelError}
	node, keyword, err := c.keywordNode(e.AbsoluteKeywordLocation)
	if err != nil {
		f.Code, f.Message = CodeInvalid, "does not satisfy the schema"
		return complication.Findings{f}
	}
	inPropertyNames := strings.Contains(e.AbsoluteKeywordLocation, "/propertyNames/")
	switch {
	case inPropertyNames:
		// The key that failed is not an instance location: name each key
		// of the object that is not a field name.
		names, _ := node[keyword].([]any)
		obj, _ := valueAt(doc, ptr).(map[string]any)
		var fs complication.Findings
		for _, k := range sortedKeys(obj) {
			if !slices.Contains(names, any(k)) {
				fs = append(fs, complication.Finding{Pointer: jsonscan.AppendToken(ptr, k), Level: complication.LevelError,
					Code: CodeInvalidKey, Message: "key names no field of the enclosing object"})
			}
		}
		if len(fs) == 0 {
			fs = append(fs, complication.Finding{Pointer: ptr, Level: complication.LevelError, Code: CodeInvalidKey, Message: "key names no field of the enclosing object"})
		}
		return fs
	case keyword == "required":
		obj, _ := valueAt(doc, ptr).(map[string]any)
		var fs complication.Findings
		for _, name := range stringList(node["required"]) {
			if _, ok := obj[name]; !ok {
				fs = append(fs, complication.Finding{Pointer: jsonscan.AppendToken(ptr, name), Level: complication.LevelError,
					Code: CodeRequired, Message: "required field is missing"})
			}
		}
		return fs
	case keyword == "additionalProperties" || keyword == "unevaluatedProperties":
		obj, _ := valueAt(doc, ptr).(map[string]any)
		props, _ := node["properties"].(map[string]any)
		var fs complication.Findings
		for _, k := range sortedKeys(obj) {
			if _, ok := props[k]; ok {
				continue
			}
			uf := complication.Finding{Pointer: jsonscan.AppendToken(ptr, k), Level: complication.LevelError,
				Code: CodeUnknownField, Message: "field is not defined by the schema (names are case-sensitive)"}
			if ptr == "" && k == "identity" && shape.Submission() {
				uf.Code, uf.Message = complication.CodeIdentityInSubmission, "a de-identified submission has no place for an identity block"
			}
			fs = append(fs, uf)
		}
		return fs
	}
	f.Code, f.Message = keywordMessage(node, keyword, e.AbsoluteKeywordLocation)
	return complication.Findings{f}
}

// keywordMessage describes a failed keyword from the schema's side only.
func keywordMessage(node map[string]any, keyword, absLoc string) (complication.Code, string) {
	switch keyword {
	case "type":
		return CodeType, "must be " + typeList(node["type"])
	case "enum", "const":
		if list, ok := codeListName(absLoc); ok {
			return CodeEnum, "not a code of the " + list + " list"
		}
		return CodeEnum, "not one of the allowed values"
	case "format":
		return CodeFormat, fmt.Sprintf("must be a valid %v", node["format"])
	case "pattern":
		if title, ok := node["title"].(string); ok {
			return CodePattern, "must have the form of a " + strings.ToLower(title)
		}
		return CodePattern, "does not have the required form"
	case "minLength":
		if fmt.Sprint(node[keyword]) == "1" {
			return CodeTooShort, "must not be empty"
		}
		return CodeTooShort, fmt.Sprintf("must be at least %v characters", node[keyword])
	case "maxLength":
		return CodeTooLong, fmt.Sprintf("must be at most %v characters", node[keyword])
	case "minimum":
		return CodeOutOfRange, fmt.Sprintf("must be at least %v", node[keyword])
	case "maximum":
		return CodeOutOfRange, fmt.Sprintf("must be at most %v", node[keyword])
	case "exclusiveMinimum":
		return CodeOutOfRange, fmt.Sprintf("must be greater than %v", node[keyword])
	case "exclusiveMaximum":
		return CodeOutOfRange, fmt.Sprintf("must be less than %v", node[keyword])
	case "multipleOf":
		return CodeOutOfRange, fmt.Sprintf("must be a multiple of %v", node[keyword])
	case "minItems":
		return CodeTooFewItems, "must have at least " + items(node[keyword])
	case "maxItems":
		return CodeTooManyItems, "must have at most " + items(node[keyword])
	case "uniqueItems":
		return CodeDuplicateItems, "must not repeat an item"
	}
	return CodeInvalid, "does not satisfy the schema keyword " + keyword
}

func items(n any) string {
	if fmt.Sprint(n) == "1" {
		return "1 item"
	}
	return fmt.Sprint(n) + " items"
}

// codeListName extracts "term" from …/codes.schema.json#/$defs/term/enum.
func codeListName(absLoc string) (string, bool) {
	id, frag, _ := strings.Cut(absLoc, "#")
	if id != BaseURL+"codes.schema.json" {
		return "", false
	}
	parts := strings.Split(frag, "/")
	if len(parts) == 4 && parts[1] == "$defs" {
		return parts[2], true
	}
	return "", false
}

func typeList(t any) string {
	switch t := t.(type) {
	case string:
		return article(t)
	case []any:
		var parts []string
		for _, x := range t {
			parts = append(parts, article(fmt.Sprint(x)))
		}
		return strings.Join(parts, " or ")
	}
	return "of another type"
}

func article(t string) string {
	switch t {
	case "object", "array", "integer":
		return "an " + t
	case "null":
		return "null"
	}
	return "a " + t
}

// instancePointer turns jsonschema v5's instance location, whose tokens are
// RFC 6901-escaped and then percent-encoded, into a plain RFC 6901 pointer.
func instancePointer(loc string) string {
	if loc == "" {
		return ""
	}
	tokens := strings.Split(strings.TrimPrefix(loc, "/"), "/")
	for i, t := range tokens {
		if u, err := url.PathUnescape(t); err == nil {
			tokens[i] = u
		}
	}
	return "/" + strings.Join(tokens, "/")
}

// valueAt returns the value at an RFC 6901 pointer, or nil.
func valueAt(doc any, ptr string) any {
	tokens, err := jsonscan.Tokens(ptr)
	if err != nil {
		return nil
	}
	cur := doc
	for _, t := range tokens {
		switch v := cur.(type) {
		case map[string]any:
			cur = v[t]
		case []any:
			var i int
			if _, err := fmt.Sscan(t, &i); err != nil || i < 0 || i >= len(v) {
				return nil
			}
			cur = v[i]
		default:
			return nil
		}
	}
	return cur
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
