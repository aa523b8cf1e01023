package schema

import (
	"bytes"
	"encoding/json"
)

// Detect guesses the shape of a record document from its top-level member
// names, without validating it: a document with a deidentification block is
// a submission; one with received_at, channel or complainant_role is a
// complaint; anything else that is a JSON object is a report. ok is false
// when data does not start with a JSON object. Validate the document
// against the detected shape to learn whether it really is one.
//
// Detect reads only as far as it must: it skips member values by
// matching brackets and quotes, and stops at the first malformed byte,
// judging by the names before it.
func Detect(data []byte) (shape Shape, ok bool) {
	d := skipWS(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(d) == 0 || d[0] != '{' {
		return "", false
	}
	d = skipWS(d[1:])
	complaint, submission := false, false
	for len(d) > 0 && d[0] == '"' {
		end := stringEnd(d)
		if end < 0 {
			break
		}
		name := d[1 : end-1]
		if bytes.IndexByte(name, '\\') >= 0 {
			var s string
			if json.Unmarshal(d[:end], &s) != nil {
				break
			}
			name = []byte(s)
		}
		switch string(name) {
		case "deidentification":
			submission = true
		case "received_at", "channel", "complainant_role":
			complaint = true
		}
		d = skipWS(d[end:])
		if len(d) == 0 || d[0] != ':' {
			break
		}
		n := valueEnd(skipWS(d[1:]))
		if n < 0 {
			break
		}
		d = skipWS(skipWS(d[1:])[n:])
		if len(d) == 0 || d[0] != ',' {
			break
		}
		d = skipWS(d[1:])
	}
	switch {
	case complaint && submission:
		return ComplaintSubmission, true
	case complaint:
		return Complaint, true
	case submission:
		return ReportSubmission, true
	}
	return Report, true
}

func skipWS(d []byte) []byte {
	for len(d) > 0 && (d[0] == ' ' || d[0] == '\t' || d[0] == '\n' || d[0] == '\r') {
		d = d[1:]
	}
	return d
}

// stringEnd returns the length of the JSON string at the start of d,
// quotes included, or -1 if it does not end.
func stringEnd(d []byte) int {
	for i := 1; i < len(d); i++ {
		switch d[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// valueEnd returns the length of the JSON value at the start of d, or -1
// if it does not end. Nested values are matched by brackets only: Detect
// does not validate.
func valueEnd(d []byte) int {
	if len(d) == 0 {
		return -1
	}
	switch d[0] {
	case '"':
		return stringEnd(d)
	case '{', '[':
		depth := 0
		for i := 0; i < len(d); i++ {
			switch d[i] {
			case '"':
				n := stringEnd(d[i:])
				if n < 0 {
					return -1
				}
				i += n - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	}
	// A number or a literal runs to the next delimiter.
	for i := 0; i < len(d); i++ {
		switch d[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
	}
	return len(d)
}
