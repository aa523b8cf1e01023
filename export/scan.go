package export

import (
	"bufio"
	"bytes"
	"io"
)

// scanner reads the envelope byte by byte, keeping its position, and cuts
// out raw JSON values without interpreting them: the records are then
// checked by the validator one at a time, so a malformed record is a
// rejected record, and only a break in the envelope's own structure (a
// missing comma, an unterminated string, the end of the input) stops the
// stream.
type scanner struct {
	br   *bufio.Reader
	off  int64 // offset of the next byte
	line int   // 1-based line of the next byte
	col  int   // 1-based byte column of the next byte
}

func newScanner(r io.Reader) *scanner {
	s := &scanner{br: bufio.NewReaderSize(r, 64<<10), line: 1, col: 1}
	if head, _ := s.br.Peek(3); len(head) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF {
		_, _ = s.br.Discard(3) // a BOM is not part of the positions
	}
	return s
}

// pos is a position in the input.
type pos struct {
	off       int64
	line, col int
}

func (s *scanner) pos() pos { return pos{s.off, s.line, s.col} }

func (s *scanner) next() (byte, error) {
	c, err := s.br.ReadByte()
	if err != nil {
		return 0, err
	}
	s.off++
	if c == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	return c, nil
}

// advance moves the position past b, bytes just consumed.
func (s *scanner) advance(b []byte) {
	s.off += int64(len(b))
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		s.line += bytes.Count(b, []byte{'\n'})
		s.col = len(b) - i
	} else {
		s.col += len(b)
	}
}

// peek returns the next byte other than JSON whitespace, without
// consuming it.
func (s *scanner) peek() (byte, error) {
	for {
		b, err := s.br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			_, _ = s.next()
		default:
			return b[0], nil
		}
	}
}

// value reads one raw JSON value after any whitespace. It appends the
// value's bytes to buf while buf is shorter than max and reports whether
// it had to cut the value short (the rest is read and dropped). It tracks
// only strings and the nesting of brackets, so what it returns may still
// be invalid JSON; it fails only when it cannot find the value's end: at
// the end of the input, or when the value is empty (the next byte ends a
// value: ',', ']', '}' or ':').
func (s *scanner) value(buf []byte, max int) ([]byte, bool, error) {
	c, err := s.peek()
	if err != nil {
		return buf, false, err
	}
	cut := false
	add := func(c byte) {
		if len(buf) < max {
			buf = append(buf, c)
		} else {
			cut = true
		}
	}
	switch c {
	case ',', ']', '}', ':':
		return buf, false, errEmptyValue
	case '{', '[', '"':
		// Scan what the bufio.Reader holds, a buffer at a time: records
		// are kilobytes long.
		depth, inString, escaped := 0, false, false
		for {
			want := s.br.Buffered()
			if want == 0 {
				want = 1 // fill the buffer
			}
			chunk, err := s.br.Peek(want)
			if len(chunk) == 0 {
				return buf, cut, err
			}
			n, done := 0, false
			for n < len(chunk) && !done {
				c := chunk[n]
				n++
				switch {
				case inString:
					switch {
					case escaped:
						escaped = false
					case c == '\\':
						escaped = true
					case c == '"':
						inString = false
						done = depth == 0
					}
				case c == '"':
					inString = true
				case c == '{' || c == '[':
					depth++
				case c == '}' || c == ']':
					depth--
					done = depth <= 0
				}
			}
			if room := max - len(buf); n <= room {
				buf = append(buf, chunk[:n]...)
			} else {
				if room > 0 {
					buf = append(buf, chunk[:room]...)
				}
				cut = true
			}
			s.advance(chunk[:n])
			_, _ = s.br.Discard(n)
			if done {
				return buf, cut, nil
			}
		}
	default:
		// A number, a literal, or stray bytes: up to the next delimiter.
		for {
			b, err := s.br.Peek(1)
			if err == io.EOF {
				return buf, cut, nil
			}
			if err != nil {
				return buf, cut, err
			}
			switch b[0] {
			case ',', ']', '}', ':', '{', '[', '"', ' ', '\t', '\r', '\n':
				return buf, cut, nil
			}
			c, _ := s.next()
			add(c)
		}
	}
}
