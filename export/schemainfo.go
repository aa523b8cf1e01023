package export

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/openaesthetics/casebook/schema"
)

// fieldInfo is what the published schema says about one field: the codebook
// is generated from it, so descriptions, privacy classes and code lists
// have a single source.
type fieldInfo struct {
	description string
	privacy     string
	jsonType    string // of the value, or of the items for an array of scalars
	format      string
	pattern     string
	enum        []string
	labels      map[string]string
	minimum     *float64
	maximum     *float64
	exclusive   bool // minimum is exclusive
	required    bool // present in every valid record (every step on the path is required)
}

// schemaDocs holds the published schema documents, decoded.
type schemaDocs struct {
	root string
	docs map[string]map[string]any
}

func loadSchemaDocs(shape schema.Shape) (*schemaDocs, error) {
	s := &schemaDocs{root: shape.Document(), docs: map[string]map[string]any{}}
	for _, name := range schema.Names() {
		b, ok := schema.Document(name)
		if !ok {
			return nil, fmt.Errorf("export: schema document %s is missing", name)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, fmt.Errorf("export: schema document %s: %w", name, err)
		}
		s.docs[name] = doc
	}
	if s.docs[s.root] == nil {
		return nil, fmt.Errorf("export: no schema document for shape %s", shape)
	}
	return s, nil
}

// as returns the documents with the shape's document as the root.
func (s *schemaDocs) as(shape schema.Shape) *schemaDocs {
	if shape == "" || shape.Document() == s.root {
		return s
	}
	return &schemaDocs{root: shape.Document(), docs: s.docs}
}

// deref follows $ref from node (found in document base) until a node
// without one, returning it and its document.
func (s *schemaDocs) deref(node map[string]any, base string) (map[string]any, string, error) {
	for range 16 {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node, base, nil
		}
		file, ptr, _ := strings.Cut(ref, "#")
		if file != "" {
			base = file
		}
		doc := s.docs[base]
		if doc == nil {
			return nil, "", fmt.Errorf("export: schema reference to unknown document %s", file)
		}
		var cur any = doc
		for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
			if tok == "" {
				continue
			}
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, "", fmt.Errorf("export: unresolvable schema reference %s", ref)
			}
			cur = m[strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")]
		}
		next, ok := cur.(map[string]any)
		if !ok {
			return nil, "", fmt.Errorf("export: unresolvable schema reference %s", ref)
		}
		node = next
	}
	return nil, "", fmt.Errorf("export: schema reference loop")
}

func strs(v any) []string {
	a, _ := v.([]any)
	out := make([]string, 0, len(a))
	for _, x := range a {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func num(v any) *float64 {
	if f, ok := v.(float64); ok {
		return &f
	}
	return nil
}

// field describes the field at a dotted path from the record root, such as
// "events.management.dose". Arrays are stepped through: "events.onset" is
// the onset of every event.
func (s *schemaDocs) field(path string) (fieldInfo, error) {
	var info fieldInfo
	node, base := s.docs[s.root], s.root
	required := true
	segs := strings.Split(path, ".")
	for i, seg := range segs {
		obj, objBase, err := s.deref(node, base)
		if err != nil {
			return info, err
		}
		props, _ := obj["properties"].(map[string]any)
		prop, ok := props[seg].(map[string]any)
		if !ok {
			return info, fmt.Errorf("export: the %s schema has no field %s", s.root, path)
		}
		reqs := append(strs(node["required"]), strs(obj["required"])...)
		required = required && slices.Contains(reqs, seg)
		res, resBase, err := s.deref(prop, objBase)
		if err != nil {
			return info, err
		}
		last := i == len(segs)-1
		if res["type"] == "array" {
			if minItems := num(res["minItems"]); minItems == nil || *minItems < 1 {
				required = false
			}
			items, _ := res["items"].(map[string]any)
			if !last {
				node, base = items, resBase
				continue
			}
			// An array of scalars: describe its items.
			itemRes, _, err := s.deref(items, resBase)
			if err != nil {
				return info, err
			}
			info = leafInfo(prop, itemRes)
		} else if !last {
			node, base = prop, objBase
			continue
		} else if res["type"] == "object" {
			// A Missing map: the values are missing reasons.
			info = leafInfo(prop, res)
			if ap, ok := res["additionalProperties"].(map[string]any); ok {
				reasons, _, err := s.deref(ap, resBase)
				if err != nil {
					return info, err
				}
				info.enum, info.labels = strs(reasons["enum"]), labels(reasons["x-labels"])
			}
		} else {
			info = leafInfo(prop, res)
		}
		info.required = required
	}
	return info, nil
}

// leafInfo merges the annotations at the field's use (prop) with those of
// its resolved definition (res); the use wins.
func leafInfo(prop, res map[string]any) fieldInfo {
	pick := func(key string) string {
		if v, ok := prop[key].(string); ok && v != "" {
			return v
		}
		v, _ := res[key].(string)
		return v
	}
	info := fieldInfo{
		description: pick("description"),
		privacy:     pick("x-privacy"),
		format:      pick("format"),
		pattern:     pick("pattern"),
		enum:        strs(res["enum"]),
		labels:      labels(res["x-labels"]),
	}
	if t, ok := res["type"].(string); ok {
		info.jsonType = t
	}
	info.minimum, info.maximum = num(res["minimum"]), num(res["maximum"])
	if ex := num(res["exclusiveMinimum"]); ex != nil {
		info.minimum, info.exclusive = ex, true
	}
	return info
}

func labels(v any) map[string]string {
	m, _ := v.(map[string]any)
	out := make(map[string]string, len(m))
	for k, x := range m {
		if s, ok := x.(string); ok {
			out[k] = s
		}
	}
	return out
}

// codeList returns the codes and labels of a list in codes.schema.json.
func (s *schemaDocs) codeList(name string) ([]string, map[string]string) {
	codes := s.docs["codes.schema.json"]
	defs, _ := codes["$defs"].(map[string]any)
	def, _ := defs[name].(map[string]any)
	return strs(def["enum"]), labels(def["x-labels"])
}
