package complication

import (
	"errors"
	"math"
	"time"
)

// Precision is how much of a [PartialDate] is known.
type Precision uint8

// Precisions, from least to most precise. The zero value means the date was
// not recorded.
const (
	PrecisionNone   Precision = iota // not recorded
	PrecisionYear                    // YYYY
	PrecisionMonth                   // YYYY-MM
	PrecisionDay                     // YYYY-MM-DD
	PrecisionMinute                  // YYYY-MM-DDThh:mm, local clock time
)

// String returns the precision's name: "none", "year", "month", "day" or "minute".
func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	case PrecisionMinute:
		return "minute"
	}
	return "none"
}

// ErrPartialDate is returned (wrapped) when text is not a partial date. The
// error never repeats the text, which may be a patient's date.
var ErrPartialDate = errors.New("complication: invalid partial date: want YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm")

// PartialDate is a calendar date known to a year, a month, a day or a minute:
// "2026", "2026-05", "2026-05-14" or "2026-05-14T10:30". The precision is part
// of the value: 2026-05 is a different fact from 2026-05-01 and is never
// padded. Times are local clock times with no zone, as clinics record them.
//
// The zero value means "not recorded". PartialDate is comparable; use
// [PartialDate.Start], [PartialDate.End] and [Interval] for arithmetic that
// respects the precision.
type PartialDate struct {
	year   int16
	month  uint8
	day    uint8
	hour   uint8
	minute uint8
	prec   Precision
}

// DateOf returns the partial date of t's own calendar date and clock time,
// truncated to p. A p of PrecisionNone gives the zero PartialDate.
func DateOf(t time.Time, p Precision) PartialDate {
	y, m, d := t.Date()
	if p == PrecisionNone || y < 1 || y > 9999 {
		return PartialDate{}
	}
	pd := PartialDate{year: int16(y), month: uint8(m), day: uint8(d), hour: uint8(t.Hour()), minute: uint8(t.Minute()), prec: PrecisionMinute}
	return pd.Truncate(p)
}

// ParsePartialDate parses YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm. It
// rejects impossible dates such as 2026-02-30 and years outside 0001–9999.
// Errors wrap [ErrPartialDate].
func ParsePartialDate(s string) (PartialDate, error) {
	var pd PartialDate
	num := func(from, n int) (int, bool) {
		v := 0
		for i := from; i < from+n; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	switch len(s) {
	case 4, 7, 10, 16:
	default:
		return PartialDate{}, ErrPartialDate
	}
	y, ok := num(0, 4)
	if !ok || y < 1 {
		return PartialDate{}, ErrPartialDate
	}
	pd.year, pd.prec = int16(y), PrecisionYear
	if len(s) == 4 {
		return pd, nil
	}
	m, ok := num(5, 2)
	if !ok || s[4] != '-' || m < 1 || m > 12 {
		return PartialDate{}, ErrPartialDate
	}
	pd.month, pd.prec = uint8(m), PrecisionMonth
	if len(s) == 7 {
		return pd, nil
	}
	d, ok := num(8, 2)
	if !ok || s[7] != '-' || d < 1 || d > daysIn(time.Month(m), y) {
		return PartialDate{}, ErrPartialDate
	}
	pd.day, pd.prec = uint8(d), PrecisionDay
	if len(s) == 10 {
		return pd, nil
	}
	hh, ok1 := num(11, 2)
	mm, ok2 := num(14, 2)
	if s[10] != 'T' || s[13] != ':' || !ok1 || !ok2 || hh > 23 || mm > 59 {
		return PartialDate{}, ErrPartialDate
	}
	pd.hour, pd.minute, pd.prec = uint8(hh), uint8(mm), PrecisionMinute
	return pd, nil
}

// MustParsePartialDate is like [ParsePartialDate] but panics if s is not a
// partial date. It is meant for constants in programs and tests.
func MustParsePartialDate(s string) PartialDate {
	pd, err := ParsePartialDate(s)
	if err != nil {
		panic(err)
	}
	return pd
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date was not recorded.
func (d PartialDate) IsZero() bool { return d.prec == PrecisionNone }

// Precision reports how much of the date is known.
func (d PartialDate) Precision() Precision { return d.prec }

// Year returns the year, or 0 if the date was not recorded.
func (d PartialDate) Year() int { return int(d.year) }

// Month returns the month, or 0 if it is not known.
func (d PartialDate) Month() time.Month {
	if d.prec < PrecisionMonth {
		return 0
	}
	return time.Month(d.month)
}

// Day returns the day of the month, or 0 if it is not known.
func (d PartialDate) Day() int {
	if d.prec < PrecisionDay {
		return 0
	}
	return int(d.day)
}

// Clock returns the hour and minute, and whether they are known.
func (d PartialDate) Clock() (hour, minute int, ok bool) {
	if d.prec < PrecisionMinute {
		return 0, 0, false
	}
	return int(d.hour), int(d.minute), true
}

// Truncate returns d with its precision reduced to at most p. Truncating
// never invents precision: a year-only date stays year-only.
func (d PartialDate) Truncate(p Precision) PartialDate {
	if p >= d.prec {
		return d
	}
	out := PartialDate{prec: p}
	if p >= PrecisionYear {
		out.year = d.year
	}
	if p >= PrecisionMonth {
		out.month = d.month
	}
	if p >= PrecisionDay {
		out.day = d.day
	}
	return out
}

// AddDays moves a date known to the day or minute by n days, keeping its
// precision and clock time. Dates known only to the month or year cannot be
// moved by days without inventing or losing information, so ok is false for
// them (and for the zero date) and d is returned unchanged.
func (d PartialDate) AddDays(n int) (_ PartialDate, ok bool) {
	if d.prec < PrecisionDay {
		return d, false
	}
	t := d.Start().AddDate(0, 0, n)
	if t.Year() < 1 || t.Year() > 9999 {
		return d, false
	}
	return DateOf(t, d.prec), true
}

// Start returns the first instant the date covers, as a UTC time: for
// "2026-05" that is 2026-05-01T00:00Z. It returns the zero time.Time for the
// zero PartialDate. The UTC location is a convention: partial dates carry
// local clock times with no zone.
func (d PartialDate) Start() time.Time {
	switch d.prec {
	case PrecisionYear:
		return time.Date(int(d.year), 1, 1, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		return time.Date(int(d.year), time.Month(d.month), 1, 0, 0, 0, 0, time.UTC)
	case PrecisionDay:
		return time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, time.UTC)
	case PrecisionMinute:
		return time.Date(int(d.year), time.Month(d.month), int(d.day), int(d.hour), int(d.minute), 0, 0, time.UTC)
	}
	return time.Time{}
}

// End returns the first instant after the period the date covers: for
// "2026-05" that is 2026-06-01T00:00Z. It returns the zero time.Time for the
// zero PartialDate.
func (d PartialDate) End() time.Time {
	s := d.Start()
	switch d.prec {
	case PrecisionYear:
		return s.AddDate(1, 0, 0)
	case PrecisionMonth:
		return s.AddDate(0, 1, 0)
	case PrecisionDay:
		return s.AddDate(0, 0, 1)
	case PrecisionMinute:
		return s.Add(time.Minute)
	}
	return time.Time{}
}

// firstDay and lastDay are the first and last calendar days the date covers.
func (d PartialDate) firstDay() time.Time { return d.Truncate(PrecisionDay).Start() }
func (d PartialDate) lastDay() time.Time  { return d.Truncate(PrecisionDay).End().AddDate(0, 0, -1) }

// Before reports whether d certainly lies before u: every instant d covers is
// earlier than every instant u covers. Dates of different precision that
// overlap, such as 2026-05 and 2026-05-14, are neither before nor after each
// other. It is false if either date is zero.
func (d PartialDate) Before(u PartialDate) bool {
	if d.IsZero() || u.IsZero() {
		return false
	}
	return !d.End().After(u.Start())
}

// After reports whether d certainly lies after u. See [PartialDate.Before].
func (d PartialDate) After(u PartialDate) bool { return u.Before(d) }

// Interval returns the least and greatest number of whole calendar days from
// from to to that the two dates allow. Two dates known to the day give
// min == max. Clock times are ignored: a treatment at 09:00 and an onset at
// 18:00 on the same day are 0 days apart. ok is false if either date is zero.
func Interval(from, to PartialDate) (minDays, maxDays int, ok bool) {
	if from.IsZero() || to.IsZero() {
		return 0, 0, false
	}
	fromFirst, fromLast := from.dayRange()
	toFirst, toLast := to.dayRange()
	return saturatedDays(toFirst - fromLast), saturatedDays(toLast - fromFirst), true
}

// maxDurationDays is the most whole days a time.Duration holds (about 292
// years).
const maxDurationDays = int(math.MaxInt64 / int64(24*time.Hour))

// saturatedDays limits n to ±maxDurationDays. Interval used to subtract
// time.Time values, whose difference saturates at the largest Duration; it
// keeps that result for dates more than 292 years apart, so exports stay
// the same.
func saturatedDays(n int) int { return max(-maxDurationDays, min(n, maxDurationDays)) }

// dayRange returns the day numbers ([civilDay]) of the first and last
// calendar days d covers. d must not be zero.
func (d PartialDate) dayRange() (first, last int) {
	y, m := int(d.year), int(d.month)
	switch d.prec {
	case PrecisionYear:
		return civilDay(y, 1, 1), civilDay(y+1, 1, 1) - 1
	case PrecisionMonth:
		if m == 12 {
			return civilDay(y, 12, 1), civilDay(y+1, 1, 1) - 1
		}
		return civilDay(y, m, 1), civilDay(y, m+1, 1) - 1
	}
	n := civilDay(y, m, int(d.day))
	return n, n
}

// civilDay returns the number of days from 1970-01-01 to the date y-m-d
// (month 1 to 12) in the proleptic Gregorian calendar, as time.Date would
// count them, without building a time.Time (Howard Hinnant's
// days_from_civil). Interval uses it: it is called for every event of
// every record exported.
func civilDay(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400                     // [0, 399]
	doy := (153*((m+9)%12)+2)/5 + d - 1    // [0, 365], from March 1st
	doe := yoe*365 + yoe/4 - yoe/100 + doy // [0, 146096]
	return era*146097 + doe - 719468
}

// String returns the date in its own precision, or "" for the zero date.
func (d PartialDate) String() string {
	b, _ := d.MarshalText()
	return string(b)
}

// MarshalText implements [encoding.TextMarshaler]. The zero date marshals to
// empty text; struct fields use the omitzero option so it is omitted.
func (d PartialDate) MarshalText() ([]byte, error) {
	if d.prec == PrecisionNone {
		return []byte{}, nil
	}
	b := make([]byte, 0, 16)
	b = append4(b, int(d.year))
	if d.prec >= PrecisionMonth {
		b = append(b, '-')
		b = append2(b, int(d.month))
	}
	if d.prec >= PrecisionDay {
		b = append(b, '-')
		b = append2(b, int(d.day))
	}
	if d.prec >= PrecisionMinute {
		b = append(b, 'T')
		b = append2(b, int(d.hour))
		b = append(b, ':')
		b = append2(b, int(d.minute))
	}
	return b, nil
}

func append4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParsePartialDate].
func (d *PartialDate) UnmarshalText(text []byte) error {
	pd, err := ParsePartialDate(string(text))
	if err != nil {
		return err
	}
	*d = pd
	return nil
}
