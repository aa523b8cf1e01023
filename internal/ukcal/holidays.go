package ukcal

import "time"

// The range of years for which calendars are available.
//
// FirstYear is 1995 because the one-off table has been checked back to
// then (the 1995 VE Day change is its earliest entry); before 1995 there
// are one-offs (1977, 1981) and rule differences that are not modelled.
//
// LastYear bounds the rule-based predictions. The rules change rarely (the
// last change was Scotland's St Andrew's Day in 2007), so a prediction for
// 2090 is not much less reliable than one for 2030; but beyond the latest
// list published on GOV.UK every year is a prediction that a royal
// proclamation can overturn. The bound also keeps working-day arithmetic
// fast whatever count it is given.
const (
	FirstYear = 1995
	LastYear  = 2099
)

// Holiday is a bank or public holiday as observed: Date is the weekday on
// which it is taken, which for a substitute day is not the anniversary
// itself.
type Holiday struct {
	Date Date
	// Name follows the wording of the GOV.UK list, where there is one,
	// with plain apostrophes: for example "Early May bank holiday" or
	// "St Andrew's Day". A
	// substitute day has " (substitute day)" appended, as in
	// "Boxing Day (substitute day)".
	Name string
}

// Holidays returns the holidays of div in year, sorted by date.
//
// Only days that take a working day away are listed: when a holiday falls
// at a weekend the list contains its substitute day instead, so every
// Date is a Monday to Friday and no Date appears twice. Christmas Day and
// Good Friday are included in every division even where they are common-law
// rather than bank holidays, because they are not working days either.
//
// Holidays returns a *RangeError if year is outside [FirstYear, LastYear]
// and a *DivisionError if div is not a Division constant. Each call returns
// a new slice that the caller may modify.
func Holidays(div Division, year int) ([]Holiday, error) {
	if !div.valid() {
		return nil, &DivisionError{Division: div}
	}
	if year < FirstYear || year > LastYear {
		return nil, &RangeError{Year: year}
	}
	var c yearCalendar
	c.build(div, year)
	out := make([]Holiday, c.n)
	for i, e := range c.entries[:c.n] {
		out[i] = Holiday{Date: dateFromDays(e.day), Name: e.displayName()}
	}
	return out, nil
}

// rule identifies why a day is a holiday; it names the holiday and lets the
// one-off table refer to a rule-based holiday in a given year.
type rule uint8

const (
	newYearsDay rule = iota + 1
	secondJanuary
	stPatricksDay
	goodFriday
	easterMonday
	earlyMay
	springBank
	battleOfTheBoyne
	summerBank
	stAndrewsDay
	christmasDay
	boxingDay
	extra // an additional one-off holiday; its name comes from the table
)

func (r rule) name() string {
	switch r {
	case newYearsDay:
		return "New Year's Day"
	case secondJanuary:
		return "2nd January"
	case stPatricksDay:
		return "St Patrick's Day"
	case goodFriday:
		return "Good Friday"
	case easterMonday:
		return "Easter Monday"
	case earlyMay:
		return "Early May bank holiday"
	case springBank:
		return "Spring bank holiday"
	case battleOfTheBoyne:
		return "Battle of the Boyne (Orangemen's Day)"
	case summerBank:
		return "Summer bank holiday"
	case stAndrewsDay:
		return "St Andrew's Day"
	case christmasDay:
		return "Christmas Day"
	case boxingDay:
		return "Boxing Day"
	default:
		return "Bank holiday"
	}
}

// entry is one observed holiday. Names are resolved lazily, in
// displayName, so that building a calendar for working-day arithmetic does
// not allocate.
type entry struct {
	day        int64 // days since 1970-01-01
	rule       rule
	substitute bool   // taken in place of a weekend date
	name       string // overrides rule.name() when not empty
}

func (e entry) displayName() string {
	name := e.name
	if name == "" {
		name = e.rule.name()
	}
	if e.substitute {
		name += " (substitute day)"
	}
	return name
}

// maxHolidaysPerYear bounds a year's calendar so that it can live in a
// fixed-size array on the stack. The busiest year in range (Northern
// Ireland 2022) has 12; the tests check every supported year against the
// bound.
const maxHolidaysPerYear = 16

// yearCalendar holds the observed holidays of one division in one year,
// sorted by day.
type yearCalendar struct {
	n       int
	entries [maxHolidaysPerYear]entry
}

func (c *yearCalendar) add(e entry) {
	// The bound is checked by the tests for every supported year, so the
	// guard never drops anything; it exists so that a future table edit
	// cannot turn into an index panic.
	if c.n < len(c.entries) {
		c.entries[c.n] = e
		c.n++
	}
}

func (c *yearCalendar) has(day int64) bool {
	for _, e := range c.entries[:c.n] {
		if e.day == day {
			return true
		}
	}
	return false
}

// fixedHoliday is a holiday on the same calendar date every year.
type fixedHoliday struct {
	month time.Month
	day   int
	rule  rule
}

// build fills c with the holidays of div in year, which the caller has
// checked is in [FirstYear, LastYear].
func (c *yearCalendar) build(div Division, year int) {
	c.n = 0

	// Holidays defined relative to Easter or as a given Monday can never
	// fall at a weekend, so they need no substitution.
	easter := easterSunday(year).days()
	c.add(entry{day: easter - 2, rule: goodFriday})
	if div != Scotland {
		c.add(entry{day: easter + 1, rule: easterMonday})
	}
	c.add(entry{day: nthMonday(year, time.May, 1), rule: earlyMay})
	c.add(entry{day: lastMonday(year, time.May), rule: springBank})
	if div == Scotland {
		c.add(entry{day: nthMonday(year, time.August, 1), rule: summerBank})
	} else {
		c.add(entry{day: lastMonday(year, time.August), rule: summerBank})
	}

	// One-off moves and additions come before the substitution of
	// fixed-date holidays, so that a substitute day can never be placed on
	// a day that is already a holiday.
	for i := range oneOffs {
		o := &oneOffs[i]
		if o.date.Year != year || !o.divisions.has(div) {
			continue
		}
		switch o.kind {
		case addHoliday:
			c.add(entry{day: o.date.days(), rule: extra, name: o.name})
		case moveHoliday:
			for j := range c.entries[:c.n] {
				if c.entries[j].rule == o.rule {
					c.entries[j].day = o.date.days()
					c.entries[j].name = o.name
				}
			}
		}
	}

	// Fixed-date holidays, in date order.
	var fixed [7]fixedHoliday
	nf := 0
	addFixed := func(m time.Month, d int, r rule) {
		fixed[nf] = fixedHoliday{month: m, day: d, rule: r}
		nf++
	}
	addFixed(time.January, 1, newYearsDay)
	switch div {
	case Scotland:
		addFixed(time.January, 2, secondJanuary)
		// St Andrew's Day Bank Holiday (Scotland) Act 2007, s. 1, in force
		// from 2007: "30th November, if it is not a Saturday or Sunday or,
		// if it is a Saturday or Sunday, the first Monday following that
		// day."
		if year >= 2007 {
			addFixed(time.November, 30, stAndrewsDay)
		}
	case NorthernIreland:
		addFixed(time.March, 17, stPatricksDay)
		addFixed(time.July, 12, battleOfTheBoyne)
	}
	addFixed(time.December, 25, christmasDay)
	addFixed(time.December, 26, boxingDay)

	// A fixed-date holiday on a weekday is taken on the day. One at a
	// weekend is taken on the first following weekday that is not already
	// a holiday, which is what the 1971 Act's Sunday rules and the annual
	// proclamations' Saturday substitutes amount to. Placing the weekday
	// ones first and then the weekend ones in date order yields the
	// double substitutions: Christmas on Saturday gives Monday 27 and
	// Tuesday 28 December; Christmas on Sunday gives Boxing Day on Monday
	// 26 and Christmas on Tuesday 27; in Scotland, 1 January on Sunday
	// gives 2 January on Monday and New Year's Day on Tuesday 3 January,
	// exactly as Schedule 1 of the Act provides.
	for _, f := range fixed[:nf] {
		if z := daysFromCivil(int64(year), int64(f.month), int64(f.day)); !isWeekend(z) {
			c.add(entry{day: z, rule: f.rule})
		}
	}
	for _, f := range fixed[:nf] {
		z := daysFromCivil(int64(year), int64(f.month), int64(f.day))
		if !isWeekend(z) || substituteWithheld(div, year, f.rule) {
			continue
		}
		for isWeekend(z) || c.has(z) {
			z++
		}
		c.add(entry{day: z, rule: f.rule, substitute: true})
	}

	// Insertion sort: at most a dozen or so entries, already nearly in order.
	for i := 1; i < c.n; i++ {
		for j := i; j > 0 && c.entries[j].day < c.entries[j-1].day; j-- {
			c.entries[j], c.entries[j-1] = c.entries[j-1], c.entries[j]
		}
	}
}

// substituteWithheld reports whether the one-off table records that no
// substitute day was appointed for rule r in year.
func substituteWithheld(div Division, year int, r rule) bool {
	for i := range oneOffs {
		o := &oneOffs[i]
		if o.kind == noSubstitute && o.date.Year == year && o.rule == r && o.divisions.has(div) {
			return true
		}
	}
	return false
}

// nthMonday returns the day number of the n-th Monday of month in year.
func nthMonday(year int, month time.Month, n int) int64 {
	first := daysFromCivil(int64(year), int64(month), 1)
	offset := floorMod(int64(time.Monday-weekdayOf(first)), 7)
	return first + offset + int64(n-1)*7
}

// lastMonday returns the day number of the last Monday of month in year.
func lastMonday(year int, month time.Month) int64 {
	last := daysFromCivil(int64(year), int64(month), int64(daysInMonth(year, month)))
	return last - floorMod(int64(weekdayOf(last)-time.Monday), 7)
}
