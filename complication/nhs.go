package complication

// ValidNHSNumber reports whether s is ten ASCII digits with a valid NHS
// modulus-11 check digit (NHS Data Dictionary: weights 10 to 2 on the first
// nine digits; 11 minus the remainder, where 11 gives 0 and 10 is never
// issued). Numbers from 999 000 0000 upwards are reserved for testing and are
// valid. Separators are not accepted: canonicalise first.
func ValidNHSNumber(s string) bool {
	if len(s) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 10; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		if i < 9 {
			sum += int(c-'0') * (10 - i)
		}
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(s[9]-'0')
}
