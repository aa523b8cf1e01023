package anonymize

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/openaesthetics/casebook/internal/pii"
)

func TestSplitName(t *testing.T) {
	tests := []struct {
		name, full    string
		titles        []string
		given, family []string
	}{
		{"given and family", "Amir Khan", nil, []string{"Amir"}, []string{"Khan"}},
		{"title", "Dr Amir Khan", []string{"Dr"}, []string{"Amir"}, []string{"Khan"}},
		{"qualification", "Emma MacLeod NIP", nil, []string{"Emma"}, []string{"MacLeod"}},
		{"title and qualifications", "Dr Amir Khan MBBS MRCGP", []string{"Dr"}, []string{"Amir"}, []string{"Khan"}},
		{"qualification after a comma", "Donna McGregor, RGN", nil, []string{"Donna"}, []string{"McGregor,"}},
		{"dotted qualification", "Jo Smith R.G.N.", nil, []string{"Jo"}, []string{"Smith"}},
		{"two given names", "Mary Ann Smith RN", nil, []string{"Mary", "Ann"}, []string{"Smith"}},
		{"surname that is a degree", "Lin Ma", nil, []string{"Lin"}, []string{"Ma"}},
		{"qualification as a name's only word", "RGN", nil, nil, []string{"RGN"}},
		{"one name and a qualification", "Kay RN", nil, nil, []string{"Kay"}},
		{"trading name", "Lips by Kay", nil, []string{"Lips", "by"}, []string{"Kay"}},
		{"empty", "  ", nil, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var k pii.Known
			n := splitName(&k, tc.full)
			assert.Equal(t, tc.titles, k.Titles)
			assert.Equal(t, tc.given, n.Given)
			assert.Equal(t, tc.family, n.Family)
			assert.Empty(t, n.Other)
		})
	}
}
