package export

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// normalised returns a copy of r as a CSV round trip gives it back: line
// breaks in text as LF. It is the one documented asymmetry of the CSV
// layouts for records a JSON decoder can produce.
func normalised(t testing.TB, r *complication.Report) *complication.Report {
	t.Helper()
	var c complication.Report
	s := jsonOf(t, r)
	s = strings.ReplaceAll(s, `\r\n`, `\n`)
	s = strings.ReplaceAll(s, `\r`, `\n`)
	require.NoError(t, jsonUnmarshal([]byte(s), &c))
	return &c
}

// validRecords are valid submission records: the fixtures and generated ones.
func validRecords(t testing.TB) []*complication.Report {
	recs := fixtures(t)
	for i := range 60 {
		recs = append(recs, genReport(i))
	}
	return recs
}

// testRecords are validRecords and two more that the CSV layouts carry.
func testRecords(t testing.TB) []*complication.Report {
	recs := validRecords(t)
	// Not valid submissions, but the CSV layouts carry them: a report
	// with no events, and one with every optional field of every kind set.
	noEvents := genReport(1000)
	noEvents.Events = nil
	full := genReport(1001)
	full.FollowsUp, full.Type = full.ID, complication.ReportTypeFollowUp
	full.ID[0]++
	full.Updated = full.Created.Add(90 * time.Minute).In(time.FixedZone("", -5*3600))
	full.ReportedTo = []complication.Notification{{To: complication.AuthorityMHRAYellowCard, Date: complication.MustParsePartialDate("2025-12"), Reference: "YC;1\\2"}, {To: complication.AuthorityManufacturer}}
	full.Patient.AgeBand, full.Patient.WeightKg, full.Patient.HistoryNotes = complication.AgeBand35To44, new(61.25), "notes, \"quoted\""
	full.Patient.Pregnancy = complication.PregnancyNotPregnant
	full.Practitioner.VoluntaryRegisters = []complication.VoluntaryRegister{complication.VoluntaryRegisterJCCP, complication.VoluntaryRegisterSaveFace}
	full.Practitioner.Prescriber = &complication.Prescriber{Profession: complication.ProfessionDoctor, SameAsPractitioner: new(false), Missing: complication.Missing{"registration_body": complication.MissingReasonNotKnown}}
	full.Practitioner.Missing = complication.Missing{"voluntary_registers": complication.MissingReasonDeclined}
	full.Setting.PremisesLicensed = new(true)
	full.Treatment.Depth, full.Treatment.PriorTreatmentElsewhere, full.Treatment.Notes = complication.DepthSupraperiosteal, new(true), "-1 ml"
	full.Treatment.Missing = complication.Missing{"technique": complication.MissingReasonNotKnown}
	full.Treatment.Products[0].Expiry, full.Treatment.Products[0].UDI, full.Treatment.Products[0].Supplier = complication.MustParsePartialDate("2027"), "(01)0884", "Crown; Medical"
	full.Treatment.Products[0].Route, full.Treatment.Products[0].SuspectedCounterfeit = complication.RouteSubcutaneous, new(false)
	full.Treatment.Products[0].Retained, full.Treatment.Products[0].RetainedBy = new(true), complication.RetainedByClinic
	full.Treatment.Products[0].Missing = complication.Missing{"udi": complication.MissingReasonNotKnown, "x=y;z": complication.MissingReasonNotAsked}
	e := &full.Events[0]
	e.Detected, e.CTCAEGrade, e.PsychologicalHarm = e.Onset, 2, complication.HarmLow
	e.ProlongedPain, e.ProlongedPsychologicalHarm = new(true), new(false)
	e.Candour = &complication.Candour{Notifiable: new(true), NotifiedInPerson: e.Onset, NotifiedInWriting: e.Onset, ApologyGiven: new(true)}
	e.OutcomeDate, e.Sequelae = e.Resolved, "scar;\\ ="
	e.Codes = []complication.CodeRef{{System: complication.CodeSystemMedDRA, Code: "10047065", Version: "27.0"}, {System: complication.CodeSystemSNOMEDCT, Code: "123"}}
	e.Management = append(e.Management, complication.Management{Action: complication.ActionObservation, Notes: "watch", Missing: complication.Missing{"dose": complication.MissingReasonNotAsked}})
	e.Missing = complication.Missing{"detected": complication.MissingReasonNotKnown}
	full.ComplaintIDs = []uuid.UUID{full.FollowsUp, e.ID}
	full.Consent = &complication.Consent{RegistrySubmission: new(true), ContactForFollowUp: new(false), ShareWithManufacturer: new(true), NationalDataOptOut: new(false)}
	return append(recs, noEvents, full)
}

// The documented asymmetries of the CSV layouts, each shown once.
func TestCSVAsymmetries(t *testing.T) {
	r := fixtures(t)[0]
	r.Narrative = "a\r\nb\rc"                                    // line breaks read back as LF
	r.Practitioner.Pseudonym, r.Practitioner.Profession = "", "" // practitioner with nothing but…
	r.Practitioner.RegistrationBody, r.Practitioner.Missing = "", nil
	r.Consent = &complication.Consent{} // an optional object with no member set reads back as absent
	for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
		data := flatFile(t, []*complication.Report{r}, p)
		got := readAllFlat(t, data, CSVReadOptions{Profile: p})[0]
		require.Equal(t, "a\nb\nc", got.Narrative)
		require.Nil(t, got.Practitioner)
		require.Nil(t, got.Consent)
	}
	// Derived columns are ignored on reading.
	data := flatFile(t, fixtures(t)[:1], ProfileMachine)
	edited := editCSV(t, data, func(rows [][]string) [][]string {
		rows[1][col(t, rows[0], "events.serious")] = "true"
		rows[1][col(t, rows[0], "events.onset_days_min")] = "-999"
		return rows
	})
	requireSameRecords(t, fixtures(t)[:1], readAllFlat(t, edited, CSVReadOptions{}))
	// In the flat layout, an empty element of an array of objects keeps its
	// place as long as another element has a member set; an array whose
	// elements all have no member set (never valid) reads back empty. The
	// tables keep it.
	r = fixtures(t)[0]
	r.Treatment.Products = append(r.Treatment.Products, complication.Product{})
	got := readAllFlat(t, flatFile(t, []*complication.Report{r}, ProfileMachine), CSVReadOptions{})[0]
	require.Len(t, got.Treatment.Products, 2)
	r.Treatment.Products = []complication.Product{{}, {}}
	got = readAllFlat(t, flatFile(t, []*complication.Report{r}, ProfileMachine), CSVReadOptions{})[0]
	require.Empty(t, got.Treatment.Products)
	tables := readAllTables(t, memSinkOf(t, []*complication.Report{r}), CSVReadOptions{})[0]
	require.Len(t, tables.Treatment.Products, 2)
}

func TestGeneratedRecordsAreValid(t *testing.T) {
	v := testValidator(t)
	for i := range 300 {
		r := genReport(i)
		fs := v.ValidateReport(schema.ReportSubmission, r)
		require.False(t, fs.Rejected(), "record %d: %v", i, fs)
	}
}

func readAllFlat(t testing.TB, data []byte, opts CSVReadOptions) []*complication.Report {
	t.Helper()
	fr := NewFlatReader(bytes.NewReader(data), opts)
	var out []*complication.Report
	for {
		r, err := fr.Read()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		out = append(out, r)
	}
}

func readAllTables(t testing.TB, sink *memSink, opts CSVReadOptions) []*complication.Report {
	t.Helper()
	tr, err := NewTablesReader(sink.fs(), opts)
	require.NoError(t, err)
	defer tr.Close()
	var out []*complication.Report
	for {
		r, err := tr.Read()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		out = append(out, r)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	recs := testRecords(t)
	want := make([]*complication.Report, len(recs))
	for i, r := range recs {
		want[i] = normalised(t, r)
	}
	for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
		t.Run("flat/"+p.String(), func(t *testing.T) {
			var buf bytes.Buffer
			w := NewFlatWriter(&buf, CSVOptions{Profile: p})
			for _, r := range recs {
				require.NoError(t, w.Write(r))
			}
			require.NoError(t, w.Flush())
			requireSameRecords(t, want, readAllFlat(t, buf.Bytes(), CSVReadOptions{Profile: p}))
		})
		t.Run("tables/"+p.String(), func(t *testing.T) {
			sink := newMemSink()
			w, err := NewTablesWriter(sink, CSVOptions{Profile: p})
			require.NoError(t, err)
			for _, r := range recs {
				require.NoError(t, w.Write(r))
			}
			require.NoError(t, w.Close())
			requireSameRecords(t, want, readAllTables(t, sink, CSVReadOptions{Profile: p}))
		})
	}
}

func TestJSONRoundTrip(t *testing.T) {
	recs := validRecords(t)
	v := testValidator(t)
	t.Run("ndjson", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewNDJSONWriter(&buf, JSONOptions{Validator: v})
		for _, r := range recs {
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Flush())
		nr := NewNDJSONReader(&buf, ReadOptions{Validator: v})
		var got []*complication.Report
		for {
			res, err := nr.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			require.False(t, res.Rejected(), "%v", res.Findings)
			got = append(got, res.Report)
		}
		requireSameRecords(t, recs, got)
		require.Equal(t, Tally{Read: len(recs), Accepted: len(recs)}, nr.Tally())
	})
	t.Run("envelope", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewEnvelopeWriter(&buf, EnvelopeOptions{Header: testHeader(), Validator: v})
		for _, r := range recs {
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Close())
		er := NewEnvelopeReader(&buf, ReadOptions{Validator: v})
		var got []*complication.Report
		for {
			res, err := er.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			require.False(t, res.Rejected(), "%v", res.Findings)
			got = append(got, res.Report)
		}
		requireSameRecords(t, recs, got)
		h := er.Header()
		require.Equal(t, schema.ReportSubmission.ID(), h.Schema)
		require.Equal(t, testPolicy, h.Policy)
		require.True(t, h.GeneratedAt.Equal(testNow))
		c, ok := er.Counts()
		require.True(t, ok)
		require.Equal(t, w.Counts(), c)
	})
}

// Records from internal/synth, de-identified by hand, survive every
// layout; they are the most varied records available.
func TestSynthRoundTrip(t *testing.T) {
	next := synthStream(7)
	var recs, want []*complication.Report
	for i := range 500 {
		r := next(i)
		recs = append(recs, r)
		want = append(want, normalised(t, r))
	}
	for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
		requireSameRecords(t, want, readAllFlat(t, flatFile(t, recs, p), CSVReadOptions{Profile: p}))
		sink := newMemSink()
		w, err := NewTablesWriter(sink, CSVOptions{Profile: p})
		require.NoError(t, err)
		for _, r := range recs {
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Flush())
		requireSameRecords(t, want, readAllTables(t, sink, CSVReadOptions{Profile: p}))
	}
	var buf bytes.Buffer
	w := NewNDJSONWriter(&buf, JSONOptions{})
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Flush())
	nr := NewNDJSONReader(&buf, ReadOptions{Validator: testValidator(t)})
	for {
		res, err := nr.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		require.False(t, res.Rejected(), "line %d: %v", res.Line, res.Findings)
	}
	require.Equal(t, len(recs), nr.Tally().Accepted)
	b := fhirBundle(t, recs[:20], FHIROptions{})
	checkFHIRByHand(t, decodeAny(t, b))
}
