package export

import "sync"

// columnNames is the set of every column name of every CSV layout: the
// flat file's and each table's.
var columnNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	for _, n := range flatHeader(reportColumns(), eventColumns()) {
		names[n] = true
	}
	for _, t := range reportTables().list {
		for _, n := range t.header() {
			names[n] = true
		}
	}
	for _, t := range complaintTables().list {
		for _, n := range t.header() {
			names[n] = true
		}
	}
	return names
})

// headerErr builds the ParseError for header cell i, named name. A name
// that is no column of any layout is withheld (Field is ""): whoever made
// the file chose it, and it may hold patient data; Column still says
// where it is.
func (in *csvIn) headerErr(i int, name string) *ParseError {
	if !columnNames()[name] {
		name = ""
	}
	return in.errAt(i, name, ErrColumns)
}
