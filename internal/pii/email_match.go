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
// in order, to the part that follows it (named by an emailStep, not a
// function value, so that nothing is allocated), which tries the rest of
// the expression from there and returns the end of the match, or -1 to
// ask for the next choice.

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

// emailStep names what follows a part of an address.
type emailStep uint8

const (
	emailStepAt        emailStep = iota // the '@' part, then the domain
	emailStepDomain                     // a label, then emailStepRest
	emailStepRest                       // (?:dot label)* dot tld \b
	emailStepLabelRest                  // a label, then emailStepRest
	emailStepTLD                        // tld \b, the end of the match
	emailStepAtWord                     // " at ", then the domain
)

// matchEmail is the anchored reEmail's FindStringSubmatchIndex:
//
//	^\b local (?: ?@ ?| ?[\[({<] ?at ?[\])}>] ?) label (?:dot label)* dot tld \b
func matchEmail(t string) []int {
	return matchEmailAt(t, emailStepAt)
}

// matchEmailWord is the anchored reEmailWord's FindStringSubmatchIndex:
//
//	^\b local " at " label (?:dot label)* dot tld \b
func matchEmailWord(t string) []int {
	return matchEmailAt(t, emailStepAtWord)
}

// matchEmailAt matches an address whose '@' part is at, as matchEmail
// and matchEmailWord describe.
func matchEmailAt(t string, at emailStep) []int {
	// \b at the start of the text holds before the letter or digit the
	// local part needs.
	if !emailLocalFirst.at(t, 0) {
		return nil
	}
	// The local part is [a-z0-9](?:[a-z0-9._%+'\-]*[a-z0-9_])?: the
	// repeat takes the longest run it can and gives back a byte at a
	// time, each time needing a last byte after it; the group left out
	// comes last.
	r := runEnd(t, 1, func(c byte) bool { return emailLocalRun[c] }) - 1
	for k := r; k >= 0; k-- {
		// The repeat takes bytes 1 to k, and byte 1+k is the last.
		if emailLocalLast.at(t, 1+k) {
			if e := emailNext(t, at, 2+k); e >= 0 {
				return []int{0, e}
			}
		}
	}
	if e := emailNext(t, at, 1); e >= 0 {
		return []int{0, e}
	}
	return nil
}

// emailNext tries step at byte i of t and returns the end of the match,
// or -1.
func emailNext(t string, step emailStep, i int) int {
	switch step {
	case emailStepAt:
		return matchAtSym(t, i)
	case emailStepAtWord:
		if hasAt(t, i, " at ") {
			return emailNext(t, emailStepDomain, i+4)
		}
		return -1
	case emailStepDomain, emailStepLabelRest:
		return matchEmailLabel(t, i, emailStepRest)
	case emailStepRest:
		// The repeat tries one more label first and stops only when
		// that fails.
		if e := matchEmailDot(t, i, emailStepLabelRest); e >= 0 {
			return e
		}
		return matchEmailDot(t, i, emailStepTLD)
	case emailStepTLD:
		return emailTLDEnd(t, i)
	}
	return -1
}

// hasAt reports whether s occurs in t at byte i.
func hasAt(t string, i int, s string) bool {
	return i+len(s) <= len(t) && t[i:i+len(s)] == s
}

// matchAtSym returns the end of emailAtSym,
// (?: ?@ ?| ?[\[({<] ?at ?[\])}>] ?), and the domain after it at byte i
// of t, or -1.
func matchAtSym(t string, i int) int {
	sp, n := optionalEnds(t, i, " ")
	for _, a := range sp[:n] {
		if a < len(t) && t[a] == '@' {
			sp, n := optionalEnds(t, a+1, " ")
			for _, b := range sp[:n] {
				if e := emailNext(t, emailStepDomain, b); e >= 0 {
					return e
				}
			}
		}
	}
	return matchBracketed(t, i, "at", emailStepDomain)
}

// matchBracketed returns the end of ` ?[\[({<] ?word ?[\])}>] ?` and
// then next at byte i of t, or -1.
func matchBracketed(t string, i int, word string, next emailStep) int {
	s1, n1 := optionalEnds(t, i, " ")
	for _, a := range s1[:n1] {
		if !emailOpen.at(t, a) {
			continue
		}
		s2, n2 := optionalEnds(t, a+1, " ")
		for _, b := range s2[:n2] {
			if !hasAt(t, b, word) {
				continue
			}
			s3, n3 := optionalEnds(t, b+len(word), " ")
			for _, c := range s3[:n3] {
				if !emailClose.at(t, c) {
					continue
				}
				s4, n4 := optionalEnds(t, c+1, " ")
				for _, d := range s4[:n4] {
					if e := emailNext(t, next, d); e >= 0 {
						return e
					}
				}
			}
		}
	}
	return -1
}

// matchEmailDot returns the end of emailDot,
// (?:\.| ?[\[({<] ?dot ?[\])}>] ?| dot ), and then next at byte i of t,
// or -1.
func matchEmailDot(t string, i int, next emailStep) int {
	if i < len(t) && t[i] == '.' {
		if e := emailNext(t, next, i+1); e >= 0 {
			return e
		}
	}
	if e := matchBracketed(t, i, "dot", next); e >= 0 {
		return e
	}
	if hasAt(t, i, " dot ") {
		return emailNext(t, next, i+5)
	}
	return -1
}

// matchEmailLabel returns the end of emailLabel,
// [a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?, and then next at byte i of t,
// or -1: the repeat takes the longest run it can, at most 61 bytes, and
// gives back a byte at a time, each time needing a last byte after it;
// the group left out comes last. reURLBare's labels are the same (see
// urlLabels).
func matchEmailLabel(t string, i int, next emailStep) int {
	if !emailLabelByte.at(t, i) {
		return -1
	}
	r := runEnd(t, i+1, func(c byte) bool { return emailLabelRun[c] }) - (i + 1)
	for k := min(r, 61); k >= 0; k-- {
		if emailLabelByte.at(t, i+1+k) {
			if e := emailNext(t, next, i+2+k); e >= 0 {
				return e
			}
		}
	}
	return emailNext(t, next, i+1)
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
