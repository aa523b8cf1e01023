package complication

//go:generate go run ../internal/gencodes -root ..

// UnknownCodeError is returned when text is not a code of the named list.
// It does not repeat the text, which might be patient data typed into the
// wrong field.
type UnknownCodeError struct {
	List string // schema definition name of the code list, e.g. "term"
}

func (e *UnknownCodeError) Error() string {
	return "complication: not a code of the " + e.List + " list"
}

// CodeList describes one code list: what a form or a codebook needs to offer
// its choices.
type CodeList struct {
	Name    string      // schema definition name, e.g. "term"
	Title   string      // human title, e.g. "Complication term"
	Entries []CodeEntry // in published order
}

// CodeEntry is one code of a [CodeList].
type CodeEntry struct {
	Code    string // the wire code, e.g. "vascular_occlusion"
	Display string // the human label, e.g. "Vascular occlusion"
}

// CodeLists returns every code list casebook defines, in a stable order.
// The result is a fresh copy the caller may modify.
func CodeLists() []CodeList { return codeLists() }
