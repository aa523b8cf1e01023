package ukcal_test

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
	_ "time/tzdata" // zone data for the Europe/London check on machines without it

	"github.com/openaesthetics/casebook/internal/ukcal"
)

func TestDateOf(t *testing.T) {
	bst := time.FixedZone("BST", 60*60)
	tests := []struct {
		name string
		t    time.Time
		want ukcal.Date
	}{
		{"UTC", time.Date(2026, time.May, 14, 9, 30, 0, 0, time.UTC), ukcal.Date{Year: 2026, Month: time.May, Day: 14}},
		// Half past midnight BST is still the previous day in UTC; DateOf
		// must use the time's own location, not UTC.
		{"own location, not UTC", time.Date(2026, time.March, 30, 0, 30, 0, 0, bst), ukcal.Date{Year: 2026, Month: time.March, Day: 30}},
		{"last nanosecond of the day", time.Date(2026, time.December, 31, 23, 59, 59, 999999999, time.UTC), ukcal.Date{Year: 2026, Month: time.December, Day: 31}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ukcal.DateOf(tt.t); got != tt.want {
				t.Errorf("DateOf(%v) = %v, want %v", tt.t, got, tt.want)
			}
		})
	}
}

func TestDateTime(t *testing.T) {
	tests := []struct {
		name string
		d    ukcal.Date
		want time.Time
	}{
		{"valid", ukcal.Date{Year: 2026, Month: time.May, Day: 14}, time.Date(2026, time.May, 14, 0, 0, 0, 0, time.UTC)},
		{"normalized like time.Date", ukcal.Date{Year: 2026, Month: time.February, Day: 30}, time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.d.Time()
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("%v.Time() = %v, want %v", tt.d, got, tt.want)
			}
		})
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    ukcal.Date
		want string
	}{
		{ukcal.Date{Year: 2026, Month: time.May, Day: 14}, "2026-05-14"},
		{ukcal.Date{Year: 995, Month: time.January, Day: 2}, "0995-01-02"},
		{ukcal.Date{Year: 2026, Month: 13, Day: 40}, "2026-13-40"}, // invalid dates print as they are
		{ukcal.Date{}, "0000-00-00"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDateValid(t *testing.T) {
	tests := []struct {
		name string
		d    ukcal.Date
		want bool
	}{
		{"ordinary", ukcal.Date{Year: 2026, Month: time.May, Day: 14}, true},
		{"zero value", ukcal.Date{}, false},
		{"29 February in a leap year", ukcal.Date{Year: 2024, Month: time.February, Day: 29}, true},
		{"29 February in a common year", ukcal.Date{Year: 2026, Month: time.February, Day: 29}, false},
		{"29 February 2000 (divisible by 400)", ukcal.Date{Year: 2000, Month: time.February, Day: 29}, true},
		{"29 February 2100 (century, not leap)", ukcal.Date{Year: 2100, Month: time.February, Day: 29}, false},
		{"31 April", ukcal.Date{Year: 2026, Month: time.April, Day: 31}, false},
		{"31 December", ukcal.Date{Year: 2026, Month: time.December, Day: 31}, true},
		{"day 0", ukcal.Date{Year: 2026, Month: time.May, Day: 0}, false},
		{"month 0", ukcal.Date{Year: 2026, Month: 0, Day: 1}, false},
		{"month 13", ukcal.Date{Year: 2026, Month: 13, Day: 1}, false},
		{"negative day", ukcal.Date{Year: 2026, Month: time.May, Day: -1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Valid(); got != tt.want {
				t.Errorf("%v.Valid() = %v, want %v", tt.d, got, tt.want)
			}
		})
	}
}

func TestDateCompare(t *testing.T) {
	d := func(y int, m time.Month, day int) ukcal.Date { return ukcal.Date{Year: y, Month: m, Day: day} }
	tests := []struct {
		name          string
		a, b          ukcal.Date
		before, after bool
	}{
		{"same day", d(2026, time.May, 14), d(2026, time.May, 14), false, false},
		{"earlier day", d(2026, time.May, 13), d(2026, time.May, 14), true, false},
		{"earlier month, later day", d(2026, time.April, 30), d(2026, time.May, 1), true, false},
		{"earlier year, later month", d(2025, time.December, 31), d(2026, time.January, 1), true, false},
		{"later", d(2027, time.January, 1), d(2026, time.December, 31), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Before(tt.b); got != tt.before {
				t.Errorf("%v.Before(%v) = %v, want %v", tt.a, tt.b, got, tt.before)
			}
			if got := tt.a.After(tt.b); got != tt.after {
				t.Errorf("%v.After(%v) = %v, want %v", tt.a, tt.b, got, tt.after)
			}
			wantEqual := !tt.before && !tt.after
			if got := tt.a.Equal(tt.b); got != wantEqual {
				t.Errorf("%v.Equal(%v) = %v, want %v", tt.a, tt.b, got, wantEqual)
			}
		})
	}
}

// TestDateArithmeticMatchesTime checks AddDays and Weekday against the
// standard library over a wide range of dates, including invalid ones
// (which both normalize the same way) and years before the Gregorian
// reform and far in the future.
func TestDateArithmeticMatchesTime(t *testing.T) {
	rng := rand.New(rand.NewPCG(20260514, 1))
	for i := 0; i < 200000; i++ {
		d := ukcal.Date{
			Year:  rng.IntN(8000) - 2000,
			Month: time.Month(rng.IntN(14)), // 0 and 13 exercise normalization
			Day:   rng.IntN(33),             // so do 0, 29-32
		}
		n := rng.IntN(2_000_001) - 1_000_000
		base := d.Time()
		if got, want := d.AddDays(n), ukcal.DateOf(base.AddDate(0, 0, n)); got != want {
			t.Fatalf("%v.AddDays(%d) = %v, want %v", d, n, got, want)
		}
		if got, want := d.Weekday(), base.Weekday(); got != want {
			t.Fatalf("%v.Weekday() = %v, want %v", d, got, want)
		}
		if d.Valid() {
			if got := ukcal.DateOf(base); got != d {
				t.Fatalf("DateOf(%v.Time()) = %v, want %v", d, got, d)
			}
			if got := d.AddDays(n).AddDays(-n); got != d {
				t.Fatalf("%v.AddDays(%d).AddDays(%d) = %v", d, n, -n, got)
			}
		}
	}
}

func TestDateAddDaysExtremes(t *testing.T) {
	// Nothing in the package may panic, whatever the input; absurd inputs
	// give absurd but harmless results.
	for _, d := range []ukcal.Date{
		{Year: math.MaxInt, Month: math.MaxInt, Day: math.MinInt},
		{Year: math.MinInt, Month: -1, Day: math.MaxInt},
	} {
		_ = d.AddDays(math.MaxInt)
		_ = d.AddDays(math.MinInt)
		_ = d.Valid()
		_ = d.Weekday()
		_ = d.Time()
		_ = d.String()
	}
}

func TestDateAt(t *testing.T) {
	tests := []struct {
		name, instant, want string
	}{
		{"winter evening stays on the day", "2026-01-15T23:30:00Z", "2026-01-15"},
		{"summer late evening is the next UK day", "2026-07-15T23:30:00Z", "2026-07-16"},
		{"just before BST starts", "2026-03-29T00:59:00Z", "2026-03-29"},
		{"BST starts at 01:00 GMT on the last Sunday of March", "2026-03-28T23:30:00Z", "2026-03-28"},
		{"first BST evening", "2026-03-29T23:30:00Z", "2026-03-30"},
		{"last BST evening", "2026-10-24T23:30:00Z", "2026-10-25"},
		{"BST has ended", "2026-10-25T23:30:00Z", "2026-10-25"},
		{"offset in the input is honoured", "2026-07-16T00:30:00+01:00", "2026-07-16"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, err := time.Parse(time.RFC3339, tc.instant)
			if err != nil {
				t.Fatal(err)
			}
			if got := ukcal.DateAt(in).String(); got != tc.want {
				t.Errorf("ukcal.DateAt(%s) = %s, want %s", tc.instant, got, tc.want)
			}
		})
	}
}

// TestDateAtFollowsEuropeLondon checks the computed GMT/BST rule against
// the zone database, hour by hour over several years.
func TestDateAtFollowsEuropeLondon(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatalf("no zone data: %v", err)
	}
	start := time.Date(2019, 1, 1, 0, 30, 0, 0, time.UTC)
	for h := 0; h < 24*365*3; h += 7 {
		at := start.Add(time.Duration(h) * time.Hour)
		y, m, d := at.In(london).Date()
		got := ukcal.DateAt(at)
		if got.Year != y || got.Month != m || got.Day != d {
			t.Fatalf("DateAt(%s) = %s, want %04d-%02d-%02d", at, got, y, m, d)
		}
	}
}
