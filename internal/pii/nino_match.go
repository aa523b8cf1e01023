package pii

// National Insurance numbers are looked for around every token of two or
// six or more digits. matchNINO does what the anchored reNINO does, by
// hand, in the way of matchDateNumeric: it tries the expression's choices
// in the order the engine prefers them and returns the first complete
// match with its submatches.

// The character classes of reNINO.
var (
	ninoPrefixFirst  = newCharClass("abceghj-prstw-z")
	ninoPrefixSecond = newCharClass("abceghj-nprstw-z")
	ninoSeparator    = " -"
	ninoSuffix       = newCharClass("a-d")
)

// matchNINO is the anchored reNINO's FindStringSubmatchIndex:
//
//	^\b([abceghj-prstw-z][abceghj-nprstw-z])[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})(?:[ -]?([a-d]))?\b
//
// Each [ -]? before a pair of digits is decided by the byte after it: a
// space or hyphen is not a digit, so leaving it out cannot work where it
// is present. The optional suffix is tried first, with its separator and
// then without, and left out only if neither is followed by \b.
func matchNINO(t string) []int {
	// \b at the start of the text holds before the letter the prefix
	// needs.
	if !ninoPrefixFirst.at(t, 0) || !ninoPrefixSecond.at(t, 1) {
		return nil
	}
	m := []int{0, 0, 0, 2, -1, -1, -1, -1, -1, -1, -1, -1}
	e := 2
	for g := 2; g <= 4; g++ {
		seps, n := optionalEnds(t, e, ninoSeparator)
		e = -1
		for _, s := range seps[:n] {
			if digitsAt(t, s, 2) {
				m[2*g], m[2*g+1] = s, s+2
				e = s + 2
				break
			}
		}
		if e < 0 {
			return nil
		}
	}
	seps, n := optionalEnds(t, e, ninoSeparator)
	for _, s := range seps[:n] {
		if ninoSuffix.at(t, s) && wordEnd(t, s+1) {
			m[1], m[10], m[11] = s+1, s, s+1
			return m
		}
	}
	// The digits end the match; \b after them needs a non-word byte or
	// the end of the text.
	if !wordEnd(t, e) {
		return nil
	}
	m[1] = e
	return m
}
