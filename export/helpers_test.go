package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testNow is the fixed "today" of the tests.
var testNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func testValidator(t testing.TB) *schema.Validator {
	t.Helper()
	v, err := schema.New(schema.Options{Now: func() time.Time { return testNow }})
	require.NoError(t, err)
	return v
}

// testPolicy is the de-identification every fixture carries.
var testPolicy = Policy{ID: "registry", Version: "1", Hash: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"}

const testKeyID = "demo-2026"

func testDeid() *complication.Deidentification {
	return &complication.Deidentification{PolicyID: testPolicy.ID, PolicyVersion: testPolicy.Version,
		PolicyHash: testPolicy.Hash, KeyID: testKeyID, Dates: complication.DateHandlingKept}
}

func testHeader() Header {
	return Header{GeneratedAt: testNow, Submitter: "clinic_7f3a9c2e", Policy: testPolicy, KeyID: testKeyID}
}

// fixtures returns the hand-made de-identified records of
// testdata/fixtures.ndjson: the example reports of ../testdata/valid with
// the identity block removed, pseudonyms set, free text redacted and a
// deidentification block added, as the anonymiser will. Each is a valid
// submission-shape record. The golden files are made from them, so they
// are kept here rather than re-derived from ../testdata on every run.
func fixtures(t testing.TB) []*complication.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "fixtures.ndjson"))
	require.NoError(t, err)
	nr := NewNDJSONReader(bytes.NewReader(data), ReadOptions{Validator: testValidator(t)})
	var out []*complication.Report
	for {
		res, err := nr.Next()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		require.False(t, res.Rejected(), "fixture line %d: %v", res.Line, res.Findings)
		out = append(out, res.Report)
	}
}

// upstreamFixtures returns the example reports of ../testdata/valid,
// de-identified by hand.
func upstreamFixtures(t testing.TB) []*complication.Report {
	t.Helper()
	v := testValidator(t)
	files, err := filepath.Glob("../testdata/valid/report-*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	sort.Strings(files)
	var out []*complication.Report
	seen := map[uuid.UUID]bool{}
	for i, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		shape := schema.Report
		if strings.Contains(f, "submission") {
			shape = schema.ReportSubmission
		}
		r, fs := v.DecodeReport(shape, data)
		require.NotNil(t, r, "%s: %v", f, fs)
		if seen[r.ID] {
			continue // the same report in another shape
		}
		seen[r.ID] = true
		deidentify(r, i)
		require.False(t, v.ValidateReport(schema.ReportSubmission, r).Rejected(), "%s: %v", f, v.ValidateReport(schema.ReportSubmission, r))
		out = append(out, r)
	}
	return out
}

func deidentify(r *complication.Report, n int) {
	r.Identity = nil
	r.Deidentification = testDeid()
	if r.Patient.Pseudonym == "" {
		r.Patient.Pseudonym = fmt.Sprintf("pt_%024x", n+1)
	}
	if r.Practitioner != nil && r.Practitioner.Pseudonym == "" {
		r.Practitioner.Pseudonym = fmt.Sprintf("pr_%024x", n+1)
	}
	if r.Setting != nil && r.Setting.ClinicPseudonym == "" {
		r.Setting.ClinicPseudonym = fmt.Sprintf("cl_%024x", n+1)
	}
}

// jsonOf is a record's canonical form: round trips compare it.
func jsonOf(t testing.TB, r *complication.Report) string {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	return string(b)
}

func requireSameRecords(t testing.TB, want, got []*complication.Report) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		require.JSONEq(t, jsonOf(t, want[i]), jsonOf(t, got[i]), "record %d", i)
	}
}

// memSink collects the files of a multi-file export in memory.
type memSink struct{ files map[string]*bytes.Buffer }

func newMemSink() *memSink { return &memSink{files: map[string]*bytes.Buffer{}} }

type nopCloser struct{ *bytes.Buffer }

func (nopCloser) Close() error { return nil }

func (m *memSink) Create(name string) (io.WriteCloser, error) {
	b := &bytes.Buffer{}
	m.files[name] = b
	return nopCloser{b}, nil
}

func (m *memSink) fs() fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range m.files {
		out[k] = &fstest.MapFile{Data: v.Bytes()}
	}
	return out
}

// gen makes varied, valid, de-identified submission records on the fly,
// deterministically from their index, so benchmarks can stream any number
// without holding them.
func genReport(i int) *complication.Report {
	rng := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	id := func() uuid.UUID {
		var u uuid.UUID
		for j := range u {
			u[j] = byte(rng.Uint32())
		}
		u[6] = u[6]&0x0f | 0x40
		u[8] = u[8]&0x3f | 0x80
		return u
	}
	pick := func(n int) int { return rng.IntN(n) }
	bptr := func(b bool) *bool { return &b }
	fptr := func(f float64) *float64 { return &f }
	age := 20 + pick(55)
	day := time.Date(2025, time.Month(1+pick(12)), 1+pick(28), 9+pick(8), pick(60), 0, 0, time.UTC)
	prec := []complication.Precision{complication.PrecisionDay, complication.PrecisionDay, complication.PrecisionMinute, complication.PrecisionMonth}[pick(4)]
	r := &complication.Report{
		ID:           id(),
		Type:         complication.ReportTypeInitial,
		Created:      time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i%500000) * time.Minute),
		Jurisdiction: []complication.Jurisdiction{complication.JurisdictionEngland, complication.JurisdictionWales, complication.JurisdictionScotland, complication.JurisdictionNorthernIreland}[pick(4)],
		Reporter:     complication.Reporter{Role: complication.ReporterRoleTreatingPractitioner, Profession: complication.ProfessionNurse, RegistrationBody: complication.RegistrationBodyNMC},
		Patient: complication.Patient{
			Pseudonym:        fmt.Sprintf("pt_%016x%08x", rng.Uint64(), i),
			AgeAtTreatment:   &age,
			Sex:              []complication.Sex{complication.SexFemale, complication.SexMale}[pick(2)],
			Fitzpatrick:      []complication.Fitzpatrick{complication.FitzpatrickI, complication.FitzpatrickIII, complication.FitzpatrickV}[pick(3)],
			PostcodeDistrict: []string{"LS1", "SW4", "CF10", "EH3"}[pick(4)],
		},
		Practitioner: &complication.Practitioner{Pseudonym: fmt.Sprintf("pr_%016x", rng.Uint64()), Profession: complication.ProfessionNurse, RegistrationBody: complication.RegistrationBodyNMC},
		Setting:      &complication.Setting{ClinicPseudonym: fmt.Sprintf("cl_%016x", rng.Uint64()), Premises: complication.PremisesClinic, CQCRegistered: bptr(pick(2) == 0)},
		Treatment: complication.Treatment{
			Date:      complication.DateOf(day, prec),
			Procedure: complication.ProcedureDermalFiller,
			Sites:     []complication.SiteSide{{Site: complication.SiteUpperLip}, {Site: complication.SiteLowerLip}}[:1+pick(2)],
			Technique: complication.TechniqueNeedle,
		},
		Deidentification: testDeid(),
	}
	r.Patient.PostcodeArea = strings.TrimRight(r.Patient.PostcodeDistrict, "0123456789")
	if pick(3) == 0 {
		r.Patient.History = []complication.RiskFactor{complication.RiskFactorPreviousFiller, complication.RiskFactorSmoking}[:1+pick(2)]
	}
	if pick(4) == 0 {
		r.Patient.Missing = complication.Missing{"weight_kg": complication.MissingReasonNotAsked}
	}
	names := []string{"Juvederm Volbella", "Restylane Kysse", "Belotero Balance; lidocaine", `Teosyal "RHA" 2`, "=HYPERLINK(\"http://x\")", "Stylage, M", "Siân's filler"}
	for range 1 + pick(2) {
		r.Treatment.Products = append(r.Treatment.Products, complication.Product{
			Name: names[pick(len(names))], Manufacturer: "Example Pharma", Class: complication.ProductClassDevice,
			Substance: "hyaluronic acid", Lot: fmt.Sprintf("L%06d", pick(1000000)), Dose: fptr(float64(1+pick(10)) / 10),
			DoseUnit: complication.DoseUnitMl,
		})
	}
	terms := []complication.Term{complication.TermBruising, complication.TermOedema, complication.TermNoduleInflammatory, complication.TermVascularOcclusion, complication.TermAsymmetry}
	texts := []string{"Swelling, bruising and \"tenderness\"", "-2 days after: lumps\nthen =1+1", "@reviewed; settled", "Lumps along the lip.", "+ improving"}
	for k := range 1 + pick(3) {
		term := terms[pick(len(terms))]
		onset, _ := complication.DateOf(day, complication.PrecisionDay).AddDays(pick(30))
		e := complication.Event{
			ID: id(), Term: term, Description: texts[pick(len(texts))],
			Sites:       []complication.SiteSide{{Site: complication.SiteUpperLip, Side: complication.SideLeft}},
			Onset:       onset,
			Seriousness: []complication.Seriousness{complication.SeriousnessNotSerious},
			Severity:    []complication.Severity{complication.SeverityMild, complication.SeverityModerate}[pick(2)],
			Outcome:     complication.OutcomeRecovering,
		}
		if k > 0 {
			e.Onset = e.Onset.Truncate(complication.PrecisionMonth)
		}
		if term.ExpectedSerious() {
			e.Seriousness = []complication.Seriousness{complication.SeriousnessInterventionRequired}
			e.Severity = complication.SeveritySevere
			e.Harm = complication.HarmModerate
			e.Candour = &complication.Candour{Notifiable: bptr(true)}
			e.Management = []complication.Management{
				{Action: complication.ActionHyaluronidase, Product: "Hyalase", Dose: fptr(1500), DoseUnit: complication.DoseUnitIU, Route: complication.RouteSubcutaneous, Given: onset, GivenBy: complication.CareProviderTreatingPractitioner},
				{Action: complication.ActionAspirin, Dose: fptr(300), DoseUnit: complication.DoseUnitMg, Route: complication.RouteOral},
			}
			e.Relatedness = complication.RelatednessRelated
			e.Causes = []complication.Cause{complication.CauseTechnique}
			e.Codes = []complication.CodeRef{{System: complication.CodeSystemIMDRFAnnexF, Code: "F11"}}
		}
		if pick(2) == 0 {
			e.Outcome = complication.OutcomeRecovered
			e.Resolved, _ = complication.DateOf(day, complication.PrecisionDay).AddDays(31 + pick(60))
		}
		r.Events = append(r.Events, e)
	}
	if pick(2) == 0 {
		r.Narrative = "Patient attended; treated, reviewed, \"settled\".\r\nNo further action."
	}
	return r
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

func osDirFS(dir string) fs.FS { return os.DirFS(dir) }

func memSinkOf(t testing.TB, recs []*complication.Report) *memSink {
	sink := newMemSink()
	w, err := NewTablesWriter(sink, CSVOptions{})
	require.NoError(t, err)
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Close())
	return sink
}

// synthStream returns records from internal/synth, de-identified by hand
// (identity removed, pseudonyms and a deidentification block set; the free
// text is left as generated, which is fine for output that goes nowhere).
func synthStream(seed uint64) func(int) *complication.Report {
	g := synth.New(synth.Options{Seed: seed})
	return func(i int) *complication.Report {
		r := g.Next().Report
		deidentify(r, i)
		return r
	}
}
