package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
	"github.com/openaesthetics/casebook/internal/typedtree"
)

// Options configure a [Validator]. The zero value is ready to use.
type Options struct {
	// Now returns the current time, against which the domain rules judge
	// dates in the future. Nil means time.Now. Set it for deterministic
	// tests and for re-validating old files as of their submission date.
	Now func() time.Time

	// MaxBytes is the largest document accepted, in bytes. Zero means
	// 1 MiB: a complication report with a long narrative is a few KiB.
	MaxBytes int

	// MaxDepth is the deepest nesting of objects and arrays accepted. Zero
	// means 32; casebook records nest at most 6 deep.
	MaxDepth int

	// MaxFindings caps the findings reported for one record. Zero means
	// 100. A capped list ends with a too_many_findings finding.
	MaxFindings int

	// MaxItems is the most elements in one array, and members in one
	// object, accepted. Zero means 1000; the schemas allow at most 100
	// items in any array.
	MaxItems int

	// MaxStringLength is the most bytes in one string or member name,
	// after unescaping. Zero means 64 KiB; the longest string the schemas
	// allow is 5000 characters.
	MaxStringLength int

	// MaxNumberLength is the most characters in one number as written:
	// digits, sign, decimal point and exponent. Zero means 64. Whatever
	// the limit, a number whose exponent is above 400 in magnitude (such
	// as 1e999999999) is rejected too: the schema checks compute with
	// exact rationals, whose cost grows with both.
	MaxNumberLength int
}

// Validator checks records against the published schemas and the domain
// rules. It compiles the schemas once and is safe for concurrent use.
type Validator struct {
	opts Options
	c    *compiled
	slow bool // skip the fast path; set by the package's tests only
}

// New returns a Validator. It fails only if the embedded schemas do not
// compile, which the package's own tests rule out.
func New(opts Options) (*Validator, error) {
	c, err := compileOnce()
	if err != nil {
		return nil, err
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 1 << 20
	}
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = 32
	}
	if opts.MaxFindings <= 0 {
		opts.MaxFindings = 100
	}
	if opts.MaxItems <= 0 {
		opts.MaxItems = 1000
	}
	if opts.MaxStringLength <= 0 {
		opts.MaxStringLength = 64 << 10
	}
	if opts.MaxNumberLength <= 0 {
		opts.MaxNumberLength = 64
	}
	return &Validator{opts: opts, c: c}, nil
}

// Validate checks one JSON document of the given shape: first that it is
// well-formed, strict JSON (valid UTF-8, no duplicate member names, within
// the size and depth limits), then the published schema, then, once the
// document is structurally valid, the domain rules. A leading UTF-8 byte
// order mark is ignored.
//
// It returns every finding, sorted, each with its JSON Pointer and the line
// in data where it applies. The findings never contain a value from data.
func (v *Validator) Validate(shape Shape, data []byte) complication.Findings {
	_, fs := v.decode(shape, data)
	return fs
}

// DecodeReport validates a report or report-submission document like
// [Validator.Validate] and, when no finding rejects it, decodes it. The
// report is nil when the findings reject the document.
func (v *Validator) DecodeReport(shape Shape, data []byte) (*complication.Report, complication.Findings) {
	if shape != Report && shape != ReportSubmission {
		return nil, complication.Findings{{Code: CodeInvalid, Level: complication.LevelError, Message: "not a report shape"}}
	}
	r, fs := v.decode(shape, data)
	if r == nil || fs.Rejected() {
		return nil, fs
	}
	return r.(*complication.Report), fs
}

// ValidateReport checks a report built in Go against the shape and the
// domain rules. Pointers in its findings refer to the report's JSON form;
// lines are not set.
func (v *Validator) ValidateReport(shape Shape, r *complication.Report) complication.Findings {
	if shape != Report && shape != ReportSubmission {
		return complication.Findings{{Code: CodeInvalid, Level: complication.LevelError, Message: "not a report shape"}}
	}
	return v.validateTyped(shape, r)
}

// DecodeComplaint validates a complaint or complaint-submission document
// like [Validator.Validate] and, when no finding rejects it, decodes it. The
// complaint is nil when the findings reject the document.
func (v *Validator) DecodeComplaint(shape Shape, data []byte) (*complication.Complaint, complication.Findings) {
	if shape != Complaint && shape != ComplaintSubmission {
		return nil, complication.Findings{{Code: CodeInvalid, Level: complication.LevelError, Message: "not a complaint shape"}}
	}
	c, fs := v.decode(shape, data)
	if c == nil || fs.Rejected() {
		return nil, fs
	}
	return c.(*complication.Complaint), fs
}

// ValidateComplaint checks a complaint built in Go against the shape and
// the domain rules of [complication.Complaint.Check]. Pointers in its
// findings refer to the complaint's JSON form; lines are not set.
func (v *Validator) ValidateComplaint(shape Shape, c *complication.Complaint) complication.Findings {
	if shape != Complaint && shape != ComplaintSubmission {
		return complication.Findings{{Code: CodeInvalid, Level: complication.LevelError, Message: "not a complaint shape"}}
	}
	return v.validateTyped(shape, c)
}

// validateTyped marshals a record built in Go and runs the structural and
// domain checks on it.
func (v *Validator) validateTyped(shape Shape, rec any) complication.Findings {
	data, err := json.Marshal(rec)
	if err != nil {
		// Only a NaN or infinite number can fail to marshal.
		return complication.Findings{{Code: CodeType, Level: complication.LevelError, Message: "the record holds a number JSON cannot represent (NaN or infinity)"}}
	}
	doc, fs := v.structural(shape, data, true)
	if doc == nil || fs.Rejected() {
		return v.finish(fs, nil)
	}
	fs = append(fs, v.rules(shape, rec)...)
	return v.finish(fs, nil)
}

// decode runs the whole pipeline and returns the typed record when the
// document is structurally valid.
func (v *Validator) decode(shape Shape, data []byte) (any, complication.Findings) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	triedFast := false
	if p, ok := v.c.plans[shape]; ok && !v.slow && len(data) <= v.opts.MaxBytes {
		rec := newRecord(shape)
		if p.decode(data, v.limits(), rec) {
			return rec, v.finish(decodedLines(v.rules(shape, rec), data), data)
		}
		triedFast = true
	}
	// The fast decoder runs the tree check's tests on the same values:
	// once it has said "not sure", repeating them on the tree would only
	// delay jsonschema, which decides.
	doc, fs := v.structural(shape, data, !triedFast)
	if doc == nil || fs.Rejected() {
		return nil, v.finish(fs, data)
	}
	rec := newRecord(shape)
	if rec == nil {
		return nil, v.finish(fs, data)
	}
	if err := v.c.trees.Decode(doc, rec); err != nil {
		// The schema accepted a value its Go field cannot hold: an integer
		// written with a fraction or an exponent (4.7e1), or one out of
		// range. Anything else would be a bug in casebook, reported as a
		// finding rather than a panic.
		f := complication.Finding{Code: CodeInvalid, Level: complication.LevelError,
			Message: "the document passed the schema but does not decode into the record type"}
		var te *typedtree.Error
		if errors.As(err, &te) {
			f.Pointer, f.Code = te.Pointer(), CodeType
			f.Message = "cannot be stored in its field: write an integer without a fraction or an exponent, within range"
		}
		fs = append(fs, f)
		return nil, v.finish(fs, data)
	}
	fs = append(fs, v.rules(shape, rec)...)
	return rec, v.finish(fs, data)
}

// newRecord returns a new record of the shape's Go type, or nil.
func newRecord(shape Shape) any {
	switch shape {
	case Report, ReportSubmission:
		return new(complication.Report)
	case Complaint, ComplaintSubmission:
		return new(complication.Complaint)
	}
	return nil
}

func (v *Validator) rules(shape Shape, rec any) complication.Findings {
	today := v.opts.Now()
	switch r := rec.(type) {
	case *complication.Report:
		return r.Check(complication.CheckOptions{Today: today})
	case *complication.Complaint:
		return r.Check(complication.CheckOptions{Today: today})
	}
	return nil
}

// structural parses data strictly and validates it against the shape's
// schema, trying the tree fast path first when tryFast is set. doc is nil
// if data is not acceptable JSON.
func (v *Validator) structural(shape Shape, data []byte, tryFast bool) (doc any, fs complication.Findings) {
	sch, ok := v.c.shapes[shape]
	if !ok {
		return nil, complication.Findings{{Code: CodeInvalid, Level: complication.LevelError, Message: fmt.Sprintf("unknown shape; want one of %v", Shapes())}}
	}
	if len(data) > v.opts.MaxBytes {
		return nil, complication.Findings{{Code: CodeTooLarge, Level: complication.LevelError, Line: 1,
			Message: fmt.Sprintf("document is larger than the %d-byte limit", v.opts.MaxBytes)}}
	}
	doc, err := jsonscan.Parse(data, v.limits())
	if err != nil {
		return nil, complication.Findings{scanFinding(err)}
	}
	if tryFast && !v.slow && v.c.fast[shape].accepts(doc) {
		return doc, nil
	}
	if err := sch.Validate(doc); err != nil {
		fs = v.c.findings(shape, err, doc)
	}
	return doc, fs
}

// limits returns the parser's limits from the options.
func (v *Validator) limits() jsonscan.Limits {
	return jsonscan.Limits{MaxDepth: v.opts.MaxDepth, MaxMembers: v.opts.MaxItems,
		MaxStringLen: v.opts.MaxStringLength, MaxNumberLen: v.opts.MaxNumberLength,
		MaxExponent: jsonscan.DefaultMaxExponent}
}

// finish adds line numbers, withholds member names no schema defines,
// sorts and caps the findings.
func (v *Validator) finish(fs complication.Findings, data []byte) complication.Findings {
	if len(fs) == 0 {
		return nil
	}
	if data != nil {
		for i := range fs {
			if fs[i].Line == 0 {
				fs[i].Line = lineOf(data, fs[i].Pointer, jsonscan.Line)
			}
		}
	}
	withholdNames(fs, v.opts.MaxItems)
	fs.Sort()
	if len(fs) > v.opts.MaxFindings {
		fs = append(fs[:v.opts.MaxFindings:v.opts.MaxFindings], complication.Finding{
			Code: CodeTooManyFindings, Level: complication.LevelError,
			Message: fmt.Sprintf("more than %d findings; the rest are not shown", v.opts.MaxFindings),
		})
	}
	return fs
}

// lineOf returns the line of the value at ptr or, for an absent member, of
// the nearest enclosing value that exists, finding lines with line:
// jsonscan.Line, or jsonscan.LineOfValid for a document known to be
// well-formed.
func lineOf(data []byte, ptr string, line func(data []byte, ptr string) int) int {
	for {
		if l := line(data, ptr); l > 0 {
			return l
		}
		if ptr == "" {
			return 0
		}
		i := bytes.LastIndexByte([]byte(ptr), '/')
		ptr = ptr[:i]
	}
}

func scanFinding(err error) complication.Finding {
	serr, ok := err.(*jsonscan.Error)
	if !ok {
		return complication.Finding{Code: CodeSyntax, Level: complication.LevelError, Message: "document is not valid JSON"}
	}
	f := complication.Finding{Pointer: serr.Pointer, Line: serr.Line, Level: complication.LevelError}
	switch serr.Kind {
	case jsonscan.KindInvalidUTF8:
		f.Code, f.Message = CodeInvalidUTF8, fmt.Sprintf("invalid UTF-8 at column %d", serr.Column)
	case jsonscan.KindDuplicateKey:
		f.Code, f.Message = CodeDuplicateKey, "member name appears twice in one object"
	case jsonscan.KindTooDeep:
		f.Code, f.Message = CodeTooDeep, "objects and arrays nest deeper than the limit"
	case jsonscan.KindNumberTooLong, jsonscan.KindExponentTooLarge, jsonscan.KindStringTooLong, jsonscan.KindTooManyMembers:
		f.Code, f.Message = CodeTooLarge, fmt.Sprintf("value exceeds a size limit (%s)", serr.Kind)
	default:
		f.Code, f.Message = CodeSyntax, fmt.Sprintf("not valid JSON at column %d (%s)", serr.Column, serr.Kind)
	}
	return f
}
