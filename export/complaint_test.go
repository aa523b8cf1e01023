package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// TestUpstreamComplaintFixtures de-identifies the current example
// complaints (and synthetic ones) with the anonymizer and puts them
// through every writer of complaints and back, so a change upstream that
// the exporters cannot carry shows up here. With -update it also rewrites
// testdata/complaints.ndjson from them.
func TestUpstreamComplaintFixtures(t *testing.T) {
	cs := upstreamComplaints(t)
	v := testValidator(t)
	if *update {
		var buf bytes.Buffer
		w := NewNDJSONWriter(&buf, JSONOptions{Validator: v})
		for _, c := range cs {
			require.NoError(t, w.WriteComplaint(c))
		}
		require.NoError(t, w.Flush())
		require.NoError(t, os.WriteFile(filepath.Join("testdata", "complaints.ndjson"), buf.Bytes(), 0o644))
	}
	want := make([]*complication.Complaint, len(cs))
	for i, c := range cs {
		want[i] = normalisedComplaint(t, c)
	}
	sink := newMemSink()
	tw, err := NewTablesWriter(sink, CSVOptions{Validator: v})
	require.NoError(t, err)
	for _, c := range cs {
		require.NoError(t, tw.WriteComplaint(c))
	}
	require.NoError(t, tw.Close())
	requireSameComplaints(t, want, readAllComplaintTables(t, sink, CSVReadOptions{}))
}

func TestComplaintJSONRoundTrip(t *testing.T) {
	cs := complaintFixtures(t)
	v := testValidator(t)
	t.Run("ndjson", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewNDJSONWriter(&buf, JSONOptions{Validator: v})
		for _, c := range cs {
			require.NoError(t, w.WriteComplaint(c))
		}
		require.NoError(t, w.Flush())
		nr := NewNDJSONReader(&buf, ReadOptions{Validator: v, Shape: schema.ComplaintSubmission})
		var got []*complication.Complaint
		for {
			res, err := nr.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			require.False(t, res.Rejected(), "%v", res.Findings)
			require.Nil(t, res.Report)
			require.Equal(t, schema.ComplaintSubmission, res.Shape)
			got = append(got, res.Complaint)
		}
		requireSameComplaints(t, cs, got)
		require.Equal(t, Tally{Read: len(cs), Accepted: len(cs)}, nr.Tally())
	})
	t.Run("envelope", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewEnvelopeWriter(&buf, EnvelopeOptions{Header: complaintHeader(t), Shape: schema.ComplaintSubmission, Validator: v})
		escalations := 0
		for _, c := range cs {
			require.NoError(t, w.WriteComplaint(c))
			escalations += len(c.Escalations)
		}
		require.NoError(t, w.Close())
		require.Greater(t, escalations, 0)
		require.Equal(t, Counts{Records: len(cs), Escalations: escalations}, w.Counts())
		require.True(t, bytes.HasSuffix(buf.Bytes(), []byte(`],"counts":{"records":12,"escalations":`+strconv.Itoa(escalations)+"}}\n")), "%s", buf.Bytes()[buf.Len()-80:])
		// The kind comes from the envelope: the zero ReadOptions read it.
		er := NewEnvelopeReader(bytes.NewReader(buf.Bytes()), ReadOptions{Validator: v})
		var got []*complication.Complaint
		for {
			res, err := er.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			require.False(t, res.Rejected(), "%v", res.Findings)
			got = append(got, res.Complaint)
		}
		requireSameComplaints(t, cs, got)
		require.Equal(t, schema.ComplaintSubmission.ID(), er.Header().Schema)
		c, ok := er.Counts()
		require.True(t, ok)
		require.Equal(t, w.Counts(), c)
	})
}

func TestComplaintEnvelopeKinds(t *testing.T) {
	cs := complaintFixtures(t)
	r := fixtures(t)[0]

	// A complaint envelope refuses a report, and a report envelope a
	// complaint, without writing anything of it.
	var buf bytes.Buffer
	w := NewEnvelopeWriter(&buf, EnvelopeOptions{Header: complaintHeader(t), Shape: schema.ComplaintSubmission})
	require.NoError(t, w.WriteComplaint(cs[0]))
	err := w.Write(r)
	var rerr *RecordError
	require.ErrorAs(t, err, &rerr)
	require.ErrorIs(t, err, ErrRecordKind)
	require.Equal(t, 1, rerr.Index)
	require.NoError(t, w.WriteComplaint(cs[1]), "the writer stays usable")
	require.NoError(t, w.Close())
	require.Equal(t, string(complaintEnvelope(t, cs[:2])), buf.String())

	w = NewEnvelopeWriter(io.Discard, EnvelopeOptions{Header: testHeader()})
	require.ErrorIs(t, w.WriteComplaint(cs[0]), ErrRecordKind)
	require.NoError(t, w.Write(r))

	// An envelope of identified records is not a registry envelope.
	w = NewEnvelopeWriter(io.Discard, EnvelopeOptions{Header: testHeader(), Shape: schema.Complaint})
	require.ErrorIs(t, w.WriteComplaint(cs[0]), ErrHeader)
	require.ErrorIs(t, w.Close(), ErrHeader, "header errors are sticky")

	// Another policy than the header's is refused, for complaints too.
	other := normalisedComplaint(t, cs[2])
	other.Deidentification.KeyID = "another-key"
	w = NewEnvelopeWriter(io.Discard, EnvelopeOptions{Header: complaintHeader(t), Shape: schema.ComplaintSubmission})
	err = w.WriteComplaint(other)
	require.ErrorIs(t, err, ErrPolicyMismatch)
	require.ErrorAs(t, err, &rerr)
	require.Equal(t, "/deidentification", rerr.Pointer)
}

func TestComplaintEnvelopeReader(t *testing.T) {
	cs := complaintFixtures(t)[:4]
	good := string(complaintEnvelope(t, cs))
	read := func(data string, opts ReadOptions) (readResult, *EnvelopeReader) {
		opts.Validator = testValidator(t)
		er := NewEnvelopeReader(strings.NewReader(data), opts)
		return readAllResults(er.Next), er
	}
	escalations := 0
	for _, c := range cs {
		escalations += len(c.Escalations)
	}
	require.Greater(t, escalations, 0)
	counts := `"counts":{"records":4,"escalations":` + strconv.Itoa(escalations) + `}`
	require.Contains(t, good, counts)

	t.Run("shape given and matching", func(t *testing.T) {
		got, er := read(good, ReadOptions{Shape: schema.ComplaintSubmission})
		require.NoError(t, got.err)
		require.Len(t, got.results, 4)
		require.Equal(t, Tally{Read: 4, Accepted: 4}, er.Tally())
	})
	for _, tc := range []struct {
		name    string
		data    string
		opts    ReadOptions
		records int
		err     error
		member  string
	}{
		{"shape mismatch", good, ReadOptions{Shape: schema.ReportSubmission}, 0, ErrHeader, "schema"},
		{"report envelope, complaint shape", string(envelopeBytes(t, fixtures(t))), ReadOptions{Shape: schema.ComplaintSubmission}, 0, ErrHeader, "schema"},
		{"identified shape needs the option", strings.Replace(good, "complaint-submission.schema.json", "complaint.schema.json", 1), ReadOptions{}, 0, ErrHeader, "schema"},
		{"escalations disagree", strings.Replace(good, counts, `"counts":{"records":4,"escalations":999}`, 1), ReadOptions{}, 4, ErrCounts, "counts"},
		{"counts of reports", strings.Replace(good, counts, `"counts":{"records":4,"events":0,"products":0}`, 1), ReadOptions{}, 4, ErrHeader, "counts"},
		{"unknown counts member", strings.Replace(good, counts, `"counts":{"records":4,"complaints":4}`, 1), ReadOptions{}, 4, ErrHeader, "counts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := read(tc.data, tc.opts)
			require.Len(t, got.results, tc.records)
			var eerr *EnvelopeError
			require.ErrorAs(t, got.err, &eerr)
			require.ErrorIs(t, got.err, tc.err)
			require.Equal(t, tc.member, eerr.Member)
			require.Equal(t, tc.records, eerr.Records)
		})
	}
	t.Run("report counts refuse escalations", func(t *testing.T) {
		data := strings.Replace(string(envelopeBytes(t, fixtures(t))), `"products":4}`, `"products":4,"escalations":0}`, 1)
		got, _ := read(data, ReadOptions{})
		require.ErrorIs(t, got.err, ErrHeader)
	})
	t.Run("record errors", func(t *testing.T) {
		lines := strings.Split(good, "\n")
		// lines[0] is the header up to "records":[, lines[1..4] the records.
		lines[2] = `{"id": "x", "received_at": [1, 2}],` // invalid JSON whose brackets close
		lines[3] = strings.Replace(lines[3], `"channel":"`, `"channel":"carrier_pigeon","x":"`, 1)
		other := normalisedComplaint(t, cs[3])
		other.Deidentification.PolicyVersion = "2"
		b, err := json.Marshal(other)
		require.NoError(t, err)
		lines[4] = string(b)
		got, er := read(strings.Join(lines, "\n"), ReadOptions{})
		require.NoError(t, got.err, "counts.escalations is not checked once a record was rejected")
		require.Len(t, got.results, 4)
		require.NotNil(t, got.results[0].Complaint)
		require.True(t, got.results[1].Findings.Has(schema.CodeSyntax), "%v", got.results[1].Findings)
		require.True(t, got.results[2].Rejected())
		require.True(t, got.results[3].Findings.Has(CodePolicyMismatch))
		for i, res := range got.results {
			require.Equal(t, schema.ComplaintSubmission, res.Shape)
			require.Equal(t, i+2, res.Line)
			for _, f := range res.Findings {
				require.Equal(t, i+2, f.Line)
			}
		}
		require.Equal(t, Tally{Read: 4, Accepted: 1, Rejected: 3}, er.Tally())
	})
	t.Run("empty", func(t *testing.T) {
		data := string(complaintEnvelope(t, nil))
		require.True(t, strings.HasSuffix(data, `"records":[`+"\n"+`],"counts":{"records":0,"escalations":0}}`+"\n"), data)
		got, er := read(data, ReadOptions{})
		require.NoError(t, got.err)
		require.Empty(t, got.results)
		require.Equal(t, schema.ComplaintSubmission.ID(), er.Header().Schema)
	})
}

// A stream that mixes reports and complaints: the writer takes both, and
// the reader tells them apart with DetectKind.
func TestMixedNDJSON(t *testing.T) {
	reports, cs := fixtures(t), complaintFixtures(t)
	var buf bytes.Buffer
	w := NewNDJSONWriter(&buf, JSONOptions{Validator: testValidator(t)})
	var kinds []string
	for i := range max(len(reports), len(cs)) {
		if i < len(reports) {
			require.NoError(t, w.Write(reports[i]))
			kinds = append(kinds, "report")
		}
		if i < len(cs) {
			require.NoError(t, w.WriteComplaint(cs[i]))
			kinds = append(kinds, "complaint")
		}
	}
	require.NoError(t, w.Flush())
	lines := strings.SplitAfter(buf.String(), "\n")
	lines = lines[:len(lines)-1]

	nr := NewNDJSONReader(bytes.NewReader(buf.Bytes()), ReadOptions{Validator: testValidator(t), DetectKind: true})
	got := readAllResults(nr.Next)
	require.NoError(t, got.err)
	require.Len(t, got.results, len(kinds))
	var gotReports []*complication.Report
	var gotComplaints []*complication.Complaint
	for i, res := range got.results {
		require.False(t, res.Rejected(), "line %d: %v", res.Line, res.Findings)
		require.True(t, (res.Report == nil) != (res.Complaint == nil), "exactly one kind")
		if kinds[i] == "report" {
			require.Equal(t, schema.ReportSubmission, res.Shape)
			gotReports = append(gotReports, res.Report)
		} else {
			require.Equal(t, schema.ComplaintSubmission, res.Shape)
			gotComplaints = append(gotComplaints, res.Complaint)
		}
	}
	requireSameRecords(t, reports, gotReports)
	requireSameComplaints(t, cs, gotComplaints)

	// Without DetectKind every line is read as a report submission.
	nr = NewNDJSONReader(bytes.NewReader(buf.Bytes()), ReadOptions{Validator: testValidator(t)})
	got = readAllResults(nr.Next)
	require.NoError(t, got.err)
	require.Equal(t, Tally{Read: len(kinds), Accepted: len(reports), Rejected: len(cs)}, nr.Tally())

	// Malformed and identified lines are rejected with findings on their
	// own lines, and the reader goes on; an identified complaint in a
	// submission stream is not accepted as an identified complaint.
	ident := normalisedComplaint(t, cs[0])
	ident.Deidentification = nil
	ident.Identity = &complication.ComplaintIdentity{Complainant: &complication.PersonIdentity{GivenName: "Canaryella"}}
	identLine, err := json.Marshal(ident)
	require.NoError(t, err)
	bad := strings.Replace(lines[1], `"channel":"`, `"channel":"pigeon","x":"`, 1)
	input := lines[0] + // a report
		`{"id": "2f8e6d4c-1a3b-4c5d-8e9f-0a1b2c3d4e5f", "received_at": ` + "\n" + // malformed complaint
		bad + // an invalid complaint
		string(identLine) + "\r\n" + // an identified complaint, CRLF
		"\n" + // blank
		lines[3] // a valid complaint
	nr = NewNDJSONReader(strings.NewReader(input), ReadOptions{Validator: testValidator(t), DetectKind: true})
	got = readAllResults(nr.Next)
	require.NoError(t, got.err)
	type want struct {
		line     int
		shape    schema.Shape
		accepted bool
		code     complication.Code
	}
	wants := []want{
		{1, schema.ReportSubmission, true, ""},
		{2, schema.ComplaintSubmission, false, schema.CodeSyntax},
		{3, schema.ComplaintSubmission, false, ""},
		{4, schema.ComplaintSubmission, false, ""},
		{6, schema.ComplaintSubmission, true, ""},
	}
	require.Len(t, got.results, len(wants))
	for i, w := range wants {
		res := got.results[i]
		require.Equal(t, i, res.Index)
		require.Equal(t, w.line, res.Line)
		require.Equal(t, w.shape, res.Shape, "line %d", w.line)
		require.Equal(t, w.accepted, !res.Rejected(), "line %d: %v", w.line, res.Findings)
		if w.code != "" {
			require.True(t, res.Findings.Has(w.code), "line %d: %v", w.line, res.Findings)
		}
		for _, f := range res.Findings {
			require.Equal(t, w.line, f.Line)
			require.NotContains(t, f.Message, "Canaryella")
		}
	}
	require.True(t, slices.ContainsFunc(got.results[3].Findings, func(f complication.Finding) bool { return f.Pointer == "/identity" }), "%v", got.results[3].Findings)
	require.Equal(t, Tally{Read: 5, Accepted: 2, Rejected: 3}, nr.Tally())
}

func TestIdentifiedBackupComplaints(t *testing.T) {
	c := normalisedComplaint(t, complaintFixtures(t)[1])
	c.Deidentification = nil
	c.PatientPseudonym = ""
	c.Identity = &complication.ComplaintIdentity{Complainant: &complication.PersonIdentity{GivenName: "Canaryella", FamilyName: "Leakworth"}}
	var b bytes.Buffer
	w := NewIdentifiedBackupWriter(&b, JSONOptions{Validator: testValidator(t)})
	require.NoError(t, w.WriteComplaint(c))
	r := identified(t)
	r.Deidentification, r.Patient.Pseudonym = nil, ""
	require.NoError(t, w.Write(r))
	require.NoError(t, w.Flush())
	require.Contains(t, b.String(), `"identity":{"complainant":{"given_name":"Canaryella"`)

	// Both read back on the identified side.
	nr := NewNDJSONReader(bytes.NewReader(b.Bytes()), ReadOptions{Validator: testValidator(t), Shape: schema.Report, DetectKind: true})
	got := readAllResults(nr.Next)
	require.NoError(t, got.err)
	require.Len(t, got.results, 2)
	require.NotNil(t, got.results[0].Complaint, "%v", got.results[0].Findings)
	require.Equal(t, schema.Complaint, got.results[0].Shape)
	require.NotNil(t, got.results[1].Report, "%v", got.results[1].Findings)

	// With a validator, the backup writer refuses an invalid complaint.
	bad := normalisedComplaint(t, c)
	bad.Summary = ""
	err := w.WriteComplaint(bad)
	var verr *complication.ValidationError
	require.ErrorAs(t, err, &verr)
}

// Every writer refuses an identified complaint with ErrIdentified (and
// one without a deidentification block with ErrNotDeidentified) and
// writes nothing of it; the writers of reports only refuse a de-identified
// complaint with ErrRecordKind.
func TestComplaintFailClosed(t *testing.T) {
	cs := complaintFixtures(t)
	noDeid := normalisedComplaint(t, cs[1])
	noDeid.Deidentification = nil
	ident := normalisedComplaint(t, cs[2])
	ident.Identity = &complication.ComplaintIdentity{
		Complainant:   &complication.PersonIdentity{GivenName: "Canaryella", FamilyName: "Leakworth", NHSNumber: "9990000050"},
		TrackingToken: "TOKEN-CANARY-1985",
	}
	clock := func() time.Time { return testNow }
	type complaintWriter interface {
		Write(*complication.Report) error
		WriteComplaint(*complication.Complaint) error
	}
	type wcase struct {
		name      string
		complaint bool // the output carries complaints
		make      func() (complaintWriter, func() []byte)
	}
	flush := func(f func() error, b *bytes.Buffer) func() []byte {
		return func() []byte { require.NoError(t, f()); return b.Bytes() }
	}
	cases := []wcase{
		{"ndjson", true, func() (complaintWriter, func() []byte) {
			var b bytes.Buffer
			w := NewNDJSONWriter(&b, JSONOptions{})
			return w, flush(w.Flush, &b)
		}},
		{"envelope", true, func() (complaintWriter, func() []byte) {
			var b bytes.Buffer
			w := NewEnvelopeWriter(&b, EnvelopeOptions{Header: complaintHeader(t), Shape: schema.ComplaintSubmission, Now: clock})
			return w, flush(w.Close, &b)
		}},
		{"tables", true, func() (complaintWriter, func() []byte) {
			sink := newMemSink()
			w, err := NewTablesWriter(sink, CSVOptions{Profile: ProfileSpreadsheet})
			require.NoError(t, err)
			return w, func() []byte {
				require.NoError(t, w.Close())
				var all bytes.Buffer
				for _, n := range []string{"complaints.csv", "complaint_extensions.csv", "complaint_status_history.csv", "complaint_escalations.csv", "reports.csv"} {
					all.Write(sink.files[n].Bytes())
				}
				return all.Bytes()
			}
		}},
		{"flat", false, func() (complaintWriter, func() []byte) {
			var b bytes.Buffer
			w := NewFlatWriter(&b, CSVOptions{})
			return w, flush(w.Flush, &b)
		}},
		{"fhir", false, func() (complaintWriter, func() []byte) {
			var b bytes.Buffer
			w := NewFHIRWriter(&b, FHIROptions{Now: clock})
			return w, flush(w.Close, &b)
		}},
		{"sdtm", false, func() (complaintWriter, func() []byte) {
			var b bytes.Buffer
			w := NewSDTMWriter(&b, SDTMOptions{})
			return w, flush(w.Flush, &b)
		}},
	}
	for _, wc := range cases {
		t.Run(wc.name, func(t *testing.T) {
			w, finish := wc.make()
			if wc.complaint {
				for _, c := range cs {
					require.NoError(t, w.WriteComplaint(c))
				}
			}
			want := finish()

			w, finish = wc.make()
			refusals := []struct {
				c   *complication.Complaint
				ptr string
				err error
			}{
				{ident, "/identity", ErrIdentified},
				{noDeid, "/deidentification", ErrNotDeidentified},
				{nil, "", errNilRecord},
			}
			if !wc.complaint {
				refusals = append(refusals, struct {
					c   *complication.Complaint
					ptr string
					err error
				}{cs[0], "", ErrRecordKind})
			}
			for i, tc := range refusals {
				err := w.WriteComplaint(tc.c)
				var rerr *RecordError
				require.ErrorAs(t, err, &rerr)
				require.ErrorIs(t, err, tc.err)
				require.Equal(t, tc.ptr, rerr.Pointer)
				require.Equal(t, i, rerr.Index)
				for _, canary := range []string{"Canaryella", "Leakworth", "9990000050", "CANARY"} {
					require.NotContains(t, err.Error(), canary)
				}
			}
			if wc.complaint {
				for _, c := range cs {
					require.NoError(t, w.WriteComplaint(c), "the writer stays usable after a refusal")
				}
			}
			require.Equal(t, string(want), string(finish()))
		})
	}
}

func TestComplaintTablesRoundTrip(t *testing.T) {
	cs := testComplaints(t)
	want := make([]*complication.Complaint, len(cs))
	for i, c := range cs {
		want[i] = normalisedComplaint(t, c)
	}
	reports := testRecords(t)
	wantReports := make([]*complication.Report, len(reports))
	for i, r := range reports {
		wantReports[i] = normalised(t, r)
	}
	for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
		t.Run("complaints only/"+p.String(), func(t *testing.T) {
			sink := complaintTablesOf(t, p, nil, cs)
			requireSameComplaints(t, want, readAllComplaintTables(t, sink, CSVReadOptions{Profile: p}))
			require.Empty(t, readAllTables(t, sink, CSVReadOptions{Profile: p}), "the report tables are there, empty")
		})
		t.Run("mixed/"+p.String(), func(t *testing.T) {
			// Written in turn; read back as two streams.
			sink := newMemSink()
			w, err := NewTablesWriter(sink, CSVOptions{Profile: p})
			require.NoError(t, err)
			for i := range max(len(reports), len(cs)) {
				if i < len(cs) {
					require.NoError(t, w.WriteComplaint(cs[i]))
				}
				if i < len(reports) {
					require.NoError(t, w.Write(reports[i]))
				}
			}
			require.NoError(t, w.Close())
			tr, err := NewTablesReader(sink.fs(), CSVReadOptions{Profile: p})
			require.NoError(t, err)
			defer tr.Close()
			var gotR []*complication.Report
			var gotC []*complication.Complaint
			for {
				r, rerr := tr.Read()
				c, cerr := tr.ReadComplaint()
				if rerr == nil {
					gotR = append(gotR, r)
				} else {
					require.ErrorIs(t, rerr, io.EOF)
				}
				if cerr == nil {
					gotC = append(gotC, c)
				} else {
					require.ErrorIs(t, cerr, io.EOF)
				}
				if rerr != nil && cerr != nil {
					break
				}
			}
			requireSameRecords(t, wantReports, gotR)
			requireSameComplaints(t, want, gotC)
		})
	}
}

// A run of one kind writes every file with its header; the other kind's
// files may be dropped as a whole, not in part.
func TestTablesOneKind(t *testing.T) {
	reportsOnly := complaintTablesOf(t, ProfileMachine, fixtures(t), nil)
	complaintsOnly := complaintTablesOf(t, ProfileMachine, nil, complaintFixtures(t))
	var names []string
	for name := range reportsOnly.files {
		names = append(names, name)
	}
	var names2 []string
	for name := range complaintsOnly.files {
		names2 = append(names2, name)
	}
	slices.Sort(names)
	slices.Sort(names2)
	require.Equal(t, names, names2, "the same files either way")
	require.Len(t, names, 14)
	require.Equal(t, reportsOnly.files[DataPackageFile].String(), complaintsOnly.files[DataPackageFile].String())
	require.Equal(t, strings.Join(tableHeaders()[8], ",")+"\n", reportsOnly.files["complaints.csv"].String())

	tr, err := NewTablesReader(reportsOnly.fs(), CSVReadOptions{})
	require.NoError(t, err)
	c, err := tr.ReadComplaint()
	require.Nil(t, c)
	require.ErrorIs(t, err, io.EOF)
	require.NoError(t, tr.Close())

	drop := func(sink *memSink, prefix string) fstest.MapFS {
		fsys := sink.fs()
		for name := range fsys {
			if strings.HasPrefix(name, prefix) {
				delete(fsys, name)
			}
		}
		return fsys
	}
	// The complaint tables dropped as a whole: the reports read, and no
	// complaint.
	tr, err = NewTablesReader(drop(reportsOnly, "complaint"), CSVReadOptions{})
	require.NoError(t, err)
	_, err = tr.ReadComplaint()
	require.ErrorIs(t, err, io.EOF)
	r, err := tr.Read()
	require.NoError(t, err)
	require.Equal(t, fixtures(t)[0].ID, r.ID)
	require.NoError(t, tr.Close())
	// Only part of them: an error.
	fsys := complaintsOnly.fs()
	delete(fsys, "complaint_escalations.csv")
	_, err = NewTablesReader(fsys, CSVReadOptions{})
	require.ErrorIs(t, err, os.ErrNotExist)
	// Neither kind: an error.
	_, err = NewTablesReader(fstest.MapFS{}, CSVReadOptions{})
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestComplaintTablesNeedIDs(t *testing.T) {
	w, err := NewTablesWriter(newMemSink(), CSVOptions{})
	require.NoError(t, err)
	noID := normalisedComplaint(t, complaintFixtures(t)[0])
	noID.ID = uuid.Nil
	err = w.WriteComplaint(noID)
	var rerr *RecordError
	require.ErrorAs(t, err, &rerr)
	require.ErrorIs(t, err, ErrNoID)
	require.Equal(t, "/id", rerr.Pointer)
	c := complaintFixtures(t)[1]
	require.NoError(t, w.WriteComplaint(c))
	require.ErrorIs(t, w.WriteComplaint(c), ErrDuplicateID, "the same complaint twice in a row")
	require.NoError(t, w.Write(fixtures(t)[0]), "a report between is another stream")
	require.ErrorIs(t, w.WriteComplaint(c), ErrDuplicateID)
	require.NoError(t, w.Close())
	require.ErrorIs(t, w.WriteComplaint(c), ErrClosed)
}

func TestComplaintValidatorOption(t *testing.T) {
	bad := normalisedComplaint(t, complaintFixture(t, "c3d4e5f6"))
	bad.ReceivedAt = bad.ReceivedAt.AddDate(1, 0, 0) // after the response and the status changes
	w, err := NewTablesWriter(newMemSink(), CSVOptions{Validator: testValidator(t)})
	require.NoError(t, err)
	err = w.WriteComplaint(bad)
	var verr *complication.ValidationError
	require.ErrorAs(t, err, &verr)
	require.True(t, verr.Findings.Has(complication.CodeDateOrder), "%v", verr.Findings)
	require.NoError(t, w.Close())
}

// complaintTableFiles returns the machine-profile complaint tables of cs.
func complaintTableFiles(t testing.TB, cs []*complication.Complaint) fstest.MapFS {
	return complaintTablesOf(t, ProfileMachine, nil, cs).fs()
}

func readComplaintErrors(t testing.TB, fsys fstest.MapFS) ([]*complication.Complaint, error) {
	tr, err := NewTablesReader(fsys, CSVReadOptions{})
	if err != nil {
		return nil, err
	}
	defer tr.Close()
	var out []*complication.Complaint
	for {
		c, err := tr.ReadComplaint()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			_, again := tr.ReadComplaint()
			require.Equal(t, err, again, "errors are sticky")
			return out, err
		}
		out = append(out, c)
	}
}

func TestComplaintTablesReaderErrors(t *testing.T) {
	cs := complaintFixtures(t)
	good := complaintTableFiles(t, cs)
	edit := func(file string, f func(rows [][]string) [][]string) fstest.MapFS {
		fsys := fstest.MapFS{}
		for k, v := range good {
			fsys[k] = v
		}
		fsys[file] = &fstest.MapFile{Data: editCSV(t, good[file].Data, f)}
		return fsys
	}
	set := func(row int, name, v string) func([][]string) [][]string {
		return func(rows [][]string) [][]string {
			rows[row][col(t, rows[0], name)] = v
			return rows
		}
	}
	esc := -1 // a row of complaint_escalations.csv
	escRows, err := csv.NewReader(bytes.NewReader(good["complaint_escalations.csv"].Data)).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(escRows), 2)
	esc = 2
	for _, tc := range []struct {
		name   string
		file   string
		edit   func([][]string) [][]string
		row    int // 0-based row of the edited file (0 is the header); -1 when the line is not checked
		field  string
		err    error
		secret string
	}{
		{"bad timestamp", "complaints.csv", set(2, "acknowledged_at", "2026-11-20 10:05"), 2, "acknowledged_at", ErrValue, "10:05"},
		{"unknown code", "complaints.csv", set(1, "channel", "Carrier pigeon"), 1, "channel", ErrUnknownCode, "pigeon"},
		{"unknown code in a list", "complaints.csv", set(3, "categories", "complication;Grumbles"), 3, "categories", ErrUnknownCode, "Grumbles"},
		{"bad boolean", "complaints.csv", set(1, "anonymous", "yes"), 1, "anonymous", ErrValue, ""},
		{"bad uuid in a list", "complaints.csv", set(2, "complication_ids", "not-a-uuid"), 2, "complication_ids", ErrValue, "not-a-uuid"},
		{"bad escalation code", "complaint_escalations.csv", set(esc, "to", "the press"), esc, "to", ErrUnknownCode, "press"},
		{"bad escalation date", "complaint_escalations.csv", set(esc, "date", "2026-02-30"), esc, "date", ErrValue, "2026-02-30"},
		{"escalation index gap", "complaint_escalations.csv", set(esc, "escalation_index", "7"), esc, "escalation_index", ErrLink, ""},
		{"unknown complaint_id", "complaint_escalations.csv", set(esc, "complaint_id", uuid.NewSHA1(uuid.Nil, []byte("x")).String()), -1, "complaint_id", ErrLink, ""},
		{"status change index gap", "complaint_status_history.csv", set(2, "status_change_index", "0"), 2, "status_change_index", ErrLink, ""},
		{"bad status", "complaint_status_history.csv", set(1, "status", "pending"), 1, "status", ErrUnknownCode, "pending"},
		{"duplicate complaint", "complaints.csv", func(rows [][]string) [][]string {
			return append(rows[:3], append([][]string{rows[2]}, rows[3:]...)...)
		}, 3, "id", ErrDuplicateID, ""},
		{"unknown column", "complaints.csv", func(rows [][]string) [][]string {
			for i := range rows {
				rows[i] = append(rows[i], "x")
			}
			rows[0][len(rows[0])-1] = "identity.complainant.given_name"
			return rows
		}, 0, "", ErrColumns, "given_name"}, // a name no layout has is withheld
		{"missing column", "complaint_extensions.csv", func(rows [][]string) [][]string {
			for r := range rows {
				rows[r] = rows[r][:len(rows[r])-1]
			}
			return rows
		}, 0, "agreed_on", ErrColumns, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := edit(tc.file, tc.edit)
			_, err := readComplaintErrors(t, fsys)
			var perr *ParseError
			require.ErrorAs(t, err, &perr)
			require.ErrorIs(t, err, tc.err)
			require.Equal(t, tc.file, perr.File)
			require.Equal(t, tc.field, perr.Field)
			_, lines := rowLines(t, fsys[tc.file].Data)
			header, _ := rowLines(t, fsys[tc.file].Data)
			if tc.row >= 0 {
				require.Equal(t, lines[tc.row], perr.Line)
			}
			if tc.row > 0 || tc.err != ErrColumns {
				require.Equal(t, slices.Index(header, tc.field)+1, perr.Column)
			}
			if tc.secret != "" {
				require.NotContains(t, err.Error(), tc.secret)
			}
			// The report tables are another stream and still read.
			tr, err := NewTablesReader(fsys, CSVReadOptions{})
			if tc.err == ErrColumns {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			_, err = tr.Read()
			require.ErrorIs(t, err, io.EOF)
			require.NoError(t, tr.Close())
		})
	}
}

// The documented asymmetries of the complaint tables, each shown once.
func TestComplaintCSVAsymmetries(t *testing.T) {
	c := normalisedComplaint(t, complaintFixtures(t)[1])
	c.Summary = "a\r\nb\rc"                                                      // line breaks read back as LF
	c.Conduct = &complication.PractitionerConduct{}                              // an optional object with no member set reads back absent
	c.Practitioner = &complication.Practitioner{Missing: complication.Missing{}} // an empty missing map is no missing map
	for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
		got := readAllComplaintTables(t, complaintTablesOf(t, p, nil, []*complication.Complaint{c}), CSVReadOptions{Profile: p})[0]
		require.Equal(t, "a\nb\nc", got.Summary)
		require.Nil(t, got.Conduct)
		require.Nil(t, got.Practitioner)
	}
	// Derived columns are ignored on reading.
	good := complaintTableFiles(t, complaintFixtures(t)[:2])
	rows, err := csv.NewReader(bytes.NewReader(good["complaints.csv"].Data)).ReadAll()
	require.NoError(t, err)
	rows[1][col(t, rows[0], "status")] = "closed"
	rows[1][col(t, rows[0], "acknowledgement_working_days")] = "-999"
	rows[1][col(t, rows[0], "made_in_time")] = "maybe"
	first := col(t, rows[0], "status")
	var buf bytes.Buffer
	require.NoError(t, csv.NewWriter(&buf).WriteAll(rows))
	good["complaints.csv"] = &fstest.MapFile{Data: buf.Bytes()}
	got, err := readComplaintErrors(t, good)
	require.NoError(t, err)
	requireSameComplaints(t, complaintFixtures(t)[:2], got)
	// …and may be absent.
	for i := range rows {
		rows[i] = rows[i][:first]
	}
	buf.Reset()
	require.NoError(t, csv.NewWriter(&buf).WriteAll(rows))
	good["complaints.csv"] = &fstest.MapFile{Data: buf.Bytes()}
	got, err = readComplaintErrors(t, good)
	require.NoError(t, err)
	requireSameComplaints(t, complaintFixtures(t)[:2], got)
}

// complaintRowsOf returns complaints.csv of cs as maps from header to cell.
func complaintRowsOf(t testing.TB, cs []*complication.Complaint) []map[string]string {
	rows, err := csv.NewReader(bytes.NewReader(complaintTableFiles(t, cs)["complaints.csv"].Data)).ReadAll()
	require.NoError(t, err)
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func TestComplaintDerivedColumns(t *testing.T) {
	// England, received on Monday 16 November 2026 (19:42 GMT),
	// acknowledged on Friday 20 November: four working days, one late.
	lip := complaintFixture(t, "9b2d4f61")
	row := complaintRowsOf(t, []*complication.Complaint{lip})[0]
	for k, v := range map[string]string{
		"status": "investigating", "open": "true",
		"acknowledge_by": "2026-11-19", "acknowledgement_working_days": "4", "acknowledged_in_time": "false",
		"respond_by": "2026-12-11", "response_working_days": "", "responded_in_time": "",
		"time_limit_ends": "2027-11-30", "made_in_time": "true",
	} {
		require.Equal(t, v, row[k], k)
	}
	// Wales, an extension, answered before it ran out; closed.
	wales := complaintFixture(t, "2f8e6d4c")
	row = complaintRowsOf(t, []*complication.Complaint{wales})[0]
	for k, v := range map[string]string{
		"status": "closed", "open": "false",
		"acknowledge_by": "2026-06-03", "acknowledgement_working_days": "1", "acknowledged_in_time": "true",
		"respond_by": "2026-07-10", "responded_in_time": "true",
	} {
		require.Equal(t, v, row[k], k)
	}
	// Dates shifted by de-identification: weekdays and bank holidays are
	// lost, so are the deadline columns; status and open stay.
	shifted := normalisedComplaint(t, wales)
	shifted.Deidentification.Dates = complication.DateHandlingShifted
	row = complaintRowsOf(t, []*complication.Complaint{shifted})[0]
	require.Equal(t, "closed", row["status"])
	for _, k := range []string{"acknowledge_by", "acknowledgement_working_days", "acknowledged_in_time", "respond_by", "response_working_days", "responded_in_time", "time_limit_ends", "made_in_time"} {
		require.Empty(t, row[k], k)
	}
	// No status history: no status.
	bare := &complication.Complaint{ID: uuid.New(), Deidentification: testDeid()}
	row = complaintRowsOf(t, []*complication.Complaint{bare})[0]
	require.Equal(t, "", row["status"])
	require.Equal(t, "true", row["open"])

	// Against the domain rules, over many generated complaints: the
	// columns agree with Deadlines and with the overdue warnings of Check.
	a := testAnonymizer(t)
	g := synthGen(5)
	var cs []*complication.Complaint
	for len(cs) < 300 {
		if len(cs)%2 == 0 {
			g.Next()
		}
		c, err := a.Complaint(g.NextComplaint().Complaint)
		if err == nil {
			cs = append(cs, c)
		}
	}
	rows := complaintRowsOf(t, cs)
	seen := map[string]int{}
	for i, c := range cs {
		row := rows[i]
		d, err := c.Deadlines()
		if err != nil {
			require.Empty(t, row["acknowledge_by"])
			continue
		}
		require.Equal(t, d.AcknowledgeBy.String(), row["acknowledge_by"])
		require.Equal(t, d.TimeLimitEnds.String(), row["time_limit_ends"])
		fs := c.Check(complication.CheckOptions{})
		if !c.AcknowledgedAt.IsZero() {
			late := slices.ContainsFunc(fs, func(f complication.Finding) bool {
				return f.Code == complication.CodeAcknowledgementOverdue
			})
			require.Equal(t, !late, row["acknowledged_in_time"] == "true", "%s %v", c.ID, fs)
			// In time means within the working days allowed; the converse
			// fails only for an acknowledgement on a weekend or bank
			// holiday after the last day, which is late with no working
			// day more.
			n := mustAtoi(t, row["acknowledgement_working_days"])
			if row["acknowledged_in_time"] == "true" {
				require.LessOrEqual(t, n, d.AcknowledgeWithin)
			} else if n <= d.AcknowledgeWithin {
				w, err := ukcalIsWorkingDay(c)
				require.NoError(t, err)
				require.False(t, w, "%s: late within the working days allowed only on a day off", c.ID)
				seen["acknowledged late on a day off"]++
			}
			seen["acknowledged_in_time="+row["acknowledged_in_time"]]++
		} else {
			require.Empty(t, row["acknowledged_in_time"])
		}
		if !c.ResponseSentAt.IsZero() && !d.RespondBy.IsZero() && c.Outcome != complication.ComplaintOutcomeWithdrawn {
			late := slices.ContainsFunc(fs, func(f complication.Finding) bool {
				return f.Code == complication.CodeResponseOverdue
			})
			require.Equal(t, !late, row["responded_in_time"] == "true", "%s %v", c.ID, fs)
			seen["responded_in_time="+row["responded_in_time"]]++
		}
		if row["made_in_time"] == "false" {
			require.True(t, c.OutOfTimeAccepted != nil || c.Outcome == complication.ComplaintOutcomeOutOfTime ||
				slices.ContainsFunc(fs, func(f complication.Finding) bool { return f.Code == complication.CodeOutOfTime }), "%s", c.ID)
			seen["made_in_time=false"]++
		}
	}
	for _, k := range []string{"acknowledged_in_time=true", "acknowledged_in_time=false", "responded_in_time=true", "responded_in_time=false", "made_in_time=false"} {
		require.Greater(t, seen[k], 0, "no complaint with %s among %v", k, seen)
	}
}

// ukcalIsWorkingDay reports whether the complaint was acknowledged on a
// working day of its nation: one that adds a working day to the count
// since receipt.
func ukcalIsWorkingDay(c *complication.Complaint) (bool, error) {
	on, err := c.WorkingDaysAfterReceipt(c.AcknowledgedAt)
	if err != nil {
		return false, err
	}
	before, err := c.WorkingDaysAfterReceipt(c.AcknowledgedAt.Add(-24 * time.Hour))
	if errors.Is(err, complication.ErrBeforeReceipt) {
		return on > 0, nil
	}
	return on > before, err
}

func mustAtoi(t testing.TB, s string) int {
	n, err := parseInt(s)
	require.NoError(t, err, s)
	return n
}

// Every file the tables writer writes is a resource of datapackage.json
// whose fields are exactly its header; primary keys are unique, foreign
// keys resolve, and so do the ids of the lists that refer to another
// table when their records are in the export.
func TestFrictionlessSanity(t *testing.T) {
	a := testAnonymizer(t)
	g := synthGen(21)
	sink := newMemSink()
	w, err := NewTablesWriter(sink, CSVOptions{Profile: ProfileSpreadsheet, Validator: testValidator(t)})
	require.NoError(t, err)
	written := map[uuid.UUID]bool{}
	complaints := 0
	for i := range 120 {
		if i%3 != 2 {
			r, err := a.Report(g.Next().Report)
			if err != nil {
				continue
			}
			require.NoError(t, w.Write(r))
			written[r.ID] = true
			continue
		}
		c, err := a.Complaint(g.NextComplaint().Complaint)
		if err != nil || slices.ContainsFunc(c.ComplicationIDs, func(id uuid.UUID) bool { return !written[id] }) {
			continue
		}
		require.NoError(t, w.WriteComplaint(c))
		complaints++
	}
	require.NoError(t, w.Close())
	require.Greater(t, complaints, 20)

	var pkg dataPackage
	require.NoError(t, json.Unmarshal(sink.files[DataPackageFile].Bytes(), &pkg))
	paths := map[string]bool{DataPackageFile: true, DictionaryFile: true}
	tables := map[string][][]string{} // resource name → rows, header first
	for _, res := range pkg.Resources {
		require.False(t, paths[res.Path], "listed once: %s", res.Path)
		paths[res.Path] = true
		f, ok := sink.files[res.Path]
		require.True(t, ok, "%s is written", res.Path)
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(f.Bytes(), utf8BOM))).ReadAll()
		require.NoError(t, err, res.Path)
		var names []string
		for _, fd := range res.Schema.Fields {
			names = append(names, fd.Name)
		}
		require.Equal(t, rows[0], names, "%s: fields are the header", res.Path)
		require.Contains(t, []string{schema.ReportSubmission.ID(), schema.ComplaintSubmission.ID()}, res.XSchema)
		tables[res.Name] = rows
	}
	for name := range sink.files {
		require.True(t, paths[name], "%s is in datapackage.json", name)
	}
	values := func(resource string, fields []string) map[string]bool {
		rows := tables[resource]
		require.NotNil(t, rows, resource)
		out := map[string]bool{}
		for _, r := range rows[1:] {
			var key []string
			for _, f := range fields {
				key = append(key, r[col(t, rows[0], f)])
			}
			out[strings.Join(key, "|")] = true
		}
		return out
	}
	for _, res := range pkg.Resources {
		rows := tables[res.Name]
		if slices.Contains([]string{"reports", "events", "complaints", "complaint_status_history", "complaint_escalations"}, res.Name) {
			require.Greater(t, len(rows), 1, "%s has rows", res.Name)
		}
		if len(res.Schema.PrimaryKey) > 0 {
			require.Len(t, values(res.Name, res.Schema.PrimaryKey), len(rows)-1, "%s: primary key is unique", res.Name)
		}
		for _, k := range res.Schema.ForeignKeys {
			target := values(k.Reference.Resource, k.Reference.Fields)
			for key := range values(res.Name, k.Fields) {
				require.True(t, target[key], "%s %v → %s: %s", res.Name, k.Fields, k.Reference.Resource, key)
			}
		}
		for _, fd := range res.Schema.Fields {
			if fd.List == nil || fd.List.Reference == nil {
				continue
			}
			target := values(fd.List.Reference.Resource, []string{fd.List.Reference.Field})
			resolved := 0
			for _, r := range rows[1:] {
				items, err := splitList(r[col(t, rows[0], fd.Name)])
				require.NoError(t, err)
				for _, it := range items {
					if res.Name == "complaints" {
						require.True(t, target[it], "%s.%s item %s", res.Name, fd.Name, it)
					}
					if target[it] {
						resolved++
					}
				}
			}
			if res.Name == "complaints" {
				require.Greater(t, resolved, 0, "%s.%s links", res.Name, fd.Name)
			}
		}
	}
}

// The tables layout covers every field of both published submission
// schemas, each in the tables of its own kind.
func TestComplaintTablesCoverTheSchema(t *testing.T) {
	docs, err := loadSchemaDocs(schema.ComplaintSubmission)
	require.NoError(t, err)
	want := leafPaths(t, docs)
	require.Contains(t, want, "escalations.reference")
	require.Equal(t, want, columnPaths(complaintTables().describe()))
	for _, p := range want {
		_, err := docs.field(p)
		require.NoError(t, err, p)
	}
}

// The package documentation lists the columns of complaints.csv; keep it
// true.
func TestDocListsComplaintColumns(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	doc := string(src)
	const marker = "complaints.csv has these columns, derived columns last:\n"
	from := strings.Index(doc, marker)
	to := strings.Index(doc, "// The derived columns of complaints.csv")
	require.True(t, from > 0 && to > from)
	listed := strings.Join(strings.Fields(strings.ReplaceAll(doc[from+len(marker):to], "//", "")), " ")
	require.Equal(t, strings.Join(tableHeaders()[8], ", "), listed)
}

func TestComplaintCodebook(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteDictionary(&buf, CodebookOptions{Layout: LayoutTables}))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Contains(t, rows[1][4], "Complaints follow "+schema.ComplaintSubmission.ID())
	byName := map[string][]string{}
	for _, r := range rows[2:] {
		byName[r[1]+"/"+r[0]] = r
	}
	status := byName["complaints/status"]
	require.Equal(t, "dropdown", status[3])
	require.Contains(t, status[5], "investigating, ")
	require.Contains(t, status[17], "derived")
	require.Equal(t, "x-privacy=quasi-identifier; derived", byName["complaints/acknowledge_by"][17])
	require.Equal(t, "x-privacy=none; derived", byName["complaints/acknowledgement_working_days"][17])
	require.Equal(t, "y", byName["complaints/received_at"][10], "a quasi-identifier")
	require.Equal(t, "y", byName["complaints/channel"][12], "required in the submission shape")
	require.Equal(t, "notes", byName["complaints/summary"][3])
	require.Contains(t, byName["complaints/complication_ids"][6], "reports.csv")
	require.Contains(t, byName["reports/complaint_ids"][6], "complaints.csv")
	require.Equal(t, "checkbox", byName["complaints/practitioner_conduct.platforms"][3])
	require.Contains(t, byName["complaint_escalations/to"][5], "phso, ")
	require.Equal(t, "", byName["complaint_escalations/to"][12], "required means present in every record, as for the report tables")
	require.Equal(t, "x-privacy=quasi-identifier; path=escalations.reference", byName["complaint_escalations/reference"][17])
	require.Equal(t, "y", byName["complaint_escalations/complaint_id"][12])

	// The flat codebook does not refer to complaints.csv, which it lacks.
	buf.Reset()
	require.NoError(t, WriteDictionary(&buf, CodebookOptions{Layout: LayoutFlat}))
	require.NotContains(t, buf.String(), "complaints.csv")
	require.NotContains(t, buf.String(), "Complaints follow")
	buf.Reset()
	require.NoError(t, WriteDataPackage(&buf, CodebookOptions{Layout: LayoutFlat}))
	require.NotContains(t, buf.String(), "itemReference")
}

// errors.Is works through RecordError for every refusal of a complaint.
func TestComplaintRecordErrorText(t *testing.T) {
	w := NewFlatWriter(io.Discard, CSVOptions{})
	err := w.WriteComplaint(complaintFixtures(t)[0])
	require.True(t, errors.Is(err, ErrRecordKind))
	require.Equal(t, "export: record 0 refused at /: this output does not carry this kind of record", err.Error())
}
