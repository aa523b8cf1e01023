package ukcal

import (
	"testing"
	"time"
)

// TestCalendarCapacity checks, for every input Holidays and the
// working-day functions can be given, that a year's holidays fit the
// fixed-size calendar with room to spare, so the guard in add never drops
// anything, and that observed holidays are distinct weekdays, which
// workingDaysIn relies on.
func TestCalendarCapacity(t *testing.T) {
	for div := EnglandAndWales; div <= NorthernIreland; div++ {
		for year := FirstYear; year <= LastYear; year++ {
			var c yearCalendar
			c.build(div, year)
			if c.n >= maxHolidaysPerYear {
				t.Errorf("%v %d: %d holidays, the calendar holds at most %d", div, year, c.n, maxHolidaysPerYear-1)
			}
			seen := make(map[int64]bool)
			for _, e := range c.entries[:c.n] {
				if isWeekend(e.day) || seen[e.day] {
					t.Errorf("%v %d: holiday %v is at a weekend or duplicated", div, year, dateFromDays(e.day))
				}
				seen[e.day] = true
			}
		}
	}
}

// TestOneOffTable checks that each one-off entry is well formed and
// actually changes the calendar it applies to, so that a mistyped date or
// rule cannot be silently ignored.
func TestOneOffTable(t *testing.T) {
	for _, o := range oneOffs {
		t.Run(o.date.String(), func(t *testing.T) {
			if !o.date.Valid() || o.date.Year < FirstYear || o.date.Year > LastYear {
				t.Fatalf("date %v invalid or out of range", o.date)
			}
			if o.divisions&^inAllDivisions != 0 || o.divisions == 0 {
				t.Fatalf("bad division set %b", o.divisions)
			}
			weekend := o.date.Weekday() == time.Saturday || o.date.Weekday() == time.Sunday
			for div := EnglandAndWales; div <= NorthernIreland; div++ {
				if !o.divisions.has(div) {
					continue
				}
				var c yearCalendar
				c.build(div, o.date.Year)
				observed := c.has(o.date.days())
				switch o.kind {
				case addHoliday, moveHoliday:
					if weekend || !observed {
						t.Errorf("%v: %v should be an observed weekday holiday", div, o.date)
					}
					if o.kind == addHoliday && (o.rule != extra || o.name == "") {
						t.Errorf("additional holiday needs rule extra and a name")
					}
				case noSubstitute:
					if !weekend {
						t.Errorf("%v: noSubstitute date %v is not at a weekend", div, o.date)
					}
					for _, e := range c.entries[:c.n] {
						if e.rule == o.rule {
							t.Errorf("%v: %v still has a %s on %v", div, o.date.Year, o.rule.name(), dateFromDays(e.day))
						}
					}
				default:
					t.Errorf("unknown kind %d", o.kind)
				}
			}
		})
	}
}
