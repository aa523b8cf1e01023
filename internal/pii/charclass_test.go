package pii

import (
	"regexp"
	"testing"
)

// TestCharClassesMatchRegexp holds each class the hand-written matchers
// use to the class of the expression it stands for, byte by byte.
func TestCharClassesMatchRegexp(t *testing.T) {
	for _, c := range []struct {
		set   *charClass
		class string
	}{
		{postcodeArea, `[a-pr-uwyz]`}, {postcodeThird, `[a-hjkpstuw]`}, {postcodeSecond, `[a-hk-y]`},
		{postcodeFourth, `[abehmnprv-y]`}, {postcodeInward, `[abd-hjlnp-uw-z]`}, {postcodeDigits, `\d`},
		{ninoPrefixFirst, `[abceghj-prstw-z]`}, {ninoPrefixSecond, `[abceghj-nprstw-z]`}, {ninoSuffix, `[a-d]`},
		{emailLocalFirst, `[a-z0-9]`}, {emailLocalRun, `[a-z0-9._%+'\-]`}, {emailLocalLast, `[a-z0-9_]`},
		{emailLabelByte, `[a-z0-9]`}, {emailLabelRun, `[a-z0-9\-]`}, {emailOpen, `[\[({<]`}, {emailClose, `[\])}>]`},
	} {
		re := regexp.MustCompile(`^` + c.class + `$`)
		for b := 0; b < 256; b++ {
			// A byte from 0x80 up is not a character on its own; the
			// classes hold ASCII characters only.
			want := b < 0x80 && re.MatchString(string(rune(b)))
			if c.set[b] != want {
				t.Errorf("%s: byte %q in set = %v, want %v", c.class, byte(b), c.set[b], want)
			}
		}
	}
}
