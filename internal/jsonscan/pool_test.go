package jsonscan

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPutParserClears checks that a parser goes back to the pool holding
// nothing of the document it parsed: no values on its stacks, no member
// names in its error path, no decoded bytes in its scratch buffer.
func TestPutParserClears(t *testing.T) {
	docs := []string{
		`{"name":"Jane\nCanary","nhs":[9990000018,"Jane\tCanary",{"k":"v"}]}`,
		`{"name":"Jane\nCanary","nhs":[9990000018,"Jane\tCanary",{"k":x}]}`,
		`{"name":"Jane\nCanary","name":1}`,
		`{"name":1,"name":{"Jane Canary":[{"Jane":x}]}}`,
		`{"a":{"b":[1,2,{"c":"Jane \u00e9 Canary \x"}]}}`,
		`["Jane Canary \` + `ud800"]`,
	}
	for _, doc := range docs {
		p := getParser([]byte(doc), Limits{})
		_, ok := p.document()
		if !ok {
			require.NotNil(t, p.error())
		}
		putParser(p)

		assert.Nil(t, p.data)
		assert.Empty(t, p.s)
		assert.Empty(t, p.members)
		for _, m := range p.members[:cap(p.members)] {
			assert.Zero(t, m, doc)
		}
		assert.Empty(t, p.elems)
		for _, e := range p.elems[:cap(p.elems)] {
			assert.Nil(t, e, doc)
		}
		assert.Empty(t, p.errPath)
		for _, tok := range p.errPath[:cap(p.errPath)] {
			assert.Zero(t, tok, doc)
		}
		assert.Zero(t, p.bufUsed)
		assert.Equal(t, strings.Repeat("\x00", cap(p.buf)), string(p.buf[:cap(p.buf)]), doc)
	}
}

// TestPoolDropsLargeParsers: a parser whose stacks grew large is not kept.
func TestPoolDropsLargeParsers(t *testing.T) {
	big := "[" + strings.Repeat("1,", maxPooledStack) + "1]"
	p := getParser([]byte(big), Limits{})
	_, ok := p.document()
	require.True(t, ok)
	require.Greater(t, cap(p.elems), maxPooledStack)
	putParser(p) // must not panic, and does not pool p

	s := `"` + strings.Repeat(`\n`, maxPooledBuf) + `"`
	p = getParser([]byte(s), Limits{})
	_, ok = p.document()
	require.True(t, ok)
	require.Greater(t, cap(p.buf), maxPooledBuf)
	putParser(p)
}
