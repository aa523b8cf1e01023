package anonymize

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/pii"
)

// knownFrom gathers every identifier a record's identity block holds, for
// the record-aware sweep of its free text and for the leak gate.
func knownFrom(id *complication.Identity) pii.Known {
	var k pii.Known
	if id == nil {
		return k
	}
	// Each list starts in its own reserved stretch of one array, so a
	// typical record's dozen lists cost one allocation; a list that
	// outgrows its stretch moves out on its own (the stretches' capacities
	// are capped), never into a neighbour's.
	arena := make([]string, 0, 48)
	reserve := func(n int) []string {
		l := len(arena)
		if l+n > cap(arena) {
			return make([]string, 0, n)
		}
		arena = arena[:l+n]
		return arena[l : l : l+n]
	}
	k.Names = make([]pii.Name, 0, 4)
	k.Titles = reserve(2)
	k.NHSNumbers, k.Other, k.Addresses, k.Postcodes = reserve(1), reserve(6), reserve(6), reserve(2)
	k.Phones, k.Emails, k.Handles, k.Registrations = reserve(6), reserve(7), reserve(4), reserve(4)
	addName := func(n pii.Name) {
		if len(n.Given)+len(n.Family)+len(n.Other) > 0 {
			k.Names = append(k.Names, n)
		}
	}
	person := func(p *complication.PersonIdentity) {
		if p == nil {
			return
		}
		if p.Title != "" {
			k.Titles = append(k.Titles, p.Title)
		}
		addName(pii.Name{
			Given:  appendNonEmpty(reserve(1), p.GivenName),
			Family: appendNonEmpty(reserve(1), p.FamilyName),
			Other:  appendNonEmpty(reserve(len(p.OtherNames)), p.OtherNames...),
		})
		if p.DateOfBirth.Precision() >= complication.PrecisionDay {
			d := p.DateOfBirth
			k.DatesOfBirth = append(k.DatesOfBirth, time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC))
		}
		k.NHSNumbers = appendNonEmpty(k.NHSNumbers, p.NHSNumber)
		k.Other = appendNonEmpty(k.Other, p.LocalID)
		address(&k, p.Address)
		k.Phones = appendNonEmpty(k.Phones, p.Phones...)
		k.Emails = appendNonEmpty(k.Emails, p.Emails...)
		handles(&k, p.SocialHandles)
		if p.Registration != nil {
			k.Registrations = appendNonEmpty(k.Registrations, p.Registration.Number)
		}
	}
	practitioner := func(p *complication.PractitionerIdentity) {
		if p == nil {
			return
		}
		addName(splitName(&k, p.Name))
		if p.Registration != nil {
			k.Registrations = appendNonEmpty(k.Registrations, p.Registration.Number)
		}
		k.Other = appendNonEmpty(k.Other, p.LicenceNumber)
		k.Phones = appendNonEmpty(k.Phones, p.Phones...)
		k.Emails = appendNonEmpty(k.Emails, p.Emails...)
		handles(&k, p.SocialHandles)
	}
	person(id.Patient)
	person(id.Reporter)
	practitioner(id.Practitioner)
	practitioner(id.Prescriber)
	if c := id.Clinic; c != nil {
		k.Other = appendNonEmpty(k.Other, c.Name, c.Website, c.CQCLocationID)
		address(&k, c.Address)
		k.Phones = appendNonEmpty(k.Phones, c.Phones...)
		k.Emails = appendNonEmpty(k.Emails, c.Emails...)
		handles(&k, c.SocialHandles)
	}
	return k
}

// knownFromComplaint gathers the identifiers of a complaint's identity
// block.
func knownFromComplaint(id *complication.ComplaintIdentity) pii.Known {
	k := knownFrom(&complication.Identity{Patient: id.Patient, Reporter: id.Complainant, Practitioner: id.Practitioner, Clinic: id.Clinic})
	k.Other = appendNonEmpty(k.Other, id.TrackingToken)
	return k
}

// splitName splits a one-string name ("Dr Amir Khan RGN") into given and
// family names for the matcher: titles before it go to k's titles,
// qualifications after it are dropped, the last word left is the family
// name and the words before it are given names.
func splitName(k *pii.Known, full string) pii.Name {
	words := strings.Fields(full)
	for len(words) > 1 && isTitle(words[0]) {
		k.Titles = append(k.Titles, words[0])
		words = words[1:]
	}
	for len(words) > 1 && pii.IsPostnominal(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	switch len(words) {
	case 0:
		return pii.Name{}
	case 1:
		return pii.Name{Family: words}
	}
	return pii.Name{Given: words[:len(words)-1], Family: words[len(words)-1:]}
}

func isTitle(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "dr", "mr", "mrs", "ms", "miss", "mx", "nurse", "prof", "professor", "sister":
		return true
	}
	return false
}

func address(k *pii.Known, a *complication.Address) {
	if a == nil {
		return
	}
	k.Addresses = appendNonEmpty(k.Addresses, a.Lines...)
	k.Postcodes = appendNonEmpty(k.Postcodes, a.Postcode)
}

func handles(k *pii.Known, hs []complication.SocialHandle) {
	for _, h := range hs {
		k.Handles = appendNonEmpty(k.Handles, h.Handle)
	}
}

func appendNonEmpty(dst []string, vs ...string) []string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			dst = append(dst, v)
		}
	}
	return dst
}

// textRedactor removes identifiers from one record's free text.
type textRedactor struct {
	matcher *pii.Matcher
	mode    TextMode
	key     Key
	counts  map[string]int // identifiers removed, by kind
	// gated holds the redacted texts that the leak gate's own check
	// (gateSpans with free-text eyes) has already found clean; see
	// checked.
	gated []string
}

// checked reports whether s is a text redact returned after the leak
// gate's check, run on exactly that text with the free-text detectors,
// found nothing. That check is a superset of what the gate would run on
// s in any field, and it is deterministic, so the gate need not repeat
// it: the gate's promise is about the output, and this was the output.
func (t *textRedactor) checked(s string) bool {
	for _, g := range t.gated {
		if g == s {
			return true
		}
	}
	return false
}

// redactPasses bounds how often redact re-scans its own output. Removing
// identifiers changes the text a detector sees (a name's neighbour loses
// its capitalised company), so a second look can find what the first did
// not; what survives the last pass is left for the leak gate to refuse.
const redactPasses = 3

// redact returns text with every known and detected identifier replaced.
func (t *textRedactor) redact(text string) string {
	for pass := 0; pass < redactPasses; pass++ {
		var spans []pii.Span
		if pass == 0 {
			spans = pii.Scan(text, t.matcher)
		} else {
			// Later passes look with the leak gate's eyes (see leakGate),
			// so what the gate would refuse is removed while it still can
			// be.
			spans = gateSpans(text, t.matcher, true, t.mode)
		}
		if len(spans) == 0 {
			// A later pass ran the gate's check itself. The first pass
			// ran Scan, which on text without placeholders is the
			// gate's Leaks and finds all that Matcher.Find does.
			if pass > 0 || !pii.HasPlaceholder(text) {
				t.gated = append(t.gated, text)
			}
			return text
		}
		for _, s := range pii.Merge(text, spans) {
			t.counts[string(s.Kind)]++
		}
		if t.mode == Surrogates {
			text = pii.Redact(text, spans, pii.Surrogates, t.surrogate)
		} else {
			text = pii.Redact(text, spans, pii.Placeholders, nil)
		}
	}
	return text
}

// surrogate chooses a realistic fake for an identifier, keyed by its
// normalised text so the same identifier gets the same fake throughout a
// record and across records. Fakes come from reserved ranges (Ofcom drama
// numbers, NHS test numbers, .invalid domains) and invented names. A fake
// that happens to match one of the record's real identifiers is skipped.
func (t *textRedactor) surrogate(kind pii.Kind, original string) string {
	norm := pii.Normalize(original).Text
	for attempt := 0; attempt < 8; attempt++ {
		sum := t.key.mac("surrogate", string(kind), norm, strconv.Itoa(attempt))
		n := int(sum[0])<<16 | int(sum[1])<<8 | int(sum[2])
		out := fakeFor(kind, n)
		if t.matcher == nil || len(t.matcher.Find(out)) == 0 {
			return out
		}
	}
	return kind.Placeholder()
}

var (
	fakeGiven  = []string{"Alex", "Robin", "Sam", "Jordan", "Casey", "Morgan", "Taylor", "Jamie", "Avery", "Riley", "Quinn", "Rowan", "Eden", "Harper", "Kit", "Lane", "Noor", "Orla", "Pia", "Rhian", "Tegan", "Una", "Wren", "Yara"}
	fakeFamily = []string{"Ashdown", "Bramley", "Cotterill", "Dunmore", "Ellery", "Farrow", "Greaves", "Hartfield", "Ibbotson", "Jellicoe", "Kettering", "Loxley", "Marwood", "Nettleton", "Oakhurst", "Pennock", "Quarmby", "Rushworth", "Stainton", "Thwaite", "Upshall", "Varley", "Whitlock", "Yewdall"}
)

func fakeFor(kind pii.Kind, n int) string {
	switch kind {
	case pii.KindName:
		return fakeGiven[n%len(fakeGiven)] + " " + fakeFamily[(n/len(fakeGiven))%len(fakeFamily)]
	case pii.KindPhone:
		return fmt.Sprintf("07700 900%03d", n%1000)
	case pii.KindNHSNumber:
		return testNHSNumber(n)
	case pii.KindEmail:
		return fmt.Sprintf("person%04d@example.invalid", n%10000)
	case pii.KindHandle:
		return fmt.Sprintf("@user%05d", n%100000)
	case pii.KindURL:
		return fmt.Sprintf("https://example.invalid/p/%05d", n%100000)
	case pii.KindAddress:
		return fmt.Sprintf("%d Example Street", 1+n%200)
	}
	// Dates, postcodes, registration and NI numbers have no convincing
	// fake that is safe; they keep their typed placeholder.
	return kind.Placeholder()
}

// testNHSNumber returns a valid NHS number from the range reserved for
// testing (999 000 0000 upwards), which is never issued to a patient.
func testNHSNumber(n int) string {
	for i := 0; i < 11; i++ {
		s := fmt.Sprintf("999%06d", (n+i)%1000000)
		sum := 0
		for j := 0; j < 9; j++ {
			sum += int(s[j]-'0') * (10 - j)
		}
		check := 11 - sum%11
		if check == 11 {
			check = 0
		}
		if check != 10 {
			return s + string(rune('0'+check))
		}
	}
	return "[NHS_NUMBER]"
}
