package pii

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/openaesthetics/casebook/internal/synth"
)

// The detectors are privacy-critical: a faster one must report exactly the
// spans the previous one did. The tests below run both the current
// detectors and the frozen copies in oracle_test.go over every text the
// repository's tests use, synthetic records and adversarial mutations of
// them, and require identical output.

// detectorPair names a current detector and its oracle.
type detectorPair struct {
	name     string
	now, old func(a *analysis, out []Span) []Span
}

func detectorPairs() []detectorPair {
	return []detectorPair{
		{"nhs", func(a *analysis, o []Span) []Span { return detectNHS(a, digitGroupsInto(nil, a.n.Text), o) },
			func(a *analysis, o []Span) []Span { return oracleDetectNHS(a, oracleDigitGroups(a.n.Text), o) }},
		{"phones", func(a *analysis, o []Span) []Span { return detectPhones(a, digitGroupsInto(nil, a.n.Text), o) },
			func(a *analysis, o []Span) []Span { return oracleDetectPhones(a, oracleDigitGroups(a.n.Text), o) }},
		{"registrations", detectRegistrations, oracleDetectRegistrations},
		{"ni", detectNINumbers, oracleDetectNINumbers},
		{"emails", detectEmails, oracleDetectEmails},
		{"urls", detectURLs, oracleDetectURLs},
		{"handles", detectHandles, oracleDetectHandles},
		{"postcodes", detectPostcodes, oracleDetectPostcodes},
		{"dates", func(a *analysis, o []Span) []Span { return detectDates(a, digitGroupsInto(nil, a.n.Text), o) },
			func(a *analysis, o []Span) []Span { return oracleDetectDates(a, oracleDigitGroups(a.n.Text), o) }},
		{"addresses", detectAddresses, oracleDetectAddresses},
		{"names", detectNames, oracleDetectNames},
	}
}

// oracleScan is Scan without a Matcher as it was before, with the same
// pooled buffers scanText uses.
func oracleScan(text string) []Span {
	sc := scratchPool.Get().(*scratch)
	sc.out = normalizeInto(&sc.n, text, sc.out)
	out := oracleScanWith(&sc.n, nil, true, sc)
	sc.n = Normalized{start: sc.n.start[:0], end: sc.n.end[:0], brk: sc.n.brk[:0]}
	scratchPool.Put(sc)
	return out
}

// checkSameAsOracle fails t if any detector, detectAll or Scan reports
// different spans for text than its oracle.
func checkSameAsOracle(t *testing.T, text string) {
	t.Helper()
	n := Normalize(text)
	copies := []*Normalized{n}
	if j := n.joined(); j != nil {
		copies = append(copies, j)
	}
	for _, c := range copies {
		for _, p := range detectorPairs() {
			got := sortSpans(p.now(analyze(c), nil))
			want := oracleSortSpans(p.old(analyze(c), nil))
			if !slices.Equal(got, want) {
				t.Fatalf("detector %s differs on %q (copy %q):\n got %v\nwant %v", p.name, text, c.Text, got, want)
			}
		}
		if got, want := detectAll(analyze(c)), oracleDetectAll(analyze(c)); !slices.Equal(got, want) {
			t.Fatalf("detectAll differs on %q:\n got %v\nwant %v", text, got, want)
		}
	}
	if got, want := Scan(text, nil), oracleScan(text); !slices.Equal(got, want) {
		t.Fatalf("Scan differs on %q:\n got %v\nwant %v", text, got, want)
	}
	if masked := maskPlaceholders(text); masked != text {
		if got, want := Leaks(text, nil), oracleScan(masked); !slices.Equal(got, want) {
			t.Fatalf("Leaks differs on %q:\n got %v\nwant %v", text, got, want)
		}
	}
}

// sourceStrings returns every string literal in the Go files of dir, which
// holds the texts of the package's table tests and corpora.
func sourceStrings(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := gotoken.NewFileSet()
	for _, f := range files {
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && s != "" {
					out = append(out, s)
				}
			}
			return true
		})
	}
	return out
}

// fuzzCorpusStrings returns the string arguments stored in the fuzz
// corpora under dir.
func fuzzCorpusStrings(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "string("); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(v, ")")); err == nil {
					out = append(out, s)
				}
			}
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// jsonStrings appends every string value in the JSON encoding of v.
func jsonStrings(t testing.TB, out []string, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(tree)
	return out
}

// synthStrings returns every string of synthetic reports and complaints
// from seeds [0, seeds), with natural and padded narratives.
func synthStrings(t testing.TB, seeds int) []string {
	t.Helper()
	var out []string
	for _, words := range []int{0, 150} {
		for seed := range seeds {
			g := synth.New(synth.Options{Seed: uint64(seed), NarrativeWords: words, InvalidRate: 0.2})
			for range 4 {
				if r := g.Next(); r.Report != nil {
					out = jsonStrings(t, out, r.Report)
				}
				if r := g.NextComplaint(); r.Complaint != nil {
					out = jsonStrings(t, out, r.Complaint)
				}
			}
		}
	}
	return out
}

// mutationPieces are fragments that steer text towards the detectors'
// edge cases: digits and separators, month names, '@' and dots, spelled-out
// e-mail forms, cues and capitalised words, line breaks, and look-alike,
// invisible and fullwidth characters.
var mutationPieces = []string{
	"0", "1", "3", "12", "31", "05", "1990", "2024", "99", "123", "4567", "07700", "900123", "9434765919",
	"/", ".", "-", " ", "  ", ",", ":", ";", "'", "\"", "(", ")", "[", "]", "{", "}", "<", ">", "_", "#", "%", "+", "!", "?",
	"@", " @ ", "[at]", "(at)", " at ", " dot ", "[dot]", "(dot)", ".com", ".co.uk", ".org", ".nhs.uk", "www.", "http://", "https://",
	"may", "May", "MAY", "mar", "Mar", "sept", "Sept.", "january", "Jan", "dec", "3rd", "1st", "22nd", "th", " of ", "'24", "'87",
	"Jane", "Doe", "Mrs", "Mr.", "Dr", "Dr.", "Miss", "nurse", "patient", "husband", "regards", "Kind regards, ", "Dear ", "seen by ",
	"Siobhan", "Okafor", "van der", "O'Neill", "Smith-Jones", "messaged", "said", "NHS", "DOB", "Name: ", "called", "told",
	"instagram", "insta: ", "tiktok", "handle", " is ", "jane.doe", "jane_doe_1", "@jane", "@5pm", "@10:30",
	"GMC", "NMC", "pin", "12A3456E", "1234567", "L123456", "registration", "lot", "batch", "ni", "NI number", "AB123456C", "AB 12 34 56 C",
	"SW1A 1AA", "sw1a1aa", "LS1 4AP", "GIR 0AA", "EC1A", "1BB", "12 Acacia Avenue", "4a Harley St", "Road", "rd", "Lane", "close",
	"on 14/05", "from 1/2", "since", "dated", "2024-05-03", "03.05.24", "3 May 2024", "May 3, 2024", "May '24",
	"\n", "\r\n", "\n\n", "\t", "\u00a0", "\u2028", "\u200b", "\u200d", "\u00ad", "\ufeff",
	"а", "е", "о", "р", "с", "Ј", "ѕ", "і", "０", "１", "２", "９", "Ｊ", "ａ", "＠", "．", "／", "－", "é", "ß", "İ", "\u0301", "\xff", "€",
}

// mutate applies a few random edits to s: insertions and replacements of
// mutationPieces, deletions, case changes and duplications.
func mutate(r *rand.Rand, s string) string {
	for n := 1 + r.IntN(6); n > 0; n-- {
		i := 0
		if len(s) > 0 {
			i = r.IntN(len(s) + 1)
		}
		switch r.IntN(6) {
		case 0, 1, 2:
			s = s[:i] + pick(r, mutationPieces) + s[i:]
		case 3:
			j := min(len(s), i+1+r.IntN(8))
			s = s[:i] + pick(r, mutationPieces) + s[j:]
		case 4:
			j := min(len(s), i+1+r.IntN(4))
			s = s[:i] + s[j:]
		default:
			j := min(len(s), i+1+r.IntN(30))
			if r.IntN(2) == 0 {
				s = s[:i] + strings.ToUpper(s[i:j]) + s[j:]
			} else {
				s = s[:i] + s[i:j] + s[i:j] + s[j:]
			}
		}
	}
	return s
}

var (
	oracleInputsOnce sync.Once
	oracleInputs     []string
)

// oracleTexts returns the texts the oracle test runs on, without mutations.
func oracleTexts(t testing.TB) []string {
	t.Helper()
	oracleInputsOnce.Do(func() {
		var in []string
		in = append(in, sourceStrings(t, ".")...)
		in = append(in, sourceStrings(t, filepath.Join("..", "..", "anonymize"))...)
		in = append(in, fuzzCorpusStrings(t, "testdata")...)
		in = append(in, fuzzCorpusStrings(t, filepath.Join("..", "..", "anonymize", "testdata"))...)
		in = append(in, clinicalCorpus...)
		in = append(in, clinicalHoldout...)
		in = append(in, clinicalHoldout2...)
		for seed := range uint64(6) {
			for _, d := range generate(seed, 400, 30*int(seed%4)) {
				in = append(in, d.text)
			}
		}
		r := rand.New(rand.NewPCG(5, 6))
		for range 300 {
			in = append(in, randomText(r))
		}
		in = append(in, synthStrings(t, 40)...)
		slices.Sort(in)
		oracleInputs = slices.Compact(in)
	})
	return oracleInputs
}

func TestDetectMatchesOracle(t *testing.T) {
	texts := oracleTexts(t)
	for _, s := range texts {
		checkSameAsOracle(t, s)
	}
	r := rand.New(rand.NewPCG(17, 18))
	mutations := scaled(60000)
	for range mutations {
		s := pick(r, texts)
		if len(s) > 2000 {
			i := r.IntN(len(s) - 1000)
			s = s[i : i+1000]
		}
		if r.IntN(4) == 0 {
			s += " " + pick(r, texts)
		}
		checkSameAsOracle(t, mutate(r, s))
	}
	t.Logf("%d texts and %d mutations: identical spans", len(texts), mutations)
}

// FuzzDetectMatchesOracle checks that the detectors report exactly what
// their oracles do on arbitrary text.
func FuzzDetectMatchesOracle(f *testing.F) {
	// Each fuzzing worker runs this set-up, so it draws on a cheaper
	// selection of texts than the test does.
	texts := sourceStrings(f, ".")
	texts = append(texts, fuzzCorpusStrings(f, "testdata")...)
	for _, d := range generate(1, 200, 30) {
		texts = append(texts, d.text)
	}
	texts = append(texts, synthStrings(f, 3)...)
	r := rand.New(rand.NewPCG(3, 4))
	for range 400 {
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
		checkSameAsOracle(t, text)
		a := analyze(Normalize(text))
		for name, p := range allPatterns() {
			w := window{0, len(a.n.Text)}
			got := a.findIn(p, []window{w})
			want := a.oracleFindIn(p.re, []oracleWindow{{w.start, w.end}})
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s on %q: got %v, want %v", name, a.n.Text, got, want)
			}
		}
	})
}

// allPatterns returns every pattern findIn runs, by name.
func allPatterns() map[string]*pattern {
	return map[string]*pattern{
		"dateNumeric": patDateNumeric, "dateISO": patDateISO, "dateDMY": patDateDMY, "dateMDY": patDateMDY,
		"dateMY": patDateMY, "dateDM": patDateDM, "email": patEmail, "emailWord": patEmailWord,
		"urlScheme": patURLScheme, "urlBare": patURLBare, "handle": patHandle, "handleCtx": patHandleCtx,
		"postcode": patPostcode, "address": patAddress, "nino": patNINO,
	}
}

// patternPairs names every pattern findIn runs with the expression the
// oracle ran over the same windows.
func patternPairs() map[string][2]*regexp.Regexp {
	return map[string][2]*regexp.Regexp{
		"dateNumeric": {patDateNumeric.re, oracleReDateNumeric},
		"dateISO":     {patDateISO.re, oracleReDateISO},
		"dateDMY":     {patDateDMY.re, oracleReDateDMY},
		"dateMDY":     {patDateMDY.re, oracleReDateMDY},
		"dateMY":      {patDateMY.re, oracleReDateMY},
		"dateDM":      {patDateDM.re, oracleReDateDM},
		"email":       {patEmail.re, oracleReEmail},
		"emailWord":   {patEmailWord.re, oracleReEmailWord},
		"urlScheme":   {patURLScheme.re, oracleReURLScheme},
		"urlBare":     {patURLBare.re, oracleReURLBare},
		"handle":      {patHandle.re, oracleReHandle},
		"handleCtx":   {patHandleCtx.re, oracleReHandleCtx},
		"postcode":    {patPostcode.re, oracleRePostcode},
		"address":     {patAddress.re, oracleReAddress},
		"nino":        {patNINO.re, oracleReNINO},
	}
}

func TestPatternsKeepOracleExpressions(t *testing.T) {
	for name, p := range patternPairs() {
		if p[0].String() != p[1].String() {
			t.Errorf("%s: expression %q, oracle %q", name, p[0], p[1])
		}
	}
}

// TestFindInMatchesRegexp checks findIn against FindAllStringSubmatchIndex
// for every pattern over arbitrary windows, not only those the detectors
// choose: the start tests and the cut text must never lose or change a
// match.
func TestFindInMatchesRegexp(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(23, 24))
	n := scaled(20000)
	for k := range n {
		s := pick(r, texts)
		if k%2 == 1 {
			s = mutate(r, s)
		}
		if len(s) > 3000 {
			s = s[:3000]
		}
		a := analyze(Normalize(s))
		text := a.n.Text
		ws := []window{{0, len(text)}}
		for range 3 {
			if len(text) > 0 {
				i := r.IntN(len(text))
				ws = append(ws, window{i, i + r.IntN(len(text)-i+1)})
			}
		}
		for _, p := range allPatterns() {
			for _, w := range ws {
				got := a.findIn(p, []window{w})
				want := a.oracleFindIn(p.re, []oracleWindow{{w.start, w.end}})
				if !slices.EqualFunc(got, want, slices.Equal) {
					t.Fatalf("%s on %q [%d,%d): got %v, want %v", p.re, text, w.start, w.end, got, want)
				}
			}
		}
	}
	t.Logf("%d texts, %d patterns: identical matches", n, len(allPatterns()))
}

// TestPatternWordLists checks the word lists the start tests use against
// the expressions they stand for.
func TestPatternWordLists(t *testing.T) {
	alts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(monthAlt, "(?:"), ")"), "|")
	for _, m := range alts {
		if months[m] == 0 || !hasMonthPrefix(m) {
			t.Errorf("month %q of monthAlt is not in months or has no month prefix", m)
		}
	}
	if len(alts) != len(months) {
		t.Errorf("monthAlt has %d names, months %d", len(alts), len(months))
	}
	if got, want := strings.Join(dateDMPrefixes, "|"), "on |dated |since |from |until |till "; got != want {
		t.Errorf("dateDMPrefixes = %q, want %q", got, want)
	}
	if got := firstBytes(handlePlatformList); got != "itsfylow" {
		t.Errorf("firstBytes(handlePlatformList) = %q", got)
	}
}
