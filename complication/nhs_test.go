package complication_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/openaesthetics/casebook/complication"
)

func TestValidNHSNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"data dictionary example", "9434765919", true},
		{"presidio valid vector", "4010232137", true},
		{"presidio invalid vector", "4010232138", false},
		{"syntax example fails its checksum", "9876544321", false},
		{"reserved test range", "9990000018", true},
		{"check value 11 gives 0", "9990000050", true},
		{"check value 10 is never issued", "9990000000", false},
		{"wrong check digit", "9990000019", false},
		{"spaces", "999 000 0018", false},
		{"nine digits", "999000001", false},
		{"eleven digits", "99900000180", false},
		{"letters", "999000001X", false},
		{"fullwidth digits", "９９９０００００１８", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, complication.ValidNHSNumber(tc.in))
		})
	}
}
