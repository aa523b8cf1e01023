package ukcal

// IsWorkingDay reports whether d is a working day in div: a Monday to
// Friday that is not one of the division's [Holidays].
//
// It returns a *DateError if d is not a real date, a *RangeError if its
// year is outside [FirstYear, LastYear] and a *DivisionError for an unknown
// division.
func IsWorkingDay(div Division, d Date) (bool, error) {
	if err := checkArgs(div, d); err != nil {
		return false, err
	}
	var c yearCalendar
	c.build(div, d.Year)
	return c.isWorkingDay(d.days()), nil
}

// AddWorkingDays returns the date that is n working days after from in
// div: the day on which the n-th working day after from falls.
//
// The day from itself never counts, whether or not it is a working day,
// which is how "within n working days of receipt" is read. For example,
// in England and Wales a complaint received on Friday 22 May 2026, before
// the spring bank holiday on Monday 25 May, must be acknowledged within
// three working days by Thursday 28 May (Tuesday, Wednesday, Thursday);
// one received on Saturday 23 May has the same deadline. When n > 0 the
// result is always a working day; when n == 0 the result is from
// unchanged.
//
// n must not be negative: counting backwards has no single accepted meaning
// when from is itself not a working day, so a negative n returns a
// *CountError rather than a guess. AddWorkingDays also returns a
// *DateError, *RangeError or *DivisionError for invalid arguments, and a
// *RangeError if the result would fall after LastYear.
//
// For n >= 0, WorkingDaysBetween(div, from, AddWorkingDays(div, from, n))
// is n.
func AddWorkingDays(div Division, from Date, n int) (Date, error) {
	if err := checkArgs(div, from); err != nil {
		return Date{}, err
	}
	if n < 0 {
		return Date{}, &CountError{N: n}
	}
	if n == 0 {
		return from, nil
	}
	remaining := int64(n)
	day := from.days()
	var c yearCalendar
	for year := from.Year; year <= LastYear; year++ {
		c.build(div, year)
		end := daysFromCivil(int64(year), 12, 31)
		// Skip whole years at a time so that a large n costs one calendar
		// per year rather than a walk over every day.
		if avail := c.workingDaysIn(day+1, end); remaining > avail {
			remaining -= avail
			day = end
			continue
		}
		for day < end {
			day++
			if c.isWorkingDay(day) {
				remaining--
				if remaining == 0 {
					return dateFromDays(day), nil
				}
			}
		}
	}
	return Date{}, &RangeError{Year: LastYear + 1}
}

// WorkingDaysBetween returns the number of working days in div after from,
// up to and including to: the number of working days that have elapsed by
// the end of day to for something that happened on day from. It is 0 if to
// is not after from. It is the inverse of [AddWorkingDays]: for n >= 0,
// WorkingDaysBetween(div, from, AddWorkingDays(div, from, n)) is n.
//
// It returns a *DateError, *RangeError or *DivisionError for invalid
// arguments; both dates must be valid and within range even when to is
// not after from.
func WorkingDaysBetween(div Division, from, to Date) (int, error) {
	if err := checkArgs(div, from); err != nil {
		return 0, err
	}
	if err := checkDate(to); err != nil {
		return 0, err
	}
	first, last := from.days()+1, to.days()
	if first > last {
		return 0, nil
	}
	var c yearCalendar
	var total int64
	for year := dateFromDays(first).Year; year <= to.Year; year++ {
		c.build(div, year)
		lo := max(first, daysFromCivil(int64(year), 1, 1))
		hi := min(last, daysFromCivil(int64(year), 12, 31))
		total += c.workingDaysIn(lo, hi)
	}
	return int(total), nil
}

func checkArgs(div Division, d Date) error {
	if !div.valid() {
		return &DivisionError{Division: div}
	}
	return checkDate(d)
}

func checkDate(d Date) error {
	if !d.Valid() {
		return &DateError{Date: d}
	}
	if d.Year < FirstYear || d.Year > LastYear {
		return &RangeError{Year: d.Year}
	}
	return nil
}

// isWorkingDay reports whether day number z, which must lie in the
// calendar's year, is a working day.
func (c *yearCalendar) isWorkingDay(z int64) bool {
	return !isWeekend(z) && !c.has(z)
}

// workingDaysIn counts the working days in the closed range [lo, hi] of
// day numbers, which must lie in the calendar's year; it is 0 if lo > hi.
func (c *yearCalendar) workingDaysIn(lo, hi int64) int64 {
	if lo > hi {
		return 0
	}
	n := weekdaysIn(lo, hi)
	// Observed holidays are all weekdays and never share a day (the tests
	// check both for every supported year), so each one in range removes
	// exactly one working day.
	for _, e := range c.entries[:c.n] {
		if e.day >= lo && e.day <= hi && !isWeekend(e.day) {
			n--
		}
	}
	return n
}

// weekdaysIn counts the Mondays to Fridays in [lo, hi], lo <= hi.
func weekdaysIn(lo, hi int64) int64 {
	span := hi - lo + 1
	weeks := span / 7
	n := weeks * 5
	for z := lo + weeks*7; z <= hi; z++ {
		if !isWeekend(z) {
			n++
		}
	}
	return n
}
