package pii

// ValidNHSNumber reports whether s, ignoring spaces, hyphens and other
// non-digit separators, is a 10-digit number that passes the NHS
// modulus-11 check.
//
// The check follows the NHS Data Dictionary: multiply the first nine
// digits by the weights 10 down to 2, sum, and take 11 minus the sum
// modulo 11 as the check digit. A result of 11 means a check digit of 0;
// a result of 10 means no valid number has those first nine digits.
// Roughly one random 10-digit string in eleven passes, so a valid
// checksum alone is weak evidence in free text; the detectors add layout
// and context rules on top.
func ValidNHSNumber(s string) bool {
	var d [10]int
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		if n == len(d) {
			return false
		}
		d[n] = int(c - '0')
		n++
	}
	if n != len(d) {
		return false
	}
	return nhsCheckDigits(d)
}

// nhsCheckDigits applies the modulus-11 check to ten digits.
func nhsCheckDigits(d [10]int) bool {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += d[i] * (10 - i)
	}
	check := 11 - sum%11
	switch check {
	case 11:
		check = 0
	case 10:
		return false
	}
	return check == d[9]
}

// nhsDigitsValid is ValidNHSNumber for a string already known to hold
// exactly ten ASCII digits.
func nhsDigitsValid(digits string) bool {
	if len(digits) != 10 {
		return false
	}
	var d [10]int
	for i := 0; i < 10; i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return false
		}
		d[i] = int(c - '0')
	}
	return nhsCheckDigits(d)
}
