package pii

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The tokenizer feeds the detectors and the Matcher alike, so the oracle
// detectors share it; its previous version is kept here to prove that the
// faster one cuts every text into the same tokens.

func oracleTokenizeInto(toks []token, s string) []token {
	for i := 0; i < len(s); {
		sz, word, _ := wordRuneAt(s, i)
		if !word {
			i += sz
			continue
		}
		start := i
		alpha, digit := false, false
		prevLetter := false
		for i < len(s) {
			sz, word, letter := wordRuneAt(s, i)
			if word {
				alpha = alpha || letter
				digit = digit || !letter
				prevLetter = letter
				i += sz
				continue
			}
			// An apostrophe or hyphen joins two letters.
			if (s[i] == '\'' || s[i] == '-') && prevLetter && i+1 < len(s) {
				if _, w, l := wordRuneAt(s, i+1); w && l {
					i++
					continue
				}
			}
			break
		}
		text := s[start:i]
		key := text
		if strings.ContainsAny(text, "'-") {
			key = stripJoiners(text)
		}
		toks = append(toks, token{start: start, end: i, text: text, key: key, alpha: alpha, digit: digit})
	}
	return toks
}

func TestTokenizeMatchesOracle(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(29, 30))
	check := func(s string) {
		t.Helper()
		n := Normalize(s)
		for _, text := range []string{n.Text, s} {
			if got, want := tokenizeInto(nil, text), oracleTokenizeInto(nil, text); !slices.Equal(got, want) {
				t.Fatalf("tokens of %q differ:\n got %v\nwant %v", text, got, want)
			}
		}
	}
	for _, s := range texts {
		check(s)
	}
	for range scaled(20000) {
		check(mutate(r, pick(r, texts)))
	}
}
