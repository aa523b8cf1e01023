package ukcal

import "time"

// easterSunday returns the date of Easter Sunday in the given year of the
// Gregorian calendar, the Western Easter from which Good Friday and Easter
// Monday are derived.
//
// It is the "anonymous Gregorian algorithm" (Meeus, Astronomical
// Algorithms, ch. 8, after Jones 1876 and Butcher 1876), which implements
// the ecclesiastical rules of the 1582 reform exactly: Easter is the first
// Sunday after the ecclesiastical full moon on or after 21 March. It uses
// only integer arithmetic and is valid for every Gregorian year; callers
// in this package pass only years in [FirstYear, LastYear], so the
// non-negative operands that Go's truncating division needs are
// guaranteed.
func easterSunday(year int) Date {
	a := year % 19             // position in the 19-year Metonic cycle
	b, c := year/100, year%100 // century and year within it
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3              // lunar (Metonic) correction
	h := (19*a + b - d - g + 15) % 30 // epact: days from 21 March to the full moon
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7 // days from the full moon to the next Sunday
	m := (a + 11*h + 22*l) / 451      // correction for the 29/28-day epact cases
	month := (h + l - 7*m + 114) / 31 // 3 = March, 4 = April
	day := (h+l-7*m+114)%31 + 1
	return Date{Year: year, Month: time.Month(month), Day: day}
}
