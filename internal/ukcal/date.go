package ukcal

import (
	"fmt"
	"time"
)

// Date is a civil (calendar) date in the proleptic Gregorian calendar, with
// no time of day and no time zone. Working-day deadlines are about calendar
// days, and keeping them out of [time.Time] avoids off-by-one errors from
// zone conversions and daylight-saving changes.
//
// The zero value is not a valid date; see [Date.Valid]. Date values are
// comparable with ==, which is the same as [Date.Equal].
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in t's own location. To take the
// UK date of an instant, convert it first, for example
// DateOf(t.In(london)) where london is the Europe/London location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Time returns midnight UTC at the start of d. An invalid date is
// normalized as by [time.Date], so 31 April becomes 1 May.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Valid reports whether d names a real day: Month between January and
// December and Day between 1 and the length of that month (taking leap
// years into account).
func (d Date) Valid() bool {
	return d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= daysInMonth(d.Year, d.Month)
}

// AddDays returns the date n days after d (before d if n is negative). An
// invalid d is normalized first, as by [time.Date].
func (d Date) AddDays(n int) Date {
	return dateFromDays(d.days() + int64(n))
}

// Weekday returns the day of the week of d (of its normalized form if d is
// invalid).
func (d Date) Weekday() time.Weekday {
	return weekdayOf(d.days())
}

// Before reports whether d is earlier than u. The fields are compared in
// the order Year, Month, Day, which is chronological order for valid dates.
func (d Date) Before(u Date) bool {
	if d.Year != u.Year {
		return d.Year < u.Year
	}
	if d.Month != u.Month {
		return d.Month < u.Month
	}
	return d.Day < u.Day
}

// After reports whether d is later than u, in the sense of [Date.Before].
func (d Date) After(u Date) bool {
	return u.Before(d)
}

// Equal reports whether d and u have the same fields. It is the same as
// d == u and is provided for symmetry with [time.Time.Equal].
func (d Date) Equal(u Date) bool {
	return d == u
}

// String returns d in ISO 8601 form, for example "2026-05-14". The fields
// are printed as they are, without normalization, so an invalid date is
// visible as such in error messages.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// The rest of this file converts between dates and a count of days since
// 1970-01-01. Working-day arithmetic walks and counts days, and doing that
// on integers is both simpler and cheaper than round-tripping through
// time.Time. The algorithms are Howard Hinnant's days_from_civil and
// civil_from_days (https://howardhinnant.github.io/date_algorithms.html),
// which are exact for the whole proleptic Gregorian calendar as long as the
// day count fits in an int64 (|Year| below about 2.5e16). Outside that the
// results are meaningless but nothing panics: Go integer overflow wraps.

// days returns the number of days from 1970-01-01 to d, normalizing an
// out-of-range month or day the same way time.Date does.
func (d Date) days() int64 {
	m := int64(d.Month) - 1 // 0-based, so that floor division carries into the year
	y := int64(d.Year) + floorDiv(m, 12)
	m = floorMod(m, 12) + 1
	return daysFromCivil(y, m, 1) + int64(d.Day) - 1
}

// daysFromCivil returns the day number of the valid date y-m-d.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400                     // year of era, [0, 399]
	mp := (m + 9) % 12                     // month counted from March, [0, 11]
	doy := (153*mp+2)/5 + d - 1            // day of (March-based) year, [0, 365]
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of era, [0, 146096]
	return era*146097 + doe - 719468
}

// dateFromDays is the inverse of Date.days.
func dateFromDays(z int64) Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{Year: int(y), Month: time.Month(m), Day: int(d)}
}

// weekdayOf returns the weekday of day number z (day 0, 1970-01-01, was a
// Thursday).
func weekdayOf(z int64) time.Weekday {
	return time.Weekday(floorMod(z+4, 7))
}

// isWeekend reports whether day number z is a Saturday or Sunday.
func isWeekend(z int64) bool {
	w := weekdayOf(z)
	return w == time.Saturday || w == time.Sunday
}

func isLeap(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

func daysInMonth(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	default:
		return 31
	}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	return a - floorDiv(a, b)*b
}

// DateAt returns the civil date in the United Kingdom at the instant t.
// UK clocks are on GMT, and on BST (GMT+1) from 01:00 GMT on the last
// Sunday of March to 01:00 GMT on the last Sunday of October (Summer Time
// Act 1972; Summer Time Order 2002, SI 2002/262). The rule is computed
// rather than read from the system's zone database, which keeps results
// the same on every machine and needs no files.
func DateAt(t time.Time) Date {
	u := t.UTC()
	if y := u.Year(); !u.Before(lastSunday(y, time.March)) && u.Before(lastSunday(y, time.October)) {
		u = u.Add(time.Hour)
	}
	return DateOf(u)
}

// lastSunday returns 01:00 UTC on the last Sunday of month m of year y.
func lastSunday(y int, m time.Month) time.Time {
	t := time.Date(y, m+1, 0, 1, 0, 0, 0, time.UTC) // last day of m
	return t.AddDate(0, 0, -int(t.Weekday()))
}
