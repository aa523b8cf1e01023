package anonymize_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	c "github.com/openaesthetics/casebook/complication"
)

// batch makes n de-identified research records: most share a few common
// quasi-identifier combinations; every seventh is unusual.
func batch(t *testing.T, a *anonymize.Anonymizer, n int) []*c.Report {
	t.Helper()
	sexes := []c.Sex{c.SexFemale, c.SexMale}
	terms := []c.Term{c.TermNoduleInflammatory, c.TermBruising, c.TermOedema, c.TermHSVReactivation}
	var out []*c.Report
	for i := range n {
		r := corpusReport(t, "report-lip-filler-nodule")
		r.ID = uuid.NewSHA1(uuid.NameSpaceOID, []byte(fmt.Sprint("report", i)))
		r.Identity.Patient.NHSNumber = ""
		r.Identity.Patient.GivenName = fmt.Sprintf("Pat%03d", i)
		r.Patient.AgeAtTreatment = new(20 + 10*(i%3))
		r.Patient.Sex = sexes[i%2]
		r.Events[0].Term = terms[i%4]
		if i%7 == 0 {
			r.Patient.AgeAtTreatment = new(70 + i%20)
			r.Identity.Patient.Address.Postcode = fmt.Sprintf("M%d 1AA", 1+i%9)
			r.Setting.Premises = c.PremisesParty
		}
		o, err := a.Report(r)
		require.NoError(t, err)
		out = append(out, o)
	}
	return out
}

func TestKAnonymize(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{Dates: anonymize.MonthDates, MaxSuppressed: 0.5}))
	records := batch(t, a, 70)
	kept, rep, err := a.KAnonymize(records)
	require.NoError(t, err)
	assert.Equal(t, 5, rep.K)
	assert.Equal(t, 70, rep.Before.Records)
	assert.Less(t, rep.Before.MinClassSize, 5, "the batch starts below k")
	assert.Positive(t, rep.Before.SampleUniques)
	assert.GreaterOrEqual(t, rep.After.MinClassSize, 5, "local suppression reaches k")
	assert.Zero(t, rep.After.RecordsBelowK)
	assert.Positive(t, rep.ValuesSuppressed)
	assert.Equal(t, len(kept), rep.After.Records)
	assert.Equal(t, 70, len(kept)+rep.RecordsWithheld)
	assert.GreaterOrEqual(t, rep.After.MinDiversity, 1)

	// Recount the classes of the records as published: every class has at
	// least k members.
	classes := map[string]int{}
	for _, r := range kept {
		key := fmt.Sprint(r.Patient.AgeBand, "|", r.Patient.Sex, "|", r.Patient.PostcodeArea, "|", r.Treatment.Date.Truncate(c.PrecisionMonth), "|", r.Treatment.Procedure, "|", r.Setting.Premises)
		classes[key]++
	}
	for key, n := range classes {
		assert.GreaterOrEqual(t, n, 5, "class %s", key)
	}
	assert.NotNil(t, a.Audit().KAnonymity)
	assert.Contains(t, a.Audit().Summary(), "k-anonymity: target k=5")
}

func TestKAnonymizeBudget(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{Dates: anonymize.MonthDates, K: 100, MaxSuppressed: 0.1}))
	records := batch(t, a, 20)
	_, rep, err := a.KAnonymize(records)
	var serr *anonymize.SuppressionError
	require.True(t, errors.As(err, &serr), "%v", err)
	assert.Equal(t, 20, serr.Records)
	assert.Equal(t, 20, rep.RecordsWithheld)
}

func TestKAnonymizerTwoPasses(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{Dates: anonymize.MonthDates, MaxSuppressed: 0.5}))
	records := batch(t, a, 35)
	k, err := a.KAnonymizer()
	require.NoError(t, err)
	for _, r := range records {
		require.NoError(t, k.Observe(r))
	}
	plan, err := k.Plan()
	require.NoError(t, err)
	kept := 0
	for i, r := range records {
		ok, err := plan.Apply(i, r)
		require.NoError(t, err)
		if ok {
			kept++
		}
	}
	assert.Equal(t, plan.Report().After.Records, kept)
	_, err = plan.Apply(35, records[0])
	assert.Error(t, err, "a record that was not observed")

	reg := newAnonymizer(t, anonymize.Registry())
	_, err = reg.KAnonymizer()
	assert.ErrorIs(t, err, anonymize.ErrNoKAnonymity)
}
