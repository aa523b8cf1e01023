package pii

import "strings"

// Written dates ("3rd May 2024", "May 3, 2024", "May '24", "on 14/05")
// were the last date patterns the regexp engine ran, at every month name
// and every '/' in a narrative. matchDateDMY, matchDateMDY, matchDateMY
// and matchDateDM do what the anchored reDateDMY, reDateMDY, reDateMY and
// reDateDM do, by hand, in the same way as matchDateNumeric: each tries
// the expression's choices in the order the engine prefers them (an
// optional item present first, a greedy repeat longest first,
// alternatives left to right) and returns the first complete match with
// the submatches the engine reports. \d is ASCII only and \b tests ASCII
// word characters, as in package regexp; the expressions are
// case-sensitive, as the comparisons below are.

// monthAlts are the alternatives of monthAlt, in its order, which is the
// order the engine tries them in ("march" before "mar", "sept" before
// "sep").
var monthAlts = strings.Split(strings.TrimSuffix(strings.TrimPrefix(monthAlt, "(?:"), ")"), "|")

// optionalEnds returns the ends, in the engine's order of preference, of
// an optional byte from set at byte i of t: i+1 if such a byte is there,
// then i.
func optionalEnds(t string, i int, set string) (e [2]int, n int) {
	if i < len(t) && strings.IndexByte(set, t[i]) >= 0 {
		e[n] = i + 1
		n++
	}
	e[n] = i
	return e, n + 1
}

// ordinalEnds returns the ends, in the engine's order of preference, of
// the optional ordinal (st|nd|rd|th)? at byte i of t.
func ordinalEnds(t string, i int) (e [2]int, n int) {
	if i+2 <= len(t) {
		switch t[i : i+2] {
		case "st", "nd", "rd", "th":
			e[n] = i + 2
			n++
		}
	}
	e[n] = i
	return e, n + 1
}

// digitsAt reports whether n ASCII digits start at byte i of t.
func digitsAt(t string, i, n int) bool {
	if i+n > len(t) {
		return false
	}
	for k := i; k < i+n; k++ {
		if !isDigit(t[k]) {
			return false
		}
	}
	return true
}

// yearAt matches (?:'(\d{2})|(\d{4}))\b at byte i of t: it returns the
// end of the match, or -1, and the byte range of the digits and whether
// they are the two after an apostrophe. The two alternatives start with
// different bytes, so at most one applies.
func yearAt(t string, i int) (end, ds, de int, short bool) {
	if i < len(t) && t[i] == '\'' {
		if digitsAt(t, i+1, 2) && wordEnd(t, i+3) {
			return i + 3, i + 1, i + 3, true
		}
		return -1, 0, 0, false
	}
	if digitsAt(t, i, 4) && wordEnd(t, i+4) {
		return i + 4, i, i + 4, false
	}
	return -1, 0, 0, false
}

// setYear records a year found by yearAt in m, whose groups g and g+1
// are the two-digit and the four-digit year, and makes it the match's
// end.
func setYear(m []int, g, end, ds, de int, short bool) []int {
	m[1] = end
	if !short {
		g++
	}
	m[2*g], m[2*g+1] = ds, de
	return m
}

// matchDateDMY is the anchored reDateDMY's FindStringSubmatchIndex:
//
//	^\b(\d{1,2})(st|nd|rd|th)?(?: of)?[ \-/.]?(month)\b\.?(?:,?[ \-/.]?(?:'(\d{2})|(\d{4}))\b)?
//
// Once the month and the \b after it match, the rest cannot fail: \.?
// takes a full stop if there is one, and the year group is tried and
// otherwise left out.
func matchDateDMY(t string) []int {
	// \b at the start of the text holds before the digit \d{1,2} needs.
	days, nd := dateRep12.choices(t, 0)
	for _, de := range days[:nd] {
		ords, no := ordinalEnds(t, de)
		for _, oe := range ords[:no] {
			ofs, nf := [2]int{oe + 3, oe}, 2
			if !strings.HasPrefix(t[oe:], " of") {
				ofs, nf = [2]int{oe}, 1
			}
			for _, fe := range ofs[:nf] {
				seps, ns := optionalEnds(t, fe, " -/.")
				for _, ms := range seps[:ns] {
					for _, mo := range monthAlts {
						me := ms + len(mo)
						if !strings.HasPrefix(t[ms:], mo) || !wordEnd(t, me) {
							continue
						}
						m := []int{0, me, 0, de, -1, -1, ms, me, -1, -1, -1, -1}
						if oe > de {
							m[4], m[5] = de, oe
						}
						if me < len(t) && t[me] == '.' {
							m[1] = me + 1
						}
						commas, nc := optionalEnds(t, m[1], ",")
						for _, c := range commas[:nc] {
							seps, ns := optionalEnds(t, c, " -/.")
							for _, s := range seps[:ns] {
								if end, ys, ye, short := yearAt(t, s); end >= 0 {
									return setYear(m, 4, end, ys, ye, short)
								}
							}
						}
						return m
					}
				}
			}
		}
	}
	return nil
}

// matchDateMDY is the anchored reDateMDY's FindStringSubmatchIndex:
//
//	^\b(month)\.? (\d{1,2})(st|nd|rd|th)?\b(?:,? (?:'(\d{2})|(\d{4}))\b)?
//
// Once the \b after the day or its ordinal holds, the rest cannot fail:
// the year group is tried and otherwise left out.
func matchDateMDY(t string) []int {
	// \b at the start of the text holds before the letter a month needs.
	for _, mo := range monthAlts {
		if !strings.HasPrefix(t, mo) {
			continue
		}
		me := len(mo)
		dots, nd := optionalEnds(t, me, ".")
		for _, d := range dots[:nd] {
			if d >= len(t) || t[d] != ' ' {
				continue
			}
			ds := d + 1
			days, nl := dateRep12.choices(t, ds)
			for _, de := range days[:nl] {
				de += ds
				ords, no := ordinalEnds(t, de)
				for _, oe := range ords[:no] {
					if !wordEnd(t, oe) {
						continue
					}
					m := []int{0, oe, 0, me, ds, de, -1, -1, -1, -1, -1, -1}
					if oe > de {
						m[6], m[7] = de, oe
					}
					commas, nc := optionalEnds(t, oe, ",")
					for _, c := range commas[:nc] {
						if c < len(t) && t[c] == ' ' {
							if end, ys, ye, short := yearAt(t, c+1); end >= 0 {
								return setYear(m, 4, end, ys, ye, short)
							}
						}
					}
					return m
				}
			}
		}
	}
	return nil
}

// matchDateMY is the anchored reDateMY's FindStringSubmatchIndex:
//
//	^\b(month)\.?,? (?:'(\d{2})|(\d{4}))\b
func matchDateMY(t string) []int {
	for _, mo := range monthAlts {
		if !strings.HasPrefix(t, mo) {
			continue
		}
		me := len(mo)
		dots, nd := optionalEnds(t, me, ".")
		for _, d := range dots[:nd] {
			commas, nc := optionalEnds(t, d, ",")
			for _, c := range commas[:nc] {
				if c >= len(t) || t[c] != ' ' {
					continue
				}
				if end, ys, ye, short := yearAt(t, c+1); end >= 0 {
					return setYear([]int{0, end, 0, me, -1, -1, -1, -1}, 2, end, ys, ye, short)
				}
			}
		}
	}
	return nil
}

// matchDateDM is the anchored reDateDM's FindStringSubmatchIndex:
//
//	^\b(?:on|dated|since|from|until|till) (\d{1,2})/(\d{1,2})\b
func matchDateDM(t string) []int {
	for _, w := range dateDMPrefixes {
		if !strings.HasPrefix(t, w) {
			continue
		}
		ds := len(w)
		days, nd := dateRep12.choices(t, ds)
		for _, de := range days[:nd] {
			de += ds
			if de >= len(t) || t[de] != '/' {
				continue
			}
			ms := de + 1
			mons, nm := dateRep12.choices(t, ms)
			for _, me := range mons[:nm] {
				if me += ms; wordEnd(t, me) {
					return []int{0, me, ds, de, ms, me}
				}
			}
		}
	}
	return nil
}
