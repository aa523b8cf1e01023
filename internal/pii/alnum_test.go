package pii

import "testing"

// TestIsAlnumMatchesOracle checks isAlnumAt and isAlnumBefore against
// their oracles (oracle_test.go) at every offset, and one past each
// end, of the oracle texts, their matching copies and short texts of
// multi-byte and invalid characters.
func TestIsAlnumMatchesOracle(t *testing.T) {
	texts := append([]string{"", "a", "é", "aé", "éa", "\xff", "a\xff", "\xc3", "1\u0301", "ǅx", "٣٤"}, oracleTexts(t)...)
	for _, s := range texts {
		for _, x := range []string{s, Normalize(s).Text} {
			for i := -1; i <= len(x)+1; i++ {
				if got, want := isAlnumAt(x, i), oracleIsAlnumAt(x, i); got != want {
					t.Fatalf("isAlnumAt(%q, %d) = %v, want %v", x, i, got, want)
				}
				if got, want := isAlnumBefore(x, i), oracleIsAlnumBefore(x, i); got != want {
					t.Fatalf("isAlnumBefore(%q, %d) = %v, want %v", x, i, got, want)
				}
			}
		}
	}
}
