package schema

import (
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// Findings on a record the fast decoder accepted are the domain rules'
// warnings, and each needs its line. jsonscan.Line checks the whole
// document again for every pointer it is asked about (and lineOf may ask
// several times for one finding); a document the fast decoder has
// accepted is known to be well-formed, so jsonscan.LineOfValid's walk to
// the value suffices. TestDecodedLinesMatchLineOf holds these functions
// to lineOf.

// decodedLines sets the line of every finding that has none, like
// [Validator.finish], for data the fast decoder accepted.
func decodedLines(fs complication.Findings, data []byte) complication.Findings {
	for i := range fs {
		if fs[i].Line == 0 {
			fs[i].Line = lineOf(data, fs[i].Pointer, jsonscan.LineOfValid)
		}
	}
	return fs
}
