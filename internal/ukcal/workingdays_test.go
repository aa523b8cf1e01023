package ukcal_test

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/openaesthetics/casebook/internal/ukcal"
)

func day(y int, m time.Month, d int) ukcal.Date {
	return ukcal.Date{Year: y, Month: m, Day: d}
}

func TestIsWorkingDay(t *testing.T) {
	tests := []struct {
		name string
		div  ukcal.Division
		d    ukcal.Date
		want bool
	}{
		{"ordinary Thursday", ukcal.EnglandAndWales, day(2026, time.May, 14), true},
		{"Saturday", ukcal.EnglandAndWales, day(2026, time.May, 23), false},
		{"Sunday", ukcal.Scotland, day(2026, time.May, 24), false},
		{"spring bank holiday", ukcal.NorthernIreland, day(2026, time.May, 25), false},
		{"Good Friday, Scotland", ukcal.Scotland, day(2026, time.April, 3), false},
		{"Easter Monday, England", ukcal.EnglandAndWales, day(2026, time.April, 6), false},
		{"Easter Monday, Scotland works", ukcal.Scotland, day(2026, time.April, 6), true},
		{"2 January, England works", ukcal.EnglandAndWales, day(2026, time.January, 2), true},
		{"2 January, Scotland", ukcal.Scotland, day(2026, time.January, 2), false},
		{"St Andrew's Day substitute", ukcal.Scotland, day(2025, time.December, 1), false},
		{"St Andrew's Day substitute, England works", ukcal.EnglandAndWales, day(2025, time.December, 1), true},
		{"12 July, Northern Ireland", ukcal.NorthernIreland, day(2024, time.July, 12), false},
		{"12 July, England works", ukcal.EnglandAndWales, day(2024, time.July, 12), true},
		{"Boyne substitute Monday", ukcal.NorthernIreland, day(2025, time.July, 14), false},
		{"World Cup bank holiday, Scotland", ukcal.Scotland, day(2026, time.June, 15), false},
		{"World Cup bank holiday, England works", ukcal.EnglandAndWales, day(2026, time.June, 15), true},
		{"state funeral", ukcal.EnglandAndWales, day(2022, time.September, 19), false},
		{"Scotland 4 January 2010 was never proclaimed", ukcal.Scotland, day(2010, time.January, 4), true},
		{"Christmas Eve", ukcal.EnglandAndWales, day(2026, time.December, 24), true},
		{"Boxing Day substitute", ukcal.EnglandAndWales, day(2026, time.December, 28), false},
		{"last supported day", ukcal.EnglandAndWales, day(ukcal.LastYear, time.December, 31), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ukcal.IsWorkingDay(tt.div, tt.d)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("IsWorkingDay(%v, %v %v) = %v, want %v", tt.div, tt.d.Weekday(), tt.d, got, tt.want)
			}
		})
	}
}

func TestIsWorkingDayErrors(t *testing.T) {
	tests := []struct {
		name string
		div  ukcal.Division
		d    ukcal.Date
		want error
	}{
		{"invalid date", ukcal.EnglandAndWales, day(2026, time.February, 29), &ukcal.DateError{Date: day(2026, time.February, 29)}},
		{"zero date", ukcal.EnglandAndWales, ukcal.Date{}, &ukcal.DateError{}},
		{"too early", ukcal.Scotland, day(1994, time.December, 30), &ukcal.RangeError{Year: 1994}},
		{"too late", ukcal.Scotland, day(2100, time.January, 4), &ukcal.RangeError{Year: 2100}},
		{"no division", 0, day(2026, time.May, 14), &ukcal.DivisionError{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ukcal.IsWorkingDay(tt.div, tt.d)
			checkError(t, err, tt.want)
		})
	}
}

func TestAddWorkingDays(t *testing.T) {
	tests := []struct {
		name string
		div  ukcal.Division
		from ukcal.Date
		n    int
		want ukcal.Date
	}{
		{"n=0 returns from, even on a holiday", ukcal.EnglandAndWales, day(2026, time.December, 25), 0, day(2026, time.December, 25)},
		{"ordinary week", ukcal.EnglandAndWales, day(2026, time.May, 11), 3, day(2026, time.May, 14)},
		{"over a weekend", ukcal.EnglandAndWales, day(2026, time.May, 14), 3, day(2026, time.May, 19)},
		// The day of receipt does not count; Monday 25 May is the spring
		// bank holiday, so Tuesday, Wednesday, Thursday.
		{"Friday before a bank-holiday Monday", ukcal.EnglandAndWales, day(2026, time.May, 22), 3, day(2026, time.May, 28)},
		{"Saturday before a bank-holiday Monday", ukcal.EnglandAndWales, day(2026, time.May, 23), 3, day(2026, time.May, 28)},
		{"Saturday receipt counts from Monday", ukcal.EnglandAndWales, day(2026, time.June, 13), 2, day(2026, time.June, 16)},
		{"Saturday receipt, Scotland's World Cup Monday", ukcal.Scotland, day(2026, time.June, 13), 2, day(2026, time.June, 17)},
		// Wales: acknowledge within 2 working days. Good Friday and
		// Easter Monday both fall inside the window.
		{"Wales, 2 days over Easter", ukcal.EnglandAndWales, day(2026, time.April, 2), 2, day(2026, time.April, 8)},
		{"England, 3 days over Easter", ukcal.EnglandAndWales, day(2026, time.April, 2), 3, day(2026, time.April, 9)},
		{"Scotland, 3 days over Easter (Easter Monday is a working day)", ukcal.Scotland, day(2026, time.April, 2), 3, day(2026, time.April, 8)},
		// 31 December (1), 1 January holiday, 2 January: (2) in England
		// but a holiday in Scotland.
		{"New Year, England", ukcal.EnglandAndWales, day(2025, time.December, 30), 3, day(2026, time.January, 5)},
		{"New Year, Scotland", ukcal.Scotland, day(2025, time.December, 30), 3, day(2026, time.January, 6)},
		{"New Year, Northern Ireland", ukcal.NorthernIreland, day(2025, time.December, 30), 3, day(2026, time.January, 5)},
		// Christmas 2027 is a Saturday: Monday 27 and Tuesday 28 December
		// are substitutes; New Year's Day 2028 is a Saturday too, so
		// Monday 3 January (and in Scotland Tuesday 4 January).
		{"Christmas double substitution", ukcal.EnglandAndWales, day(2027, time.December, 24), 1, day(2027, time.December, 29)},
		{"Christmas to New Year, England", ukcal.EnglandAndWales, day(2027, time.December, 24), 5, day(2028, time.January, 5)},
		{"Christmas to New Year, Scotland", ukcal.Scotland, day(2027, time.December, 24), 5, day(2028, time.January, 6)},
		// Thursday 2 June 2022 (moved spring bank holiday) and Friday
		// 3 June (Platinum Jubilee).
		{"2022 double holiday in June", ukcal.EnglandAndWales, day(2022, time.June, 1), 2, day(2022, time.June, 7)},
		{"Battle of the Boyne, Northern Ireland", ukcal.NorthernIreland, day(2024, time.July, 11), 2, day(2024, time.July, 16)},
		{"12 July, England", ukcal.EnglandAndWales, day(2024, time.July, 11), 2, day(2024, time.July, 15)},
		{"Boyne substitute Monday", ukcal.NorthernIreland, day(2025, time.July, 11), 1, day(2025, time.July, 15)},
		{"St Patrick's Day", ukcal.NorthernIreland, day(2026, time.March, 16), 1, day(2026, time.March, 18)},
		// 2026 has 261 weekdays, 8 of them bank holidays in England and
		// Wales (Thursday 1 January is one), so 253 working days: the
		// 253rd after 1 January is Thursday 31 December.
		{"a whole year", ukcal.EnglandAndWales, day(2026, time.January, 1), 253, day(2026, time.December, 31)},
		{"into the next year", ukcal.EnglandAndWales, day(2025, time.December, 31), 254, day(2027, time.January, 4)},
		{"last supported working day", ukcal.EnglandAndWales, day(ukcal.LastYear, time.December, 30), 1, day(ukcal.LastYear, time.December, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ukcal.AddWorkingDays(tt.div, tt.from, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("AddWorkingDays(%v, %v %v, %d) = %v %v, want %v %v",
					tt.div, tt.from.Weekday(), tt.from, tt.n, got.Weekday(), got, tt.want.Weekday(), tt.want)
			}
			// Every table case doubles as a check of WorkingDaysBetween.
			if n, err := ukcal.WorkingDaysBetween(tt.div, tt.from, got); err != nil || n != tt.n {
				t.Errorf("WorkingDaysBetween(%v, %v, %v) = %d, %v; want %d", tt.div, tt.from, got, n, err, tt.n)
			}
		})
	}
}

func TestAddWorkingDaysErrors(t *testing.T) {
	tests := []struct {
		name string
		div  ukcal.Division
		from ukcal.Date
		n    int
		want error
	}{
		{"negative count", ukcal.EnglandAndWales, day(2026, time.May, 14), -1, &ukcal.CountError{N: -1}},
		{"invalid date", ukcal.EnglandAndWales, day(2026, time.April, 31), 1, &ukcal.DateError{Date: day(2026, time.April, 31)}},
		{"from before FirstYear", ukcal.EnglandAndWales, day(1994, time.December, 30), 1, &ukcal.RangeError{Year: 1994}},
		{"from after LastYear", ukcal.EnglandAndWales, day(2100, time.January, 4), 0, &ukcal.RangeError{Year: 2100}},
		{"result after LastYear", ukcal.EnglandAndWales, day(ukcal.LastYear, time.December, 30), 2, &ukcal.RangeError{Year: ukcal.LastYear + 1}},
		{"huge count", ukcal.Scotland, day(2026, time.May, 14), math.MaxInt, &ukcal.RangeError{Year: ukcal.LastYear + 1}},
		{"no division", ukcal.Division(9), day(2026, time.May, 14), 1, &ukcal.DivisionError{Division: 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ukcal.AddWorkingDays(tt.div, tt.from, tt.n)
			checkError(t, err, tt.want)
			if got != (ukcal.Date{}) {
				t.Errorf("got %v alongside an error", got)
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	tests := []struct {
		name     string
		div      ukcal.Division
		from, to ukcal.Date
		want     int
	}{
		{"same day", ukcal.EnglandAndWales, day(2026, time.May, 14), day(2026, time.May, 14), 0},
		{"to before from", ukcal.EnglandAndWales, day(2026, time.May, 14), day(2026, time.May, 1), 0},
		{"next day", ukcal.EnglandAndWales, day(2026, time.May, 14), day(2026, time.May, 15), 1},
		{"weekend only", ukcal.EnglandAndWales, day(2026, time.May, 22), day(2026, time.May, 24), 0},
		{"weekend and bank holiday only", ukcal.EnglandAndWales, day(2026, time.May, 22), day(2026, time.May, 25), 0},
		{"from a Saturday", ukcal.EnglandAndWales, day(2026, time.May, 23), day(2026, time.May, 28), 3},
		// 31 December, 2, 5, 6 January in England; Scotland loses 2 January.
		{"New Year, England", ukcal.EnglandAndWales, day(2025, time.December, 30), day(2026, time.January, 6), 4},
		{"New Year, Scotland", ukcal.Scotland, day(2025, time.December, 30), day(2026, time.January, 6), 3},
		{"whole year", ukcal.EnglandAndWales, day(2025, time.December, 31), day(2026, time.December, 31), 253},
		// to on a non-working day counts the working days up to it.
		{"to on a holiday", ukcal.Scotland, day(2026, time.June, 10), day(2026, time.June, 15), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ukcal.WorkingDaysBetween(tt.div, tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("WorkingDaysBetween(%v, %v, %v) = %d, want %d", tt.div, tt.from, tt.to, got, tt.want)
			}
		})
	}
}

func TestWorkingDaysBetweenErrors(t *testing.T) {
	tests := []struct {
		name     string
		div      ukcal.Division
		from, to ukcal.Date
		want     error
	}{
		{"invalid from", ukcal.EnglandAndWales, day(2026, time.June, 31), day(2026, time.July, 1), &ukcal.DateError{Date: day(2026, time.June, 31)}},
		{"invalid to, even before from", ukcal.EnglandAndWales, day(2026, time.July, 1), day(2026, time.June, 31), &ukcal.DateError{Date: day(2026, time.June, 31)}},
		{"to after LastYear", ukcal.EnglandAndWales, day(2026, time.July, 1), day(2100, time.January, 1), &ukcal.RangeError{Year: 2100}},
		{"from before FirstYear", ukcal.EnglandAndWales, day(1990, time.July, 1), day(2026, time.January, 1), &ukcal.RangeError{Year: 1990}},
		{"no division", 0, day(2026, time.July, 1), day(2026, time.July, 2), &ukcal.DivisionError{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ukcal.WorkingDaysBetween(tt.div, tt.from, tt.to)
			checkError(t, err, tt.want)
		})
	}
}

// reference is a deliberately naive model of the working-day functions,
// built only from Holidays and Date, against which the optimized
// implementation is compared.
type reference map[ukcal.Division]map[ukcal.Date]bool

func newReference(t *testing.T) reference {
	t.Helper()
	ref := make(reference)
	for _, dv := range allDivisions() {
		set := make(map[ukcal.Date]bool)
		for year := ukcal.FirstYear; year <= ukcal.LastYear; year++ {
			hs, err := ukcal.Holidays(dv.div, year)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range hs {
				set[h.Date] = true
			}
		}
		ref[dv.div] = set
	}
	return ref
}

func (r reference) working(div ukcal.Division, d ukcal.Date) bool {
	w := d.Weekday()
	return w != time.Saturday && w != time.Sunday && !r[div][d]
}

func (r reference) add(div ukcal.Division, from ukcal.Date, n int) ukcal.Date {
	d := from
	for n > 0 {
		d = d.AddDays(1)
		if r.working(div, d) {
			n--
		}
	}
	return d
}

func (r reference) between(div ukcal.Division, from, to ukcal.Date) int {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if r.working(div, d) {
			n++
		}
	}
	return n
}

func randomDate(rng *rand.Rand, firstYear, lastYear int) ukcal.Date {
	start := day(firstYear, time.January, 1)
	span := day(lastYear, time.December, 31).Time().Sub(start.Time()) / (24 * time.Hour)
	return start.AddDays(rng.IntN(int(span) + 1))
}

// TestWorkingDayProperties checks, on random inputs drawn with a fixed
// seed, that AddWorkingDays and WorkingDaysBetween agree with each other
// and with the naive reference, that a deadline is always a working day,
// and that it is the earliest day on which n working days have elapsed.
func TestWorkingDayProperties(t *testing.T) {
	ref := newReference(t)
	rng := rand.New(rand.NewPCG(2026, 5))
	divs := allDivisions()
	for i := 0; i < 20000; i++ {
		div := divs[rng.IntN(len(divs))].div
		from := randomDate(rng, ukcal.FirstYear, ukcal.LastYear-3)
		n := rng.IntN(700)

		got, err := ukcal.AddWorkingDays(div, from, n)
		if err != nil {
			t.Fatalf("AddWorkingDays(%v, %v, %d): %v", div, from, n, err)
		}
		if want := ref.add(div, from, n); got != want {
			t.Fatalf("AddWorkingDays(%v, %v, %d) = %v, reference says %v", div, from, n, got, want)
		}
		if back, err := ukcal.WorkingDaysBetween(div, from, got); err != nil || back != n {
			t.Fatalf("WorkingDaysBetween(%v, %v, AddWorkingDays(…, %d) = %v) = %d, %v", div, from, n, got, back, err)
		}
		if n == 0 {
			if got != from {
				t.Fatalf("AddWorkingDays(%v, %v, 0) = %v", div, from, got)
			}
			continue
		}
		if ok, err := ukcal.IsWorkingDay(div, got); err != nil || !ok {
			t.Fatalf("AddWorkingDays(%v, %v, %d) = %v, which is not a working day", div, from, n, got)
		}
		if prev, err := ukcal.WorkingDaysBetween(div, from, got.AddDays(-1)); err != nil || prev != n-1 {
			t.Fatalf("%v is not the earliest deadline: %d working days had already elapsed the day before", got, prev)
		}
	}

	// WorkingDaysBetween against the reference for arbitrary pairs,
	// including reversed ones and pairs spanning several years.
	for i := 0; i < 5000; i++ {
		div := divs[rng.IntN(len(divs))].div
		from := randomDate(rng, ukcal.FirstYear, ukcal.LastYear)
		to := from.AddDays(rng.IntN(1200) - 100)
		if to.Year > ukcal.LastYear {
			continue
		}
		got, err := ukcal.WorkingDaysBetween(div, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if want := ref.between(div, from, to); got != want {
			t.Fatalf("WorkingDaysBetween(%v, %v, %v) = %d, reference says %d", div, from, to, got, want)
		}
	}
}

// TestConcurrentUse runs the API from many goroutines at once; under
// go test -race it also proves that there is no shared mutable state.
func TestConcurrentUse(t *testing.T) {
	from := day(2026, time.December, 23)
	want, err := ukcal.AddWorkingDays(ukcal.Scotland, from, 10)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				got, err := ukcal.AddWorkingDays(ukcal.Scotland, from, 10)
				if err == nil && got != want {
					t.Errorf("concurrent AddWorkingDays = %v, want %v", got, want)
					return
				}
				if err == nil {
					_, err = ukcal.Holidays(ukcal.Division(1+i%3), 1995+i%100)
				}
				if err == nil {
					_, err = ukcal.WorkingDaysBetween(ukcal.NorthernIreland, from, want)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	cases := []struct {
		name string
		from ukcal.Date
		n    int
	}{
		{"3 days", day(2026, time.May, 22), 3},
		{"20 days over Christmas", day(2026, time.December, 14), 20},
		{"1000 days", day(2026, time.May, 22), 1000},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ukcal.AddWorkingDays(ukcal.Scotland, bc.from, bc.n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkHolidays(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ukcal.Holidays(ukcal.NorthernIreland, 2026); err != nil {
			b.Fatal(err)
		}
	}
}
