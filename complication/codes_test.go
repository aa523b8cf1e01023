package complication_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
)

func TestCodeUnmarshalRejectsUnknownCodes(t *testing.T) {
	tests := []struct {
		name  string
		input string
		ok    bool
	}{
		{"known", `"vascular_occlusion"`, true},
		{"unknown", `"vascular occlusion"`, false},
		{"case differs", `"Vascular_Occlusion"`, false},
		{"empty", `""`, false},
		{"display label", `"Vascular occlusion"`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var term complication.Term
			err := json.Unmarshal([]byte(tc.input), &term)
			if tc.ok {
				require.NoError(t, err)
				assert.Equal(t, complication.TermVascularOcclusion, term)
				return
			}
			var uerr *complication.UnknownCodeError
			require.True(t, errors.As(err, &uerr), "got %v", err)
			assert.Equal(t, "term", uerr.List)
			assert.NotContains(t, err.Error(), "occlusion", "the error must not repeat the text")
			assert.Equal(t, complication.Term(""), term, "a rejected code leaves the zero value")
		})
	}
}

func TestCodeZeroValueIsNotACode(t *testing.T) {
	for _, l := range complication.CodeLists() {
		for _, e := range l.Entries {
			assert.NotEmpty(t, e.Code, l.Name)
			assert.NotEmpty(t, e.Display, l.Name)
		}
	}
	assert.False(t, complication.Term("").Valid())
	assert.False(t, complication.Sex("").Valid())
	assert.Equal(t, "", complication.Outcome("").Display())
}

func TestCodeLists(t *testing.T) {
	lists := complication.CodeLists()
	names := map[string]bool{}
	for _, l := range lists {
		assert.False(t, names[l.Name], "duplicate list %s", l.Name)
		names[l.Name] = true
		codes := map[string]bool{}
		for _, e := range l.Entries {
			assert.False(t, codes[e.Code], "%s: duplicate code %s", l.Name, e.Code)
			codes[e.Code] = true
		}
	}
	for _, want := range []string{"term", "severity", "seriousness", "harm", "outcome", "procedure", "product_class", "missing_reason", "onset_scheme"} {
		assert.True(t, names[want], want)
	}
	lists[0].Entries[0].Code = "changed"
	assert.NotEqual(t, "changed", complication.CodeLists()[0].Entries[0].Code, "CodeLists returns a copy")
	assert.Equal(t, "Vascular occlusion", complication.TermVascularOcclusion.Display())
}
