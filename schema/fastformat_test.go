package schema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quickFormatSeeds are strings near each quick check's edges.
var quickFormatSeeds = []string{
	"", "x", "5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d2f", "5D7F9B1C-3E5A-4C7E-9A1B-3C5E7A9B1D2F",
	"5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d2", "5d7f9b1c-3e5a-4c7e-9a1b_3c5e7a9b1d2f", "5d7f9b1c3e5a4c7e9a1b3c5e7a9b1d2f0000",
	"2026-09-02T18:40:00+01:00", "2026-09-02T18:40:00Z", "2026-09-02t18:40:00z", "2026-09-02T18:40:60.123Z",
	"2026-09-02T18:40:00.Z", "2026-09-02T18:40:00Zx", "2026-09-02T24:00:00Z", "2026-02-29T00:00:00Z",
	"2024-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "2026-09-02T+1:40:00Z", "2026-09-02 18:40:00Z",
	"2026-09-02T18:40:00", "2026-09-02T18:40:00.5", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
	"a@example.com", "first.last+tag@mail.example.co.uk", "a..b@example.com", ".a@example.com", "a.@example.com",
	"a@localhost", "a@-example.com", "a@example-.com", "a@exa_mple.com", "a@b@example.com", "a@example.com.",
	"\"a b\"@example.com", "a@[127.0.0.1]", "Siân@example.com", "a@" + strings.Repeat("x", 64) + ".com",
	strings.Repeat("a", 65) + "@example.com", "2026", "2026-02-30", "2026-09-02T14:10", "9434765919", "9434765918",
}

// TestQuickFormatsImplyFull holds each quick format check to its promise:
// it accepts only what the full path's check accepts.
func TestQuickFormatsImplyFull(t *testing.T) {
	full := fastFormats()
	for _, name := range []string{"uuid", "date-time", "email", "partial-date", "nhs-number"} {
		quick := quickFormat(name)
		require.NotNil(t, quick, name)
		accepted := 0
		check := func(s string) {
			if quick(s) {
				accepted++
				if !full[name](s) {
					t.Errorf("%s: quick check accepts %q, which the full check refuses", name, s)
				}
			}
		}
		for _, s := range quickFormatSeeds {
			check(s)
		}
		assert.Positive(t, accepted, name)
	}
	// The forms casebook's records use are the quick checks' to take.
	for name, s := range map[string]string{
		"uuid": "5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d2f", "date-time": "2026-09-02T18:40:00+01:00",
		"email": "first.last+tag@mail.example.co.uk", "partial-date": "2026-09-02T14:10", "nhs-number": "9434765919",
	} {
		assert.True(t, quickFormat(name)(s), name)
	}
	// Every calendar day, and every day-of-month number, of a span of
	// years with all the leap-year rules.
	dateTime := full["date-time"]
	for _, y := range []int{0, 1, 4, 100, 400, 1600, 1700, 1900, 1999, 2000, 2023, 2024, 2025, 2026, 2100, 2400, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				s := fmt.Sprintf("%04d-%02d-%02dT12:00:00Z", y, m, d)
				assert.Equal(t, dateTime(s), quickDateTime(s), s)
			}
		}
	}
}

// FuzzQuickFormats looks for a string a quick format check accepts and
// the full check refuses.
func FuzzQuickFormats(f *testing.F) {
	for _, s := range quickFormatSeeds {
		f.Add(s)
	}
	full := fastFormats()
	names := []string{"uuid", "date-time", "email", "partial-date", "nhs-number"}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range names {
			if quickFormat(name)(s) && !full[name](s) {
				t.Fatalf("%s: quick check accepts a string the full check refuses", name)
			}
		}
	})
}
