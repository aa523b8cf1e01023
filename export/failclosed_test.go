package export

import (
	"bytes"
	"errors"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
)

// recordWriter is what every writer of one output offers.
type recordWriter interface {
	Write(*complication.Report) error
}

// writerCase builds a writer and returns a function that finishes it and
// returns every byte written.
type writerCase struct {
	name string
	make func() (recordWriter, func() []byte)
}

func outboundWriters(t *testing.T) []writerCase {
	clock := func() time.Time { return testNow }
	flush := func(f func() error, b *bytes.Buffer) func() []byte {
		return func() []byte { require.NoError(t, f()); return b.Bytes() }
	}
	return []writerCase{
		{"flat", func() (recordWriter, func() []byte) {
			var b bytes.Buffer
			w := NewFlatWriter(&b, CSVOptions{Profile: ProfileSpreadsheet})
			return w, flush(w.Flush, &b)
		}},
		{"tables", func() (recordWriter, func() []byte) {
			sink := newMemSink()
			w, err := NewTablesWriter(sink, CSVOptions{})
			require.NoError(t, err)
			return w, func() []byte {
				require.NoError(t, w.Close())
				var all bytes.Buffer
				for _, n := range []string{"reports.csv", "events.csv", "notifications.csv", "products.csv", "treatment_sites.csv", "event_sites.csv", "management.csv", "codes.csv"} {
					all.Write(sink.files[n].Bytes())
				}
				return all.Bytes()
			}
		}},
		{"ndjson", func() (recordWriter, func() []byte) {
			var b bytes.Buffer
			w := NewNDJSONWriter(&b, JSONOptions{})
			return w, flush(w.Flush, &b)
		}},
		{"envelope", func() (recordWriter, func() []byte) {
			var b bytes.Buffer
			w := NewEnvelopeWriter(&b, EnvelopeOptions{Header: testHeader(), Now: clock})
			return w, flush(w.Close, &b)
		}},
		{"fhir", func() (recordWriter, func() []byte) {
			var b bytes.Buffer
			w := NewFHIRWriter(&b, FHIROptions{Now: clock})
			return w, flush(w.Close, &b)
		}},
		{"sdtm", func() (recordWriter, func() []byte) {
			var b bytes.Buffer
			w := NewSDTMWriter(&b, SDTMOptions{})
			return w, flush(w.Flush, &b)
		}},
	}
}

// identified returns a de-identified fixture with an identity block added
// back, full of canary values that must never appear in an error.
func identified(t *testing.T) *complication.Report {
	r := fixtures(t)[3]
	r.Identity = &complication.Identity{Patient: &complication.PersonIdentity{
		GivenName: "Canaryella", FamilyName: "Leakworth", NHSNumber: "9990000050",
		DateOfBirth: complication.MustParsePartialDate("1985-01-20"),
	}}
	return r
}

func TestFailClosed(t *testing.T) {
	good := fixtures(t)
	noDeid := fixtures(t)[1]
	noDeid.Deidentification = nil
	nan := fixtures(t)[2]
	nan.Treatment.Products[0].Dose = new(math.NaN())
	for _, wc := range outboundWriters(t) {
		t.Run(wc.name, func(t *testing.T) {
			// The output with the refused records must equal the output
			// without them: nothing partial is written.
			w, finish := wc.make()
			for _, r := range good {
				require.NoError(t, w.Write(r))
			}
			want := finish()

			w, finish = wc.make()
			require.NoError(t, w.Write(good[0]))
			for _, tc := range []struct {
				r   *complication.Report
				ptr string
				err error
			}{
				{identified(t), "/identity", ErrIdentified},
				{noDeid, "/deidentification", ErrNotDeidentified},
				{nan, "/treatment/products/0/dose", ErrNotFinite},
				{nil, "", errNilRecord},
			} {
				err := w.Write(tc.r)
				var rerr *RecordError
				require.ErrorAs(t, err, &rerr)
				require.ErrorIs(t, err, tc.err)
				require.Equal(t, tc.ptr, rerr.Pointer)
				for _, canary := range []string{"Canaryella", "Leakworth", "9990000050", "1985"} {
					require.NotContains(t, err.Error(), canary)
				}
			}
			for _, r := range good[1:] {
				require.NoError(t, w.Write(r), "the writer stays usable after a refusal")
			}
			require.Equal(t, string(want), string(finish()))
		})
	}
}

func TestRecordErrorIndex(t *testing.T) {
	var b bytes.Buffer
	w := NewNDJSONWriter(&b, JSONOptions{})
	recs := fixtures(t)
	require.NoError(t, w.Write(recs[0]))
	require.NoError(t, w.Write(recs[1]))
	err := w.Write(identified(t))
	var rerr *RecordError
	require.ErrorAs(t, err, &rerr)
	require.Equal(t, 2, rerr.Index)
	require.Equal(t, "export: record 2 refused at /identity: record carries an identity block; de-identify it first", err.Error())
}

func TestIdentifiedBackupWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewIdentifiedBackupWriter(&b, JSONOptions{Validator: testValidator(t)})
	r := identified(t)
	r.Deidentification = nil
	r.Patient.Pseudonym = ""
	require.NoError(t, w.Write(r))
	require.NoError(t, w.Flush())
	require.Contains(t, b.String(), `"identity":{"patient":{"given_name":"Canaryella"`)

	// It reads back in the identified shape, and the registry shape refuses it.
	nr := NewNDJSONReader(bytes.NewReader(b.Bytes()), ReadOptions{Validator: testValidator(t), Shape: "report"})
	res, err := nr.Next()
	require.NoError(t, err)
	require.False(t, res.Rejected(), "%v", res.Findings)
	nr = NewNDJSONReader(bytes.NewReader(b.Bytes()), ReadOptions{Validator: testValidator(t)})
	res, err = nr.Next()
	require.NoError(t, err)
	require.True(t, res.Rejected())
	require.True(t, slices.ContainsFunc(res.Findings, func(f complication.Finding) bool { return f.Pointer == "/identity" }), "%v", res.Findings)
}

func TestValidatorOption(t *testing.T) {
	bad := fixtures(t)[0]
	bad.Events[0].Outcome = complication.OutcomeFatal // fatal without the death criterion
	var b bytes.Buffer
	w := NewFlatWriter(&b, CSVOptions{Validator: testValidator(t)})
	err := w.Write(bad)
	var rerr *RecordError
	require.ErrorAs(t, err, &rerr)
	var verr *complication.ValidationError
	require.ErrorAs(t, err, &verr)
	require.True(t, verr.Findings.Has(complication.CodeFatalNotSerious))
	require.True(t, strings.HasPrefix(rerr.Pointer, "/events/0/"))
}

func TestEnvelopePolicyMismatch(t *testing.T) {
	var b bytes.Buffer
	w := NewEnvelopeWriter(&b, EnvelopeOptions{Header: testHeader()})
	r := fixtures(t)[0]
	r.Deidentification.KeyID = "another-key"
	err := w.Write(r)
	require.ErrorIs(t, err, ErrPolicyMismatch)
	var rerr *RecordError
	require.ErrorAs(t, err, &rerr)
	require.Equal(t, "/deidentification", rerr.Pointer)

	h := testHeader()
	h.Submitter = ""
	w = NewEnvelopeWriter(io.Discard, EnvelopeOptions{Header: h})
	require.ErrorIs(t, w.Write(fixtures(t)[0]), ErrHeader)
	require.ErrorIs(t, w.Close(), ErrHeader, "header errors are sticky")
}

func TestTablesNeedIDs(t *testing.T) {
	w, err := NewTablesWriter(newMemSink(), CSVOptions{})
	require.NoError(t, err)
	noID := fixtures(t)[0]
	noID.ID = uuid.Nil
	dupEvent := fixtures(t)[0]
	dupEvent.Events = append(dupEvent.Events, dupEvent.Events[0])
	noEventID := fixtures(t)[1]
	noEventID.Events[0].ID = uuid.Nil
	for _, tc := range []struct {
		r   *complication.Report
		ptr string
		err error
	}{
		{noID, "/id", ErrNoID},
		{dupEvent, "/events/1/id", ErrDuplicateID},
		{noEventID, "/events/0/id", ErrNoID},
	} {
		err := w.Write(tc.r)
		var rerr *RecordError
		require.ErrorAs(t, err, &rerr)
		require.ErrorIs(t, err, tc.err)
		require.Equal(t, tc.ptr, rerr.Pointer)
	}
	r := fixtures(t)[2]
	require.NoError(t, w.Write(r))
	require.ErrorIs(t, w.Write(r), ErrDuplicateID, "the same report twice in a row")
	require.NoError(t, w.Close())
	require.Error(t, w.Close())
}

// errWriter fails every write.
type errWriter struct{}

var errDisk = errors.New("disk full")

func (errWriter) Write([]byte) (int, error) { return 0, errDisk }

func TestIOErrorsAreSticky(t *testing.T) {
	recs := fixtures(t)
	w := NewFlatWriter(errWriter{}, CSVOptions{})
	for _, r := range recs {
		_ = w.Write(r)
	}
	require.ErrorIs(t, w.Flush(), errDisk)
	require.ErrorIs(t, w.Write(recs[0]), errDisk)

	nw := NewNDJSONWriter(errWriter{}, JSONOptions{})
	require.NoError(t, nw.Write(recs[0])) // buffered
	require.ErrorIs(t, nw.Flush(), errDisk)
	require.ErrorIs(t, nw.Write(recs[0]), errDisk)
}
