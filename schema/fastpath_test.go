package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/internal/typedtree"
)

// mutatedSynthetic is how many valid synthetic records TestFastPathAgrees
// mutates; FuzzFastPathAgrees goes further.
const mutatedSynthetic = 6

var fastToday = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// fastAndSlow returns two validators that differ only in whether they use
// the fast path.
func fastAndSlow(t testing.TB) (fast, slow *Validator) {
	t.Helper()
	fast, err := New(Options{Now: func() time.Time { return fastToday }})
	require.NoError(t, err)
	slow, err = New(Options{Now: func() time.Time { return fastToday }})
	require.NoError(t, err)
	slow.slow = true
	return fast, slow
}

// sample is one document with the shape to check it against.
type sample struct {
	name  string
	shape Shape
	data  []byte
}

// samples returns the corpora, synthetic records (a third of them with a
// known fault) in every shape, and the submission shape of each report.
func samples(t testing.TB, synthetic int) []sample {
	t.Helper()
	var out []sample
	for _, dir := range []string{"valid", "invalid"} {
		files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*.json"))
		require.NoError(t, err)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			base := filepath.Base(f)
			for _, s := range Shapes() {
				out = append(out, sample{name: base + "@" + string(s), shape: s, data: data})
			}
		}
	}
	g := synth.New(synth.Options{Seed: 11, InvalidRate: 0.3, Today: fastToday})
	for i := range synthetic {
		rec := g.Next()
		shape := Report
		if i%2 == 1 {
			rec = g.NextComplaint()
			shape = Complaint
		}
		out = append(out, sample{name: "synth-" + string(rec.Kind), shape: shape, data: rec.JSON})
	}
	return out
}

// mutationValues replace one value at a time: the traps where a typed
// decode and a schema disagree (null, empty, zero, fractions, huge and
// boundary numbers, impossible dates, wrong types).
var mutationValues = []any{
	nil, "", " ", json.Number("0"), json.Number("-1"), json.Number("1.0"), json.Number("1.5"),
	json.Number("1e400"), json.Number("120"), json.Number("121"), json.Number("99999999999999999999"),
	true, "2021-02-30", "2021-02", "2021-13-01", "2021-02-28T25:00", "9990000018",
	"not a code", "doctor", strings.Repeat("x", 20001), []any{}, map[string]any{},
}

// mutate changes doc in place one value at a time, calls check while the
// change is in place, and restores it: every member replaced by each of
// mutationValues, deleted, and renamed to differ in case; an unknown
// member added to every object; the first item of every array repeated.
func mutate(doc any, check func(doc any)) {
	root := []any{doc}
	var walk func(set func(any), v any)
	walk = func(set func(any), v any) {
		for _, r := range mutationValues {
			set(r)
			check(root[0])
		}
		set(v)
		switch x := v.(type) {
		case map[string]any:
			x["unknown_member"] = "x"
			check(root[0])
			delete(x, "unknown_member")
			for _, k := range sortedKeys(x) {
				e := x[k]
				delete(x, k)
				check(root[0])
				upper := strings.ToUpper(k[:1]) + k[1:]
				if upper != k {
					x[upper] = e
					check(root[0])
					delete(x, upper)
				}
				x[k] = e
				walk(func(n any) { x[k] = n }, e)
			}
		case []any:
			if len(x) > 0 {
				set(append(slices.Clone(x), x[0]))
				check(root[0])
				set(x)
			}
			for i, e := range x {
				walk(func(n any) { x[i] = n }, e)
			}
		}
	}
	walk(func(n any) { root[0] = n }, doc)
}

// TestFastPathAgrees checks the fast path's one promise on every sample
// and on thousands of one-value mutations of valid ones: it never accepts
// a document jsonschema rejects. It also requires it to accept every
// document jsonschema accepts among the unmutated samples, since the
// speed-up depends on that.
func TestFastPathAgrees(t *testing.T) {
	c, err := compileOnce()
	require.NoError(t, err)
	var checked, misses, mutatedMisses, decodeMisses int
	check := func(name string, shape Shape, doc any, mutated bool) {
		t.Helper()
		checked++
		fast := c.fast[shape].accepts(doc)
		schemaErr := c.shapes[shape].Validate(doc)
		data, err := json.Marshal(doc)
		require.NoError(t, err)
		decoded := newRecord(shape)
		if c.plans[shape].decode(data, fastLimits, decoded) {
			if schemaErr != nil {
				t.Errorf("%s as %s: fast decoder accepts what the schema rejects: %s", name, shape, data)
			} else {
				// The record must be the one the full path builds.
				want := newRecord(shape)
				require.NoError(t, c.trees.Decode(doc, want))
				requireSameRecord(t, want, decoded, name)
			}
		} else if schemaErr == nil && !mutated {
			decodeMisses++
			t.Errorf("%s as %s: the schema accepts what the fast decoder does not", name, shape)
		}
		if fast && schemaErr != nil {
			b, _ := json.Marshal(doc)
			t.Errorf("%s as %s: fast path accepts what the schema rejects: %s", name, shape, b)
		}
		if !fast && schemaErr == nil {
			if mutated {
				mutatedMisses++
			} else {
				misses++
				t.Errorf("%s as %s: the schema accepts what the fast path does not", name, shape)
			}
		}
	}
	all := samples(t, 400)
	for _, s := range all {
		doc, err := jsonscan.Parse(s.data, jsonscan.Limits{})
		if err != nil {
			continue
		}
		check(s.name, s.shape, doc, false)
	}
	// Mutate valid documents: a mutation of an invalid one is mostly
	// invalid for the same reason and teaches nothing.
	// Synthetic records are many and alike: a few of them, with every
	// valid corpus document, cover each field of both record types.
	synthetic, mutated := 0, 0
	for _, s := range all {
		if raceEnabled && mutated == 2 {
			break
		}
		doc, err := jsonscan.Parse(s.data, jsonscan.Limits{})
		if err != nil || c.shapes[s.shape].Validate(doc) != nil {
			continue
		}
		if strings.HasPrefix(s.name, "synth") {
			if synthetic++; synthetic > mutatedSynthetic {
				continue
			}
		}
		mutated++
		before, _ := json.Marshal(doc)
		mutate(doc, func(m any) { check(s.name+" (mutated)", s.shape, m, true) })
		after, _ := json.Marshal(doc)
		require.Equal(t, string(before), string(after), "mutate restores the document")
	}
	t.Logf("checked %d documents; the fast path deferred %d valid mutations to the schema", checked, mutatedMisses)
	assert.Zero(t, misses)
	assert.Zero(t, decodeMisses)
	if !raceEnabled {
		assert.Greater(t, checked, 10000, "the mutations must exercise the fast path")
	}
}

// fastLimits are the default parsing limits.
var fastLimits = func() jsonscan.Limits {
	v, err := New(Options{})
	if err != nil {
		panic(err)
	}
	return v.limits()
}()

// requireSameRecord compares two records by their encoding: equal times
// may hold different *time.Location values.
func requireSameRecord(t testing.TB, want, got any, name string) {
	t.Helper()
	w, err := json.Marshal(want)
	require.NoError(t, err)
	g, err := json.Marshal(got)
	require.NoError(t, err)
	require.Equal(t, string(w), string(g), name)
}

// TestFastPathSameFindings runs the whole validator with and without the
// fast path: the findings must be identical, byte for byte.
func TestFastPathSameFindings(t *testing.T) {
	fast, slow := fastAndSlow(t)
	for _, s := range samples(t, 300) {
		assert.Equal(t, slow.Validate(s.shape, s.data), fast.Validate(s.shape, s.data), s.name)
	}
}

// TestTreeDecodeMatchesUnmarshal checks that filling a record from the
// parsed tree gives what json.Unmarshal gives from the bytes.
func TestTreeDecodeMatchesUnmarshal(t *testing.T) {
	c, err := compileOnce()
	require.NoError(t, err)
	n := 0
	for _, s := range samples(t, 600) {
		if s.shape != Report && s.shape != Complaint {
			continue
		}
		doc, err := jsonscan.Parse(s.data, jsonscan.Limits{})
		if err != nil || c.shapes[s.shape].Validate(doc) != nil {
			continue
		}
		var fromTree, fromJSON any = new(complication.Report), new(complication.Report)
		if s.shape == Complaint {
			fromTree, fromJSON = new(complication.Complaint), new(complication.Complaint)
		}
		require.NoError(t, json.Unmarshal(s.data, fromJSON), s.name)
		require.NoError(t, c.trees.Decode(doc, fromTree), s.name)
		// Compare by encoding: two equal times may hold different
		// *time.Location values.
		want, _ := json.Marshal(fromJSON)
		got, _ := json.Marshal(fromTree)
		require.Equal(t, string(want), string(got), s.name)
		n++
	}
	assert.Greater(t, n, 300)
}

func TestTreeDecodeRefusesWrongKinds(t *testing.T) {
	c, err := compileOnce()
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		doc  string
	}{
		{"string for number", `{"patient":{"age_at_treatment":"30"}}`},
		{"fraction for integer", `{"patient":{"age_at_treatment":30.5}}`},
		{"number for string", `{"id":1}`},
		{"object for array", `{"events":{}}`},
		{"array for object", `{"patient":[]}`},
		{"bad code", `{"report_type":"nope"}`},
		{"bad date", `{"treatment":{"date":"2021-02-30"}}`},
		{"number for bool", `{"consent":{"registry_submission":1}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := jsonscan.Parse([]byte(tc.doc), jsonscan.Limits{})
			require.NoError(t, err)
			var r complication.Report
			assert.ErrorIs(t, c.trees.Decode(doc, &r), typedtree.ErrMismatch)
			assert.Error(t, json.Unmarshal([]byte(tc.doc), new(complication.Report)), "encoding/json agrees")
		})
	}
}

func TestFastCompilerRefusesUnknownKeywords(t *testing.T) {
	const id = "https://example.invalid/x.schema.json"
	for _, kw := range []string{"oneOf", "if", "const", "unevaluatedProperties", "patternProperties"} {
		t.Run(kw, func(t *testing.T) {
			doc := map[string]any{"$id": id, "type": "object", kw: map[string]any{}}
			_, err := newFastCompiler(map[string]any{id: doc}, fastFormats()).compileURL(id)
			require.Error(t, err)
			assert.Contains(t, err.Error(), kw)
		})
	}
}

// FuzzFastPathAgrees holds both fast paths to their promise on arbitrary
// documents: never accept what the schema rejects, fill the record as the
// full path does, and leave the validator's findings independent of the
// path taken.
func FuzzFastPathAgrees(f *testing.F) {
	for _, s := range samples(f, 40) {
		f.Add(s.data)
	}
	c, err := compileOnce()
	require.NoError(f, err)
	fast, slow := fastAndSlow(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, parseErr := jsonscan.Parse(data, fastLimits)
		for _, shape := range Shapes() {
			if parseErr == nil && c.fast[shape].accepts(doc) && c.shapes[shape].Validate(doc) != nil {
				t.Fatalf("fast path accepts a document the %s schema rejects", shape)
			}
			if rec := newRecord(shape); c.plans[shape].decode(data, fastLimits, rec) {
				if parseErr != nil || c.shapes[shape].Validate(doc) != nil {
					t.Fatalf("fast decoder accepts a document the %s schema rejects", shape)
				}
				want := newRecord(shape)
				if err := c.trees.Decode(doc, want); err != nil {
					t.Fatalf("fast decoder accepts a document the %s type refuses", shape)
				}
				requireSameRecord(t, want, rec, string(shape))
			}
			if !slices.Equal(fast.Validate(shape, data), slow.Validate(shape, data)) {
				t.Fatalf("findings differ between the paths for %s", shape)
			}
		}
	})
}

// TestFastDecodeByteTraps covers what the tree mutations cannot reach:
// the bytes themselves. Each variant of a valid record must get the same
// findings from the validator with and without the fast paths, and the
// variants that are valid must be taken by the fast decoder.
func TestFastDecodeByteTraps(t *testing.T) {
	fast, slow := fastAndSlow(t)
	c, err := compileOnce()
	require.NoError(t, err)
	g := synth.New(synth.Options{Seed: 3, Today: fastToday})
	has := func(b []byte) bool {
		for _, want := range []string{`"narrative":"`, `"ctcae_grade":`, `"report_type":"initial"`} {
			if !bytes.Contains(b, []byte(want)) {
				return false
			}
		}
		return true
	}
	base := g.Next().JSON
	for !has(base) {
		base = g.Next().JSON
	}
	var indented bytes.Buffer
	require.NoError(t, json.Indent(&indented, base, "", "\t"))
	crlf := bytes.ReplaceAll(indented.Bytes(), []byte("\n"), []byte("\r\n"))
	sub := func(old, new string) []byte { return bytes.Replace(base, []byte(old), []byte(new), 1) }
	for _, tc := range []struct {
		name      string
		data      []byte
		fastValid bool // the fast decoder takes it
	}{
		{"as generated", base, true},
		{"indented", indented.Bytes(), true},
		{"CRLF line ends", crlf, true},
		{"trailing newline", append(slices.Clone(base), "\r\n"...), true},
		{"byte order mark", append([]byte("\xef\xbb\xbf"), base...), true},
		{"escaped letters", sub(`"initial"`, `"init\u0069al"`), true},
		{"escaped member name", sub(`"report_type"`, `"report\u005ftype"`), true},
		{"surrogate pair", sub(`"narrative":"`, `"narrative":"\ud83d\ude00 \/ \" \\ \n `), true},
		{"lone surrogate", sub(`"narrative":"`, `"narrative":"\ud800 `), false},
		{"bad escape", sub(`"narrative":"`, `"narrative":"\x `), false},
		{"invalid UTF-8", sub(`"narrative":"`, "\"narrative\":\"\xff "), false},
		{"raw NUL in a string", sub(`"narrative":"`, "\"narrative\":\"\x00"), false},
		{"raw tab in a string", sub(`"narrative":"`, "\"narrative\":\"\t"), false},
		{"NUL between tokens", sub(`"report_type":`, "\"report_type\":\x00"), false},
		{"duplicate member", sub(`{`, `{"report_type":"initial",`), false},
		{"member differing in case", sub(`"report_type"`, `"Report_type"`), false},
		{"trailing garbage", append(slices.Clone(base), "x"...), false},
		{"second document", append(slices.Clone(base), base...), false},
		{"truncated", base[:len(base)/2], false},
		{"comment", sub(`{`, `{/* c */`), false},
		{"trailing comma", sub(`"report_type":"initial",`, `"report_type":"initial",,`), false},
		{"single quotes", sub(`"initial"`, `'initial'`), false},
		{"top-level array", append(append([]byte("["), base...), ']'), false},
		{"empty", nil, false},
		{"exponent integer", sub(`"ctcae_grade":`, `"ctcae_grade":1e0,"x":`), false},
		{"leading zero", sub(`"ctcae_grade":`, `"ctcae_grade":0`), false},
		{"exponent beyond the limit", sub(`"ctcae_grade":`, `"ctcae_grade":2e-999,"x":`), false},
		{"integer with a fraction", sub(`"ctcae_grade":`, `"ctcae_grade":2.0,"x":`), false},
		{"huge number", sub(`"ctcae_grade":`, `"ctcae_grade":1`+strings.Repeat("0", 500)+`,"x":`), false},
		{"null member", sub(`"report_type":"initial"`, `"report_type":null`), false},
		{"wrong type", sub(`"report_type":"initial"`, `"report_type":1`), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := slow.Validate(Report, tc.data)
			assert.Equal(t, want, fast.Validate(Report, tc.data))
			trimmed := bytes.TrimPrefix(tc.data, []byte("\xef\xbb\xbf"))
			took := c.plans[Report].decode(trimmed, fastLimits, newRecord(Report))
			assert.Equal(t, tc.fastValid, took, "fast decoder verdict")
			if took {
				assert.False(t, want.Rejected(), "the fast decoder took a rejected document")
			}
		})
	}
	t.Run("depth limit", func(t *testing.T) {
		shallow, err := New(Options{MaxDepth: 3, Now: func() time.Time { return fastToday }})
		require.NoError(t, err)
		fs := shallow.Validate(Report, base)
		require.True(t, fs.Rejected())
		assert.Equal(t, CodeTooDeep, fs[0].Code)
	})
}

// TestFastDecoderRefusesUnplannable checks that the fast decoder refuses
// to compile what it cannot decode exactly, so that a schema edit fails
// the tests instead of loosening the fast path.
func TestFastDecoderRefusesUnplannable(t *testing.T) {
	const id = "https://example.invalid/x.schema.json"
	type rec struct {
		X string `json:"x"`
	}
	for _, tc := range []struct {
		name string
		doc  map[string]any
		typ  reflect.Type
	}{
		{"additionalProperties beside a $ref", map[string]any{"$ref": "#/$defs/a", "additionalProperties": false,
			"$defs": map[string]any{"a": map[string]any{"properties": map[string]any{"x": map[string]any{}}}}}, reflect.TypeFor[rec]()},
		{"properties on both sides of a $ref", map[string]any{"$ref": "#/$defs/a", "properties": map[string]any{"x": map[string]any{}},
			"$defs": map[string]any{"a": map[string]any{"properties": map[string]any{"x": map[string]any{}}}}}, reflect.TypeFor[rec]()},
		{"array without items", map[string]any{"type": "array"}, reflect.TypeFor[[]string]()},
		{"map without additionalProperties", map[string]any{"type": "object"}, reflect.TypeFor[map[string]string]()},
		{"unsupported Go type", map[string]any{"type": "object"}, reflect.TypeFor[chan int]()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.doc["$id"] = id
			n, err := newFastCompiler(map[string]any{id: tc.doc}, fastFormats()).compileURL(id)
			require.NoError(t, err)
			_, err = (&planBuilder{plans: map[planKey]*fastPlan{}}).plan(n, tc.typ)
			assert.Error(t, err)
		})
	}
}

// TestTreeDecodeErrorPointer checks that a value the Go type refuses is
// reported at its pointer, and at the same one whatever the map order.
func TestTreeDecodeErrorPointer(t *testing.T) {
	c, err := compileOnce()
	require.NoError(t, err)
	doc, err := jsonscan.Parse([]byte(`{"patient": {"age_at_treatment": 4.7e1}, "events": [{}, {"ctcae_grade": 2.5}]}`), fastLimits)
	require.NoError(t, err)
	for range 20 {
		err := c.trees.Decode(doc, new(complication.Report))
		var te *typedtree.Error
		require.ErrorAs(t, err, &te)
		assert.Equal(t, "/events/1/ctcae_grade", te.Pointer())
	}
}
