package pii

// Numeric dates are the most common successful match of the date
// patterns, and a successful match is the regexp engine's most costly
// case. matchDateNumeric and matchDateISO do what the anchored
// expressions of reDateNumeric and reDateISO do, by hand: each tries the
// expression's choices in the order the engine prefers them (greedy
// repeats longest first, alternatives left to right) and returns the
// first complete match, so it finds the match and the submatches the
// engine reports. \d is ASCII only and \b tests ASCII word characters, as
// in package regexp.

// digitRep is a repeat of \d in a date expression: \d{lo,hi} with hi at
// most lo+1, or, with fourOrTwo, the alternation (\d{4}|\d{2}).
type digitRep struct {
	lo, hi    int
	fourOrTwo bool
}

var (
	dateRep12   = digitRep{lo: 1, hi: 2}
	dateRep4    = digitRep{lo: 4, hi: 4}
	dateRep4or2 = digitRep{fourOrTwo: true}
)

// choices returns the lengths, at most two, that r can take at byte i of
// t, in the engine's order of preference: a greedy repeat longest first,
// the alternation left to right.
func (r digitRep) choices(t string, i int) (c [2]int, n int) {
	run := 0
	for run < 4 && i+run < len(t) && isDigit(t[i+run]) {
		run++
	}
	if r.fourOrTwo {
		if run >= 4 {
			c[n] = 4
			n++
		}
		if run >= 2 {
			c[n] = 2
			n++
		}
		return c, n
	}
	for k := min(run, r.hi); k >= r.lo; k-- {
		c[n] = k
		n++
	}
	return c, n
}

// dateSepEnds returns the ends, in the engine's order of preference, of
// the date separator ([/.\-] ?| ) starting at byte i of t: a separator
// with its space, then without, or a lone space.
func dateSepEnds(t string, i int) (e [2]int, n int) {
	if i >= len(t) {
		return e, 0
	}
	switch t[i] {
	case '/', '.', '-':
		if i+1 < len(t) && t[i+1] == ' ' {
			return [2]int{i + 2, i + 1}, 2
		}
		return [2]int{i + 1}, 1
	case ' ':
		return [2]int{i + 1}, 1
	}
	return e, 0
}

// wordEnd reports whether \b holds at byte i of t after a word
// character: i ends t or a character that is not a word character
// follows.
func wordEnd(t string, i int) bool {
	return i == len(t) || !isRegexpWord(t[i])
}

// matchDateParts finds a match of
//
//	^\b(first)([/.\-] ?| )(second)([/.\-] ?| )(last)\b
//
// and returns it as FindStringSubmatchIndex would, or nil.
func matchDateParts(t string, first, second, last digitRep) []int {
	// \b at the start of the text holds before the digit the first group
	// needs.
	c1, n1 := first.choices(t, 0)
	for _, g1 := range c1[:n1] {
		e2, m2 := dateSepEnds(t, g1)
		for _, s2 := range e2[:m2] {
			c3, n3 := second.choices(t, s2)
			for _, g3 := range c3[:n3] {
				e4, m4 := dateSepEnds(t, s2+g3)
				for _, s4 := range e4[:m4] {
					c5, n5 := last.choices(t, s4)
					for _, g5 := range c5[:n5] {
						if e := s4 + g5; wordEnd(t, e) {
							return []int{0, e, 0, g1, g1, s2, s2, s2 + g3, s2 + g3, s4, s4, e}
						}
					}
				}
			}
		}
	}
	return nil
}

// matchDateNumeric is the anchored reDateNumeric's FindStringSubmatchIndex.
func matchDateNumeric(t string) []int {
	return matchDateParts(t, dateRep12, dateRep12, dateRep4or2)
}

// matchDateISO is the anchored reDateISO's FindStringSubmatchIndex.
func matchDateISO(t string) []int {
	return matchDateParts(t, dateRep4, dateRep12, dateRep12)
}
