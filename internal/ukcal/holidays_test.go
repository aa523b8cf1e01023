package ukcal_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openaesthetics/casebook/internal/ukcal"
)

// allDivisions lists the divisions with the keys GOV.UK uses for them.
func allDivisions() []struct {
	key string
	div ukcal.Division
} {
	return []struct {
		key string
		div ukcal.Division
	}{
		{"england-and-wales", ukcal.EnglandAndWales},
		{"scotland", ukcal.Scotland},
		{"northern-ireland", ukcal.NorthernIreland},
	}
}

// The years covered by testdata/gov-uk-bank-holidays.json; see
// testdata/README.md for where each year comes from.
const (
	govUKFirstYear = 2012
	govUKLastYear  = 2028
)

// govUKEvent is one event of https://www.gov.uk/bank-holidays.json.
type govUKEvent struct {
	Title   string `json:"title"`
	Date    string `json:"date"`
	Notes   string `json:"notes"`
	Bunting bool   `json:"bunting"`
}

// loadGovUK reads the GOV.UK data and returns, per division key, the
// events of each year.
func loadGovUK(t *testing.T) map[string]map[int][]govUKEvent {
	t.Helper()
	raw, err := os.ReadFile("testdata/gov-uk-bank-holidays.json")
	if err != nil {
		t.Fatal(err)
	}
	var feed map[string]struct {
		Division string       `json:"division"`
		Events   []govUKEvent `json:"events"`
	}
	if err := json.Unmarshal(raw, &feed); err != nil {
		t.Fatalf("parsing GOV.UK data: %v", err)
	}
	out := make(map[string]map[int][]govUKEvent)
	for key, division := range feed {
		if division.Division != key {
			t.Fatalf("GOV.UK data: division %q filed under %q", division.Division, key)
		}
		byYear := make(map[int][]govUKEvent)
		for _, e := range division.Events {
			d, err := time.Parse(time.DateOnly, e.Date)
			if err != nil {
				t.Fatalf("GOV.UK data: %s: %v", key, err)
			}
			byYear[d.Year()] = append(byYear[d.Year()], e)
		}
		out[key] = byYear
	}
	return out
}

// baseName reduces a holiday name to what GOV.UK and this package have in
// common: GOV.UK writes a typographic apostrophe and marks substitute days
// in a separate notes field, this package writes a plain apostrophe and a
// " (substitute day)" suffix.
func baseName(name string) string {
	name = strings.ReplaceAll(name, "\u2019", "'")
	return strings.TrimSuffix(name, " (substitute day)")
}

// TestHolidaysMatchGovUK is the main check of the calendars: for every year
// of the GOV.UK list and every division, Holidays must return exactly the
// published dates, and the same holidays by name.
//
// Names are compared as a multiset per year because GOV.UK is not
// consistent about which of two adjacent days carries which name (Scotland
// 2017 versus 2023, see testdata/README.md), while the dates are what
// matters for working-day arithmetic and are compared exactly.
func TestHolidaysMatchGovUK(t *testing.T) {
	govUK := loadGovUK(t)
	for _, dv := range allDivisions() {
		years, ok := govUK[dv.key]
		if !ok {
			t.Fatalf("GOV.UK data has no %q division", dv.key)
		}
		for year := range years {
			if year < govUKFirstYear || year > govUKLastYear {
				t.Errorf("GOV.UK data for %s has year %d outside %d-%d; update the test's range and the README",
					dv.key, year, govUKFirstYear, govUKLastYear)
			}
		}
		for year := govUKFirstYear; year <= govUKLastYear; year++ {
			t.Run(fmt.Sprintf("%s/%d", dv.key, year), func(t *testing.T) {
				want := years[year]
				if len(want) == 0 {
					t.Fatalf("GOV.UK data has no %s events in %d", dv.key, year)
				}
				got, err := ukcal.Holidays(dv.div, year)
				if err != nil {
					t.Fatal(err)
				}

				var wantDates, gotDates, wantNames, gotNames []string
				for _, e := range want {
					wantDates = append(wantDates, e.Date)
					wantNames = append(wantNames, baseName(e.Title))
				}
				for _, h := range got {
					gotDates = append(gotDates, h.Date.String())
					gotNames = append(gotNames, baseName(h.Name))
				}
				slices.Sort(wantDates)
				if !slices.Equal(gotDates, wantDates) {
					t.Errorf("dates differ from GOV.UK\n got: %v\nwant: %v\nmissing: %v\nextra:   %v",
						gotDates, wantDates, minus(wantDates, gotDates), minus(gotDates, wantDates))
				}
				slices.Sort(wantNames)
				slices.Sort(gotNames)
				if !slices.Equal(gotNames, wantNames) {
					t.Errorf("names differ from GOV.UK\n got: %q\nwant: %q", gotNames, wantNames)
				}
			})
		}
	}
}

// minus returns the elements of a that are not in b.
func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// TestHolidaysBefore2012 covers years that no GOV.UK list reaches. The
// expectations were worked out by hand from the sources cited on each case,
// applying Schedule 1 of the Banking and Financial Dealings Act 1971 (as
// amended) and the usual annual proclamations; the Easter dates are those
// of the table in easter_test.go.
func TestHolidaysBefore2012(t *testing.T) {
	tests := []struct {
		name string
		div  ukcal.Division
		year int
		want []string
	}{
		{
			// New Year's Day (Sunday 1 January) on Monday 2 January; Easter
			// 16 April; the early May bank holiday moved from 1 to 8 May
			// for the 50th anniversary of VE Day (reported in 2019-20 as
			// the only move before the 2020 one).
			name: "1995 VE Day move", div: ukcal.EnglandAndWales, year: 1995,
			want: []string{"1995-01-02", "1995-04-14", "1995-04-17", "1995-05-08", "1995-05-29", "1995-08-28", "1995-12-25", "1995-12-26"},
		},
		{
			// Proclamation of 24 June 1998 (London Gazette, notice
			// L-55182-5SI): Friday 1 January and Monday 3 May 1999 in
			// England, Wales and Northern Ireland. Christmas Day and Boxing
			// Day on Saturday and Sunday, so Monday 27 and Tuesday 28
			// December; Friday 31 December 1999 for the millennium.
			name: "1999 millennium, England and Wales", div: ukcal.EnglandAndWales, year: 1999,
			want: []string{"1999-01-01", "1999-04-02", "1999-04-05", "1999-05-03", "1999-05-31", "1999-08-30", "1999-12-27", "1999-12-28", "1999-12-31"},
		},
		{
			// Same proclamation, for Scotland: Monday 4 January 1999 (for
			// Saturday 2 January) and Monday 31 May 1999. No Easter
			// Monday; summer holiday on the first Monday of August; no St
			// Andrew's Day before 2007.
			name: "1999 millennium, Scotland", div: ukcal.Scotland, year: 1999,
			want: []string{"1999-01-01", "1999-01-04", "1999-04-02", "1999-05-03", "1999-05-31", "1999-08-02", "1999-12-27", "1999-12-28", "1999-12-31"},
		},
		{
			// "The standard New Year's Day holiday will be taken on Monday
			// January 3, 2000 because January 1 falls on a Saturday"
			// (Sunday Times, 17 April 1998, on the millennium plans).
			name: "2000 New Year substitute", div: ukcal.EnglandAndWales, year: 2000,
			want: []string{"2000-01-03", "2000-04-21", "2000-04-24", "2000-05-01", "2000-05-29", "2000-08-28", "2000-12-25", "2000-12-26"},
		},
		{
			// Golden Jubilee: "the one-off extra bank holiday would be on
			// Monday 3 June 2002 ... The Spring Bank Holiday, which had
			// been due to fall on 27 May, will be moved to Tuesday 4 June"
			// (BBC News, 24 November 2000).
			name: "2002 Golden Jubilee", div: ukcal.NorthernIreland, year: 2002,
			want: []string{"2002-01-01", "2002-03-18", "2002-03-29", "2002-04-01", "2002-05-06", "2002-06-03", "2002-06-04", "2002-07-12", "2002-08-26", "2002-12-25", "2002-12-26"},
		},
		{
			// 1 January a Saturday and 2 January a Sunday: the Act moves
			// the Sunday holiday to Monday 3 January, and the 2004
			// proclamation appointed Tuesday 4 January 2005 in place of
			// Saturday 1 January (https://dracos.co.uk/wrote/bad-bank-holidays).
			// Christmas on Sunday: Monday 26 and Tuesday 27 December.
			name: "2005 Scotland, both New Year days at the weekend", div: ukcal.Scotland, year: 2005,
			want: []string{"2005-01-03", "2005-01-04", "2005-03-25", "2005-05-02", "2005-05-30", "2005-08-01", "2005-12-26", "2005-12-27"},
		},
		{
			// 1 January a Sunday: Schedule 1 of the Act makes 2 January
			// (Monday) a holiday in its own right and moves New Year's Day
			// to 3 January. 30 November 2006 is not yet a holiday.
			name: "2006 Scotland, New Year's Day on Sunday", div: ukcal.Scotland, year: 2006,
			want: []string{"2006-01-02", "2006-01-03", "2006-04-14", "2006-05-01", "2006-05-29", "2006-08-07", "2006-12-25", "2006-12-26"},
		},
		{
			// St Andrew's Day Bank Holiday (Scotland) Act 2007: first
			// observed on Friday 30 November 2007.
			name: "2007 Scotland, first St Andrew's Day", div: ukcal.Scotland, year: 2007,
			want: []string{"2007-01-01", "2007-01-02", "2007-04-06", "2007-05-07", "2007-05-28", "2007-08-06", "2007-11-30", "2007-12-25", "2007-12-26"},
		},
		{
			// No proclamation was made for Saturday 2 January 2010, so
			// Monday 4 January was not a bank holiday (Scottish Government
			// confirmation, January 2014, recorded at
			// https://dracos.co.uk/wrote/bad-bank-holidays). Christmas on
			// Saturday: Monday 27 and Tuesday 28 December.
			name: "2010 Scotland, no substitute for 2 January", div: ukcal.Scotland, year: 2010,
			want: []string{"2010-01-01", "2010-04-02", "2010-05-03", "2010-05-31", "2010-08-02", "2010-11-30", "2010-12-27", "2010-12-28"},
		},
		{
			// Sunday 2 January moves to Monday 3 January under the Act; no
			// proclamation for Saturday 1 January, so no 4 January (same
			// source). Royal wedding on Friday 29 April, adopted by the
			// Scottish Government on 23 November 2010.
			name: "2011 Scotland, royal wedding and one New Year day", div: ukcal.Scotland, year: 2011,
			want: []string{"2011-01-03", "2011-04-22", "2011-04-29", "2011-05-02", "2011-05-30", "2011-08-01", "2011-11-30", "2011-12-26", "2011-12-27"},
		},
		{
			// Royal wedding announced for England, Wales and Northern
			// Ireland on 23 November 2010; Easter Monday (25 April) and
			// the early May holiday (2 May) in the same fortnight.
			name: "2011 England and Wales, royal wedding", div: ukcal.EnglandAndWales, year: 2011,
			want: []string{"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ukcal.Holidays(tt.div, tt.year)
			if err != nil {
				t.Fatal(err)
			}
			var gotDates []string
			for _, h := range got {
				gotDates = append(gotDates, h.Date.String())
			}
			if !slices.Equal(gotDates, tt.want) {
				t.Errorf("Holidays(%v, %d)\n got: %v\nwant: %v", tt.div, tt.year, gotDates, tt.want)
			}
		})
	}
}

func TestHolidaysNames(t *testing.T) {
	tests := []struct {
		div  ukcal.Division
		date ukcal.Date
		want string
	}{
		{ukcal.EnglandAndWales, ukcal.Date{Year: 2022, Month: time.December, Day: 27}, "Christmas Day (substitute day)"},
		{ukcal.EnglandAndWales, ukcal.Date{Year: 2022, Month: time.December, Day: 26}, "Boxing Day"},
		{ukcal.Scotland, ukcal.Date{Year: 2017, Month: time.January, Day: 2}, "2nd January"},
		{ukcal.Scotland, ukcal.Date{Year: 2017, Month: time.January, Day: 3}, "New Year's Day (substitute day)"},
		{ukcal.Scotland, ukcal.Date{Year: 2011, Month: time.January, Day: 3}, "2nd January (substitute day)"},
		{ukcal.Scotland, ukcal.Date{Year: 2025, Month: time.December, Day: 1}, "St Andrew's Day (substitute day)"},
		{ukcal.NorthernIreland, ukcal.Date{Year: 2025, Month: time.July, Day: 14}, "Battle of the Boyne (Orangemen's Day) (substitute day)"},
		{ukcal.NorthernIreland, ukcal.Date{Year: 2024, Month: time.March, Day: 18}, "St Patrick's Day (substitute day)"},
		{ukcal.EnglandAndWales, ukcal.Date{Year: 2020, Month: time.May, Day: 8}, "Early May bank holiday (VE day)"},
		{ukcal.EnglandAndWales, ukcal.Date{Year: 2022, Month: time.June, Day: 2}, "Spring bank holiday"},
		{ukcal.Scotland, ukcal.Date{Year: 2026, Month: time.June, Day: 15}, "World Cup bank holiday"},
	}
	for _, tt := range tests {
		t.Run(tt.div.String()+"/"+tt.date.String(), func(t *testing.T) {
			hs, err := ukcal.Holidays(tt.div, tt.date.Year)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(hs, func(h ukcal.Holiday) bool { return h.Date == tt.date })
			if i < 0 {
				t.Fatalf("%v is not a holiday in %v", tt.date, tt.div)
			}
			if hs[i].Name != tt.want {
				t.Errorf("name = %q, want %q", hs[i].Name, tt.want)
			}
		})
	}
}

// TestHolidaysInvariants checks properties that every year in range must
// have, including the rule-based predictions beyond the published lists.
func TestHolidaysInvariants(t *testing.T) {
	for _, dv := range allDivisions() {
		for year := ukcal.FirstYear; year <= ukcal.LastYear; year++ {
			hs, err := ukcal.Holidays(dv.div, year)
			if err != nil {
				t.Fatalf("Holidays(%v, %d): %v", dv.div, year, err)
			}
			names := make(map[string]int)
			for i, h := range hs {
				switch {
				case !h.Date.Valid() || h.Date.Year != year:
					t.Errorf("%v %d: date %v not in the year", dv.div, year, h.Date)
				case h.Date.Weekday() == time.Saturday || h.Date.Weekday() == time.Sunday:
					t.Errorf("%v %d: %v (%s) is at a weekend", dv.div, year, h.Date, h.Name)
				case i > 0 && !hs[i-1].Date.Before(h.Date):
					t.Errorf("%v %d: %v not strictly after %v", dv.div, year, h.Date, hs[i-1].Date)
				case h.Name == "":
					t.Errorf("%v %d: %v has no name", dv.div, year, h.Date)
				}
				names[baseName(h.Name)]++
			}
			required := []string{"Good Friday", "Early May bank holiday", "Spring bank holiday", "Summer bank holiday", "Christmas Day", "Boxing Day", "New Year's Day"}
			switch dv.div {
			case ukcal.Scotland:
				required = append(required, "2nd January")
				if year >= 2007 {
					required = append(required, "St Andrew's Day")
				}
			case ukcal.NorthernIreland:
				required = append(required, "Easter Monday", "St Patrick's Day", "Battle of the Boyne (Orangemen's Day)")
			default:
				required = append(required, "Easter Monday")
			}
			// The only rule-based holidays allowed to be missing are the
			// two Scottish New Year substitutes that were never proclaimed.
			unproclaimed := func(name string) bool {
				return dv.div == ukcal.Scotland &&
					(name == "2nd January" && year == 2010 || name == "New Year's Day" && year == 2011)
			}
			for _, name := range required {
				count := names[name]
				if name == "Early May bank holiday" {
					count += names["Early May bank holiday (VE day)"] // 1995 and 2020
				}
				if count == 1 || count == 0 && unproclaimed(name) {
					continue
				}
				t.Errorf("%v %d: %q appears %d times, want once", dv.div, year, name, count)
			}
			if dv.div == ukcal.Scotland && names["Easter Monday"] != 0 {
				t.Errorf("Scotland %d: Easter Monday is not a bank holiday in Scotland", year)
			}
		}
	}
}

func TestHolidaysReturnsFreshSlice(t *testing.T) {
	first, err := ukcal.Holidays(ukcal.EnglandAndWales, 2026)
	if err != nil {
		t.Fatal(err)
	}
	first[0] = ukcal.Holiday{Name: "scribbled on"}
	second, err := ukcal.Holidays(ukcal.EnglandAndWales, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if second[0].Name != "New Year's Day" {
		t.Errorf("a caller's change leaked into a later result: %+v", second[0])
	}
}

func TestHolidaysErrors(t *testing.T) {
	tests := []struct {
		name string
		div  ukcal.Division
		year int
		want error
	}{
		{"before FirstYear", ukcal.EnglandAndWales, ukcal.FirstYear - 1, &ukcal.RangeError{Year: ukcal.FirstYear - 1}},
		{"after LastYear", ukcal.Scotland, ukcal.LastYear + 1, &ukcal.RangeError{Year: ukcal.LastYear + 1}},
		{"absurd year", ukcal.Scotland, math.MinInt, &ukcal.RangeError{Year: math.MinInt}},
		{"zero division", 0, 2026, &ukcal.DivisionError{Division: 0}},
		{"unknown division", ukcal.Division(4), 2026, &ukcal.DivisionError{Division: 4}},
		{"negative division", ukcal.Division(-1), 2026, &ukcal.DivisionError{Division: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ukcal.Holidays(tt.div, tt.year)
			checkError(t, err, tt.want)
			if got != nil {
				t.Errorf("got holidays %v alongside an error", got)
			}
		})
	}
}

// checkError asserts that err has the same concrete type and value as
// want and that its message carries the package prefix.
func checkError(t *testing.T, err, want error) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want %v", want)
	}
	if !strings.HasPrefix(err.Error(), "ukcal: ") {
		t.Errorf("error %q lacks the \"ukcal: \" prefix", err)
	}
	switch w := want.(type) {
	case *ukcal.RangeError:
		var got *ukcal.RangeError
		if !errors.As(err, &got) || *got != *w {
			t.Errorf("err = %#v, want %#v", err, w)
		}
	case *ukcal.DivisionError:
		var got *ukcal.DivisionError
		if !errors.As(err, &got) || *got != *w {
			t.Errorf("err = %#v, want %#v", err, w)
		}
	case *ukcal.DateError:
		var got *ukcal.DateError
		if !errors.As(err, &got) || *got != *w {
			t.Errorf("err = %#v, want %#v", err, w)
		}
	case *ukcal.CountError:
		var got *ukcal.CountError
		if !errors.As(err, &got) || *got != *w {
			t.Errorf("err = %#v, want %#v", err, w)
		}
	default:
		t.Fatalf("checkError: unexpected error type %T", want)
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&ukcal.RangeError{Year: 1990}, "ukcal: year 1990 is outside the supported range 1995 to 2099"},
		{&ukcal.DateError{Date: ukcal.Date{Year: 2026, Month: time.February, Day: 30}}, "ukcal: invalid date 2026-02-30"},
		{&ukcal.DivisionError{Division: 0}, "ukcal: unknown division Division(0)"},
		{&ukcal.CountError{N: -3}, "ukcal: working-day count -3 is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDivisionString(t *testing.T) {
	tests := []struct {
		div  ukcal.Division
		want string
	}{
		{ukcal.EnglandAndWales, "England and Wales"},
		{ukcal.Scotland, "Scotland"},
		{ukcal.NorthernIreland, "Northern Ireland"},
		{0, "Division(0)"},
		{ukcal.Division(-7), "Division(-7)"},
	}
	for _, tt := range tests {
		if got := tt.div.String(); got != tt.want {
			t.Errorf("Division(%d).String() = %q, want %q", int(tt.div), got, tt.want)
		}
	}
}
