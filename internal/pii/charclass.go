package pii

// charClass is a set of bytes, for the character classes of hand-written
// matchers.
type charClass [256]bool

// newCharClass returns the set of the bytes of a character class written
// as in a regular expression, without brackets or escapes: single bytes
// and ranges such as "a-hjk"; a '-' that ends the class stands for
// itself.
func newCharClass(class string) *charClass {
	var s charClass
	for i := 0; i < len(class); i++ {
		if i+2 < len(class) && class[i+1] == '-' {
			for c := class[i]; c <= class[i+2]; c++ {
				s[c] = true
			}
			i += 2
			continue
		}
		s[class[i]] = true
	}
	return &s
}

// at reports whether byte i of t exists and is in s.
func (s *charClass) at(t string, i int) bool { return i < len(t) && s[t[i]] }
