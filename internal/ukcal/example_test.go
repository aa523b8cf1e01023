package ukcal_test

import (
	"fmt"
	"log"
	"time"

	"github.com/openaesthetics/casebook/internal/ukcal"
)

// A complaint must be acknowledged within three working days of receipt.
// The day of receipt does not count, weekends and bank holidays are
// skipped, and the answer depends on where the complaint is handled.
func Example() {
	// Received on Friday 22 May 2026; Monday 25 May is the spring bank
	// holiday throughout the UK.
	received := ukcal.Date{Year: 2026, Month: time.May, Day: 22}
	due, err := ukcal.AddWorkingDays(ukcal.EnglandAndWales, received, 3)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("received", received, received.Weekday(), "-> due", due, due.Weekday())

	// Received on Tuesday 30 December 2025: 2 January is a bank holiday
	// in Scotland only.
	received = ukcal.Date{Year: 2025, Month: time.December, Day: 30}
	for _, div := range []ukcal.Division{ukcal.EnglandAndWales, ukcal.Scotland} {
		due, err := ukcal.AddWorkingDays(div, received, 3)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: due %v %v\n", div, due, due.Weekday())
	}
	// Output:
	// received 2026-05-22 Friday -> due 2026-05-28 Thursday
	// England and Wales: due 2026-01-05 Monday
	// Scotland: due 2026-01-06 Tuesday
}

func ExampleHolidays() {
	holidays, err := ukcal.Holidays(ukcal.NorthernIreland, 2026)
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range holidays {
		fmt.Println(h.Date, h.Date.Weekday().String()[:3], h.Name)
	}
	// Output:
	// 2026-01-01 Thu New Year's Day
	// 2026-03-17 Tue St Patrick's Day
	// 2026-04-03 Fri Good Friday
	// 2026-04-06 Mon Easter Monday
	// 2026-05-04 Mon Early May bank holiday
	// 2026-05-25 Mon Spring bank holiday
	// 2026-07-13 Mon Battle of the Boyne (Orangemen's Day) (substitute day)
	// 2026-08-31 Mon Summer bank holiday
	// 2026-12-25 Fri Christmas Day
	// 2026-12-28 Mon Boxing Day (substitute day)
}

func ExampleWorkingDaysBetween() {
	// How many working days had elapsed by Friday 19 June 2026 for a
	// complaint received on Wednesday 10 June? Scotland had its World Cup
	// bank holiday on Monday 15 June.
	from := ukcal.Date{Year: 2026, Month: time.June, Day: 10}
	to := ukcal.Date{Year: 2026, Month: time.June, Day: 19}
	for _, div := range []ukcal.Division{ukcal.EnglandAndWales, ukcal.Scotland} {
		n, err := ukcal.WorkingDaysBetween(div, from, to)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d\n", div, n)
	}
	// Output:
	// England and Wales: 7
	// Scotland: 6
}
