package export

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
)

func TestListEscaping(t *testing.T) {
	for _, items := range [][]string{
		{"a"}, {"a", "b"}, {"", "b"}, {"a", ""}, {`x;y`, `\`, `\\;`, "="}, {"", "", ""},
	} {
		var dst []byte
		for i, it := range items {
			if i > 0 {
				dst = append(dst, ';')
			}
			from := len(dst)
			dst = append(dst, it...)
			dst = escapeItem(dst, from)
		}
		got, err := splitList(string(dst))
		require.NoError(t, err)
		if len(items) == 1 && items[0] == "" {
			continue
		}
		require.Equal(t, items, got, "%q", dst)
	}
	for _, bad := range []string{`a\`, `a\b`, `\x;y`} {
		_, err := splitList(bad)
		require.ErrorIs(t, err, ErrValue, bad)
	}
	got, err := splitList("")
	require.NoError(t, err)
	require.Empty(t, got)
}

func TestMissingCells(t *testing.T) {
	m := complication.Missing{"lot": complication.MissingReasonNotKnown, "a=b;c\\": complication.MissingReasonDeclined}
	cell := string(appendMissing(nil, m))
	require.Equal(t, `a\=b\;c\\=declined;lot=not_known`, cell)
	back, err := parseMissing(cell)
	require.NoError(t, err)
	require.Equal(t, m, back)
	for _, bad := range []string{"lot", "lot=", "=not_known", "lot=not_known;lot=declined", "lot=not_known=x"} {
		_, err := parseMissing(bad)
		require.Error(t, err, bad)
	}
	_, err = parseMissing("lot=unknown")
	require.ErrorIs(t, err, ErrUnknownCode)
}

func TestScalarCells(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want string
	}{{0, "0"}, {0.5, "0.5"}, {1500, "1500"}, {1e21, "1e+21"}, {1e-7, "1e-07"}, {-2.5, "-2.5"}, {61.25, "61.25"}} {
		require.Equal(t, tc.want, string(appendNumber(nil, tc.f)))
		back, err := parseNumber(tc.want)
		require.NoError(t, err)
		require.Equal(t, tc.f, back)
	}
	for _, bad := range []string{"1,5", "0x10", "Inf", "NaN", "1_000", "", " 1"} {
		_, err := parseNumber(bad)
		require.ErrorIs(t, err, ErrValue, bad)
	}
	for _, bad := range []string{"1.0", "+1", "-", "1e3", " 1"} {
		_, err := parseInt(bad)
		require.ErrorIs(t, err, ErrValue, bad)
	}
	n, err := parseInt("-12")
	require.NoError(t, err)
	require.Equal(t, -12, n)
	for in, want := range map[string]bool{"true": true, "TRUE": true, "False": false} {
		got, err := parseBool(in)
		require.NoError(t, err)
		require.Equal(t, want, got)
	}
	_, err = parseBool("yes")
	require.ErrorIs(t, err, ErrValue)
	_, err = parseUUID("{3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10}")
	require.ErrorIs(t, err, ErrValue)
	for _, d := range []string{"2026", "2026-05", "2026-05-14", "2026-05-14T10:30"} {
		require.Equal(t, d, string(appendDate(nil, complication.MustParsePartialDate(d))))
	}
}
