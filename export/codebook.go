package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/openaesthetics/casebook/schema"
)

// Layout names a CSV layout, for the codebook.
type Layout string

const (
	// LayoutFlat is the one-file layout of [FlatWriter]: one row per event.
	LayoutFlat Layout = "flat"
	// LayoutTables is the tidy layout of [TablesWriter]: one file per
	// entity.
	LayoutTables Layout = "tables"
)

// CodebookOptions configure [WriteDictionary] and [WriteDataPackage].
type CodebookOptions struct {
	// Layout is the layout described; the zero value means LayoutFlat.
	Layout Layout
	// Profile is the CSV profile that wrote the files; the codebook states
	// it, and it decides the dialect declared in the data package.
	Profile Profile
	// FlatFile is the name of the flat CSV file that the data package's
	// resource points to; "" means "flat.csv". Tables are always
	// "<table>.csv".
	FlatFile string
}

func (o CodebookOptions) tables() []tableDesc {
	if o.Layout == LayoutTables {
		return allTables()
	}
	d := flatDesc()
	if o.FlatFile != "" {
		d.file = o.FlatFile
	}
	return []tableDesc{d}
}

func (o CodebookOptions) layout() Layout {
	if o.Layout == "" {
		return LayoutFlat
	}
	return o.Layout
}

// WriteDictionary writes the codebook of a layout as a data dictionary CSV
// in REDCap's 18-column layout: one row per column of every table (Form
// Name is the table; the tables layout has the report and the complaint
// tables), with the column's description from the published schema of its
// record kind, its choices ("code, Label | …"), validation, bounds, whether it
// is an identifier (Identifier? is "y" for direct and quasi-identifiers),
// whether it is required, and a Field Annotation with the x-privacy class,
// the JSON path and, for derived columns, the word derived. A first
// descriptive row states the layout, the CSV profile and the schema.
//
// The variable names are the CSV headers, which contain dots and repeat
// across tables, so the file documents the export; it is not a REDCap
// import file as it stands. It is written in the machine profile.
func WriteDictionary(w io.Writer, opts CodebookOptions) error {
	return writeDictionary(w, opts.layout(), opts.tables(), opts.Profile)
}

// WriteDataPackage writes the codebook of a layout as a Frictionless Data
// Package (datapackage.json): one tabular resource per table with its CSV
// dialect, and a Table Schema whose fields carry the type (string,
// integer, number, boolean, datetime; partial dates are strings with a
// pattern), the description, the code list as an enum constraint with
// labels as categories, missingValues [""], primary and foreign keys, and
// the extension properties x-privacy, x-derived, x-path and x-list (for
// cells that hold several values; for a list of ids of another table's
// rows, such as complaints.complication_ids, its itemReference names that
// table and field: a foreign key Table Schema cannot declare on a list,
// and one whose target may lie outside the export). Each resource's
// x-schema is the $id of the published shape its x-paths refer to. The
// top-level x-casebook member states the layout, the CSV profile and the
// schemas.
func WriteDataPackage(w io.Writer, opts CodebookOptions) error {
	return writeDataPackage(w, opts.layout(), opts.tables(), opts.Profile)
}

// tableDesc describes one table for the codebook.
type tableDesc struct {
	name        string
	file        string
	title       string
	shape       schema.Shape // the record shape its columns' paths refer to
	cols        []colDesc
	primaryKey  []string
	foreignKeys []foreignKey
}

type foreignKey struct {
	Fields    []string `json:"fields"`
	Reference struct {
		Resource string   `json:"resource"`
		Fields   []string `json:"fields"`
	} `json:"reference"`
}

func fk(fields []string, resource string, ref []string) foreignKey {
	k := foreignKey{Fields: fields}
	k.Reference.Resource, k.Reference.Fields = resource, ref
	return k
}

// colDesc describes one column for the codebook.
type colDesc struct {
	name     string
	path     string // dotted JSON path from the record root; "" for link and derived columns
	kind     kind
	list     string // for a parallel list column, the dotted path of its array
	derived  bool
	note     string // description of link and derived columns
	codeList string // code list of a derived code column
	privacy  string // x-privacy of a derived column; "" is none
	ref      string // for a UUID list, the resource.field its items refer to
	required bool   // for link columns
}

func descCols[T any](prefix string, cols []column[T]) []colDesc {
	out := make([]colDesc, 0, len(cols))
	for _, c := range cols {
		d := colDesc{name: c.name, kind: c.kind, derived: c.derived, note: c.note}
		if c.path != "" {
			d.path = c.path
			if prefix != "" {
				d.path = prefix + "." + c.path
			}
		}
		if c.list {
			d.list = d.path[:strings.LastIndexByte(d.path, '.')]
		}
		d.codeList, d.privacy, d.ref = c.codeList, c.privacy, c.ref
		out = append(out, d)
	}
	return out
}

func linkDesc(name string, k kind, note string) colDesc {
	return colDesc{name: name, kind: k, note: note, required: true}
}

const noteEventID = "Link: the id of the event this row belongs to (events.id, within the same report)."

func (t *parentTable[R]) describe() tableDesc {
	return tableDesc{name: t.kind.parent, file: t.kind.parent + ".csv", title: t.title, shape: t.kind.shape,
		cols: descCols("", t.cols), primaryKey: []string{"id"}}
}

// linkNote describes the column that links a row to its record.
func linkNote(k recordKind) string {
	return "Link: the id of the " + k.noun + " this row belongs to (" + k.parent + ".id)."
}

func (t *eventsTable) describe() tableDesc {
	k := reportKind()
	cols := []colDesc{
		linkDesc(linkReportID, kindUUID, linkNote(k)),
		linkDesc(eventIndex, kindInt, "Link: the 0-based position of the event in its report's events array (JSON Pointer /events/<event_index>)."),
	}
	return tableDesc{name: "events", file: "events.csv", title: "Events: one row per complication (event) of a report", shape: k.shape,
		cols:        append(cols, descCols("events", t.cols)...),
		primaryKey:  []string{linkReportID, eventIndex},
		foreignKeys: []foreignKey{fk([]string{linkReportID}, "reports", []string{"id"})},
	}
}

func (t *childTable[R, E]) describe() tableDesc {
	k := t.kind
	cols := []colDesc{linkDesc(k.link, kindUUID, linkNote(k))}
	keys := []foreignKey{fk([]string{k.link}, k.parent, []string{"id"})}
	owner := k.noun
	if t.level == levelEvent {
		cols = append(cols, linkDesc(linkEventID, kindUUID, noteEventID))
		keys = append(keys, fk([]string{linkReportID, linkEventID}, "events", []string{linkReportID, "id"}))
		owner = "event"
	}
	cols = append(cols, linkDesc(t.index, kindInt, "Link: the 0-based position of the element in the array "+t.entity+" of its "+owner+"."))
	return tableDesc{name: t.file, file: t.file + ".csv", title: "One row per element of " + t.entity + " of a " + k.noun, shape: k.shape,
		cols: append(cols, descCols(t.entity, t.cols)...), primaryKey: t.links(), foreignKeys: keys}
}

func flatDesc() tableDesc {
	cols := descCols("", reportColumns())
	cols = append(cols, linkDesc(flatEventIndex, kindInt, "Link: the 0-based position of the row's event in its report's events array; empty for a report with no events. A report's rows start at event_index 0."))
	for _, c := range descCols("events", eventColumns()) {
		c.name = "events." + c.name
		cols = append(cols, c)
	}
	return tableDesc{name: "flat", file: "flat.csv", title: "Complication reports, one row per event, report columns repeated",
		shape: schema.ReportSubmission, cols: cols}
}

// describedField is a column with what the schema says about it.
type describedField struct {
	col  colDesc
	info fieldInfo
}

func describeFields(docs *schemaDocs, t tableDesc) ([]describedField, error) {
	out := make([]describedField, 0, len(t.cols))
	docs = docs.as(t.shape)
	for _, c := range t.cols {
		var info fieldInfo
		switch {
		case c.path != "":
			var err error
			if info, err = docs.field(c.path); err != nil {
				return nil, err
			}
		default:
			info = fieldInfo{description: c.note, privacy: c.privacy, required: c.required}
			if info.privacy == "" {
				info.privacy = "none"
			}
			if c.codeList != "" {
				info.enum, info.labels = docs.codeList(c.codeList)
			}
		}
		if c.list != "" {
			// A missing element member is an empty item, so the column as a
			// whole is required only if the array is.
			info.required = info.required && c.kind != kindMissing
		}
		out = append(out, describedField{col: c, info: info})
	}
	return out, nil
}

// shapesOf returns the record shapes of the tables, in order of first
// appearance.
func shapesOf(tables []tableDesc) []schema.Shape {
	var out []schema.Shape
	for _, t := range tables {
		if !slices.Contains(out, t.shape) {
			out = append(out, t.shape)
		}
	}
	return out
}

func profileStatement(layout Layout, p Profile, shapes []schema.Shape) string {
	s := "casebook export, " + string(layout) + " layout, " + p.String() + " CSV profile: RFC 4180 quoting, UTF-8, "
	if p == ProfileSpreadsheet {
		s += "with a byte order mark, CRLF line ends; a string cell beginning with an apostrophe, or with = + - @ TAB CR LF or NUL after any leading spaces, has one extra leading apostrophe (remove exactly one leading apostrophe from string cells to get the value)."
	} else {
		s += "no byte order mark, LF line ends, values as they are."
	}
	s += " Missing values are empty cells."
	for _, sh := range shapes {
		switch sh {
		case schema.ReportSubmission:
			s += " Reports follow " + sh.ID() + "."
		case schema.ComplaintSubmission:
			s += " Complaints follow " + sh.ID() + "."
		}
	}
	return s
}

// dictionaryHeader returns REDCap's data dictionary columns, in order.
func dictionaryHeader() []string {
	return []string{
		"Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
		"Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
		"Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
		"Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
		"Matrix Ranking?", "Field Annotation",
	}
}

// refIn splits a column's reference "resource.field" and reports whether
// the resource is one of the tables described.
func refIn(ref string, tables []tableDesc) (resource, field string, ok bool) {
	resource, field, ok = strings.Cut(ref, ".")
	return resource, field, ok && slices.ContainsFunc(tables, func(t tableDesc) bool { return t.name == resource })
}

func writeDictionary(w io.Writer, layout Layout, tables []tableDesc, p Profile) error {
	docs, err := loadSchemaDocs(schema.ReportSubmission)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	header := dictionaryHeader()
	row := make([]string, len(header))
	put := func() error {
		err := cw.Write(row)
		clear(row)
		return err
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	row[0], row[1], row[3], row[4] = "casebook_codebook", tables[0].name, "descriptive", profileStatement(layout, p, shapesOf(tables))
	if err := put(); err != nil {
		return err
	}
	for _, t := range tables {
		fields, err := describeFields(docs, t)
		if err != nil {
			return err
		}
		for _, f := range fields {
			c, info := f.col, f.info
			row[0], row[1] = c.name, t.name
			row[4] = info.description
			row[3] = "text"
			var notes []string
			switch {
			case c.list != "":
				notes = append(notes, "One item per element of "+c.list+", in order, joined with ';' (a backslash escapes ';' or '\\' inside an item; an empty item is a missing value).")
			case c.kind == kindCodes:
				row[3] = "checkbox"
				notes = append(notes, "Codes joined with ';'.")
			case c.kind == kindUUIDs:
				notes = append(notes, "UUIDs joined with ';'.")
				if resource, field, ok := refIn(c.ref, tables); ok {
					notes = append(notes, "Each is the "+field+" of a row of "+resource+".csv when that record is in the export.")
				}
			case c.kind == kindCode:
				row[3] = "dropdown"
			case c.kind == kindBool:
				row[3] = "dropdown"
				row[5] = "true, True | false, False"
			case c.kind == kindText && info.privacy == "free-text":
				row[3] = "notes"
			}
			switch c.kind {
			case kindCode, kindCodes:
				if c.list == "" {
					row[5] = choices(info.enum, info.labels)
				} else {
					notes = append(notes, "Codes: "+choices(info.enum, info.labels)+".")
				}
			case kindInt:
				if c.list == "" {
					row[7] = "integer"
				}
			case kindNumber:
				if c.list == "" {
					row[7] = "number"
				}
			case kindDate:
				notes = append(notes, "Partial date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm (local clock time); the precision is part of the value.")
			case kindTimestamp:
				notes = append(notes, "RFC 3339 date-time with a zone offset.")
			case kindUUID:
				notes = append(notes, "UUID.")
			case kindMissing:
				notes = append(notes, "Why fields are absent: field=reason pairs joined with ';'; reasons: "+choices(info.enum, info.labels)+".")
			}
			if c.list == "" && (c.kind == kindInt || c.kind == kindNumber) {
				if info.minimum != nil && !info.exclusive {
					row[8] = formatBound(*info.minimum)
				}
				if info.maximum != nil {
					row[9] = formatBound(*info.maximum)
				}
			}
			if c.derived {
				notes = append(notes, "Derived: computed by the exporter, ignored on reading.")
			}
			row[6] = strings.Join(notes, " ")
			if info.privacy == "direct-identifier" || info.privacy == "quasi-identifier" {
				row[10] = "y"
			}
			if info.required {
				row[12] = "y"
			}
			ann := "x-privacy=" + info.privacy
			if c.path != "" {
				ann += "; path=" + c.path
			}
			if c.derived {
				ann += "; derived"
			}
			row[17] = ann
			if err := put(); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func choices(codes []string, labels map[string]string) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		l := labels[c]
		if l == "" {
			l = c
		}
		parts[i] = c + ", " + l
	}
	return strings.Join(parts, " | ")
}

func formatBound(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Frictionless Data Package, as ordered structs so the output is stable.
type (
	dataPackage struct {
		Profile     string         `json:"profile"`
		Name        string         `json:"name"`
		Title       string         `json:"title"`
		Description string         `json:"description"`
		Casebook    casebookMeta   `json:"x-casebook"`
		Resources   []dataResource `json:"resources"`
	}
	casebookMeta struct {
		Layout  string   `json:"layout"`
		Profile string   `json:"profile"`
		Schemas []string `json:"schemas"`
	}
	dataResource struct {
		Name      string      `json:"name"`
		Path      string      `json:"path"`
		Title     string      `json:"title"`
		Profile   string      `json:"profile"`
		Format    string      `json:"format"`
		Mediatype string      `json:"mediatype"`
		Encoding  string      `json:"encoding"`
		Dialect   csvDialect  `json:"dialect"`
		Schema    tableSchema `json:"schema"`
		XSchema   string      `json:"x-schema"`
	}
	csvDialect struct {
		Delimiter      string `json:"delimiter"`
		LineTerminator string `json:"lineTerminator"`
		QuoteChar      string `json:"quoteChar"`
		DoubleQuote    bool   `json:"doubleQuote"`
		Header         bool   `json:"header"`
	}
	tableSchema struct {
		Fields        []dataField  `json:"fields"`
		MissingValues []string     `json:"missingValues"`
		PrimaryKey    []string     `json:"primaryKey,omitempty"`
		ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
	}
	dataField struct {
		Name        string           `json:"name"`
		Type        string           `json:"type"`
		Format      string           `json:"format,omitempty"`
		Description string           `json:"description"`
		TrueValues  []string         `json:"trueValues,omitempty"`
		FalseValues []string         `json:"falseValues,omitempty"`
		Constraints *fieldConstraint `json:"constraints,omitempty"`
		Categories  []category       `json:"categories,omitempty"`
		Privacy     string           `json:"x-privacy"`
		Derived     bool             `json:"x-derived,omitempty"`
		Path        string           `json:"x-path,omitempty"`
		List        *listSpec        `json:"x-list,omitempty"`
	}
	fieldConstraint struct {
		Required         bool     `json:"required,omitempty"`
		Enum             []string `json:"enum,omitempty"`
		Pattern          string   `json:"pattern,omitempty"`
		Minimum          *float64 `json:"minimum,omitempty"`
		ExclusiveMinimum *float64 `json:"exclusiveMinimum,omitempty"`
		Maximum          *float64 `json:"maximum,omitempty"`
	}
	category struct {
		Value string `json:"value"`
		Label string `json:"label"`
	}
	// listSpec describes a cell holding several values.
	listSpec struct {
		Delimiter  string     `json:"delimiter"`
		EscapeChar string     `json:"escapeChar,omitempty"`
		Of         string     `json:"of"` // "codes", "uuids", "elements of <array>", "field=reason pairs"
		ItemType   string     `json:"itemType"`
		ItemFormat string     `json:"itemFormat,omitempty"`
		ItemEnum   []string   `json:"itemEnum,omitempty"`
		Categories []category `json:"itemCategories,omitempty"`
		Reference  *itemRef   `json:"itemReference,omitempty"`
	}
	// itemRef names the table and field that the items of a list of ids
	// refer to.
	itemRef struct {
		Resource string `json:"resource"`
		Field    string `json:"field"`
	}
)

// partialDatePattern is the published schema's pattern for partial dates.
const partialDatePattern = `^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9])?)?)?$`

func writeDataPackage(w io.Writer, layout Layout, tables []tableDesc, p Profile) error {
	docs, err := loadSchemaDocs(schema.ReportSubmission)
	if err != nil {
		return err
	}
	shapes := shapesOf(tables)
	title := "casebook complication reports (" + string(layout) + " layout)"
	if slices.Contains(shapes, schema.ComplaintSubmission) {
		title = "casebook complication reports and complaints (" + string(layout) + " layout)"
	}
	pkg := dataPackage{
		Profile:     "tabular-data-package",
		Name:        "casebook-" + string(layout),
		Title:       title,
		Description: profileStatement(layout, p, shapes),
		Casebook:    casebookMeta{Layout: string(layout), Profile: p.String()},
	}
	for _, sh := range shapes {
		pkg.Casebook.Schemas = append(pkg.Casebook.Schemas, sh.ID())
	}
	for _, t := range tables {
		fields, err := describeFields(docs, t)
		if err != nil {
			return err
		}
		res := dataResource{
			Name: t.name, Path: t.file, Title: t.title,
			Profile: "tabular-data-resource", Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
			Dialect: csvDialect{Delimiter: ",", LineTerminator: p.lineTerminator(), QuoteChar: `"`, DoubleQuote: true, Header: true},
			Schema:  tableSchema{MissingValues: []string{""}, PrimaryKey: t.primaryKey, ForeignKeys: t.foreignKeys},
			XSchema: t.shape.ID(),
		}
		for _, f := range fields {
			df := dataFieldOf(f)
			if resource, field, ok := refIn(f.col.ref, tables); ok && df.List != nil {
				df.List.Reference = &itemRef{Resource: resource, Field: field}
			}
			res.Schema.Fields = append(res.Schema.Fields, df)
		}
		pkg.Resources = append(pkg.Resources, res)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pkg); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func categories(codes []string, labels map[string]string) []category {
	out := make([]category, len(codes))
	for i, c := range codes {
		out[i] = category{Value: c, Label: labels[c]}
	}
	return out
}

func dataFieldOf(f describedField) dataField {
	c, info := f.col, f.info
	df := dataField{Name: c.name, Description: info.description, Privacy: info.privacy, Derived: c.derived, Path: c.path}
	cons := &fieldConstraint{Required: info.required}
	itemType, itemFormat := "string", ""
	switch c.kind {
	case kindInt:
		itemType = "integer"
	case kindNumber:
		itemType = "number"
	case kindBool:
		itemType = "boolean"
	case kindTimestamp:
		itemType, itemFormat = "datetime", "any"
	case kindUUID, kindUUIDs:
		itemFormat = "uuid"
	}
	multi := c.list != "" || c.kind == kindCodes || c.kind == kindUUIDs || c.kind == kindMissing
	if !multi {
		df.Type, df.Format = itemType, itemFormat
		switch c.kind {
		case kindBool:
			df.TrueValues, df.FalseValues = []string{"true", "True", "TRUE"}, []string{"false", "False", "FALSE"}
		case kindCode:
			cons.Enum = info.enum
			df.Categories = categories(info.enum, info.labels)
		case kindDate:
			cons.Pattern = partialDatePattern
		case kindText:
			// In the spreadsheet profile a neutralised cell has an extra
			// apostrophe, which a pattern would reject; valid values of the
			// patterned text fields never need one, so the pattern holds.
			cons.Pattern = info.pattern
		case kindInt, kindNumber:
			if info.exclusive {
				cons.ExclusiveMinimum = info.minimum
			} else {
				cons.Minimum = info.minimum
			}
			cons.Maximum = info.maximum
		}
	} else {
		df.Type = "string"
		l := &listSpec{Delimiter: ";", ItemType: itemType, ItemFormat: itemFormat}
		switch {
		case c.list != "":
			l.Of, l.EscapeChar = "elements of "+c.list, `\`
		case c.kind == kindCodes:
			l.Of = "codes"
		case c.kind == kindUUIDs:
			l.Of = "uuids"
		case c.kind == kindMissing:
			l.Of, l.EscapeChar = "field=reason pairs", `\`
		}
		if c.kind == kindCode || c.kind == kindCodes || c.kind == kindMissing {
			l.ItemEnum = info.enum
			l.Categories = categories(info.enum, info.labels)
		}
		if c.kind == kindDate {
			l.ItemFormat = "partial-date"
		}
		df.List = l
	}
	if cons.Required || cons.Enum != nil || cons.Pattern != "" || cons.Minimum != nil || cons.ExclusiveMinimum != nil || cons.Maximum != nil {
		df.Constraints = cons
	}
	return df
}
