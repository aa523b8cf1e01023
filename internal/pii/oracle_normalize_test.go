package pii

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// oracleNormalize is Normalize built with oracleNormalizeInto.
func oracleNormalize(s string) *Normalized {
	n := &Normalized{
		start: make([]int, 0, len(s)),
		end:   make([]int, 0, len(s)),
		brk:   make([]bool, 0, len(s)),
	}
	oracleNormalizeInto(n, s, make([]byte, 0, len(s)))
	return n
}

// oracleNormalizeInto is normalizeInto as it was before its ASCII fast
// path, frozen as the reference the current one must equal.
func oracleNormalizeInto(n *Normalized, s string, out []byte) []byte {
	n.orig = s
	n.start, n.end = n.start[:0], n.end[:0]
	out = out[:0]
	// brk marks spaces that stand only for line breaks, which joinBreaks
	// may remove between the parts of a number.
	brk := n.brk[:0]
	lineBreak := false // the cluster being emitted is a line break
	emit := func(b byte, from, to int, whole bool) {
		// Collapse runs of spaces. Invisible characters between two spaces
		// emit nothing, so " \u200b " collapses too. The surviving space
		// grows to cover the whole run when the cluster it absorbs is
		// nothing but space (whole); otherwise the cluster's other output
		// still needs [from, to) and the space stops where it starts, so
		// the map never runs backwards.
		if b == ' ' && len(out) > 0 && out[len(out)-1] == ' ' {
			if whole {
				n.end[len(n.end)-1] = to
			} else if from > n.end[len(n.end)-1] {
				n.end[len(n.end)-1] = from
			}
			brk[len(brk)-1] = brk[len(brk)-1] && lineBreak
			return
		}
		out = append(out, b)
		n.start = append(n.start, from)
		n.end = append(n.end, to)
		brk = append(brk, b == ' ' && lineBreak)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			lineBreak = c == '\n' || c == '\r' || c == '\v' || c == '\f'
			emit(asciiFold[c], i, i+1, true)
			i++
			continue
		}
		first, size := utf8.DecodeRuneInString(s[i:])
		lineBreak = first == '\n' || first == '\r' || first == '\v' || first == '\f' || first == '\u0085' || first == '\u2028' || first == '\u2029'
		j := i + size
		for j < len(s) {
			r, sz := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && sz <= 1 || !isCombining(r) {
				break
			}
			j += sz
		}
		if j == i+1 && c < utf8.RuneSelf {
			emit(asciiFold[c], i, j, true)
			i = j
			continue
		}
		folded := foldCluster(s[i:j])
		whole := strings.Trim(folded, " ") == ""
		for k := 0; k < len(folded); k++ {
			emit(folded[k], i, j, whole)
		}
		i = j
	}
	n.Text = string(out)
	n.brk = brk
	return out
}

// checkNormalizeSameAsOracle fails t if Normalize, its copy with line
// breaks joined, or a scan built on it differs from the oracle's for text.
func checkNormalizeSameAsOracle(t *testing.T, text string) {
	t.Helper()
	got, want := Normalize(text), oracleNormalize(text)
	if !sameNormalized(got, want) {
		t.Fatalf("Normalize differs on %q:\n got %q %v %v %v\nwant %q %v %v %v", text,
			got.Text, got.start, got.end, got.brk, want.Text, want.start, want.end, want.brk)
	}
	gj, wj := got.joined(), want.joined()
	if (gj == nil) != (wj == nil) || gj != nil && !sameNormalized(gj, wj) {
		t.Fatalf("joined copy differs on %q", text)
	}
	// The pooled path, with buffers left over from other texts.
	sc := scratchPool.Get().(*scratch)
	sc.out = normalizeInto(&sc.n, text, sc.out)
	same := sameNormalized(&sc.n, want)
	sc.n = Normalized{start: sc.n.start[:0], end: sc.n.end[:0], brk: sc.n.brk[:0]}
	scratchPool.Put(sc)
	if !same {
		t.Fatalf("normalizeInto differs on %q", text)
	}
	if got, want := Scan(text, nil), oracleScanWith(oracleNormalize(text), nil, true, nil); !slices.Equal(got, want) {
		t.Fatalf("Scan differs from the oracle's on %q:\n got %v\nwant %v", text, got, want)
	}
	if got, want := normText(text), want.Text; got != want {
		t.Fatalf("normText(%q) = %q, want %q", text, got, want)
	}
}

// sameNormalized reports whether two matching copies agree in every
// field: text, original, offset maps and line-break marks.
func sameNormalized(x, y *Normalized) bool {
	return x.Text == y.Text && x.orig == y.orig && slices.Equal(x.start, y.start) &&
		slices.Equal(x.end, y.end) && slices.Equal(x.brk, y.brk)
}

// asciiEdgeTexts are short texts over every ASCII byte, alone and in runs
// of spaces and line breaks, where the fast path's collapsing and
// line-break marks are decided.
func asciiEdgeTexts() []string {
	var out []string
	for c := range 128 {
		r := string(rune(c))
		out = append(out, r, r+r, "a"+r+r+"B", " "+r+" x  y\t\n"+r, "1\n"+r+"\r\n2", r+"\u0301", "\u00e9"+r)
	}
	return append(out, "", " ", "\n", "\r\n \n", "07700\n900123", "14/0\n4/1990", "LS1 4\nAP", "a \n\tb", "x\v\fy")
}

func TestNormalizeMatchesOracle(t *testing.T) {
	texts := append(asciiEdgeTexts(), oracleTexts(t)...)
	for _, s := range texts {
		checkNormalizeSameAsOracle(t, s)
	}
	r := rand.New(rand.NewPCG(23, 24))
	mutations := scaled(60000)
	for range mutations {
		s := pick(r, texts)
		if len(s) > 2000 {
			i := r.IntN(len(s) - 1000)
			s = s[i : i+1000]
		}
		checkNormalizeSameAsOracle(t, mutate(r, s))
	}
	t.Logf("%d texts and %d mutations: identical matching copies", len(texts), mutations)
}

// FuzzNormalizeMatchesOracle checks that normalisation builds exactly the
// oracle's matching copy on arbitrary text.
func FuzzNormalizeMatchesOracle(f *testing.F) {
	for _, s := range asciiEdgeTexts() {
		f.Add(s)
	}
	texts := sourceStrings(f, ".")
	r := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		s := pick(r, texts)
		if len(s) > 600 {
			s = s[:600]
		}
		f.Add(mutate(r, s))
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		checkNormalizeSameAsOracle(t, text)
	})
}
