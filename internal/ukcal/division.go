package ukcal

import "strconv"

// Division is one of the three parts of the United Kingdom that have their
// own bank holidays.
//
// The zero value is deliberately not a division: a calendar must always be
// chosen explicitly, since silently defaulting to England and Wales would
// give wrong deadlines in Scotland and Northern Ireland.
type Division int

// The UK bank-holiday divisions. Wales shares its bank holidays with
// England, although its complaint rules differ; Wales-specific deadlines
// use EnglandAndWales.
const (
	EnglandAndWales Division = iota + 1
	Scotland
	NorthernIreland
)

// String returns the English name of the division, for example
// "England and Wales", or "Division(n)" for a value that is not one of the
// constants.
func (d Division) String() string {
	switch d {
	case EnglandAndWales:
		return "England and Wales"
	case Scotland:
		return "Scotland"
	case NorthernIreland:
		return "Northern Ireland"
	default:
		return "Division(" + strconv.Itoa(int(d)) + ")"
	}
}

func (d Division) valid() bool {
	return d >= EnglandAndWales && d <= NorthernIreland
}
