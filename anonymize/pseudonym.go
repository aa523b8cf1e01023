package anonymize

import (
	"encoding/base32"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/openaesthetics/casebook/complication"
)

// Domain separates pseudonym spaces: the same input under the same key
// gives unrelated pseudonyms in different domains, so a patient's
// pseudonym can never be matched against a practitioner's.
type Domain string

// Pseudonym domains. Each pseudonym starts with its domain's prefix.
const (
	DomainPatient      Domain = "pt"
	DomainPractitioner Domain = "pr"
	DomainClinic       Domain = "cl"
	DomainComplainant  Domain = "cp"
)

// pseudonymBytes is how much of the HMAC a pseudonym keeps: 160 bits, well
// above the 128 that keeps collisions negligible for any registry size.
const pseudonymBytes = 20

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// Pseudonym returns the keyed pseudonym of a canonical identifier in a
// domain: the domain prefix, an underscore and 32 base-32 characters of
// HMAC-SHA-256. Canonicalise the identifier first with [CanonicalNHSNumber]
// or [CanonicalName] so that formatting never changes the result.
func (k Key) Pseudonym(d Domain, canonical string) string {
	sum := k.mac("pseudonym/"+string(d), canonical)
	return string(d) + "_" + strings.ToLower(b32.EncodeToString(sum[:pseudonymBytes]))
}

// rekey maps a record's UUID to an unrelated but stable UUID under the key,
// so research extracts keep their links between tables without revealing
// the registry's identifiers. The result is a version 8 (custom) UUID.
func (k Key) rekey(id uuid.UUID) uuid.UUID {
	if id == uuid.Nil {
		return id
	}
	sum := k.mac("uuid", id.String())
	var out uuid.UUID
	copy(out[:], sum[:])
	out[6] = out[6]&0x0f | 0x80 // version 8
	out[8] = out[8]&0x3f | 0x80 // RFC 9562 variant
	return out
}

// offsetDays derives a patient's date offset in [-maxDays, maxDays],
// never 0, from the patient's pseudonym: the same patient moves by the same
// number of days in every record and every field.
func (k Key) offsetDays(patient string, maxDays int) int {
	if maxDays <= 0 {
		return 0
	}
	sum := k.mac("dateshift", patient)
	v := uint64(0)
	for _, b := range sum[:8] {
		v = v<<8 | uint64(b)
	}
	n := int(v % uint64(2*maxDays))
	if n < maxDays {
		return n - maxDays // -maxDays … -1
	}
	return n - maxDays + 1 // 1 … maxDays
}

// CanonicalNHSNumber returns the digits of an NHS number written with any
// separators (spaces, hyphens, dots, fullwidth digits), or "" if they are
// not ten digits with a valid check digit.
func CanonicalNHSNumber(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || r == '-' || r == '.' || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Pd, r):
		default:
			return ""
		}
	}
	if !complication.ValidNHSNumber(b.String()) {
		return ""
	}
	return b.String()
}

// CanonicalName returns a name in the form pseudonyms are computed from:
// NFKC, full case folding, diacritics removed, apostrophes and hyphens
// unified, runs of spaces collapsed. "Zoë  O’Neill" and "ZOE O'NEILL" give
// the same result.
func CanonicalName(s string) string {
	if ascii, ok := canonicalASCII(s); ok {
		return ascii
	}
	f := nameFolds.Get().(*nameFold)
	defer nameFolds.Put(f)
	out, _, err := transform.String(f.strip, s)
	if err != nil {
		out = s
	}
	out = f.fold.String(out)
	out = strings.Map(func(r rune) rune {
		switch {
		case r == '\u2018' || r == '\u2019' || r == '\u02bc' || r == '`' || r == '\u00b4':
			return '\''
		case unicode.Is(unicode.Pd, r):
			return '-'
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, out)
	return strings.Join(strings.Fields(out), " ")
}

// nameFold holds the transformers CanonicalName uses on text that is not
// all ASCII. They keep buffers of some kilobytes between calls, so they
// are pooled rather than built for each name; each call resets them.
type nameFold struct {
	strip transform.Transformer // NFKD, combining marks removed, NFKC
	fold  cases.Caser
}

var nameFolds = sync.Pool{New: func() any {
	return &nameFold{
		strip: transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFKC),
		fold:  cases.Fold(),
	}
}}

// canonicalASCII is CanonicalName for text that is all ASCII, where
// normalisation changes nothing, folding is lower-casing and the only
// apostrophe variant is the backtick. ok is false for any other text.
func canonicalASCII(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	space := true // at the start, or after a space: skip further spaces
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			if !space {
				b = append(b, ' ')
				space = true
			}
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		b = append(b, c)
		space = false
	}
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b), true
}

// patientKey picks the canonical identifier a patient's pseudonym is
// computed from, strongest first: the NHS number (which links the same
// patient across clinics), then name with date of birth, then the clinic's
// own record number qualified by the clinic. ok is false when the record
// holds none of them.
func patientKey(id *complication.PersonIdentity, clinic string) (string, bool) {
	if id == nil {
		return "", false
	}
	if nhs := CanonicalNHSNumber(id.NHSNumber); nhs != "" {
		return "nhs:" + nhs, true
	}
	name := CanonicalName(id.GivenName + " " + id.FamilyName)
	if name != "" && id.DateOfBirth.Precision() >= complication.PrecisionDay {
		return "name-dob:" + name + "|" + id.DateOfBirth.Truncate(complication.PrecisionDay).String(), true
	}
	if id.LocalID != "" && clinic != "" {
		return "local:" + clinic + "|" + CanonicalName(id.LocalID), true
	}
	return "", false
}

// practitionerKey picks a practitioner's canonical identifier: the
// professional registration, else the name.
func practitionerKey(id *complication.PractitionerIdentity) (string, bool) {
	if id == nil {
		return "", false
	}
	if r := id.Registration; r != nil && r.Number != "" {
		return "reg:" + string(r.Body) + ":" + CanonicalName(strings.ReplaceAll(r.Number, " ", "")), true
	}
	if n := CanonicalName(id.Name); n != "" {
		return "name:" + n, true
	}
	return "", false
}

// clinicKey picks a clinic's canonical identifier: the CQC location, else
// name and postcode, else name.
func clinicKey(id *complication.ClinicIdentity) (string, bool) {
	if id == nil {
		return "", false
	}
	if id.CQCLocationID != "" {
		return "cqc:" + CanonicalName(id.CQCLocationID), true
	}
	name := CanonicalName(id.Name)
	if name == "" {
		return "", false
	}
	if id.Address != nil {
		if pc, ok := parsePostcode(id.Address.Postcode); ok {
			return "name-postcode:" + name + "|" + pc.full(), true
		}
	}
	return "name:" + name, true
}
