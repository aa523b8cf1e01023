package export

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// valueByteByByte is scanner.value as it was first written, one byte at a
// time: the reference the buffered scan must agree with.
func valueByteByByte(s *scanner, buf []byte, max int) ([]byte, bool, error) {
	c, err := s.peek()
	if err != nil {
		return buf, false, err
	}
	if c != '{' && c != '[' && c != '"' {
		return s.value(buf, max) // the other cases are unchanged
	}
	cut := false
	depth, inString, escaped := 0, false, false
	for {
		c, err := s.next()
		if err != nil {
			return buf, cut, err
		}
		if len(buf) < max {
			buf = append(buf, c)
		} else {
			cut = true
		}
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
				if depth == 0 {
					return buf, cut, nil
				}
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth <= 0 {
				return buf, cut, nil
			}
		}
	}
}

// TestScannerValue holds the buffered scan of values to the byte-by-byte
// one: the same values, cuts, errors and positions, across buffer
// boundaries (a 16-byte buffer) and with values cut short.
func TestScannerValue(t *testing.T) {
	pieces := []string{"{", "}", "[", "]", `"`, `\`, `\"`, "a", ",", ":", " ", "\n", "1", "é", `"x\n"`, `{"k":[1,"]"]}`}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var in bytes.Buffer
		for range rng.IntN(60) {
			in.WriteString(pieces[rng.IntN(len(pieces))])
		}
		limit := 1 + rng.IntN(40)
		data := in.Bytes()
		a := &scanner{br: bufio.NewReaderSize(bytes.NewReader(data), 16), line: 1, col: 1}
		b := &scanner{br: bufio.NewReaderSize(bytes.NewReader(data), 16), line: 1, col: 1}
		for range 20 {
			va, ca, ea := a.value(nil, limit)
			vb, cb, eb := valueByteByByte(b, nil, limit)
			require.Equal(t, string(vb), string(va), "input %q", data)
			require.Equal(t, cb, ca, "input %q", data)
			require.Equal(t, eb, ea, "input %q", data)
			require.Equal(t, b.pos(), a.pos(), "input %q", data)
			if ea != nil {
				break
			}
			// Step over a delimiter, as the reader does.
			_, _ = a.next()
			_, _ = b.next()
		}
	}
}
