package pii

import "strings"

// Postcodes are looked for at every short token with a digit, and
// rePostcode, though anchored and bounded, cost the regexp engine's
// set-up at each. matchPostcode does what the anchored rePostcode does,
// by hand, in the way of matchDateNumeric: it tries the expression's
// choices in the order the engine prefers them (alternatives left to
// right, an optional space present first, \d\d? longest first) and
// returns the first complete match. The expression has no capturing
// group, so the match is all it reports.

// The character classes of rePostcode, in the order it uses them.
var (
	postcodeArea   = newCharClass("a-pr-uwyz")   // first letter
	postcodeThird  = newCharClass("a-hjkpstuw")  // letter after A9
	postcodeSecond = newCharClass("a-hk-y")      // second letter of AA9
	postcodeFourth = newCharClass("abehmnprv-y") // letter after AA9
	postcodeInward = newCharClass("abd-hjlnp-uw-z")
	postcodeDigits = newCharClass("0-9")
)

// matchPostcode is the anchored rePostcode's FindStringSubmatchIndex:
//
//	^\b(?:gir ?0aa|[a-pr-uwyz](?:\d[a-hjkpstuw]|\d\d?|[a-hk-y]\d[abehmnprv-y]|[a-hk-y]\d\d?) ?\d[abd-hjlnp-uw-z]{2})\b
func matchPostcode(t string) []int {
	// \b at the start of the text holds before the letter either
	// alternative needs.
	if strings.HasPrefix(t, "gir") {
		sp, n := optionalEnds(t, 3, " ")
		for _, s := range sp[:n] {
			if strings.HasPrefix(t[s:], "0aa") && wordEnd(t, s+3) {
				return []int{0, s + 3}
			}
		}
	}
	if !postcodeArea.at(t, 0) {
		return nil
	}
	// The ends of the outward code, one per choice, in the engine's
	// order: the four alternatives, and \d\d? with two digits before one.
	var outs [6]int
	n := 0
	if postcodeDigits.at(t, 1) {
		if postcodeThird.at(t, 2) {
			outs[n] = 3
			n++
		}
		if postcodeDigits.at(t, 2) {
			outs[n] = 3
			n++
		}
		outs[n] = 2
		n++
	}
	if postcodeSecond.at(t, 1) && postcodeDigits.at(t, 2) {
		if postcodeFourth.at(t, 3) {
			outs[n] = 4
			n++
		}
		if postcodeDigits.at(t, 3) {
			outs[n] = 4
			n++
		}
		outs[n] = 3
		n++
	}
	for _, o := range outs[:n] {
		sp, ns := optionalEnds(t, o, " ")
		for _, s := range sp[:ns] {
			if postcodeDigits.at(t, s) && postcodeInward.at(t, s+1) && postcodeInward.at(t, s+2) && wordEnd(t, s+3) {
				return []int{0, s + 3}
			}
		}
	}
	return nil
}
