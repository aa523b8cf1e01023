package complication_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
)

func TestParsePartialDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		prec complication.Precision
		ok   bool
	}{
		{"year", "2026", complication.PrecisionYear, true},
		{"month", "2026-05", complication.PrecisionMonth, true},
		{"day", "2026-05-14", complication.PrecisionDay, true},
		{"minute", "2026-05-14T10:30", complication.PrecisionMinute, true},
		{"leap day", "2024-02-29", complication.PrecisionDay, true},
		{"midnight", "2026-05-14T00:00", complication.PrecisionMinute, true},
		{"last minute", "2026-12-31T23:59", complication.PrecisionMinute, true},
		{"empty", "", 0, false},
		{"year zero", "0000", 0, false},
		{"short year", "226", 0, false},
		{"month 13", "2026-13", 0, false},
		{"month 00", "2026-00", 0, false},
		{"30 February", "2026-02-30", 0, false},
		{"29 February common year", "2026-02-29", 0, false},
		{"31 April", "2026-04-31", 0, false},
		{"day 00", "2026-05-00", 0, false},
		{"slashes", "2026/05/14", 0, false},
		{"UK order", "14-05-2026", 0, false},
		{"single digit month", "2026-5-14", 0, false},
		{"hour 24", "2026-05-14T24:00", 0, false},
		{"minute 60", "2026-05-14T10:60", 0, false},
		{"seconds", "2026-05-14T10:30:00", 0, false},
		{"zone", "2026-05-14T10:30Z", 0, false},
		{"space for T", "2026-05-14 10:30", 0, false},
		{"signed year", "+2026", 0, false},
		{"trailing space", "2026 ", 0, false},
		{"unicode digits", "２０２６", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := complication.ParsePartialDate(tc.in)
			if !tc.ok {
				require.Error(t, err)
				assert.True(t, errors.Is(err, complication.ErrPartialDate))
				if tc.in != "" {
					assert.NotContains(t, err.Error(), tc.in, "the error must not repeat the input")
				}
				assert.True(t, d.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.prec, d.Precision())
			assert.Equal(t, tc.in, d.String(), "a partial date prints in its own precision")
		})
	}
}

func TestPartialDateParts(t *testing.T) {
	d := complication.MustParsePartialDate("2026-05-14T09:05")
	assert.Equal(t, 2026, d.Year())
	assert.Equal(t, time.May, d.Month())
	assert.Equal(t, 14, d.Day())
	h, m, ok := d.Clock()
	assert.True(t, ok)
	assert.Equal(t, []int{9, 5}, []int{h, m})

	y := complication.MustParsePartialDate("2026")
	assert.Equal(t, time.Month(0), y.Month())
	assert.Equal(t, 0, y.Day())
	_, _, ok = y.Clock()
	assert.False(t, ok)

	var zero complication.PartialDate
	assert.True(t, zero.IsZero())
	assert.Equal(t, "", zero.String())
	assert.Equal(t, "none", zero.Precision().String())
	assert.True(t, zero.Start().IsZero())
}

func TestPartialDateStartEnd(t *testing.T) {
	tests := []struct {
		in         string
		start, end string
	}{
		{"2026", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"},
		{"2026-02", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"},
		{"2026-12", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"},
		{"2026-05-14", "2026-05-14T00:00:00Z", "2026-05-15T00:00:00Z"},
		{"2026-05-14T10:30", "2026-05-14T10:30:00Z", "2026-05-14T10:31:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d := complication.MustParsePartialDate(tc.in)
			assert.Equal(t, tc.start, d.Start().Format(time.RFC3339))
			assert.Equal(t, tc.end, d.End().Format(time.RFC3339))
		})
	}
}

func TestPartialDateTruncateAndAddDays(t *testing.T) {
	d := complication.MustParsePartialDate("2026-05-14T10:30")
	assert.Equal(t, "2026-05-14", d.Truncate(complication.PrecisionDay).String())
	assert.Equal(t, "2026-05", d.Truncate(complication.PrecisionMonth).String())
	assert.Equal(t, "2026", d.Truncate(complication.PrecisionYear).String())
	assert.True(t, d.Truncate(complication.PrecisionNone).IsZero())
	y := complication.MustParsePartialDate("2026")
	assert.Equal(t, y, y.Truncate(complication.PrecisionDay), "truncating never adds precision")

	moved, ok := d.AddDays(20)
	require.True(t, ok)
	assert.Equal(t, "2026-06-03T10:30", moved.String())
	back, ok := moved.AddDays(-20)
	require.True(t, ok)
	assert.Equal(t, d, back)
	leap, ok := complication.MustParsePartialDate("2024-02-28").AddDays(1)
	require.True(t, ok)
	assert.Equal(t, "2024-02-29", leap.String())

	m := complication.MustParsePartialDate("2026-05")
	same, ok := m.AddDays(3)
	assert.False(t, ok, "a month-precision date cannot move by days")
	assert.Equal(t, m, same)
	_, ok = complication.MustParsePartialDate("9999-12-31").AddDays(1)
	assert.False(t, ok, "moving past year 9999 is refused")
}

func TestPartialDateOrder(t *testing.T) {
	p := complication.MustParsePartialDate
	tests := []struct {
		name          string
		a, b          string
		before, after bool
	}{
		{"days", "2026-05-14", "2026-05-15", true, false},
		{"same day", "2026-05-14", "2026-05-14", false, false},
		{"month contains day", "2026-05", "2026-05-14", false, false},
		{"month before day", "2026-04", "2026-05-01", true, false},
		{"year contains month", "2026", "2026-11", false, false},
		{"minutes", "2026-05-14T10:30", "2026-05-14T10:31", true, false},
		{"day contains minute", "2026-05-14", "2026-05-14T10:30", false, false},
		{"later year", "2027", "2026-12-31", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.before, p(tc.a).Before(p(tc.b)))
			assert.Equal(t, tc.after, p(tc.a).After(p(tc.b)))
		})
	}
	var zero complication.PartialDate
	assert.False(t, zero.Before(p("2026")))
	assert.False(t, p("2026").Before(zero))
}

func TestInterval(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		min, max int
	}{
		{"same day", "2026-05-14", "2026-05-14", 0, 0},
		{"two weeks", "2026-05-14", "2026-05-28", 14, 14},
		{"across leap day", "2024-02-28", "2024-03-01", 2, 2},
		{"clock ignored", "2026-05-14T09:00", "2026-05-15T08:00", 1, 1},
		{"onset month", "2026-05-14", "2026-11", 171, 200},
		{"both months", "2026-05", "2026-06", 1, 60},
		{"year to day", "2025", "2026-01-10", 10, 374},
		{"backwards", "2026-05-14", "2026-05-10", -4, -4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi, ok := complication.Interval(complication.MustParsePartialDate(tc.from), complication.MustParsePartialDate(tc.to))
			require.True(t, ok)
			assert.Equal(t, []int{tc.min, tc.max}, []int{lo, hi})
		})
	}
	_, _, ok := complication.Interval(complication.PartialDate{}, complication.MustParsePartialDate("2026"))
	assert.False(t, ok)
}

func TestPartialDateJSON(t *testing.T) {
	type rec struct {
		D complication.PartialDate `json:"d,omitzero"`
	}
	b, err := json.Marshal(rec{D: complication.MustParsePartialDate("2026-05")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2026-05"}`, string(b))
	b, err = json.Marshal(rec{})
	require.NoError(t, err)
	assert.JSONEq(t, `{}`, string(b), "a zero date is omitted, never written as an empty string")

	var r rec
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2026-05-14T10:30"}`), &r))
	assert.Equal(t, complication.PrecisionMinute, r.D.Precision())
	err = json.Unmarshal([]byte(`{"d":"2026-02-30"}`), &r)
	require.Error(t, err)
	assert.ErrorIs(t, err, complication.ErrPartialDate)
}

func TestDateOf(t *testing.T) {
	tm := time.Date(2026, 5, 14, 10, 30, 45, 0, time.FixedZone("BST", 3600))
	assert.Equal(t, "2026-05-14T10:30", complication.DateOf(tm, complication.PrecisionMinute).String())
	assert.Equal(t, "2026-05", complication.DateOf(tm, complication.PrecisionMonth).String())
	assert.True(t, complication.DateOf(tm, complication.PrecisionNone).IsZero())
}

// FuzzParsePartialDate checks that whatever ParsePartialDate accepts prints
// back to the same text and parses to the same value, and that it never
// panics.
func FuzzParsePartialDate(f *testing.F) {
	for _, s := range []string{"2026", "2026-05", "2026-05-14", "2026-05-14T10:30", "2024-02-29", "2026-02-30", "", "9999-12-31T23:59", "0001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := complication.ParsePartialDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("failed parse returned a non-zero date")
			}
			return
		}
		if d.String() != s {
			t.Fatalf("round trip changed the text")
		}
		again, err := complication.ParsePartialDate(d.String())
		if err != nil || again != d {
			t.Fatalf("reparse differs")
		}
		if !d.Start().Before(d.End()) {
			t.Fatalf("empty period")
		}
	})
}

func BenchmarkParsePartialDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := complication.ParsePartialDate("2026-05-14T10:30"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestIntervalMatchesTime holds Interval's day arithmetic to time.Time's
// over dates of every precision, across leap years, century years and
// the ends of the supported range.
func TestIntervalMatchesTime(t *testing.T) {
	days := func(d time.Duration) int { return int(d / (24 * time.Hour)) }
	first := func(d complication.PartialDate) time.Time { return d.Truncate(complication.PrecisionDay).Start() }
	last := func(d complication.PartialDate) time.Time {
		return d.Truncate(complication.PrecisionDay).End().AddDate(0, 0, -1)
	}
	var dates []complication.PartialDate
	for _, y := range []int{1, 2, 3, 4, 5, 99, 100, 101, 399, 400, 401, 1582, 1600, 1700, 1900, 1969, 1970, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9998, 9999} {
		for m := time.January; m <= time.December; m++ {
			dates = append(dates, complication.DateOf(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), complication.PrecisionMonth))
			for _, d := range []int{1, 2, 15, 28, 29, 30, 31} {
				tm := time.Date(y, m, d, 13, 45, 0, 0, time.UTC)
				if tm.Month() != m {
					continue // no such day in this month
				}
				dates = append(dates, complication.DateOf(tm, complication.PrecisionDay), complication.DateOf(tm, complication.PrecisionMinute))
			}
		}
		dates = append(dates, complication.DateOf(time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC), complication.PrecisionYear))
	}
	for i, from := range dates {
		for j := i % 7; j < len(dates); j += 7 {
			to := dates[j]
			lo, hi, ok := complication.Interval(from, to)
			require.True(t, ok)
			wantLo, wantHi := days(first(to).Sub(last(from))), days(last(to).Sub(first(from)))
			if lo != wantLo || hi != wantHi {
				t.Fatalf("Interval(%s, %s) = %d, %d; time.Time gives %d, %d", from, to, lo, hi, wantLo, wantHi)
			}
		}
	}
}
