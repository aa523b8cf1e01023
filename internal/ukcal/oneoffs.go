package ukcal

import "time"

// changeKind says how a one-off entry changes the rule-based calendar.
type changeKind uint8

const (
	// addHoliday appoints an additional bank holiday on date.
	addHoliday changeKind = iota + 1
	// moveHoliday moves the rule-based holiday rule to date for that
	// year, renaming it if name is not empty.
	moveHoliday
	// noSubstitute records that rule fell at a weekend on date and, unusually,
	// no substitute weekday was appointed.
	noSubstitute
)

// divisionSet is a set of divisions, as a bit mask indexed by Division.
type divisionSet uint8

const (
	inEnglandAndWales divisionSet = 1 << EnglandAndWales
	inScotland        divisionSet = 1 << Scotland
	inNorthernIreland divisionSet = 1 << NorthernIreland
	inAllDivisions                = inEnglandAndWales | inScotland | inNorthernIreland
)

func (s divisionSet) has(d Division) bool {
	return d.valid() && s&(1<<uint(d)) != 0
}

// oneOff is a departure from the rules, made by royal proclamation (or, for
// Scotland since devolution, on the advice of the Scottish Ministers).
type oneOff struct {
	date      Date
	kind      changeKind
	rule      rule // the holiday moved or left unsubstituted
	divisions divisionSet
	name      string
}

// oneOffs lists every departure from the rules between FirstYear and the
// latest published calendar. It is never modified.
//
// Where GOV.UK publishes a list (2012 onwards), that list is the authority
// and the tests compare against it; each entry below also names the
// announcement or proclamation behind it. A new proclamation needs a new
// entry here, dated and sourced like the others.
var oneOffs = [...]oneOff{
	// The early May bank holiday moved from Monday 1 May to Monday 8 May
	// for the 50th anniversary of VE Day; the 2020 move was described at
	// the time as the second ever, after this one.
	{date: Date{1995, time.May, 8}, kind: moveHoliday, rule: earlyMay, divisions: inAllDivisions,
		name: "Early May bank holiday (VE day)"},

	// Friday 31 December 1999 appointed throughout the UK for the
	// millennium (announced by the Culture Secretary in April 1998).
	{date: Date{1999, time.December, 31}, kind: addHoliday, rule: extra, divisions: inAllDivisions,
		name: "Millennium bank holiday"},

	// Golden Jubilee: an extra bank holiday on Monday 3 June and the spring
	// bank holiday moved from Monday 27 May to Tuesday 4 June (Prime
	// Minister's written answer, 23 November 2000).
	{date: Date{2002, time.June, 3}, kind: addHoliday, rule: extra, divisions: inAllDivisions,
		name: "Queen's Golden Jubilee"},
	{date: Date{2002, time.June, 4}, kind: moveHoliday, rule: springBank, divisions: inAllDivisions},

	// Scotland: the 1971 Act substitutes only for a Sunday, so a Saturday
	// holiday needs a proclamation, and none was made for Saturday
	// 2 January 2010 or Saturday 1 January 2011. The Scottish Government
	// confirmed this in January 2014 (via the Privy Council Office, the
	// Crown Office and the Edinburgh Gazette), as recorded at
	// https://dracos.co.uk/wrote/bad-bank-holidays. So 4 January was not a
	// bank holiday in either year; in 2011 the Sunday 2 January holiday
	// still moved to Monday 3 January under the Act.
	{date: Date{2010, time.January, 2}, kind: noSubstitute, rule: secondJanuary, divisions: inScotland},
	{date: Date{2011, time.January, 1}, kind: noSubstitute, rule: newYearsDay, divisions: inScotland},

	// Wedding of Prince William and Catherine Middleton, Friday 29 April
	// 2011; announced for England, Wales and Northern Ireland on
	// 23 November 2010 and adopted for Scotland by the Scottish Government
	// the same day.
	{date: Date{2011, time.April, 29}, kind: addHoliday, rule: extra, divisions: inAllDivisions,
		name: "Royal wedding bank holiday"},

	// Diamond Jubilee: the spring bank holiday moved from Monday 28 May to
	// Monday 4 June, with an extra bank holiday on Tuesday 5 June (GOV.UK).
	{date: Date{2012, time.June, 4}, kind: moveHoliday, rule: springBank, divisions: inAllDivisions},
	{date: Date{2012, time.June, 5}, kind: addHoliday, rule: extra, divisions: inAllDivisions,
		name: "Queen's Diamond Jubilee"},

	// 75th anniversary of VE Day: the early May bank holiday moved from
	// Monday 4 May to Friday 8 May (proclamation in the London Gazette,
	// notice 3326938; GOV.UK).
	{date: Date{2020, time.May, 8}, kind: moveHoliday, rule: earlyMay, divisions: inAllDivisions,
		name: "Early May bank holiday (VE day)"},

	// Platinum Jubilee: the spring bank holiday moved from Monday 30 May to
	// Thursday 2 June, with an extra bank holiday on Friday 3 June (GOV.UK).
	{date: Date{2022, time.June, 2}, kind: moveHoliday, rule: springBank, divisions: inAllDivisions},
	{date: Date{2022, time.June, 3}, kind: addHoliday, rule: extra, divisions: inAllDivisions,
		name: "Platinum Jubilee bank holiday"},

	// State funeral of Queen Elizabeth II, Monday 19 September 2022
	// (London Gazette notice 4158896; GOV.UK).
	{date: Date{2022, time.September, 19}, kind: addHoliday, rule: extra, divisions: inAllDivisions,
		name: "Bank Holiday for the State Funeral of Queen Elizabeth II"},

	// Coronation of King Charles III, Monday 8 May 2023 (GOV.UK).
	{date: Date{2023, time.May, 8}, kind: addHoliday, rule: extra, divisions: inAllDivisions,
		name: "Bank holiday for the coronation of King Charles III"},

	// Scotland only: Monday 15 June 2026 after Scotland qualified for the
	// 2026 FIFA World Cup (GOV.UK, Scotland list, as retrieved in 2026).
	{date: Date{2026, time.June, 15}, kind: addHoliday, rule: extra, divisions: inScotland,
		name: "World Cup bank holiday"},
}
