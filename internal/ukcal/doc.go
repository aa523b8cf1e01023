// Package ukcal provides the bank-holiday calendars of the three United
// Kingdom holiday divisions and the working-day arithmetic that statutory
// and regulatory deadlines are written in.
//
// # Working days
//
// A working day is any day except Saturday, Sunday, Christmas Day, Good
// Friday or a day that is a bank holiday in the relevant part of the United
// Kingdom under the Banking and Financial Dealings Act 1971. Christmas Day
// and Good Friday are common-law holidays rather than bank holidays in
// England, Wales and Northern Ireland, but they are always part of the
// calendars returned here, so the definition reduces to "a weekday that is
// not in [Holidays]". Deadlines such as "acknowledge within three working
// days of receipt" are computed with [AddWorkingDays]; the day of receipt
// itself never counts.
//
// # Divisions
//
// Bank holidays are set separately for England and Wales, for Scotland and
// for Northern Ireland, and they genuinely differ: Scotland has 2 January
// and St Andrew's Day but not Easter Monday, and takes its summer bank
// holiday on the first rather than the last Monday in August; Northern
// Ireland adds St Patrick's Day and the Battle of the Boyne (12 July).
// Every function therefore takes a [Division]; there is deliberately no
// default, because a deadline computed for the wrong nation is wrong.
//
// # How the calendars are built
//
// The calendars are computed, not looked up: fixed dates, first/last-Monday
// rules, Easter (Gregorian computus) and the weekend substitution rules of
// the 1971 Act and the annual royal proclamations, followed by an explicit,
// immutable table of one-off changes (extra holidays for jubilees, a royal
// wedding, a state funeral, a coronation and the like; holidays moved to
// another date; and substitute days that were, unusually, never
// proclaimed). Each one-off carries its source in a comment.
//
// The package supports the years [FirstYear] to [LastYear]. The results
// have been checked against the list published by GOV.UK
// (https://www.gov.uk/bank-holidays.json) for every year it covers in the
// copies available when this package was written (2012 to 2028), and
// against royal proclamations and legislation for a selection of earlier
// years. Years after the latest published list are predictions from the
// rules: the Crown can add, move or cancel a bank holiday by proclamation
// at any time, usually months ahead but sometimes with only days' notice
// (the 2022 state funeral), and such a change needs a new entry in the
// one-off table before this package knows about it.
//
// # Dates
//
// [Date] is a civil date with no time of day and no time zone, so that a
// deadline is never shifted by a zone conversion. Use [DateOf] to take the
// calendar date of a [time.Time] in whatever location it carries (for
// example the Europe/London date on which a complaint was received).
//
// All functions are safe for concurrent use: the package keeps no mutable
// state, and each call computes what it needs.
package ukcal
