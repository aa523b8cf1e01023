package export

import (
	"bytes"
	"errors"
	"io"
	"math"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// FuzzCSVRoundTrip: a record whose text and numbers come from the fuzzer
// goes through the flat layout and the tables, in both profiles, and comes
// back equal, up to the documented asymmetry (line breaks in text read back
// as LF). Text that is not UTF-8 is outside the contract: the readers
// reject it (ErrInvalidUTF8), which the reader fuzzers cover.
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("Patient attended; \"settled\".\r\nNo action.", "Restylane Kysse", "=1+1", "L1;2\\3", 0.5, 41, false)
	f.Add("'quoted", "-2+3", "\t@SUM(1)", "", 1e-7, 0, true)
	f.Add("", "＝cmd", "ok\n=1+1", "x=y", 1e300, 130, true)
	f.Add("\r", " =1", "\x00", "\\", 0.0, -1, false)
	base := fixtures(f)[3]
	f.Fuzz(func(t *testing.T, narrative, name, desc, lot string, dose float64, age int, spreadsheet bool) {
		for _, s := range []string{narrative, name, desc, lot} {
			if !utf8.ValidString(s) {
				t.Skip("not UTF-8")
			}
		}
		r := normalised(t, base) // a deep copy
		r.Narrative, r.Treatment.Notes = narrative, desc
		r.Treatment.Products = append(r.Treatment.Products, complication.Product{Name: name, Lot: lot, Dose: &dose, Class: complication.ProductClassDevice})
		r.Treatment.Products[0].Name = name
		r.Events[0].Description, r.Events[0].Sequelae = desc, narrative
		r.Events[0].Management[0].Product = lot
		r.Patient.AgeAtTreatment = &age
		r.Patient.Missing = map[string]complication.MissingReason{lot: complication.MissingReasonNotKnown}
		if lot == "" {
			r.Patient.Missing = nil
		}
		p := ProfileMachine
		if spreadsheet {
			p = ProfileSpreadsheet
		}
		var flat bytes.Buffer
		fw := NewFlatWriter(&flat, CSVOptions{Profile: p})
		err := fw.Write(r)
		if math.IsNaN(dose) || math.IsInf(dose, 0) {
			require.ErrorIs(t, err, ErrNotFinite)
			return
		}
		require.NoError(t, err)
		require.NoError(t, fw.Flush())
		want := []*complication.Report{normalised(t, r)}
		requireSameRecords(t, want, readAllFlat(t, flat.Bytes(), CSVReadOptions{Profile: p}))

		sink := newMemSink()
		tw, err := NewTablesWriter(sink, CSVOptions{Profile: p})
		require.NoError(t, err)
		require.NoError(t, tw.Write(r))
		require.NoError(t, tw.Flush()) // the reader needs the tables, not the codebook Close adds
		requireSameRecords(t, want, readAllTables(t, sink, CSVReadOptions{Profile: p}))
	})
}

// checkParseError requires err to be io.EOF or an error with a position.
func checkParseError(t *testing.T, err error) {
	t.Helper()
	if err == nil || err == io.EOF {
		return
	}
	var perr *ParseError
	require.ErrorAs(t, err, &perr, "%v", err)
	require.Greater(t, perr.Line, 0, "%v", err)
	require.GreaterOrEqual(t, perr.Column, 0)
	if perr.Column == 0 {
		require.True(t, perr.Field == "" || errors.Is(err, ErrColumns), "%v", err)
	}
}

func FuzzFlatReader(f *testing.F) {
	f.Add(flatFile(f, fixtures(f)[:1], ProfileMachine))
	f.Add(flatFile(f, []*complication.Report{genReport(0)}, ProfileSpreadsheet))
	f.Add([]byte("id,event_index\n\"x\n"))
	f.Add([]byte("\xff\xfei\x00d\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
			fr := NewFlatReader(bytes.NewReader(data), CSVReadOptions{Profile: p, Charset: Charset(len(data) % 2)})
			for range 10000 {
				_, err := fr.Read()
				checkParseError(t, err)
				if err == io.EOF || errors.Is(err, ErrColumns) || fr.in.err != nil {
					break
				}
			}
		}
	})
}

func FuzzTablesReader(f *testing.F) {
	good := complaintTablesOf(f, ProfileMachine, fixtures(f), append(complaintFixtures(f)[:4], fullComplaint(f))).fs()
	names := []string{"reports.csv", "events.csv", "products.csv", "management.csv", "event_sites.csv", "codes.csv", "notifications.csv", "treatment_sites.csv",
		"complaints.csv", "complaint_extensions.csv", "complaint_status_history.csv", "complaint_escalations.csv"}
	for i, n := range names {
		f.Add(uint8(i), good[n].Data)
	}
	f.Add(uint8(1), []byte("report_id,event_index\n"))
	f.Add(uint8(11), []byte("complaint_id,escalation_index,to,date,reference\n9b2d4f61-8a3c-4e5d-b7f1-2c3d4e5f6a7b,0,jccp,2026-11,\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range good {
			fsys[k] = v
		}
		fsys[names[int(which)%len(names)]] = &fstest.MapFile{Data: data}
		tr, err := NewTablesReader(fsys, CSVReadOptions{})
		if err != nil {
			checkParseError(t, err)
			return
		}
		defer tr.Close()
		// The two kinds are independent streams; read them in turn.
		var rerr, cerr error
		for range 10000 {
			if rerr == nil {
				_, rerr = tr.Read()
				checkParseError(t, rerr)
			}
			if cerr == nil {
				_, cerr = tr.ReadComplaint()
				checkParseError(t, cerr)
			}
			if rerr != nil && cerr != nil {
				_, again := tr.ReadComplaint()
				require.Equal(t, cerr, again, "errors are sticky")
				return
			}
		}
		t.Fatal("the reader did not end")
	})
}

// maxFuzzInput keeps the validating readers' fuzzers fast: each record
// goes through the JSON Schema validator, which is slow under coverage
// instrumentation, and large inputs add nothing a few records do not.
const maxFuzzInput = 16 << 10

// FuzzNDJSONReader reads the input as report submissions, or (for inputs
// of odd length) with DetectKind, as a mix of reports and complaints.
func FuzzNDJSONReader(f *testing.F) {
	for _, line := range ndjsonLines(f, fixtures(f)[:2]) {
		f.Add([]byte(line))
	}
	lines := complaintLines(f, complaintFixtures(f)[:2])
	for _, line := range lines {
		f.Add([]byte(line))
		f.Add([]byte(line + " "))
	}
	f.Add([]byte(ndjsonLines(f, fixtures(f)[:1])[0] + lines[0] + "\n"))
	f.Add([]byte("\xef\xbb\xbf{}\r\n\n{\"id\":\n42\n\xff"))
	f.Add([]byte("{\"received_at\":\"2026-01-01T00:00:00Z\",\"deidentification\":{}}\n{\"channel\":\n"))
	v := testValidator(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip("large input")
		}
		detect := len(data)%2 == 1
		nr := NewNDJSONReader(bytes.NewReader(data), ReadOptions{Validator: v, MaxRecordBytes: 2048, DetectKind: detect})
		last := 0
		for {
			res, err := nr.Next()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			require.Greater(t, res.Line, last)
			last = res.Line
			require.False(t, res.Report != nil && res.Complaint != nil, "one kind at most")
			require.Equal(t, res.Rejected(), res.Findings.Rejected())
			require.True(t, res.Shape.Submission(), "the side is never detected")
			if !detect {
				require.Equal(t, schema.ReportSubmission, res.Shape)
			}
			if res.Complaint != nil {
				require.Equal(t, schema.ComplaintSubmission, res.Shape)
			}
			if res.Report != nil {
				require.Equal(t, schema.ReportSubmission, res.Shape)
			}
			for _, fd := range res.Findings {
				require.Equal(t, res.Line, fd.Line)
			}
		}
		tally := nr.Tally()
		require.Equal(t, tally.Read, tally.Accepted+tally.Rejected)
	})
}

func FuzzEnvelopeReader(f *testing.F) {
	f.Add(envelopeBytes(f, fixtures(f)[:2]))
	f.Add(complaintEnvelope(f, complaintFixtures(f)[:2]))
	f.Add([]byte(`{"schema":"https://openaesthetics.github.io/casebook/schema/v1/complaint-submission.schema.json","records":[],"counts":{"records":0,"events":1}}`))
	f.Add([]byte(`{"schema":"x","records":[1,,2]}`))
	f.Add([]byte(`{"records":[{"a":"\"}"}]}`))
	v := testValidator(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip("large input")
		}
		er := NewEnvelopeReader(bytes.NewReader(data), ReadOptions{Validator: v, MaxRecordBytes: 2048})
		for {
			res, err := er.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var eerr *EnvelopeError
				require.ErrorAs(t, err, &eerr, "%v", err)
				require.Greater(t, eerr.Line, 0)
				require.Greater(t, eerr.Column, 0)
				require.LessOrEqual(t, eerr.Offset, int64(len(data)))
				require.Equal(t, er.Tally().Read, eerr.Records)
				break
			}
			require.Greater(t, res.Line, 0)
			require.Equal(t, res.Rejected(), res.Findings.Rejected())
			require.Equal(t, res.Shape.ID(), er.Header().Schema, "one kind per envelope")
			for _, fd := range res.Findings {
				require.GreaterOrEqual(t, fd.Line, res.Line)
			}
		}
		tally := er.Tally()
		require.Equal(t, tally.Read, tally.Accepted+tally.Rejected)
	})
}

// FuzzComplaintCSVRoundTrip: a complaint whose text, codes' neighbours and
// timestamps come from the fuzzer goes through the tables, in both
// profiles, and comes back equal, up to the documented asymmetry (line
// breaks in text read back as LF).
func FuzzComplaintCSVRoundTrip(f *testing.F) {
	f.Add("Hard, lumpy lips; \"blocked\".\r\nNo reply.", "=1+1", "@SUM(1)", "JCCP;2026\\1", int64(0), int16(60), true)
	f.Add("'quoted", "-2+3", "\t", "", int64(1e9), int16(-300), false)
	f.Add("", "＝cmd", "ok\n=1+1", "x=y", int64(-1), int16(0), true)
	f.Add("\r", " =1", "\x00", "\\", int64(86399), int16(840), false)
	base := fullComplaint(f)
	f.Fuzz(func(t *testing.T, summary, notes, points, ref string, sec int64, offsetMin int16, spreadsheet bool) {
		for _, s := range []string{summary, notes, points, ref} {
			if !utf8.ValidString(s) {
				t.Skip("not UTF-8")
			}
		}
		c := normalisedComplaint(t, base) // a deep copy
		c.Summary, c.RemedyNotes, c.LearningPoints = summary, notes, points
		c.Escalations[0].Reference = ref
		c.Escalations = append(c.Escalations, complication.Escalation{Reference: summary})
		zone := time.FixedZone("", int(offsetMin)%(18*60)*60)
		c.ReceivedAt = time.Unix(1.7e9+sec%4e9, sec%1000*1e6).In(zone)
		c.StatusHistory[0].At = c.ReceivedAt
		c.AcknowledgedAt = c.ReceivedAt.Add(time.Duration(sec%(90*86400)) * time.Second)
		c.Practitioner.Missing = complication.Missing{ref: complication.MissingReasonNotKnown}
		if ref == "" {
			c.Practitioner.Missing = nil
		}
		p := ProfileMachine
		if spreadsheet {
			p = ProfileSpreadsheet
		}
		sink := newMemSink()
		w, err := NewTablesWriter(sink, CSVOptions{Profile: p})
		require.NoError(t, err)
		require.NoError(t, w.WriteComplaint(c))
		require.NoError(t, w.Flush()) // the reader needs the tables, not the codebook Close adds
		requireSameComplaints(t, []*complication.Complaint{normalisedComplaint(t, c)}, readAllComplaintTables(t, sink, CSVReadOptions{Profile: p}))
	})
}
