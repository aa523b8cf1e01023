package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
)

// fhirSchemaPath is the official FHIR R4 JSON Schema, saved beside the
// checkout as third-party test data (interop.md §1.5). It is read from
// there and never copied into the repository.
const fhirSchemaPath = "../../shared/testdata/fhir/fhir.schema.json"

var fhirSchema struct {
	once sync.Once
	s    *jsonschema.Schema
	err  error
}

// bundleSchema compiles #/definitions/Bundle once per test binary (it
// takes a fraction of a second) or skips the test when the file is absent.
func bundleSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	if _, err := os.Stat(fhirSchemaPath); err != nil {
		t.Skipf("FHIR R4 JSON Schema not found at %s: it is third-party test data kept beside the checkout (see interop.md §1.5), not in the repository", fhirSchemaPath)
	}
	fhirSchema.once.Do(func() {
		data, err := os.ReadFile(fhirSchemaPath)
		if err != nil {
			fhirSchema.err = err
			return
		}
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft6
		c.LoadURL = func(s string) (io.ReadCloser, error) { return nil, fmt.Errorf("no network in tests: %s", s) }
		const url = "file:///fhir.schema.json"
		if fhirSchema.err = c.AddResource(url, bytes.NewReader(data)); fhirSchema.err != nil {
			return
		}
		fhirSchema.s, fhirSchema.err = c.Compile(url + "#/definitions/Bundle")
	})
	require.NoError(t, fhirSchema.err)
	return fhirSchema.s
}

func decodeAny(t testing.TB, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

func fhirBundle(t testing.TB, recs []*complication.Report, opts FHIROptions) []byte {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	var buf bytes.Buffer
	w := NewFHIRWriter(&buf, opts)
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func TestFHIRBundleValidatesAgainstR4Schema(t *testing.T) {
	s := bundleSchema(t)
	london, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	recs := fixtures(t)
	for i := range 15 {
		recs = append(recs, genReport(i))
	}
	for _, tc := range []struct {
		name string
		opts FHIROptions
		recs []*complication.Report
	}{
		{"no zone", FHIROptions{}, recs},
		{"Europe/London", FHIROptions{Location: london}, recs},
		{"empty", FHIROptions{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := fhirBundle(t, tc.recs, tc.opts)
			doc := decodeAny(t, b)
			require.NoError(t, s.Validate(doc))
			checkFHIRByHand(t, doc)
		})
	}
}

// The schema must actually bite: a few mutations of a valid bundle that
// it rejects, and the ones interop.md §1.6 says it misses, which the hand
// checks catch instead.
func TestFHIRSchemaAndHandChecksBite(t *testing.T) {
	s := bundleSchema(t)
	b := fhirBundle(t, fixtures(t)[:1], FHIROptions{})
	mutate := func(f func(ae map[string]any, bundle map[string]any)) any {
		doc := decodeAny(t, b).(map[string]any)
		for _, e := range doc["entry"].([]any) {
			res := e.(map[string]any)["resource"].(map[string]any)
			if res["resourceType"] == "AdverseEvent" {
				f(res, doc)
				break
			}
		}
		return doc
	}
	for _, tc := range []struct {
		name   string
		mut    func(ae, bundle map[string]any)
		schema bool // the schema rejects it (else only the hand checks do)
	}{
		{"bad actuality", func(ae, _ map[string]any) { ae["actuality"] = "maybe" }, true},
		{"typo", func(ae, _ map[string]any) { ae["severty"] = ae["severity"] }, true},
		{"empty string", func(ae, _ map[string]any) { ae["date"] = "" }, true},
		{"time without zone", func(ae, _ map[string]any) { ae["date"] = "2026-09-02T14:20:00" }, true},
		{"no actuality", func(ae, _ map[string]any) { delete(ae, "actuality") }, false},
		{"no bundle type", func(_, b map[string]any) { delete(b, "type") }, false},
		{"bad severity code", func(ae, _ map[string]any) {
			ae["severity"] = map[string]any{"coding": []any{map[string]any{"system": fhirSysSeverity, "code": "catastrophic"}}}
		}, false},
		{"dangling reference", func(ae, _ map[string]any) {
			ae["subject"] = map[string]any{"reference": "urn:uuid:00000000-0000-4000-8000-000000000000"}
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := mutate(tc.mut)
			err := s.Validate(doc)
			if tc.schema {
				require.Error(t, err)
				return
			}
			require.NoError(t, err, "the schema is documented to miss this")
			ft := &fakeT{}
			checkFHIRByHand(ft, doc)
			require.True(t, ft.failed, "the hand checks must catch what the schema misses")
		})
	}
}

// fakeT records failures instead of failing the test; checkFHIRByHand
// calls only Helper and Errorf.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }

// checkFHIRByHand checks what the FHIR JSON Schema does not (interop.md
// §1.6): required primitive elements (Bundle.type, actuality, status),
// codes of required bindings inside CodeableConcepts, and that every
// reference resolves within the bundle to a resource of an allowed type.
func checkFHIRByHand(t testing.TB, doc any) {
	t.Helper()
	bundle := doc.(map[string]any)
	if bundle["resourceType"] != "Bundle" || bundle["type"] != "collection" {
		t.Errorf("Bundle.type must be collection")
	}
	if _, ok := bundle["timestamp"].(string); !ok {
		t.Errorf("Bundle.timestamp missing")
	}
	entries, _ := bundle["entry"].([]any)
	urnRE := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	types := map[string]string{}
	for _, e := range entries {
		e := e.(map[string]any)
		url, _ := e["fullUrl"].(string)
		if !urnRE.MatchString(url) {
			t.Errorf("fullUrl %q is not a urn:uuid", url)
		}
		if _, dup := types[url]; dup {
			t.Errorf("fullUrl %s is not unique (bdl-7)", url)
		}
		types[url] = e["resource"].(map[string]any)["resourceType"].(string)
		for _, k := range []string{"request", "response", "search"} {
			if e[k] != nil {
				t.Errorf("entry.%s is not allowed in a collection (bdl-3, bdl-4, bdl-2)", k)
			}
		}
	}
	ref := func(v any, allowed ...string) {
		t.Helper()
		m, ok := v.(map[string]any)
		if !ok {
			t.Errorf("reference missing")
			return
		}
		url, _ := m["reference"].(string)
		typ, ok := types[url]
		if !ok {
			t.Errorf("reference %q does not resolve within the bundle", url)
			return
		}
		if !slices.Contains(allowed, typ) {
			t.Errorf("reference to %s, want one of %v", typ, allowed)
		}
	}
	coded := func(v any, system string, allowed ...string) {
		t.Helper()
		if v == nil {
			return
		}
		codings, _ := v.(map[string]any)["coding"].([]any)
		found := false
		for _, c := range codings {
			c := c.(map[string]any)
			if c["system"] != system {
				continue
			}
			found = true
			if !slices.Contains(allowed, c["code"].(string)) {
				t.Errorf("code %v is not in the value set %s", c["code"], system)
			}
		}
		if !found {
			t.Errorf("no coding from %s", system)
		}
	}
	for _, e := range entries {
		res := e.(map[string]any)["resource"].(map[string]any)
		switch res["resourceType"] {
		case "AdverseEvent":
			if a := res["actuality"]; a != "actual" && a != "potential" {
				t.Errorf("AdverseEvent.actuality is required: actual or potential")
			}
			ref(res["subject"], "Patient")
			coded(res["severity"], fhirSysSeverity, "mild", "moderate", "severe")
			coded(res["outcome"], fhirSysOutcome, "resolved", "recovering", "ongoing", "resolvedWithSequelae", "fatal", "unknown")
			coded(res["seriousness"], fhirSysSeriousness, "Non-serious", "Serious", "SeriousResultsInDeath", "SeriousIsLifeThreatening",
				"SeriousResultsInHospitalization", "SeriousResultsInDisability", "SeriousIsBirthDefect", "SeriousRequiresPreventImpairment")
			for _, c := range asList(res["category"]) {
				coded(c, fhirSysCategory, "product-problem", "product-quality", "product-use-error", "wrong-dose",
					"incorrect-prescribing-information", "wrong-technique", "wrong-route-of-administration", "wrong-rate",
					"wrong-duration", "wrong-time", "expired-drug", "medical-device-use-error", "problem-different-manufacturer",
					"unsafe-physical-environment")
			}
			for _, c := range asList(res["contributor"]) {
				ref(c, "Practitioner", "PractitionerRole", "Device")
			}
			for _, s := range asList(res["suspectEntity"]) {
				s := s.(map[string]any)
				ref(s["instance"], "Immunization", "Procedure", "Substance", "Medication", "MedicationAdministration", "MedicationStatement", "Device")
				for _, c := range asList(s["causality"]) {
					if a := c.(map[string]any)["assessment"]; a != nil && a.(map[string]any)["coding"] != nil {
						coded(a, fhirSysCausality, "Certain", "Probably-Likely", "Possible", "Unlikely", "Conditional-Classified", "Unassessable-Unclassifiable")
					}
				}
			}
		case "Procedure":
			if !slices.Contains([]string{"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error", "unknown"}, fmt.Sprint(res["status"])) {
				t.Errorf("Procedure.status is required")
			}
			ref(res["subject"], "Patient", "Group")
			for _, p := range asList(res["performer"]) {
				ref(p.(map[string]any)["actor"], "Practitioner", "PractitionerRole", "Organization", "Patient", "RelatedPerson", "Device")
			}
			for _, u := range asList(res["usedReference"]) {
				ref(u, "Device", "Medication", "Substance")
			}
		case "Patient":
			if g, ok := res["gender"]; ok && !slices.Contains([]string{"male", "female", "other", "unknown"}, fmt.Sprint(g)) {
				t.Errorf("Patient.gender %v", g)
			}
			for _, id := range asList(res["identifier"]) {
				if id.(map[string]any)["system"] == "https://fhir.nhs.uk/Id/nhs-number" {
					t.Errorf("a de-identified bundle carries an NHS number")
				}
			}
		case "Device":
			for _, n := range asList(res["deviceName"]) {
				if !slices.Contains([]string{"udi-label-name", "user-friendly-name", "patient-reported-name", "manufacturer-name", "model-name", "other"}, fmt.Sprint(n.(map[string]any)["type"])) {
					t.Errorf("Device.deviceName.type is required from its value set")
				}
			}
		case "Medication", "PractitionerRole":
		default:
			t.Errorf("unexpected resource %v", res["resourceType"])
		}
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func TestFHIRDates(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	noZone := NewFHIRWriter(io.Discard, FHIROptions{})
	zoned := NewFHIRWriter(io.Discard, FHIROptions{Location: london})
	for _, tc := range []struct{ in, noZone, zoned string }{
		{"2026", "2026", "2026"},
		{"2026-05", "2026-05", "2026-05"},
		{"2026-05-14", "2026-05-14", "2026-05-14"},
		{"2026-05-14T10:30", "2026-05-14", "2026-05-14T10:30:00+01:00"},
		{"2026-01-14T10:30", "2026-01-14", "2026-01-14T10:30:00Z"},
	} {
		d := complication.MustParsePartialDate(tc.in)
		require.Equal(t, tc.noZone, noZone.fhirDate(d), tc.in)
		require.Equal(t, tc.zoned, zoned.fhirDate(d), tc.in)
	}
	require.Empty(t, noZone.fhirDate(complication.PartialDate{}))
}

// Every code of the lists that map to required bindings has a mapping.
func TestFHIRMappingCoversCodeLists(t *testing.T) {
	m := newFHIRMapping()
	for _, l := range complication.CodeLists() {
		for _, e := range l.Entries {
			switch l.Name {
			case "outcome":
				require.NotEmpty(t, m.outcome[complication.Outcome(e.Code)], e.Code)
			case "severity":
				require.NotEmpty(t, m.severity[complication.Severity(e.Code)], e.Code)
			case "seriousness":
				require.NotEmpty(t, m.seriousness[complication.Seriousness(e.Code)], e.Code)
			case "sex":
				require.NotEmpty(t, m.gender[complication.Sex(e.Code)], e.Code)
			case "code_system":
				require.NotEmpty(t, m.codeSystem[complication.CodeSystem(e.Code)], e.Code)
			case "relatedness":
				_, ok := m.causality[complication.Relatedness(e.Code)]
				require.True(t, ok, e.Code)
			}
		}
	}
	require.True(t, strings.HasPrefix(FHIRCodeSystemBase, "https://"))
}
