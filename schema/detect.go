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
func Detect(data []byte) (shape Shape, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	complaint, submission := false, false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch name, _ := tok.(string); name {
		case "deidentification":
			submission = true
		case "received_at", "channel", "complainant_role":
			complaint = true
		}
		// Skip the member's value without decoding it.
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
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
