package complication_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	c "github.com/openaesthetics/casebook/complication"
)

func TestClassifyOnset(t *testing.T) {
	tests := []struct {
		name           string
		scheme         c.OnsetScheme
		treated, onset string
		want           c.OnsetClass // "" means indeterminate
	}{
		{"rohrich same day", c.OnsetSchemeRohrich, "2026-05-14", "2026-05-14", c.OnsetClassEarly},
		{"rohrich day 13", c.OnsetSchemeRohrich, "2026-05-01", "2026-05-14", c.OnsetClassEarly},
		{"rohrich day 14", c.OnsetSchemeRohrich, "2026-05-01", "2026-05-15", c.OnsetClassLate},
		{"rohrich six months, month precision", c.OnsetSchemeRohrich, "2026-05-14", "2026-11", c.OnsetClassLate},
		{"rohrich day 365", c.OnsetSchemeRohrich, "2025-05-14", "2026-05-14", c.OnsetClassLate},
		{"rohrich day 366", c.OnsetSchemeRohrich, "2025-05-14", "2026-05-15", c.OnsetClassDelayed},
		{"rohrich straddles 14 days", c.OnsetSchemeRohrich, "2026-05-14", "2026-05", ""},
		{"urdiales same day", c.OnsetSchemeUrdialesGalvez2018, "2026-05-14T10:00", "2026-05-14T10:20", c.OnsetClassImmediate},
		{"urdiales next day, 20 hours", c.OnsetSchemeUrdialesGalvez2018, "2026-05-14T16:00", "2026-05-15T12:00", c.OnsetClassImmediate},
		{"urdiales next day, 26 hours", c.OnsetSchemeUrdialesGalvez2018, "2026-05-14T10:00", "2026-05-15T12:00", c.OnsetClassEarly},
		{"urdiales next day, no clock", c.OnsetSchemeUrdialesGalvez2018, "2026-05-14", "2026-05-15", ""},
		{"urdiales day 2", c.OnsetSchemeUrdialesGalvez2018, "2026-05-14", "2026-05-16", c.OnsetClassEarly},
		{"urdiales day 28", c.OnsetSchemeUrdialesGalvez2018, "2026-05-01", "2026-05-29", c.OnsetClassEarly},
		{"urdiales day 29", c.OnsetSchemeUrdialesGalvez2018, "2026-05-01", "2026-05-30", c.OnsetClassDelayed},
		{"urdiales six months", c.OnsetSchemeUrdialesGalvez2018, "2026-05-14", "2026-11", c.OnsetClassDelayed},
		{"maude day 13", c.OnsetSchemeDelayed14d, "2026-05-01", "2026-05-14", c.OnsetClassEarly},
		{"maude day 14", c.OnsetSchemeDelayed14d, "2026-05-01", "2026-05-15", c.OnsetClassDelayed},
		{"onset before treatment", c.OnsetSchemeRohrich, "2026-05-14", "2026-05-01", ""},
		{"unknown scheme", c.OnsetScheme("fast"), "2026-05-14", "2026-05-20", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := c.ClassifyOnset(tc.scheme, c.MustParsePartialDate(tc.treated), c.MustParsePartialDate(tc.onset))
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.want != "", ok)
		})
	}
	_, ok := c.ClassifyOnset(c.OnsetSchemeRohrich, c.PartialDate{}, c.MustParsePartialDate("2026"))
	assert.False(t, ok)
}
