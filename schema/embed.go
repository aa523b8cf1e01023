package schema

import (
	"embed"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// BaseURL is where every version 1 casebook schema is published. A
// document's $id is BaseURL followed by its name.
const BaseURL = "https://openaesthetics.github.io/casebook/schema/v1/"

//go:embed v1/*.schema.json
var documents embed.FS

// Shape names a kind of record document, and the published schema that
// defines it.
type Shape string

// Shapes.
const (
	// Report is a complication report as a clinic holds it, with its
	// identity block.
	Report Shape = "report"
	// ReportSubmission is a de-identified complication report as a registry
	// accepts it. It has no place for any direct identifier.
	ReportSubmission Shape = "report-submission"
	// Complaint is a complaint and its handling as a clinic holds it, with
	// its identity block.
	Complaint Shape = "complaint"
	// ComplaintSubmission is a de-identified complaint as a registry
	// accepts it. It has no place for any direct identifier.
	ComplaintSubmission Shape = "complaint-submission"
)

// Shapes returns every shape, in a stable order.
func Shapes() []Shape { return []Shape{Report, ReportSubmission, Complaint, ComplaintSubmission} }

// Valid reports whether s is a known shape.
func (s Shape) Valid() bool { return slices.Contains(Shapes(), s) }

// Document returns the name of the schema document that defines s, such as
// "report.schema.json".
func (s Shape) Document() string { return string(s) + ".schema.json" }

// ID returns the published $id of the schema that defines s. Cite it to say
// which contract a file follows.
func (s Shape) ID() string { return BaseURL + s.Document() }

// Submission reports whether s is a de-identified submission shape.
func (s Shape) Submission() bool { return strings.HasSuffix(string(s), "-submission") }

// Names returns the names of the published schema documents, sorted.
func Names() []string {
	entries, _ := fs.ReadDir(documents, "v1")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// Document returns a copy of the published schema document with the given
// name (see [Names]); the ".schema.json" suffix may be left off. ok is false
// if there is no such document.
func Document(name string) (doc []byte, ok bool) {
	if !strings.HasSuffix(name, ".schema.json") {
		name += ".schema.json"
	}
	b, err := documents.ReadFile(path.Join("v1", path.Base(name)))
	if err != nil {
		return nil, false
	}
	return b, true
}
