package pii

// Kind names the class of identifier a Span holds. Its value is also the
// text of the typed placeholder that Redact writes, e.g. "[NAME]".
type Kind string

// The kinds of identifier the package reports.
const (
	// KindName is a personal name: patient, relative or practitioner.
	KindName Kind = "NAME"
	// KindNHSNumber is a 10-digit NHS (or CHI-style) number.
	KindNHSNumber Kind = "NHS_NUMBER"
	// KindPhone is a telephone number.
	KindPhone Kind = "PHONE"
	// KindEmail is an e-mail address, including spelled-out forms such as
	// "jane [at] example [dot] com".
	KindEmail Kind = "EMAIL"
	// KindURL is a web address, including bare social-media domains.
	KindURL Kind = "URL"
	// KindHandle is a social-media handle such as "@jane.doe.aesthetic".
	KindHandle Kind = "HANDLE"
	// KindPostcode is a full UK postcode (outward and inward code).
	KindPostcode Kind = "POSTCODE"
	// KindDate is a calendar date more precise than a year.
	KindDate Kind = "DATE"
	// KindRegistration is a practitioner registration number: GMC, NMC,
	// GDC, GPhC or HCPC.
	KindRegistration Kind = "REGISTRATION"
	// KindNINumber is a UK National Insurance number.
	KindNINumber Kind = "NI_NUMBER"
	// KindAddress is a street address line such as "12 Acacia Avenue".
	KindAddress Kind = "ADDRESS"
	// KindOther is any other value the caller listed in Known.Other, such
	// as a clinic booking reference.
	KindOther Kind = "OTHER"
)

// kindOrder lists every Kind the package can report, most specific first.
// The order is the tie-break Merge uses when two spans of equal length
// overlap: a checksum-validated NHS number is a stronger claim than a
// generic phone pattern over the same digits.
var kindOrder = [...]Kind{
	KindNHSNumber,
	KindNINumber,
	KindRegistration,
	KindEmail,
	KindURL,
	KindPhone,
	KindHandle,
	KindPostcode,
	KindDate,
	KindAddress,
	KindName,
	KindOther,
}

// Kinds returns every Kind the package can report, most specific first.
func Kinds() []Kind {
	out := make([]Kind, len(kindOrder))
	copy(out, kindOrder[:])
	return out
}

// rank orders kinds by specificity; lower is more specific. Unknown kinds
// (a caller may construct any Kind value) sort after all known ones.
func (k Kind) rank() int {
	for i, v := range kindOrder {
		if v == k {
			return i
		}
	}
	return len(kindOrder)
}

// Placeholder returns the typed placeholder Redact writes for k, such as
// "[NAME]". A Kind outside the package's set yields "[REDACTED]" so that a
// caller-made Kind can never smuggle arbitrary text into the output.
func (k Kind) Placeholder() string {
	if k.rank() == len(kindOrder) {
		return "[REDACTED]"
	}
	return "[" + string(k) + "]"
}

// Span is a half-open byte range [Start, End) of an original text that
// holds an identifier of the given Kind. Spans returned by this package
// always begin and end on UTF-8 character boundaries of that text.
type Span struct {
	Start, End int
	Kind       Kind
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }
