package pii

// Bare web addresses are looked for at every dot before a known top-level
// domain, and reURLBare, with its repeated labels and its alternation of
// top-level domains, was the costliest contact expression left to the
// regexp engine. matchURLBare does what the anchored reURLBare does, by
// hand, in the way of matchEmail: each part tries its ends, in the order
// the engine prefers them, with the rest of the expression after each.

// matchURLBare is the anchored reURLBare's FindStringSubmatchIndex:
//
//	^\b(?:label\.)+(?:co\.uk|…|studio)\b(?:/[^\s<>"{}|\\^\[\]`]*)?
//
// with label as in emailLabel. \b holds at the start before the letter or
// digit a label needs.
func matchURLBare(t string) []int {
	if e := urlLabels(t, 0); e >= 0 {
		return []int{0, e}
	}
	return nil
}

// urlLabels returns the end of (?:label\.)+ and the rest of reURLBare
// at byte i of t, or -1. A label is emailLabel, and its ends are tried in
// the same order as there.
func urlLabels(t string, i int) int {
	if !emailLabelByte.at(t, i) {
		return -1
	}
	r := runEnd(t, i+1, func(c byte) bool { return emailLabelRun[c] }) - (i + 1)
	for k := min(r, 61); k >= -1; k-- {
		// The label ends after byte i+1+k, or, for k = -1, after the
		// first byte alone.
		if k >= 0 && !emailLabelByte.at(t, i+1+k) {
			continue
		}
		if e := i + 2 + k; e < len(t) && t[e] == '.' {
			if end := urlAfterLabels(t, e+1); end >= 0 {
				return end
			}
		}
	}
	return -1
}

// urlAfterLabels returns the end of the rest of reURLBare after a label
// and its dot at byte i of t, or -1: the repeat takes another label if the
// rest can follow it, and otherwise a top-level domain, the first of
// urlTLDList, in order, that \b follows, comes next.
func urlAfterLabels(t string, i int) int {
	if e := urlLabels(t, i); e >= 0 {
		return e
	}
	for _, tld := range urlTLDList {
		if e := i + len(tld); hasAt(t, i, tld) && wordEnd(t, e) {
			return urlPath(t, e)
		}
	}
	return -1
}

// urlPath returns the end of (?:/[^\s<>"{}|\\^\[\]`]*)? at byte i of t.
// Nothing follows it in the expression, so the group is taken whenever a
// '/' is there, with the whole run of path characters after it.
func urlPath(t string, i int) int {
	if i >= len(t) || t[i] != '/' {
		return i
	}
	i++
	for i < len(t) && isURLTailByte(t[i]) {
		i++
	}
	return i
}
