package pii

import "testing"

func TestValidNHSNumberGolden(t *testing.T) {
	cases := []struct {
		in   string
		want bool
		why  string
	}{
		{"9434765919", true, "NHS Data Dictionary worked example: sum 299, remainder 2, check 9"},
		{"943 476 5919", true, "display form 3-3-4"},
		{"943-476-5919", true, "hyphenated"},
		{"4010232137", true, "Presidio test vector"},
		{"401-023-2137", true, "Presidio test vector, hyphenated"},
		{"4010232138", false, "Presidio near miss"},
		{"9876544321", false, "NHS syntax example: check digit would be 2, not 1"},
		{"9990000018", true, "reserved test range"},
		{"1000000001", true, "sum 10, remainder 10, check 11-10 = 1"},
		{"4000000004", true, "sum 40, remainder 7, check 4"},
		{"0000000000", true, "remainder 0 gives 11, which means check digit 0"},
		{"1234567890", false, "first nine digits give check value 10: never issued"},
		{"1234567891", false, "check value 10 cannot be written as one digit"},
		{"123456789", false, "nine digits"},
		{"99900000180", false, "eleven digits"},
		{"", false, "empty"},
		{"abcdefghij", false, "no digits"},
	}
	for _, c := range cases {
		if got := ValidNHSNumber(c.in); got != c.want {
			t.Errorf("ValidNHSNumber(%q) = %v, want %v (%s)", c.in, got, c.want, c.why)
		}
	}
}

// TestCheckValueTenNeverValid checks every number whose first nine digits
// give a check value of 10: no final digit may make it valid.
func TestCheckValueTenNeverValid(t *testing.T) {
	found := 0
	for n := 100000000; n < 100000000+20000; n++ {
		var d [10]int
		x := n
		for i := 8; i >= 0; i-- {
			d[i] = x % 10
			x /= 10
		}
		sum := 0
		for i := 0; i < 9; i++ {
			sum += d[i] * (10 - i)
		}
		if 11-sum%11 != 10 {
			continue
		}
		found++
		for last := 0; last <= 9; last++ {
			d[9] = last
			if nhsCheckDigits(d) {
				t.Fatalf("prefix %09d with check value 10 accepted with last digit %d", n, last)
			}
		}
	}
	if found == 0 {
		t.Fatal("no check-value-10 prefixes exercised")
	}
}

// TestCheckValueElevenIsZero checks that a remainder of 0 (check value 11)
// requires a final 0.
func TestCheckValueElevenIsZero(t *testing.T) {
	for n := 200000000; n < 200000000+5000; n++ {
		var d [10]int
		x := n
		for i := 8; i >= 0; i-- {
			d[i] = x % 10
			x /= 10
		}
		sum := 0
		for i := 0; i < 9; i++ {
			sum += d[i] * (10 - i)
		}
		if sum%11 != 0 {
			continue
		}
		for last := 0; last <= 9; last++ {
			d[9] = last
			if got := nhsCheckDigits(d); got != (last == 0) {
				t.Fatalf("prefix %09d (check value 11) with last digit %d: valid=%v", n, last, got)
			}
		}
	}
}
