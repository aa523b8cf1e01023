package anonymize_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

func corpusComplaints(t *testing.T) []*complication.Complaint {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "valid", "complaint-*.json"))
	require.NoError(t, err)
	var out []*complication.Complaint
	for _, f := range files {
		if strings.Contains(f, "complaint-submission-") {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		c, fs := validator(t).DecodeComplaint(schema.Complaint, data)
		require.NotNil(t, c, "%s: %v", f, fs)
		out = append(out, c)
	}
	require.NotEmpty(t, out)
	return out
}

func TestComplaintOutputIsSubmissionShape(t *testing.T) {
	v := validator(t)
	for _, p := range []*anonymize.Policy{anonymize.Registry(), anonymize.Research(anonymize.ResearchOptions{}), anonymize.Research(anonymize.ResearchOptions{Dates: anonymize.MonthDates})} {
		a := newAnonymizer(t, p)
		for _, c := range corpusComplaints(t) {
			t.Run(p.ID+"/"+c.ID.String(), func(t *testing.T) {
				before := mustJSON(t, c)
				out, err := a.Complaint(c)
				require.NoError(t, err)
				assert.Equal(t, before, mustJSON(t, c), "the input is not modified")
				assert.Nil(t, out.Identity)
				assert.NotEmpty(t, out.PatientPseudonym)
				require.NotNil(t, out.Deidentification)
				fs := v.ValidateComplaint(schema.ComplaintSubmission, out)
				assert.False(t, fs.Rejected(), "%v", fs)
				text := out.Summary + out.RemedyNotes + out.LearningPoints
				for _, id := range []string{"Jane", "Doe", "07700", "example.com", "Kay"} {
					assert.NotContains(t, text, id)
				}
			})
		}
	}
}

func TestComplaintMotivatingCase(t *testing.T) {
	var c *complication.Complaint
	for _, x := range corpusComplaints(t) {
		if x.Identity != nil && x.Identity.Complainant != nil && x.Identity.Complainant.GivenName == "Jane" {
			c = x
		}
	}
	require.NotNil(t, c)
	a := newAnonymizer(t, anonymize.Registry())
	// The complainant is the patient. When the clinic holds the same
	// identifier for her in both records, her pseudonyms match, so the
	// registry can link the complaint to the complication.
	c.Identity.Complainant.NHSNumber = "999 000 0018"
	out, err := a.Complaint(c)
	require.NoError(t, err)
	r, err := a.Report(corpusReport(t, "report-lip-filler-nodule"))
	require.NoError(t, err)
	assert.Equal(t, r.Patient.Pseudonym, out.PatientPseudonym, "the same patient links across a report and a complaint")
	assert.True(t, *out.Conduct.PatientInformationDisclosed, "conduct facts survive anonymisation")
	assert.Equal(t, c.ReceivedAt, out.ReceivedAt, "registry keeps handling dates")
}

func TestComplaintLeakGate(t *testing.T) {
	a := newAnonymizer(t, anonymize.Registry())
	c := corpusComplaints(t)[0]
	c.Identity.TrackingToken = "TRK-7781-XQ"
	c.Escalations = append(c.Escalations, complication.Escalation{To: complication.EscalationRouteOther, Reference: "TRK-7781-XQ"})
	_, err := a.Complaint(c)
	var leak *anonymize.LeakError
	require.True(t, errors.As(err, &leak), "%v", err)
	assert.Contains(t, leak.Pointer, "/escalations/")
	assert.NotContains(t, err.Error(), "TRK")
}

func TestComplaintResearchShiftsHandlingDates(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{}))
	for _, c := range corpusComplaints(t) {
		out, err := a.Complaint(c)
		require.NoError(t, err)
		assert.NotEqual(t, c.ID, out.ID, "identifiers are re-keyed")
		if !c.AcknowledgedAt.IsZero() {
			assert.Equal(t, c.AcknowledgedAt.Sub(c.ReceivedAt), out.AcknowledgedAt.Sub(out.ReceivedAt), "handling intervals are kept")
			assert.NotEqual(t, c.ReceivedAt, out.ReceivedAt)
		}
		_, err = out.Deadlines()
		assert.ErrorIs(t, err, complication.ErrDatesAltered, "shifted dates have no calendar deadlines")
	}
}
