package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/schema"
)

// leafPaths walks the submission schema and returns the dotted path of
// every field that holds values (scalars, arrays of scalars, missing
// maps), stepping into objects and arrays of objects.
func leafPaths(t *testing.T, docs *schemaDocs) []string {
	var out []string
	var walk func(node map[string]any, base, prefix string)
	walk = func(node map[string]any, base, prefix string) {
		obj, objBase, err := docs.deref(node, base)
		require.NoError(t, err)
		props, _ := obj["properties"].(map[string]any)
		for name, p := range props {
			path := name
			if prefix != "" {
				path = prefix + "." + name
			}
			prop := p.(map[string]any)
			res, resBase, err := docs.deref(prop, objBase)
			require.NoError(t, err)
			switch {
			case res["type"] == "array":
				items, _, err := docs.deref(res["items"].(map[string]any), resBase)
				require.NoError(t, err)
				if items["type"] == "object" {
					walk(res["items"].(map[string]any), resBase, path)
				} else {
					out = append(out, path)
				}
			case res["type"] == "object" && res["properties"] != nil:
				walk(prop, objBase, path)
			default:
				out = append(out, path)
			}
		}
	}
	walk(docs.docs[docs.root], docs.root, "")
	sort.Strings(out)
	return out
}

func columnPaths(descs []tableDesc) []string {
	var out []string
	for _, d := range descs {
		for _, c := range d.cols {
			if c.path != "" {
				out = append(out, c.path)
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// Every field of the published submission schema has a column in both
// layouts, and every column names a field of the schema: the layouts and
// the schema cannot drift apart silently.
func TestLayoutsCoverTheSchema(t *testing.T) {
	docs, err := loadSchemaDocs(schema.ReportSubmission)
	require.NoError(t, err)
	want := leafPaths(t, docs)
	require.Contains(t, want, "events.management.dose")
	require.Equal(t, want, columnPaths(CodebookOptions{Layout: LayoutFlat}.tables()), "flat layout")
	require.Equal(t, want, columnPaths(reportTables().describe()), "tables layout")
	require.Equal(t, len(reportTables().list)+len(complaintTables().list), len(CodebookOptions{Layout: LayoutTables}.tables()))
	for _, p := range want {
		_, err := docs.field(p)
		require.NoError(t, err, p)
	}
}

func TestDictionary(t *testing.T) {
	for _, layout := range []Layout{LayoutFlat, LayoutTables} {
		t.Run(string(layout), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteDictionary(&buf, CodebookOptions{Layout: layout, Profile: ProfileSpreadsheet}))
			rows, err := csv.NewReader(&buf).ReadAll()
			require.NoError(t, err)
			require.Equal(t, dictionaryHeader(), rows[0])
			require.Equal(t, "descriptive", rows[1][3])
			require.Contains(t, rows[1][4], "spreadsheet CSV profile")
			byName := map[string][]string{}
			for _, r := range rows[2:] {
				require.Len(t, r, 18)
				require.NotEmpty(t, r[4], "%s has a label", r[0])
				require.Contains(t, r[17], "x-privacy=", r[0])
				byName[r[1]+"/"+r[0]] = r
			}
			prefix, events := "flat/", "flat/events."
			if layout == LayoutTables {
				prefix, events = "reports/", "events/"
			}
			age := byName[prefix+"patient.age_at_treatment"]
			require.Equal(t, []string{"integer", "0", "130", "y"}, []string{age[7], age[8], age[9], age[10]})
			sev := byName[events+"severity"]
			require.Equal(t, "dropdown", sev[3])
			require.Equal(t, "mild, Mild | moderate, Moderate | severe, Severe", sev[5])
			serious := byName[events+"serious"]
			require.Contains(t, serious[6], "Derived")
			require.Contains(t, serious[17], "derived")
			require.Equal(t, "y", byName[prefix+"patient.pseudonym"][12], "required in the submission shape")
			require.Equal(t, "y", byName[events+"term"][12])
			require.Equal(t, "notes", byName[prefix+"narrative"][3])
		})
	}
}

func TestDataPackage(t *testing.T) {
	for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
		sink := newMemSink()
		w, err := NewTablesWriter(sink, CSVOptions{Profile: p})
		require.NoError(t, err)
		require.NoError(t, w.Close())
		var pkg dataPackage
		require.NoError(t, json.Unmarshal(sink.files[DataPackageFile].Bytes(), &pkg))
		require.Equal(t, p.String(), pkg.Casebook.Profile)
		require.Equal(t, []string{schema.ReportSubmission.ID(), schema.ComplaintSubmission.ID()}, pkg.Casebook.Schemas)
		headers := tableHeaders()
		require.Len(t, pkg.Resources, len(headers))
		for i, res := range pkg.Resources {
			data, ok := sink.files[res.Path]
			require.True(t, ok, res.Path)
			header, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data.Bytes(), utf8BOM))).Read()
			require.NoError(t, err)
			var names []string
			for _, f := range res.Schema.Fields {
				names = append(names, f.Name)
				require.NotEmpty(t, f.Privacy, f.Name)
				require.NotEmpty(t, f.Description, f.Name)
				require.Contains(t, []string{"string", "integer", "number", "boolean", "datetime"}, f.Type)
				if f.Derived {
					require.True(t, strings.HasPrefix(f.Description, "Derived:"), f.Name)
				}
			}
			require.Equal(t, header, names, "fields are the CSV header")
			require.Equal(t, headers[i], names)
			require.Equal(t, []string{""}, res.Schema.MissingValues)
			require.Equal(t, p.lineTerminator(), res.Dialect.LineTerminator)
		}
		// Labels come from x-labels, partial dates have a pattern.
		events := pkg.Resources[1]
		for _, f := range events.Schema.Fields {
			switch f.Name {
			case "severity":
				require.Equal(t, []category{{"mild", "Mild"}, {"moderate", "Moderate"}, {"severe", "Severe"}}, f.Categories)
			case "onset":
				require.Equal(t, "string", f.Type)
				require.Equal(t, partialDatePattern, f.Constraints.Pattern)
			case "seriousness":
				require.NotNil(t, f.List)
				require.Contains(t, f.List.ItemEnum, "not_serious")
			case "serious":
				require.True(t, f.Derived)
				require.Equal(t, "boolean", f.Type)
			}
		}
	}
}

// tableHeaders returns the header of every table file, in the order of
// the codebook.
func tableHeaders() [][]string {
	var out [][]string
	for _, t := range reportTables().list {
		out = append(out, t.header())
	}
	for _, t := range complaintTables().list {
		out = append(out, t.header())
	}
	return out
}

// The codebook's partial-date pattern is the published schema's.
func TestPartialDatePatternMatchesSchema(t *testing.T) {
	docs, err := loadSchemaDocs(schema.ReportSubmission)
	require.NoError(t, err)
	info, err := docs.field("events.onset")
	require.NoError(t, err)
	require.Equal(t, partialDatePattern, info.pattern)
}

// The package documentation lists the flat layout's columns; keep it true.
func TestDocListsFlatColumns(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	doc := string(src)
	from := strings.Index(doc, "derived columns last:\n")
	to := strings.Index(doc, "// The tidy layout")
	require.True(t, from > 0 && to > from)
	listed := strings.Join(strings.Fields(strings.ReplaceAll(doc[from+len("derived columns last:\n"):to], "//", "")), " ")
	require.Equal(t, strings.Join(flatHeader(reportColumns(), eventColumns()), ", "), listed)
	for _, d := range allTables() {
		require.Contains(t, doc, d.file)
	}
}
