package ukcal

import "fmt"

// RangeError reports a year outside [FirstYear, LastYear], either given
// directly or reached by working-day arithmetic.
type RangeError struct {
	Year int
}

// Error implements the error interface.
func (e *RangeError) Error() string {
	return fmt.Sprintf("ukcal: year %d is outside the supported range %d to %d", e.Year, FirstYear, LastYear)
}

// DateError reports a [Date] that does not name a real day, such as
// 30 February.
type DateError struct {
	Date Date
}

// Error implements the error interface.
func (e *DateError) Error() string {
	return "ukcal: invalid date " + e.Date.String()
}

// DivisionError reports a [Division] value that is not one of the
// package's constants (including the zero value).
type DivisionError struct {
	Division Division
}

// Error implements the error interface.
func (e *DivisionError) Error() string {
	return "ukcal: unknown division " + e.Division.String()
}

// CountError reports a negative working-day count passed to
// [AddWorkingDays].
type CountError struct {
	N int
}

// Error implements the error interface.
func (e *CountError) Error() string {
	return fmt.Sprintf("ukcal: working-day count %d is negative", e.N)
}
