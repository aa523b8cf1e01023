package pii

// Hand-written matchers for the simplest contact patterns, which match in
// every record that holds a handle or a web address. Each returns what
// the anchored expression's FindStringSubmatchIndex returns (neither
// expression has capturing groups), trying the expression's choices in
// the order the engine prefers them.

// isHandleByte reports whether c is in reHandle's [a-z0-9_].
func isHandleByte(c byte) bool { return isLowerAlnum(c) || c == '_' }

// matchHandle is the anchored reHandle's FindStringSubmatchIndex:
//
//	^@[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?
//
// The optional group is tried first, its repeat longest first, so the
// match takes the longest run of up to 28 handle characters or dots that
// a handle character then ends; failing that, just "@" and one character.
func matchHandle(t string) []int {
	if len(t) < 2 || t[0] != '@' || !isHandleByte(t[1]) {
		return nil
	}
	// run is how many of [a-z0-9_.] follow the first character.
	run := 0
	for 2+run < len(t) && (isHandleByte(t[2+run]) || t[2+run] == '.') {
		run++
	}
	// The repeat takes k of them and the character after must be a handle
	// character, which is within the run, so k < run.
	for k := min(28, run-1); k >= 0; k-- {
		if isHandleByte(t[2+k]) {
			return []int{0, 3 + k}
		}
	}
	return []int{0, 2}
}

// isURLTailByte reports whether the byte c can be part of a character of
// reURLScheme's [^\s<>"{}|\\^\[\]`]: any byte of a multi-byte or invalid
// character (the engine reads an invalid byte as U+FFFD, which the class
// holds), and any ASCII character but those listed and \s, which in
// package regexp is [\t\n\f\r ].
func isURLTailByte(c byte) bool {
	switch c {
	case '\t', '\n', '\f', '\r', ' ', '<', '>', '"', '{', '}', '|', '\\', '^', '[', ']', '`':
		return false
	}
	return true
}

// matchURLScheme is the anchored reURLScheme's FindStringSubmatchIndex:
//
//	^\b(?:https?://|www\.)[^\s<>"{}|\\^\[\]`]+
//
// \b holds at the start before the 'h' or 'w' either alternative needs.
// The alternatives cannot both match, and the repeat, having nothing
// after it, takes the whole run.
func matchURLScheme(t string) []int {
	var n int
	switch {
	case len(t) >= 8 && t[:8] == "https://":
		n = 8
	case len(t) >= 7 && t[:7] == "http://":
		n = 7
	case len(t) >= 4 && t[:4] == "www.":
		n = 4
	default:
		return nil
	}
	e := n
	for e < len(t) && isURLTailByte(t[e]) {
		e++
	}
	if e == n {
		return nil
	}
	return []int{0, e}
}
