package schema

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNameTables checks every plan's member and code tables: each name
// finds its own value, near misses find nothing, and the tables are
// perfect hashes rather than their map fallback.
func TestNameTables(t *testing.T) {
	c, err := compileOnce()
	require.NoError(t, err)
	seen := map[*fastPlan]bool{}
	tables, perfect := 0, 0
	check := func(lookup func(string) (string, bool), names map[string]string, isPerfect bool) {
		tables++
		if isPerfect {
			perfect++
		}
		for name, want := range names {
			got, ok := lookup(name)
			require.True(t, ok, name)
			require.Equal(t, want, got)
			for _, miss := range []string{name + "x", name[:len(name)-1], strings.ToUpper(name), "x" + name, ""} {
				if _, known := names[miss]; !known {
					_, ok := lookup(miss)
					assert.False(t, ok, "%q finds something", miss)
				}
			}
		}
	}
	var walk func(p *fastPlan)
	walk = func(p *fastPlan) {
		if p == nil || seen[p] {
			return
		}
		seen[p] = true
		if len(p.members) > 0 {
			names := map[string]string{}
			for name := range p.members {
				names[name] = name
			}
			check(func(s string) (string, bool) {
				m, ok := p.names.lookup(s)
				if !ok {
					return "", false
				}
				return m.name, true
			}, names, p.names.slots != nil)
		}
		if len(p.codes) > 0 {
			check(p.codeTable.lookup, p.codes, p.codeTable.slots != nil)
		}
		walk(p.elem)
		for _, m := range p.members {
			walk(m.plan)
		}
	}
	for _, p := range c.plans {
		walk(p)
	}
	t.Logf("%d of %d tables are perfect hashes", perfect, tables)
	assert.Greater(t, tables, 50)
	assert.Greater(t, perfect, tables*9/10)
}

// TestNameTableFallback checks the map fallback, for names the hash
// cannot tell apart.
func TestNameTableFallback(t *testing.T) {
	names := map[string]string{"axxb": "1", "ayxb": "2", "": "3"}
	tab := newNameTable(names)
	assert.Nil(t, tab.slots, "axxb and ayxb share length and hashed bytes")
	for name, want := range names {
		got, ok := tab.lookup(name)
		assert.True(t, ok)
		assert.Equal(t, want, got)
	}
	_, ok := tab.lookup("azxb")
	assert.False(t, ok)
}
