package pii

// E-mail addresses are looked for around every '@', and reEmail, run on
// the rest of a window of up to a hundred bytes, cost the regexp engine
// most at each address it matched. matchEmail and matchEmailWord do what
// the anchored reEmail and reEmailWord do, by hand, in the way of
// matchDateNumeric: they try the expression's choices in the order the
// engine prefers them (alternatives left to right, optional and repeated
// items taking the most first) and return the first complete match.
// Neither expression has a capturing group, so the match is all they
// report.
//
// The choices nest, and a later part failing sends the engine back to
// the next choice of an earlier one, so each part below hands its ends,
// in order, to a function that tries the rest of the expression from
// there and returns the end of the match, or -1 to ask for the next
// choice.

// The character classes of the e-mail expressions.
var (
	emailLocalFirst = newCharClass("a-z0-9")       // first byte of emailLocal
	emailLocalRun   = newCharClass("a-z0-9._%+'-") // the repeat inside it
	emailLocalLast  = newCharClass("a-z0-9_")      // its last byte
	emailLabelByte  = newCharClass("a-z0-9")       // first and last byte of emailLabel
	emailLabelRun   = newCharClass("a-z0-9-")      // the repeat inside it
	emailOpen       = newCharClass("[({<")         // an opening bracket
	emailClose      = newCharClass("])}>")         // a closing bracket
)

// matchEmail is the anchored reEmail's FindStringSubmatchIndex:
//
//	^\b local (?: ?@ ?| ?[\[({<] ?at ?[\])}>] ?) label (?:dot label)* dot tld \b
func matchEmail(t string) []int {
	return matchEmailAt(t, emailAtSymEnds)
}

// matchEmailWord is the anchored reEmailWord's FindStringSubmatchIndex:
//
//	^\b local " at " label (?:dot label)* dot tld \b
func matchEmailWord(t string) []int {
	return matchEmailAt(t, func(t string, i int, rest func(int) int) int {
		if hasAt(t, i, " at ") {
			return rest(i + 4)
		}
		return -1
	})
}

// matchEmailAt matches an address whose '@' part at is, as matchEmail
// and matchEmailWord describe.
func matchEmailAt(t string, at func(t string, i int, rest func(int) int) int) []int {
	// \b at the start of the text holds before the letter or digit the
	// local part needs.
	end := emailLocalEnds(t, func(i int) int {
		return at(t, i, func(j int) int { return emailDomain(t, j) })
	})
	if end < 0 {
		return nil
	}
	return []int{0, end}
}

// hasAt reports whether s occurs in t at byte i.
func hasAt(t string, i int, s string) bool {
	return i+len(s) <= len(t) && t[i:i+len(s)] == s
}

// optional calls rest with the ends of ` ?` at byte i of t, a space
// first, and returns the first result that is not -1.
func optional(t string, i int, rest func(int) int) int {
	if i < len(t) && t[i] == ' ' {
		if e := rest(i + 1); e >= 0 {
			return e
		}
	}
	return rest(i)
}

// emailLocalEnds calls rest with the ends of emailLocal,
// [a-z0-9](?:[a-z0-9._%+'\-]*[a-z0-9_])?, at the start of t: the repeat
// takes the longest run it can and gives back a byte at a time, each
// time needing a last byte after it; the group left out comes last.
func emailLocalEnds(t string, rest func(int) int) int {
	if !emailLocalFirst.at(t, 0) {
		return -1
	}
	r := runEnd(t, 1, func(c byte) bool { return emailLocalRun[c] }) - 1
	for k := r; k >= 0; k-- {
		// The repeat takes bytes 1 to k, and byte 1+k is the last.
		if emailLocalLast.at(t, 1+k) {
			if e := rest(2 + k); e >= 0 {
				return e
			}
		}
	}
	return rest(1)
}

// emailAtSymEnds calls rest with the ends of emailAtSym,
// (?: ?@ ?| ?[\[({<] ?at ?[\])}>] ?), at byte i of t.
func emailAtSymEnds(t string, i int, rest func(int) int) int {
	if e := optional(t, i, func(j int) int {
		if j < len(t) && t[j] == '@' {
			return optional(t, j+1, rest)
		}
		return -1
	}); e >= 0 {
		return e
	}
	return emailBracketed(t, i, "at", rest)
}

// emailBracketed calls rest with the ends of ` ?[\[({<] ?word ?[\])}>] ?`
// at byte i of t.
func emailBracketed(t string, i int, word string, rest func(int) int) int {
	return optional(t, i, func(j int) int {
		if !emailOpen.at(t, j) {
			return -1
		}
		return optional(t, j+1, func(j int) int {
			if !hasAt(t, j, word) {
				return -1
			}
			return optional(t, j+len(word), func(j int) int {
				if !emailClose.at(t, j) {
					return -1
				}
				return optional(t, j+1, rest)
			})
		})
	})
}

// emailDotEnds calls rest with the ends of emailDot,
// (?:\.| ?[\[({<] ?dot ?[\])}>] ?| dot ), at byte i of t.
func emailDotEnds(t string, i int, rest func(int) int) int {
	if i < len(t) && t[i] == '.' {
		if e := rest(i + 1); e >= 0 {
			return e
		}
	}
	if e := emailBracketed(t, i, "dot", rest); e >= 0 {
		return e
	}
	if hasAt(t, i, " dot ") {
		return rest(i + 5)
	}
	return -1
}

// emailLabelEnds calls rest with the ends of emailLabel,
// [a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?, at byte i of t, in the same
// order as emailLocalEnds.
// reURLBare's labels are the same, and matchURLBare uses it too.
func emailLabelEnds(t string, i int, rest func(int) int) int {
	if !emailLabelByte.at(t, i) {
		return -1
	}
	r := runEnd(t, i+1, func(c byte) bool { return emailLabelRun[c] }) - (i + 1)
	for k := min(r, 61); k >= 0; k-- {
		if emailLabelByte.at(t, i+1+k) {
			if e := rest(i + 2 + k); e >= 0 {
				return e
			}
		}
	}
	return rest(i + 1)
}

// emailDomain returns the end of label (?:dot label)* dot tld \b at byte
// i of t, or -1.
func emailDomain(t string, i int) int {
	return emailLabelEnds(t, i, func(j int) int { return emailDomainRest(t, j) })
}

// emailDomainRest returns the end of (?:dot label)* dot tld \b at byte i
// of t, or -1. The repeat tries one more label first and stops only when
// that fails.
func emailDomainRest(t string, i int) int {
	if e := emailDotEnds(t, i, func(j int) int {
		return emailLabelEnds(t, j, func(k int) int { return emailDomainRest(t, k) })
	}); e >= 0 {
		return e
	}
	return emailDotEnds(t, i, func(j int) int { return emailTLDEnd(t, j) })
}

// emailTLDEnd returns the end of emailTLD, [a-z]{2,24}, and the \b after
// it at byte i of t, or -1: the longest run of letters that \b follows.
func emailTLDEnd(t string, i int) int {
	r := runEnd(t, i, func(c byte) bool { return c >= 'a' && c <= 'z' }) - i
	for k := min(r, 24); k >= 2; k-- {
		if wordEnd(t, i+k) {
			return i + k
		}
	}
	return -1
}
