package schema_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// docs loads every published document by $id.
func docs(t *testing.T) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, name := range schema.Names() {
		raw, ok := schema.Document(name)
		require.True(t, ok, name)
		var d map[string]any
		require.NoError(t, json.Unmarshal(raw, &d), name)
		out[d["$id"].(string)] = d
	}
	return out
}

// resolve follows $ref from node (in document base) and returns the target
// and its document. Annotations on the referring node are kept by the caller.
func resolve(t *testing.T, all map[string]map[string]any, base string, node map[string]any) (string, map[string]any) {
	t.Helper()
	for {
		ref, ok := node["$ref"].(string)
		if !ok {
			return base, node
		}
		doc, frag, _ := strings.Cut(ref, "#")
		if doc == "" {
			doc = base
		} else {
			doc = schema.BaseURL + doc
		}
		target := any(all[doc])
		require.NotNil(t, target, "unresolved $ref %s", ref)
		for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
			if tok == "" {
				continue
			}
			target = target.(map[string]any)[tok]
			require.NotNil(t, target, "unresolved $ref %s", ref)
		}
		base, node = doc, target.(map[string]any)
	}
}

// annotation returns a keyword from node or, failing that, from the chain
// of schemas it refers to.
func annotation(t *testing.T, all map[string]map[string]any, base string, node map[string]any, key string) any {
	for {
		if v, ok := node[key]; ok {
			return v
		}
		if _, ok := node["$ref"]; !ok {
			return nil
		}
		var next map[string]any
		ref := node["$ref"].(string)
		doc, frag, _ := strings.Cut(ref, "#")
		if doc != "" {
			base = schema.BaseURL + doc
		}
		cur := any(all[base])
		for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
			if tok != "" {
				cur = cur.(map[string]any)[tok]
			}
		}
		next = cur.(map[string]any)
		node = next
	}
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

func snake(s string) string {
	var b strings.Builder
	r := []rune(s)
	for i, c := range r {
		if unicode.IsUpper(c) {
			if i > 0 && (unicode.IsLower(r[i-1]) || (i+1 < len(r) && unicode.IsLower(r[i+1]))) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(c))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

var (
	partialDateType = reflect.TypeFor[complication.PartialDate]()
	uuidType        = reflect.TypeFor[uuid.UUID]()
	timeType        = reflect.TypeFor[time.Time]()
	missingType     = reflect.TypeFor[complication.Missing]()
	codeListType    = reflect.TypeFor[interface{ Valid() bool }]()
)

type syncWalker struct {
	t        *testing.T
	all      map[string]map[string]any
	lists    map[string][]string
	privacy  map[string]string // pointer-like path → class, for callers
	noDirect bool              // fail on any direct-identifier (submission shapes)
}

func (w *syncWalker) walk(path, base string, node map[string]any, gt reflect.Type) {
	t := w.t
	for gt.Kind() == reflect.Pointer {
		gt = gt.Elem()
	}
	b, n := resolve(t, w.all, base, node)
	switch {
	case gt == partialDateType:
		assert.Equal(t, schema.BaseURL+"defs.schema.json", b, path)
		assert.Equal(t, "string", n["type"], path)
		assert.Equal(t, "partial-date", n["format"], path)
	case gt == uuidType:
		assert.Equal(t, "uuid", n["format"], path)
	case gt == timeType:
		assert.Equal(t, "date-time", n["format"], path)
	case gt == missingType:
		// checked by the enclosing object
	case gt.Kind() == reflect.String && gt.Implements(codeListType):
		want := w.lists[snake(gt.Name())]
		require.NotEmpty(t, want, "%s: Go type %s has no code list", path, gt.Name())
		var enum []string
		for _, e := range n["enum"].([]any) {
			enum = append(enum, e.(string))
		}
		assert.Equal(t, want, enum, "%s: enum of %s differs from the Go code list", path, gt.Name())
		for _, code := range enum {
			v := reflect.ValueOf(code).Convert(gt).Interface().(interface{ Valid() bool })
			assert.True(t, v.Valid(), "%s: %q is not a valid %s", path, code, gt.Name())
		}
	case gt.Kind() == reflect.String:
		assert.Equal(t, "string", n["type"], path)
	case gt.Kind() == reflect.Bool:
		assert.Equal(t, "boolean", n["type"], path)
	case gt.Kind() == reflect.Int:
		assert.Equal(t, "integer", n["type"], path)
	case gt.Kind() == reflect.Float64:
		assert.Equal(t, "number", n["type"], path)
	case gt.Kind() == reflect.Slice:
		assert.Equal(t, "array", n["type"], path)
		items, ok := n["items"].(map[string]any)
		require.True(t, ok, "%s: array without items", path)
		w.walk(path+"/*", b, items, gt.Elem())
	case gt.Kind() == reflect.Struct:
		w.object(path, b, n, gt)
	default:
		t.Errorf("%s: unhandled Go type %s", path, gt)
	}
}

func (w *syncWalker) object(path, base string, n map[string]any, gt reflect.Type) {
	t := w.t
	assert.Equal(t, "object", n["type"], path)
	assert.Equal(t, false, n["additionalProperties"], "%s: objects must set additionalProperties: false", path)
	props, _ := n["properties"].(map[string]any)
	fields := map[string]reflect.StructField{}
	for i := 0; i < gt.NumField(); i++ {
		f := gt.Field(i)
		fields[jsonName(f)] = f
	}
	for name, p := range props {
		prop := p.(map[string]any)
		ppath := path + "/" + name
		f, ok := fields[name]
		if !ok {
			t.Errorf("%s: schema property has no Go field in %s", ppath, gt.Name())
			continue
		}
		desc, _ := annotation(t, w.all, base, prop, "description").(string)
		assert.NotEmpty(t, desc, "%s: property has no description", ppath)
		class, _ := annotation(t, w.all, base, prop, "x-privacy").(string)
		assert.Contains(t, []string{"direct-identifier", "quasi-identifier", "free-text", "none"}, class, "%s: bad x-privacy", ppath)
		if w.noDirect {
			assert.NotEqual(t, "direct-identifier", class, "%s: a submission shape has a direct identifier", ppath)
		}
		w.privacy[ppath] = class
		if name == "missing" {
			var names []string
			for _, e := range prop["propertyNames"].(map[string]any)["enum"].([]any) {
				names = append(names, e.(string))
			}
			// A required field cannot be missing: it would fail either
			// "required" or "missing_and_present" whatever the record says.
			required := map[string]bool{}
			for _, r := range stringSlice(n["required"]) {
				required[r] = true
			}
			var want []string
			for k := range props {
				if k != "missing" && !required[k] {
					want = append(want, k)
				}
			}
			slices.Sort(names)
			slices.Sort(want)
			assert.Equal(t, want, names, "%s: missing must allow exactly the optional sibling fields", ppath)
		}
		w.walk(ppath, base, prop, f.Type)
	}
	for name := range fields {
		if _, ok := props[name]; !ok && !w.allowedAbsent(path, name) {
			t.Errorf("%s/%s: Go field %s.%s has no schema property", path, name, gt.Name(), name)
		}
	}
}

// allowedAbsent lists the Go fields a shape deliberately lacks: the
// identified report has no deidentification block and the submission no
// identity block.
func (w *syncWalker) allowedAbsent(path, name string) bool {
	if path != "" {
		return false
	}
	if w.noDirect {
		return name == "identity"
	}
	return name == "deidentification"
}

func TestSchemaMatchesGoTypes(t *testing.T) {
	all := docs(t)
	lists := map[string][]string{}
	for _, l := range complication.CodeLists() {
		for _, e := range l.Entries {
			lists[l.Name] = append(lists[l.Name], e.Code)
		}
	}
	cases := []struct {
		shape    schema.Shape
		goType   reflect.Type
		noDirect bool
	}{
		{schema.Report, reflect.TypeFor[complication.Report](), false},
		{schema.ReportSubmission, reflect.TypeFor[complication.Report](), true},
		{schema.Complaint, reflect.TypeFor[complication.Complaint](), false},
		{schema.ComplaintSubmission, reflect.TypeFor[complication.Complaint](), true},
	}
	var covered []schema.Shape
	for _, tc := range cases {
		covered = append(covered, tc.shape)
	}
	assert.Equal(t, schema.Shapes(), covered, "every shape is checked against its Go type")
	for _, tc := range cases {
		t.Run(string(tc.shape), func(t *testing.T) {
			w := &syncWalker{t: t, all: all, lists: lists, privacy: map[string]string{}, noDirect: tc.noDirect}
			id := tc.shape.ID()
			root := all[id]
			require.NotNil(t, root)
			w.object("", id, root, tc.goType)
			if !tc.noDirect {
				// Every identity member is a direct identifier, and nothing
				// outside identity is.
				for p, class := range w.privacy {
					inIdentity := strings.HasPrefix(p, "/identity")
					assert.Equal(t, inIdentity, class == "direct-identifier", "%s is %s", p, class)
				}
			}
		})
	}
}

// TestCodeListsMatchSchema checks the code lists both ways: every Go list is
// a schema definition with the same codes and labels, and every definition
// in codes.schema.json is a Go list.
func TestCodeListsMatchSchema(t *testing.T) {
	all := docs(t)
	defs := all[schema.BaseURL+"codes.schema.json"]["$defs"].(map[string]any)
	seen := map[string]bool{}
	for _, l := range complication.CodeLists() {
		def, ok := defs[l.Name].(map[string]any)
		if !assert.True(t, ok, "code list %s is not in codes.schema.json", l.Name) {
			continue
		}
		seen[l.Name] = true
		assert.Equal(t, l.Title, def["title"], l.Name)
		labels := def["x-labels"].(map[string]any)
		var enum []any
		for _, e := range l.Entries {
			enum = append(enum, e.Code)
			assert.Equal(t, e.Display, labels[e.Code], "%s/%s label", l.Name, e.Code)
		}
		assert.Equal(t, enum, def["enum"], l.Name)
		assert.Len(t, labels, len(l.Entries), l.Name)
	}
	for name := range defs {
		assert.True(t, seen[name], "schema code list %s has no Go type", name)
	}
}

// TestFormatsAreKnown guards against a format name the validator does not
// assert: jsonschema silently ignores unknown formats.
func TestFormatsAreKnown(t *testing.T) {
	known := []string{"uuid", "date-time", "email", "partial-date", "nhs-number"}
	var visit func(path string, v any)
	visit = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if f, ok := v["format"].(string); ok {
				assert.Contains(t, known, f, "%s uses an unasserted format", path)
			}
			for k, x := range v {
				visit(path+"/"+k, x)
			}
		case []any:
			for _, x := range v {
				visit(path, x)
			}
		}
	}
	for id, d := range docs(t) {
		visit(id, d)
	}
}

func stringSlice(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}
