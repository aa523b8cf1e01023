package export

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

// testAnonymizer is the registry profile under a test key: the way tests
// de-identify complaints (and reports that complaints link to).
func testAnonymizer(t testing.TB) *anonymize.Anonymizer {
	t.Helper()
	return testAnonymizerWith(t, anonymize.Registry())
}

// testAnonymizerWith returns an Anonymizer for policy p under the test key.
func testAnonymizerWith(t testing.TB, p *anonymize.Policy) *anonymize.Anonymizer {
	t.Helper()
	k, err := anonymize.NewKey("test-2026", []byte("casebook-test-key-0123456789-abcdef"))
	require.NoError(t, err)
	a, err := anonymize.New(p, k)
	require.NoError(t, err)
	return a
}

// upstreamComplaints returns the identified example complaints of
// ../testdata/valid and complaints from internal/synth, de-identified by
// the anonymizer's registry profile. Each is a valid complaint-submission
// record.
func upstreamComplaints(t testing.TB) []*complication.Complaint {
	t.Helper()
	v := testValidator(t)
	a := testAnonymizer(t)
	files, err := filepath.Glob("../testdata/valid/complaint-*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	sort.Strings(files)
	var out []*complication.Complaint
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		if shape, _ := schema.Detect(data); shape != schema.Complaint {
			continue // already a submission, under another key
		}
		c, fs := v.DecodeComplaint(schema.Complaint, data)
		require.NotNil(t, c, "%s: %v", f, fs)
		d, err := a.Complaint(c)
		require.NoError(t, err, f)
		out = append(out, d)
	}
	g := synth.New(synth.Options{Seed: 11})
	for len(out) < 12 {
		g.Next()
		c, err := a.Complaint(g.NextComplaint().Complaint)
		if err != nil {
			continue // the leak gate may refuse a generated complaint
		}
		out = append(out, c)
	}
	for _, c := range out {
		fs := v.ValidateComplaint(schema.ComplaintSubmission, c)
		require.False(t, fs.Rejected(), "%s: %v", c.ID, fs)
	}
	return out
}

// complaintFixtures returns the de-identified complaints of
// testdata/complaints.ndjson, made by TestUpstreamComplaintFixtures from
// upstreamComplaints. The golden files are made from them, so they are
// kept here rather than re-derived on every run.
func complaintFixtures(t testing.TB) []*complication.Complaint {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "complaints.ndjson"))
	require.NoError(t, err)
	nr := NewNDJSONReader(bytes.NewReader(data), ReadOptions{Validator: testValidator(t), Shape: schema.ComplaintSubmission})
	var out []*complication.Complaint
	for {
		res, err := nr.Next()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		require.NotNil(t, res.Complaint, "fixture line %d: %v", res.Line, res.Findings)
		out = append(out, res.Complaint)
	}
}

// complaintFixture returns the fixture whose id starts with prefix.
func complaintFixture(t testing.TB, prefix string) *complication.Complaint {
	for _, c := range complaintFixtures(t) {
		if strings.HasPrefix(c.ID.String(), prefix) {
			return c
		}
	}
	t.Fatalf("no complaint fixture %s", prefix)
	return nil
}

// complaintHeader is an envelope header for the complaint fixtures, which
// the anonymizer made under its own policy and key.
func complaintHeader(t testing.TB) Header {
	d := complaintFixtures(t)[0].Deidentification
	return Header{GeneratedAt: testNow, Submitter: "clinic_7f3a9c2e",
		Policy: Policy{ID: d.PolicyID, Version: d.PolicyVersion, Hash: d.PolicyHash}, KeyID: d.KeyID}
}

func jsonOfComplaint(t testing.TB, c *complication.Complaint) string {
	t.Helper()
	b, err := json.Marshal(c)
	require.NoError(t, err)
	return string(b)
}

func requireSameComplaints(t testing.TB, want, got []*complication.Complaint) {
	t.Helper()
	require.Len(t, got, len(want))
	for i := range want {
		require.JSONEq(t, jsonOfComplaint(t, want[i]), jsonOfComplaint(t, got[i]), "complaint %d", i)
	}
}

// normalisedComplaint returns a deep copy of c as a CSV round trip gives
// it back: line breaks in text as LF.
func normalisedComplaint(t testing.TB, c *complication.Complaint) *complication.Complaint {
	t.Helper()
	s := jsonOfComplaint(t, c)
	s = strings.ReplaceAll(s, `\r\n`, `\n`)
	s = strings.ReplaceAll(s, `\r`, `\n`)
	var out complication.Complaint
	require.NoError(t, json.Unmarshal([]byte(s), &out))
	return &out
}

// fullComplaint is a complaint with every field of the submission shape
// set, and awkward text (quotes, separators, line breaks, formula
// triggers) in every text field. It is not a valid submission (its dates
// and codes are not consistent) but the tables carry it exactly.
func fullComplaint(t testing.TB) *complication.Complaint {
	c := normalisedComplaint(t, complaintFixtures(t)[1])
	c.ID = uuid.MustParse("0e7a1c52-9d3b-4f6e-8a21-5c4d3b2a1f00")
	c.ReceivedAt = time.Date(2026, 3, 29, 0, 30, 0, 0, time.FixedZone("", -5*3600))
	c.ConsentToAct, c.Anonymous = new(true), new(false)
	c.Summary = "=HYPERLINK(\"http://x\"); \"quoted\", comma\r\nnext line"
	c.RemedyNotes = "-1 refund; \\ backslash"
	c.LearningPoints = "@mention\rlone CR"
	c.ComplicationIDs = []uuid.UUID{uuid.MustParse("6c1e8f52-3b7d-4a2e-9f10-2d4b6a8c0e11"), uuid.MustParse("b7c9d1e3-f5a7-4b9c-8d1e-3f5a7b9c1d2e")}
	c.TreatmentDate, c.AwarenessDate = complication.MustParsePartialDate("2026-02-01T09:30"), complication.MustParsePartialDate("2026")
	c.Practitioner = &complication.Practitioner{Pseudonym: "pr_0123456789abcdef", Profession: complication.ProfessionDoctor,
		RegistrationBody: complication.RegistrationBodyGMC, VoluntaryRegisters: []complication.VoluntaryRegister{complication.VoluntaryRegisterJCCP},
		Prescriber: &complication.Prescriber{Profession: complication.ProfessionDoctor, SameAsPractitioner: new(true),
			Missing: complication.Missing{"face_to_face_consultation": complication.MissingReasonNotKnown}},
		Missing: complication.Missing{"x=y;z": complication.MissingReasonNotAsked}}
	c.Setting = &complication.Setting{ClinicPseudonym: "cl_0123456789abcdef", Premises: complication.PremisesClinic,
		CQCRegistered: new(true), PremisesLicensed: new(false), Missing: complication.Missing{"premises_licensed": complication.MissingReasonDeclined}}
	c.OutOfTimeAccepted, c.OutOfTimeReason = new(true), complication.OutOfTimeReason(firstCode(t, "out_of_time_reason"))
	c.AcknowledgedAt = c.ReceivedAt.Add(50 * time.Hour)
	c.DiscussionOfferedAt = c.ReceivedAt.Add(52*time.Hour + 500*time.Millisecond)
	c.AgreedResponseBy = complication.MustParsePartialDate("2026-04")
	c.Extensions = []complication.Extension{
		{ResponseBy: complication.MustParsePartialDate("2026-05-01"), Reason: complication.ExtensionReason(firstCode(t, "extension_reason")), AgreedOn: complication.MustParsePartialDate("2026-04-20")},
		{ResponseBy: complication.MustParsePartialDate("2026-05-15"), Reason: complication.ExtensionReason(firstCode(t, "extension_reason"))},
	}
	c.ResponseSentAt = c.ReceivedAt.AddDate(0, 1, 0).UTC()
	c.DelayExplainedAt = c.ReceivedAt.AddDate(0, 1, 1)
	c.ClosedAt = c.ReceivedAt.AddDate(0, 2, 0)
	c.StatusHistory = []complication.StatusChange{{Status: complication.ComplaintStatusReceived, At: c.ReceivedAt}, {Status: complication.ComplaintStatusClosed, At: c.ClosedAt}}
	c.Urgency, c.HealthAndSafety, c.Outcome, c.ApologyGiven = complication.Urgency(firstCode(t, "urgency")), new(true), complication.ComplaintOutcomeUpheld, new(true)
	c.RemedialActions = []complication.RemedialAction{complication.RemedialAction(firstCode(t, "remedial_action"))}
	c.Conduct = &complication.PractitionerConduct{ResponseChannels: []complication.ResponseChannel{complication.ResponseChannelPublicComment},
		Platforms: []complication.SocialPlatform{complication.SocialPlatform(firstCode(t, "social_platform"))}, PatientInformationDisclosed: new(false)}
	c.Escalations = []complication.Escalation{{To: complication.EscalationRoutePHSO, Date: complication.MustParsePartialDate("2026-06"), Reference: "=cmd|' /C calc'!A0"}, {To: complication.EscalationRouteISCAS}}
	c.EscalationRouteGiven = new(true)
	return c
}

// firstCode returns the first code of a code list of the schema.
func firstCode(t testing.TB, list string) string {
	docs, err := loadSchemaDocs(schema.ComplaintSubmission)
	require.NoError(t, err)
	codes, _ := docs.codeList(list)
	require.NotEmpty(t, codes, list)
	return codes[0]
}

// testComplaints are the fixtures and complaints the tables carry that
// are not valid submissions: every field set, and almost nothing set.
func testComplaints(t testing.TB) []*complication.Complaint {
	bare := &complication.Complaint{ID: uuid.MustParse("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"), Deidentification: testDeid()}
	return append(complaintFixtures(t), fullComplaint(t), bare)
}

func readAllComplaintTables(t testing.TB, sink *memSink, opts CSVReadOptions) []*complication.Complaint {
	t.Helper()
	tr, err := NewTablesReader(sink.fs(), opts)
	require.NoError(t, err)
	defer tr.Close()
	var out []*complication.Complaint
	for {
		c, err := tr.ReadComplaint()
		if err == io.EOF {
			return out
		}
		require.NoError(t, err)
		out = append(out, c)
	}
}

// complaintTablesOf writes the complaints (and reports) as tables.
func complaintTablesOf(t testing.TB, p Profile, reports []*complication.Report, complaints []*complication.Complaint) *memSink {
	t.Helper()
	sink := newMemSink()
	w, err := NewTablesWriter(sink, CSVOptions{Profile: p})
	require.NoError(t, err)
	for _, r := range reports {
		require.NoError(t, w.Write(r))
	}
	for _, c := range complaints {
		require.NoError(t, w.WriteComplaint(c))
	}
	require.NoError(t, w.Close())
	return sink
}

func complaintEnvelope(t testing.TB, cs []*complication.Complaint) []byte {
	var buf bytes.Buffer
	w := NewEnvelopeWriter(&buf, EnvelopeOptions{Header: complaintHeader(t), Shape: schema.ComplaintSubmission})
	for _, c := range cs {
		require.NoError(t, w.WriteComplaint(c))
	}
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func complaintLines(t testing.TB, cs []*complication.Complaint) []string {
	var buf bytes.Buffer
	w := NewNDJSONWriter(&buf, JSONOptions{})
	for _, c := range cs {
		require.NoError(t, w.WriteComplaint(c))
	}
	require.NoError(t, w.Flush())
	return strings.SplitAfter(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

// synthGen returns a generator of identified records, to be de-identified
// with testAnonymizer.
func synthGen(seed uint64) *synth.Generator { return synth.New(synth.Options{Seed: seed}) }
