package typedtree

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
	"github.com/openaesthetics/casebook/internal/synth"
)

// marshalTree is the reference Encode is held to.
func marshalTree(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonscan.Parse(b, jsonscan.Limits{})
}

func recordCodec() *Codec {
	return New(Options{DisallowUnknown: true}, reflect.TypeFor[complication.Report](), reflect.TypeFor[complication.Complaint]())
}

// synthRecords returns typed reports and complaints, valid and with one
// fault each, decoded from synthetic documents by encoding/json.
func synthRecords(t testing.TB) []any {
	t.Helper()
	var out []any
	for seed := range uint64(4) {
		g := synth.New(synth.Options{Seed: seed + 1, InvalidRate: 0.3, NarrativeWords: int(seed%2) * 60})
		for range 150 {
			for _, rec := range []synth.Record{g.Next(), g.NextComplaint()} {
				r, c := new(complication.Report), new(complication.Complaint)
				if json.Unmarshal(rec.JSON, r) == nil && json.Unmarshal(rec.JSON, c) != nil {
					out = append(out, r)
				} else if json.Unmarshal(rec.JSON, c) == nil {
					out = append(out, c)
				}
			}
		}
	}
	require.Greater(t, len(out), 1000)
	return out
}

func TestEncodeMatchesMarshal(t *testing.T) {
	c := recordCodec()
	for i, rec := range synthRecords(t) {
		want, err := marshalTree(rec)
		require.NoError(t, err)
		got, err := c.Encode(rec)
		require.NoError(t, err)
		require.Equal(t, want, got, "record %d", i)
	}
}

func TestEncodeEdgeValues(t *testing.T) {
	c := recordCodec()
	weight := func(f float64) *complication.Report {
		return &complication.Report{Patient: complication.Patient{WeightKg: &f}}
	}
	cases := []struct {
		name string
		rec  any
	}{
		{"zero report", &complication.Report{}},
		{"zero complaint", &complication.Complaint{}},
		{"report by value", complication.Report{Narrative: "text"}},
		{"invalid UTF-8", &complication.Report{Narrative: "a\xffb\xe2\x82c\xed\xa0\x80"}},
		{"escapes", &complication.Report{Narrative: "<b>&\u2028\"\\\t\x00"}},
		{"tiny float", weight(1e-7)},
		{"huge float", weight(1e21)},
		{"just below the cutoff", weight(999999999999999999999)},
		{"negative zero", weight(math.Copysign(0, -1))},
		{"fraction", weight(61.25)},
		{"exponent with one digit", weight(5e-9)},
		{"empty slices", &complication.Report{Events: []complication.Event{}, Patient: complication.Patient{History: []complication.RiskFactor{}}}},
		{"empty map", &complication.Report{Patient: complication.Patient{Missing: complication.Missing{}}}},
		{"map", &complication.Report{Patient: complication.Patient{Missing: complication.Missing{"sex": complication.MissingReason("unknown"), "a\xff": ""}}}},
		{"zero instant in a zone", &complication.Complaint{ReceivedAt: time.Date(1, 1, 1, 0, 0, 0, 0, time.FixedZone("", 0))}},
		{"times and zones", &complication.Complaint{ReceivedAt: time.Date(2024, 5, 3, 10, 0, 0, 123, time.FixedZone("", 5*3600+1800)), ClosedAt: time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want, err := marshalTree(tc.rec)
			require.NoError(t, err)
			got, err := c.Encode(tc.rec)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
	t.Run("errors", func(t *testing.T) {
		for _, rec := range []any{
			weight(math.NaN()), weight(math.Inf(1)),
			&complication.Complaint{ReceivedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
			&complication.Complaint{ReceivedAt: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)},
		} {
			_, want := json.Marshal(rec)
			require.Error(t, want)
			_, err := c.Encode(rec)
			assert.Error(t, err)
		}
	})
	t.Run("unknown type", func(t *testing.T) {
		_, err := c.Encode(make(chan int))
		assert.Error(t, err)
	})
}

// textPtr marshals through a pointer receiver, which encoding/json uses
// only for addressable values.
type textPtr struct{ s string }

func (p *textPtr) MarshalText() ([]byte, error) { return []byte("ptr:" + p.s), nil }

type jsonVal struct{ n int }

func (v jsonVal) MarshalJSON() ([]byte, error) {
	return []byte(` { "n" : [ 1, 2 ] , "v": ` + strconv.Itoa(v.n) + `} `), nil
}

type inner struct{ A int }

type zeroer struct{ n int }

func (z zeroer) IsZero() bool { return z.n == 7 }

// kitchen holds every kind the encoders handle themselves or hand to
// encoding/json.
type kitchen struct {
	S string `json:"s"`
	//lint:ignore SA5008 encoding/json falls back to the field name for an invalid tag name; so must Encode
	Bad string `json:"bad tag\\name"`
	//lint:ignore SA5008 a field named "-"
	Dash     string             `json:"-,"`
	Skip     string             `json:"-"`
	hidden   string             //nolint:unused // unexported fields are never written
	F32      float32            `json:"f32"`
	U        uintptr            `json:"u"`
	I8       int8               `json:"i8,omitempty"`
	B        []byte             `json:"b"`
	Arr      [3]int             `json:"arr"`
	Any      any                `json:"any"`
	IntMap   map[int]string     `json:"int_map"`
	Ptr      textPtr            `json:"ptr"`
	PtrSlice []textPtr          `json:"ptr_slice"`
	PtrMap   map[string]textPtr `json:"ptr_map"`
	JSON     jsonVal            `json:"json"`
	NilJSON  *jsonVal           `json:"nil_json"`
	Zero     zeroer             `json:"zero,omitzero"`
	ZeroPtr  *zeroer            `json:"zero_ptr,omitzero"`
	Inner    inner              `json:"inner,omitzero"`
	Rec      *kitchen           `json:"rec,omitempty"`
}

type embeds struct {
	inner
	X int
}

type quoted struct {
	N int `json:"n,string"`
}

func TestEncodeKinds(t *testing.T) {
	c := New(Options{}, reflect.TypeFor[kitchen](), reflect.TypeFor[embeds](), reflect.TypeFor[quoted]())
	k := &kitchen{S: "s", Bad: "b", Dash: "d", Skip: "x", hidden: "h", F32: 1e-7, U: 9, B: []byte("hi"), Arr: [3]int{1, 2, 3},
		Any: map[string]any{"x": 1.5}, IntMap: map[int]string{2: "two"}, Ptr: textPtr{"p"}, PtrSlice: []textPtr{{"q"}},
		PtrMap: map[string]textPtr{"k": {"v"}}, Zero: zeroer{7}, ZeroPtr: &zeroer{7}, Rec: &kitchen{I8: 3, Zero: zeroer{1}}}
	for _, v := range []any{k, *k, &kitchen{}, &embeds{inner{1}, 2}, &quoted{5}} {
		want, err := marshalTree(v)
		require.NoError(t, err)
		got, err := c.Encode(v)
		require.NoError(t, err)
		assert.Equal(t, want, got, "%T", v)
	}
}

func TestDecodeRoundTrip(t *testing.T) {
	c := recordCodec()
	for i, rec := range synthRecords(t) {
		tree, err := c.Encode(rec)
		require.NoError(t, err)
		out := reflect.New(reflect.TypeOf(rec).Elem())
		require.NoError(t, c.Decode(tree, out.Interface()), "record %d", i)
		want := reflect.New(reflect.TypeOf(rec).Elem())
		b, err := json.Marshal(rec)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, want.Interface()))
		require.Equal(t, want.Interface(), out.Interface(), "record %d", i)
	}
}

func TestDecodeUnknownMembers(t *testing.T) {
	tree := map[string]any{"patient": map[string]any{"sex": "female", "Jane Smith 9990000018": true}}
	var r complication.Report
	err := recordCodec().Decode(tree, &r)
	var te *Error
	require.ErrorAs(t, err, &te)
	assert.ErrorIs(t, err, ErrMismatch)
	assert.Equal(t, "/patient", te.Pointer())
	assert.NotContains(t, err.Error(), "Jane")

	lenient := New(Options{}, reflect.TypeFor[complication.Report]())
	require.NoError(t, lenient.Decode(tree, &r))
	assert.Equal(t, complication.Sex("female"), r.Patient.Sex)
}

func TestDecodeMismatchPointer(t *testing.T) {
	tree := map[string]any{"events": []any{map[string]any{}, map[string]any{"ctcae_grade": json.Number("4.5")}}}
	err := recordCodec().Decode(tree, new(complication.Report))
	var te *Error
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "/events/1/ctcae_grade", te.Pointer())
}

func FuzzEncode(f *testing.F) {
	for i, rec := range synthRecords(f) {
		if i%40 == 0 {
			b, _ := json.Marshal(rec)
			f.Add(b)
		}
	}
	f.Add([]byte(`{"patient":{"weight_kg":1e-7},"narrative":"\udc00"}`))
	c := recordCodec()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, rec := range []any{new(complication.Report), new(complication.Complaint)} {
			if json.Unmarshal(data, rec) != nil {
				continue
			}
			want, wantErr := marshalTree(rec)
			got, err := c.Encode(rec)
			if wantErr != nil {
				if err == nil {
					t.Fatalf("json.Marshal fails but Encode does not")
				}
				continue
			}
			if err != nil {
				t.Fatalf("Encode: %v", err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("Encode differs from json.Marshal + Parse")
			}
			back := reflect.New(reflect.TypeOf(rec).Elem()).Interface()
			if err := c.Decode(got, back); err != nil {
				t.Fatalf("Decode of an encoded record: %v", err)
			}
		}
	})
}

func TestEncodeStubbed(t *testing.T) {
	c := recordCodec()
	stub := map[string]bool{"identity": true, "events": true}
	stubbed := 0
	for i, rec := range synthRecords(t) {
		want, err := c.Encode(rec)
		require.NoError(t, err)
		obj := want.(map[string]any)
		for name := range stub {
			if _, ok := obj[name]; ok {
				obj[name] = nil
				stubbed++
			}
		}
		got, err := c.EncodeStubbed(rec, stub)
		require.NoError(t, err)
		require.Equal(t, want, got, "record %d", i)
	}
	assert.Greater(t, stubbed, 1000, "the stubs were exercised")
	_, err := c.EncodeStubbed(new(int), stub)
	assert.Error(t, err)
	got, err := c.EncodeStubbed((*complication.Report)(nil), stub)
	assert.NoError(t, err)
	assert.Nil(t, got)
}
