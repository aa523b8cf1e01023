package schema

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
)

// TestFastDecodeKeepsStrings checks that a decoded record owns its
// strings: readers reuse their line buffer, so overwriting the input after
// decoding must not change the record.
func TestFastDecodeKeepsStrings(t *testing.T) {
	fast, _ := fastAndSlow(t)
	g := synth.New(synth.Options{Seed: 17, Today: fastToday})
	buf := make([]byte, 0, 64<<10)
	for range 50 {
		line := g.Next().JSON
		buf = append(buf[:0], line...)
		r, fs := fast.DecodeReport(Report, buf)
		require.NotNil(t, r, "%v", fs)
		want, err := json.Marshal(r)
		require.NoError(t, err)
		// Overwrite the buffer with another record, then with junk.
		buf = append(buf[:0], g.Next().JSON...)
		for i := range buf[:cap(buf)] {
			buf[:cap(buf)][i] = 'x'
		}
		got, err := json.Marshal(r)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
		// And the record is the one a fresh copy of the input gives.
		fresh, _ := fast.DecodeReport(Report, slices.Clone(line))
		require.NotNil(t, fresh)
		requireSameRecord(t, fresh, r, "fresh copy")
	}
}

// TestFastDecodeCodesMatchUnmarshalText checks the codes a plan stores
// without calling UnmarshalText against UnmarshalText itself.
func TestFastDecodeCodesMatchUnmarshalText(t *testing.T) {
	c, err := compileOnce()
	require.NoError(t, err)
	seen := map[*fastPlan]bool{}
	var walk func(p *fastPlan)
	checked := 0
	walk = func(p *fastPlan) {
		if p == nil || seen[p] {
			return
		}
		seen[p] = true
		for code, stored := range p.codes {
			require.Equal(t, code, stored)
			v := reflect.New(p.typ)
			require.NoError(t, v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(code)))
			require.Equal(t, code, v.Elem().String())
			checked++
		}
		walk(p.elem)
		for _, m := range p.members {
			walk(m.plan)
		}
	}
	for _, p := range c.plans {
		walk(p)
	}
	require.Greater(t, checked, 100)
}

// TestNonPlain checks the eight-byte test against plainByte: the first
// byte it flags must be the first byte that is not plain, for every byte
// value in every position among plain and other bytes, and for every pair
// of bytes, where borrows could interact.
func TestNonPlain(t *testing.T) {
	first := func(word []byte) int {
		for i, c := range word {
			if !plainByte[c] {
				return i
			}
		}
		return 8
	}
	check := func(word []byte) {
		t.Helper()
		m := nonPlain(binary.LittleEndian.Uint64(word))
		got := 8
		if m != 0 {
			got = bits.TrailingZeros64(m) >> 3
		}
		require.Equal(t, first(word), got, "%q", word)
	}
	for _, fill := range []byte{'a', ' ', '~', 0x7f, '"' + 1, '\\' - 1, '"', 0, 0x1f, 0x80, 0xff} {
		for pos := range 8 {
			for b := range 256 {
				word := bytes.Repeat([]byte{fill}, 8)
				word[pos] = byte(b)
				check(word)
			}
		}
	}
	for b1 := range 256 {
		for b2 := range 256 {
			check([]byte{'a', byte(b1), byte(b2), 'b', 'c', 'd', 'e', 'f'})
			check([]byte{byte(b1), 'x', 'y', byte(b2), 'c', 'd', 'e', 'f'})
		}
	}
}

// TestFastDecodeScalarPointersIndependent checks that scalar pointers
// served from one slab behave as separately allocated ones: writing
// through one changes no other, in this record or the next.
func TestFastDecodeScalarPointersIndependent(t *testing.T) {
	c, err := compileOnce()
	require.NoError(t, err)
	g := synth.New(synth.Options{Seed: 23, Today: fastToday})
	var records []*complication.Report
	var before []string
	for range 20 {
		r := new(complication.Report)
		require.True(t, c.plans[Report].decode(g.Next().JSON, fastLimits, r))
		b, _ := json.Marshal(r)
		records, before = append(records, r), append(before, string(b))
	}
	flipped := 0
	for i, r := range records {
		if r.Consent == nil || r.Consent.RegistrySubmission == nil {
			continue
		}
		*r.Consent.RegistrySubmission = !*r.Consent.RegistrySubmission
		var want complication.Report
		require.NoError(t, json.Unmarshal([]byte(before[i]), &want))
		*want.Consent.RegistrySubmission = !*want.Consent.RegistrySubmission
		requireSameRecord(t, &want, r, "flipped")
		for j, other := range records {
			if j != i {
				b, _ := json.Marshal(other)
				require.Equal(t, before[j], string(b))
			}
		}
		*r.Consent.RegistrySubmission = !*r.Consent.RegistrySubmission
		flipped++
	}
	require.Positive(t, flipped)
}
