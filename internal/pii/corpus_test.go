package pii

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode"
)

// This file builds the synthetic corpora the tests measure against:
//
//   - clinicalCorpus: realistic sentences from UK aesthetic practice with
//     no personal identifiers at all, full of the quantities, products,
//     grades and abbreviations a detector must leave alone;
//   - a planted-identifier generator: complaint and incident narratives
//     with identifiers drawn only from reserved or fictional ranges (NHS
//     numbers starting 999, Ofcom drama numbers, example.com / .invalid
//     addresses, invented names), each optionally obfuscated the way real
//     text and deliberate evasion do it.

var clinicalCorpus = []string{
	"27G cannula used for the lateral cheek, 0.5 ml each side.",
	"1500 IU hyaluronidase reconstituted in 1 ml saline and injected in four aliquots.",
	"0.5ml of Juvederm Volbella was placed in the upper lip body.",
	"Review on day 14 showed complete resolution of the swelling.",
	"Two x 1ml syringes of Restylane Kysse were opened; 2 x 1ml syringes in total.",
	"50 units of Azzalure were reconstituted with 2.5 ml of saline.",
	"Upper lip 0.3 ml, lower lip 0.2 ml, cupid's bow 0.1 ml.",
	"Restylane Kysse 1 ml, lot 12345, expiry 2026.",
	"Botox 20u glabella, 8u forehead, 12u crow's feet bilaterally.",
	"Dose given at 10:30 and repeated at 11:15 after capillary refill remained slow.",
	"Batch number H12L4567 recorded on the treatment record.",
	"Lot 12345 of Teosyal RHA 2 was used.",
	"Blanching improved by 40% within 20 minutes.",
	"Complaint handled in line with ISO 10002 and the clinic policy.",
	"Adverse event graded as CTCAE grade 3.",
	"Patient is Fitzpatrick IV with a history of post-inflammatory pigmentation.",
	"History of HSV on the upper lip; aciclovir 400 mg prophylaxis started.",
	"Advised to attend A&E if vision changes occur.",
	"GP letter sent the same day with a summary of treatment.",
	"Hyalase 1500 units given in divided doses every 60 minutes.",
	"Aspirin 300 mg given, warm compress applied and massage performed.",
	"Flucloxacillin 500 mg QDS for 7 days was prescribed.",
	"Prednisolone 30 mg OD for 5 days for delayed-onset nodules.",
	"Cetirizine 10 mg once daily for the urticarial reaction.",
	"Capillary refill time was 3 seconds at the right nasolabial fold.",
	"Livedo pattern noted over the left nasal ala at 14:20.",
	"Ultrasound at week 2 showed filler in the superficial fat compartment.",
	"Doppler scan confirmed the angular artery course before injection.",
	"Treatment plan: 2 sessions of Profhilo 4 weeks apart.",
	"Sculptra reconstituted 48 hours before use with 8 ml sterile water.",
	"Temple hollowing corrected with 1 ml of Radiesse diluted 1:1.",
	"Jawline 2 ml per side with a 25G 50 mm cannula.",
	"Tear trough treated with 0.4 ml Teoxane Redensity 2 via 27G cannula.",
	"Masseter 25 units per side for bruxism.",
	"Platysmal bands treated with 4u per point at 6 points.",
	"Gummy smile treated with 2 units to each LLSAN.",
	"Chin 1 ml Juvederm Volux supraperiosteal bolus.",
	"Nasolabial folds 0.8 ml each, linear threading technique.",
	"Marionette lines 0.5 ml per side with fanning.",
	"Tyndall effect visible at the infraorbital hollow after 3 weeks.",
	"Delayed-onset nodules appeared at 6 weeks, firm and non-tender.",
	"Suspected biofilm; clarithromycin 500 mg BD for 10 days.",
	"Vascular occlusion protocol followed per the ACE Group guideline.",
	"The patient reported pain score 7/10 at the injection site.",
	"Swelling was graded 2/4 on day 3 and 1/4 on day 7.",
	"Photos taken at baseline, day 1, day 7 and week 4.",
	"Consent form signed before the procedure; risks discussed.",
	"Treatment record completed and countersigned by the prescriber.",
	"Reported to the MHRA via the Yellow Card scheme.",
	"JCCP notified as per the complaints procedure.",
	"The practitioner holds Level 7 training in injectables.",
	"Emergency kit checked: hyaluronidase, adrenaline 1:1000, aspirin.",
	"Adrenaline 0.5 mg IM given for suspected anaphylaxis.",
	"Observations: BP 118/76, HR 88, SpO2 98%, RR 16.",
	"Temperature 37.9 C at 18:45 with spreading erythema.",
	"Erythema measured 3 cm x 2 cm over the left cheek.",
	"Follow-up booked for 2 weeks to assess symmetry.",
	"Asymmetry of 2 mm noted at the vermilion border.",
	"Ptosis of the left upper eyelid, 2 mm, onset day 5.",
	"Apraclonidine 0.5% drops prescribed three times daily.",
	"Brow ptosis managed conservatively; expected to resolve in 6 to 8 weeks.",
	"Toxin diluted 100 units in 2.5 ml, giving 4 units per 0.1 ml.",
	"Dysport 300 units reconstituted in 1.5 ml.",
	"Bocouture 50 units vial used for the upper face.",
	"Xeomin 20 units to the glabellar complex at 5 points.",
	"Lip flip with 4 units at the upper lip border.",
	"Cannula entry point at the mid-cheek, 1 cm lateral to the NLF.",
	"Aspiration performed for 5 seconds before each bolus.",
	"Injected slowly, less than 0.1 ml per 10 seconds.",
	"Total volume 3.2 ml across all areas.",
	"Skin prepped with 2% chlorhexidine in 70% alcohol.",
	"Topical EMLA 5% applied for 30 minutes.",
	"Lidocaine 2% with adrenaline used for the nerve block.",
	"Infraorbital nerve block with 0.5 ml of 2% lidocaine.",
	"HSV reactivation on day 2; valaciclovir 500 mg BD for 5 days.",
	"Angioedema settled with chlorphenamine 4 mg and prednisolone.",
	"Treatment in room 2 at 09:15, finished 09:40.",
	"Clinic protocol version 3.2 was followed.",
	"Severity score 4 on the Glogau scale.",
	"Merz scale grade 3 for the jawline at baseline.",
	"Fitzpatrick type II skin, no history of keloid.",
	"BMI 23, non-smoker, no anticoagulants.",
	"Allergies: penicillin (rash), no latex allergy.",
	"Past medical history of hypothyroidism on levothyroxine 75 mcg.",
	"No history of autoimmune disease or previous filler.",
	"Previous treatment 6 months ago at another clinic, product unknown.",
	"Pregnancy test negative; not breastfeeding.",
	"The complaint was acknowledged within 3 working days.",
	"A full response was sent within 20 working days.",
	"Refund of the treatment fee was offered as a goodwill gesture.",
	"Complaint category: outcome dissatisfaction, severity low.",
	"Incident graded as moderate harm under the clinic framework.",
	"Root cause analysis completed; training needs identified.",
	"Duty of candour letter issued.",
	"The practitioner reflected on the case for revalidation.",
	"Case discussed at the monthly governance meeting.",
	"Level 2 safeguarding training is in date.",
	"Insurance provider notified of a potential claim.",
	"Product stored at 2 to 8 degrees; fridge log checked.",
	"Needle 30G 13 mm used for the lip vermilion.",
	"Cross-linked HA 20 mg/ml with 0.3% lidocaine.",
	"Lip volume increased by approximately 30%.",
	"Bruise 1 cm at the left oral commissure, resolving.",
	"Arnica gel advised for bruising.",
	"Cold compress for 10 minutes every hour on day 1.",
	"Avoid exercise, alcohol and heat for 24 hours.",
	"Sleep on the back for 2 nights after treatment.",
	"Emergency number provided on the aftercare leaflet.",
	"Patient contacted the clinic on day 3 with concerns about lumps.",
	"Video consultation arranged to review the swelling.",
	"Photographs reviewed remotely by the prescriber.",
	"Seen in clinic the following morning.",
	"Referred to the on-call ophthalmologist via the eye casualty.",
	"Visual acuity 6/6 in both eyes.",
	"No diplopia, no visual field defect.",
	"Skin necrosis risk discussed; daily review arranged.",
	"Healing by secondary intention over 3 weeks.",
	"Scar assessed with the POSAS score at 3 months.",
	"Botulinum toxin type A 4 units per injection point.",
	"Onset of effect at day 3, peak at day 14.",
	"Review at 2 weeks for a top-up of up to 10 units.",
	"Top-up of 6 units given to the left frontalis.",
	"Spock brow corrected with 2 units laterally.",
	"Heavy brow after 30 units to the forehead.",
	"Headache for 48 hours treated with paracetamol 1 g QDS.",
	"Dysphagia after neck treatment; urgent review arranged.",
	"Hyaluronidase skin test negative at 20 minutes.",
	"Filler dissolved in 3 sessions 2 weeks apart.",
	"Residual product palpable at the right lip tubercle.",
	"Satisfied with the outcome at the 6 week review.",
	"No further action required; case closed.",
	"CQC registration number not applicable to this clinic.",
	"Prescription issued remotely after a face to face consultation.",
	"Remote prescribing is not in line with the JCCP code.",
	"Standard operating procedure SOP 12 updated.",
	"Audit cycle 2 of 3 completed for complication rates.",
	"Complication rate 1.2% over 500 treatments.",
	"Three cases of vascular occlusion in 2023, none in 2024.",
	"Incidence of ptosis 0.5% in the last 12 months.",
	"Product traceability stickers attached to the record.",
	"Syringe labelled with patient sticker and batch.",
	"Serial number 0045-221 on the cannula packet.",
	"Reference ACE-2023-07 guideline for delayed onset nodules.",
	"Treatment at 3 pm; symptoms started at 7 pm.",
	"Swelling peaked at 48 h and settled by 72 h.",
	"Pain 8 out of 10 on the first night.",
	"Lumps measured 5 mm and 7 mm on palpation.",
	"Hypersensitivity reaction 4 weeks after the second session.",
	"Immediate blanching with livedo at the glabella.",
	"Warm compress, massage and 1500 units hyaluronidase hourly.",
	"Review in 1 hour showed improved capillary refill.",
	"The injector was a nurse prescriber with 10 years of experience.",
	"Informed consent included the risk of blindness.",
	"Aftercare advice was given verbally and in writing.",
	"The clinic uses an electronic record system with audit trails.",
	"The form was completed on the tablet in treatment room 1.",
	"Recommended waiting 2 weeks before any further filler.",
	"Upper face 64 units in total of Bocouture.",
	"Lower face 1 ml Belotero Balance to the perioral lines.",
	"Skin booster Profhilo 2 ml, 5 point BAP technique.",
	"Polynucleotides 2 ml under the eyes, 3 sessions.",
	"May cause temporary bruising and swelling at the injection sites.",
	"Mark the injection points with a white pencil before treatment.",
	"Will review the result at the 2 week appointment.",
	"Grace period of 14 days applies for top-up treatments.",
	"Hope to see improvement within 6 weeks of treatment.",
	"Save Face accredited clinic; complaint escalated to the accreditor.",
	"Patient Safety Incident reported on the local system.",
	"Royal Free Hospital eye casualty was contacted for advice.",
	"Manchester Royal Infirmary A&E assessed the swelling.",
	"Guidance from the British College of Aesthetic Medicine was followed.",
	"Allergan Aesthetics medical information line was consulted.",
	"Galderma UK provided a replacement product.",
	"Clinical Lead reviewed the notes on Monday.",
	"Senior Nurse Practitioner countersigned the protocol.",
	"Treatment Summary: lips 1 ml, no immediate complications.",
	"Outcome: resolved without sequelae.",
}

// identifiers from reserved or invented ranges only.
var (
	genGiven = []string{"Jane", "Zoë", "Siobhan", "Priya", "Aoife", "Oluwaseun", "Bethan", "Chloe",
		"Agnieszka", "Mei", "Hannah", "Leanne", "Kirsty", "Amara", "Eilidh", "Gráinne", "Yasmin",
		"Charlotte", "Rhiannon", "Nadia", "Tamsin", "Imogen", "Roxanne", "Kerry-Ann", "Sinéad"}
	genFamily = []string{"Doe", "O'Neill", "Smith-Jones", "Nowak", "Okafor", "MacLeod", "Patel",
		"Kowalczyk", "Ashworth", "Pemberton", "Fairbairn", "Whitfield", "Adeyemi", "Nguyen",
		"Brennan", "McAllister", "Thistlewood", "Oyelaran", "Devlin", "Hargreaves", "Da Silva",
		"van der Berg", "Ó Súilleabháin", "Łukasiewicz", "Møller"}
	genRelative = []string{"Dave", "Amy", "Tom", "Liam", "Kwame", "Ravi", "Ellie", "Nathan",
		"Callum", "Marcus", "Sophie", "Jodie", "Ruby", "Bartosz", "Declan"}
	genPracGiven  = []string{"Sarah", "Kelly", "Anjali", "Fiona", "Rebecca", "Tomasz", "Adaeze", "Holly", "Gemma", "Lowri"}
	genPracFamily = []string{"Thompson", "Marsh", "Rao", "Gallagher", "Lowe", "Zieliński", "Bello", "Kerr", "Llewellyn", "Achterberg"}
	genStreets    = []string{"Acacia Avenue", "Mill Lane", "Beech Grove", "Rosemount Road", "Kingfisher Close",
		"Larkspur Drive", "Harbour Street", "Chapel Terrace", "Ashdown Crescent", "Oakwood Gardens"}
	genOutward = []string{"LS1", "LS6", "SW1A", "M1", "M20", "B33", "CR2", "EH1", "BS8", "NW3", "W1G", "CF10", "G12", "BT7", "NE1", "L18", "S10", "OX4"}
	genTitles  = []string{"Mrs", "Miss", "Ms", "Mx"}
)

// planted is one identifier placed in a generated document.
type planted struct {
	start, end int
	kind       Kind
	value      string // the clean value, before obfuscation
}

// genDoc is one generated document with its planted identifiers and the
// Known record a caller would hold for it.
type genDoc struct {
	text    string
	planted []planted
	known   Known
	// knownIdx lists the planted identifiers the Known record describes.
	knownIdx []int
}

// The templates are complaint, incident and follow-up narratives as
// clinics and patients write them. Slots: {FULL} {GIVEN} {FAMILY}
// {TITLE}, {REL} a relative's name, {PRAC} {PRACG} {PRACF} the
// practitioner, {NHS} {PHONE} {EMAIL} {HANDLE} {URL} {POSTCODE} {ADDR}
// {DATE} {DOB} {GMC} {NMC} {GDC} {NINO}, and {CLIN} a clinical sentence.
var templates = []string{
	"{FULL} (NHS {NHS}) called on {PHONE} on {DATE} about lumps in her upper lip after 1ml Juvederm. {CLIN}",
	"{TITLE} {FAMILY} attended on {DATE} with swelling of the upper lip. {CLIN} She can be reached on {PHONE} or {EMAIL}.",
	"Complaint from {FULL}, DOB {DOB}, NHS number {NHS}. {CLIN} Her husband {REL} drove her to A&E.",
	"Patient name: {FULL}\nAddress: {ADDR}, {POSTCODE}\nTel: {PHONE}\nEmail: {EMAIL}\n{CLIN}",
	"{GIVEN} messaged the clinic on Instagram ({HANDLE}) on {DATE} to say the lumps were worse. {CLIN}",
	"I am writing on behalf of my daughter {GIVEN} who was treated by {PRAC} on {DATE}. {CLIN} Please call me on {PHONE}.",
	"Treated by {PRAC} (GMC {GMC}). {CLIN} Patient {FULL} was reviewed on {DATE}.",
	"Injector: {PRAC}, NMC PIN {NMC}. {CLIN} Follow-up with {TITLE} {FAMILY} booked.",
	"Dentist {PRAC}, GDC no. {GDC}, administered the toxin. {CLIN}",
	"{TITLE} {FULL} complained that her photos were posted at {URL} without consent. {CLIN}",
	"Her sister {REL} says {GIVEN} has been in pain since {DATE}. {CLIN}",
	"Kind regards,\n{PRAC}\nAesthetic Practitioner\n{CLIN}",
	"Dear {TITLE} {FAMILY},\nThank you for your email of {DATE}. {CLIN}",
	"{CLIN} The patient ({FULL}, born {DOB}) lives at {ADDR}, {POSTCODE}.",
	"NI number {NINO} supplied for the insurance claim by {FULL}. {CLIN}",
	"{CLIN} Contact {GIVEN} on {PHONE} or via {EMAIL} to arrange review.",
	"Seen by {PRAC} on {DATE}. {CLIN} {TITLE} {FAMILY} was happy with the plan.",
	"Her partner {REL} took photos on {DATE} and sent them to {EMAIL}. {CLIN}",
	"{FULL}'s GP was informed on {DATE}. {CLIN}",
	"Patient {FULL} (NHS no {NHS}, DOB {DOB}) was treated at the clinic. {CLIN}",
	"Mobile: {PHONE}. Postcode: {POSTCODE}. {CLIN}",
	"{CLIN} Nurse {PRACF} called {TITLE} {FAMILY} on {PHONE} the next day.",
	"The complainant, {TITLE} {FULL}, states that {PRAC} did not explain the risks. {CLIN}",
	"{GIVEN} posted a review on {URL} on {DATE}. {CLIN}",
	"Handle {HANDLE} tagged the clinic in a story. {CLIN} The account belongs to {FULL}.",
	"Written by {PRAC}, {DATE}. {CLIN}",
	"{CLIN} Her mum {REL} phoned on {PHONE} to ask about the lumps.",
	"{FULL} attended with her friend {REL}. {CLIN} Next review {DATE}.",
	"Date of birth {DOB}. NHS {NHS}. {CLIN}",
	"Address on file: {ADDR}, {POSTCODE}. {CLIN}",
	"Email received from {EMAIL} on {DATE}: 'my lips are still swollen'. {CLIN}",
	"{CLIN} Reviewed by Dr {PRACF} on {DATE}.",
	"Thanks,\n{PRACG}\n{CLIN}",
	"Name: {FULL}\nDOB: {DOB}\nNHS: {NHS}\n{CLIN}",
	"{TITLE} {FAMILY} rang {PHONE} twice on {DATE}. {CLIN}",
	"{CLIN} Her Instagram is {HANDLE} and she has posted photos there.",
	"Follow-up letter sent to {FULL}, {ADDR}, {POSTCODE}. {CLIN}",
	"GMC number {GMC} belongs to the prescriber {PRAC}. {CLIN}",
	"{CLIN} My husband {REL} said the swelling looked like an allergy.",
	"Patient {GIVEN} {FAMILY}, NHS {NHS}, tel {PHONE}. {CLIN}",
}

// homoglyphOf gives Cyrillic and Greek look-alikes for Latin letters.
var homoglyphOf = map[rune][]rune{
	'a': {'а', 'α'}, 'e': {'е'}, 'o': {'о', 'ο'}, 'p': {'р', 'ρ'}, 'c': {'с'}, 'x': {'х', 'χ'},
	'y': {'у'}, 'i': {'і'}, 'j': {'ј'}, 's': {'ѕ'}, 'A': {'А', 'Α'}, 'B': {'В', 'Β'},
	'E': {'Е', 'Ε'}, 'H': {'Н', 'Η'}, 'K': {'К', 'Κ'}, 'M': {'М', 'Μ'}, 'O': {'О', 'Ο'},
	'P': {'Р', 'Ρ'}, 'C': {'С'}, 'T': {'Т', 'Τ'}, 'X': {'Х', 'Χ'}, 'N': {'Ν'}, 'Z': {'Ζ'},
}

var invisibles = []string{"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
var oddSpaces = []string{"\u00a0", "\u2009", "\u202f", "\u2007", "\u3000"}

// obfuscation transforms an identifier's surface form.
type obfuscation func(r *rand.Rand, s string) string

func obZeroWidth(r *rand.Rand, s string) string {
	rs := []rune(s)
	if len(rs) < 2 {
		return s
	}
	for n := 1 + r.IntN(2); n > 0; n-- {
		k := 1 + r.IntN(len(rs)-1)
		rs = append(rs[:k], append([]rune(invisibles[r.IntN(len(invisibles))]), rs[k:]...)...)
	}
	return string(rs)
}

func obHomoglyph(r *rand.Rand, s string) string {
	var b strings.Builder
	for _, c := range s {
		if alts, ok := homoglyphOf[c]; ok && r.IntN(2) == 0 {
			b.WriteRune(alts[r.IntN(len(alts))])
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func obFullwidth(r *rand.Rand, s string) string {
	var b strings.Builder
	for _, c := range s {
		if c > ' ' && c < 0x7f {
			b.WriteRune(c - 0x21 + 0xff01)
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func obUpper(_ *rand.Rand, s string) string { return strings.ToUpper(s) }
func obLower(_ *rand.Rand, s string) string { return strings.ToLower(s) }

func obOddSpace(r *rand.Rand, s string) string {
	return strings.Map(func(c rune) rune {
		if c == ' ' {
			return []rune(oddSpaces[r.IntN(len(oddSpaces))])[0]
		}
		return c
	}, s)
}

// obLineBreak breaks the value across lines at a space (where text
// wraps) or, inside digit strings, at a hyphen.
func obLineBreak(r *rand.Rand, s string) string {
	idx := []int{}
	digits := strings.Trim(s, "0123456789 -+()") == ""
	for i, c := range s {
		if c == ' ' || c == '-' && digits {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return s
	}
	k := idx[r.IntN(len(idx))]
	br := []string{"\n", "\r\n", "\n  "}[r.IntN(3)]
	return s[:k] + br + s[k+1:]
}

func obExtraSpace(r *rand.Rand, s string) string {
	return strings.ReplaceAll(s, " ", strings.Repeat(" ", 2+r.IntN(2)))
}

func obHyphen(_ *rand.Rand, s string) string  { return strings.ReplaceAll(s, " ", "-") }
func obNoSpace(_ *rand.Rand, s string) string { return strings.ReplaceAll(s, " ", "") }

// obfuscationsFor lists the transformations that make sense for a kind.
func obfuscationsFor(k Kind) []obfuscation {
	switch k {
	case KindName:
		return []obfuscation{obZeroWidth, obHomoglyph, obFullwidth, obUpper, obLower, obOddSpace, obLineBreak, obExtraSpace}
	case KindNHSNumber, KindPhone, KindRegistration:
		return []obfuscation{obZeroWidth, obFullwidth, obOddSpace, obLineBreak, obExtraSpace, obHyphen}
	case KindEmail, KindHandle, KindURL:
		return []obfuscation{obZeroWidth, obHomoglyph, obFullwidth, obUpper, obLower}
	case KindPostcode, KindNINumber:
		return []obfuscation{obZeroWidth, obFullwidth, obOddSpace, obUpper, obLower, obNoSpace}
	case KindDate:
		return []obfuscation{obZeroWidth, obFullwidth, obOddSpace, obUpper, obLower, obLineBreak}
	case KindAddress:
		return []obfuscation{obZeroWidth, obHomoglyph, obUpper, obLower, obOddSpace}
	}
	return []obfuscation{obZeroWidth}
}

// obfuscate applies zero, one or two random transformations.
func obfuscate(r *rand.Rand, k Kind, s string, rate int) string {
	if r.IntN(100) >= rate {
		return s
	}
	// Case changes go first: upper- or lower-casing a string that already
	// holds look-alikes would turn Greek capital Ν into ν, which no longer
	// looks like N, and so would test something no reader would see.
	var caseObs, otherObs []obfuscation
	for _, o := range obfuscationsFor(k) {
		if fmt.Sprintf("%p", o) == fmt.Sprintf("%p", obfuscation(obUpper)) || fmt.Sprintf("%p", o) == fmt.Sprintf("%p", obfuscation(obLower)) {
			caseObs = append(caseObs, o)
		} else {
			otherObs = append(otherObs, o)
		}
	}
	n := 1 + r.IntN(2)
	if len(caseObs) > 0 && r.IntN(3) == 0 {
		s = caseObs[r.IntN(len(caseObs))](r, s)
		n--
	}
	for ; n > 0; n-- {
		s = otherObs[r.IntN(len(otherObs))](r, s)
	}
	return s
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// genNHS returns a valid NHS number in the reserved 999 test range.
func genNHS(r *rand.Rand) string {
	for {
		d := fmt.Sprintf("999%06d", r.IntN(1000000))
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(d[i]-'0') * (10 - i)
		}
		c := 11 - sum%11
		if c == 10 {
			continue
		}
		if c == 11 {
			c = 0
		}
		return d + fmt.Sprint(c)
	}
}

func fmtNHS(r *rand.Rand, d string) string {
	switch r.IntN(4) {
	case 0:
		return d
	case 1:
		return d[:3] + "-" + d[3:6] + "-" + d[6:]
	}
	return d[:3] + " " + d[3:6] + " " + d[6:]
}

// genPhone returns an Ofcom drama-range number in one of the written
// forms, with its national form for the Known record.
func genPhone(r *rand.Rand) (written, national string) {
	n := r.IntN(1000)
	var area, local string
	switch r.IntN(6) {
	case 0, 1:
		area, local = "07700", fmt.Sprintf("900%03d", n)
	case 2:
		area, local = "0113", fmt.Sprintf("496%04d", n)
	case 3:
		area, local = "020", fmt.Sprintf("7946%04d", n)
	case 4:
		area, local = "0161", fmt.Sprintf("496%04d", n)
	default:
		area, local = "0118", fmt.Sprintf("496%04d", n)
	}
	national = area + local
	nsn := national[1:]
	groups := func(s string) string {
		if len(s) == 7 {
			return s[:3] + " " + s[3:]
		}
		if len(s) == 8 {
			return s[:4] + " " + s[4:]
		}
		return s
	}
	switch r.IntN(9) {
	case 0:
		written = area + " " + local
	case 1:
		written = national
	case 2:
		written = "+44 " + nsn[:len(area)-1] + " " + local
	case 3:
		written = "+44 (0)" + nsn[:len(area)-1] + " " + local
	case 4:
		written = "0044 " + nsn[:len(area)-1] + " " + groups(local)
	case 5:
		written = "(" + area + ") " + groups(local)
	case 6:
		written = area + "-" + strings.ReplaceAll(groups(local), " ", "-")
	case 7:
		written = area + " " + groups(local)
	default:
		written = "+44" + nsn
	}
	return written, national
}

func genPostcode(r *rand.Rand) string {
	const inward = "ABDEFGHJLNPQRSTUWXYZ"
	return pick(r, genOutward) + " " + fmt.Sprint(r.IntN(10)) + string(inward[r.IntN(len(inward))]) + string(inward[r.IntN(len(inward))])
}

func genNINO(r *rand.Rand) string {
	const first = "ABCEGHJKLMNOPRSTWXYZ"
	const second = "ABCEGHJKLMNPRSTWXYZ"
	for {
		p := string(first[r.IntN(len(first))]) + string(second[r.IntN(len(second))])
		if ninoBanned[strings.ToLower(p)] {
			continue
		}
		return fmt.Sprintf("%s %02d %02d %02d %c", p, r.IntN(100), r.IntN(100), r.IntN(100), "ABCD"[r.IntN(4)])
	}
}

func genNMC(r *rand.Rand) string {
	return fmt.Sprintf("%02d%c%04d%c", r.IntN(100), 'A'+rune(r.IntN(12)), r.IntN(10000), "ESWNO"[r.IntN(5)])
}

// fmtDate writes a date in one of the common UK forms.
func fmtDate(r *rand.Rand, t time.Time) string {
	d, m, y := t.Day(), int(t.Month()), t.Year()
	mn := []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}[m]
	switch r.IntN(10) {
	case 0:
		return fmt.Sprintf("%02d/%02d/%d", d, m, y)
	case 1:
		return fmt.Sprintf("%d/%d/%02d", d, m, y%100)
	case 2:
		return fmt.Sprintf("%d.%d.%d", d, m, y)
	case 3:
		return fmt.Sprintf("%d-%02d-%02d", y, m, d)
	case 4:
		return fmt.Sprintf("%s %s %d", ordinal(d), mn, y)
	case 5:
		return fmt.Sprintf("%d %s %d", d, mn[:3], y)
	case 6:
		return fmt.Sprintf("%s %d, %d", mn, d, y)
	case 7:
		return fmt.Sprintf("%d %s", d, mn)
	case 8:
		return fmt.Sprintf("%s %s", mn, ordinal(d))
	default:
		return fmt.Sprintf("%02d.%02d.%02d", d, m, y%100)
	}
}

func randDate(r *rand.Rand, from, to int) time.Time {
	return time.Date(from+r.IntN(to-from+1), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
}

// scaled shrinks an iteration count under -short or the race detector.
func scaled(n int) int {
	if testing.Short() || raceEnabled {
		return max(n/10, 1)
	}
	return n
}

// generate builds n documents from the templates with a fixed seed. rate
// is the percentage of identifiers that are obfuscated.
func generate(seed uint64, n, rate int) []genDoc {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	docs := make([]genDoc, 0, n)
	for i := 0; i < n; i++ {
		docs = append(docs, generateOne(r, pick(r, templates), rate))
	}
	return docs
}

func generateOne(r *rand.Rand, tmpl string, rate int) genDoc {
	given, family := pick(r, genGiven), pick(r, genFamily)
	pracG, pracF := pick(r, genPracGiven), pick(r, genPracFamily)
	rel := pick(r, genRelative)
	nhs := genNHS(r)
	phone, national := genPhone(r)
	local := strings.ToLower(strings.NewReplacer("'", "", " ", "", "-", "").Replace(given + "." + family))
	email := pick(r, []string{local + "@example.com", local + fmt.Sprint(r.IntN(100)) + "@example.org", strings.ToLower(given[:1]) + "x" + fmt.Sprint(r.IntN(1000)) + "@mail.invalid"})
	handle := "@" + strings.ToLower(strings.NewReplacer("'", "", " ", "", "-", "").Replace(given)) + pick(r, []string{".", "_", ""}) + "aesthetic" + fmt.Sprint(r.IntN(100))
	url := pick(r, []string{"instagram.com/" + handle[1:], "https://www.tiktok.com/" + handle, "www.facebook.com/" + handle[1:], "https://example.com/reviews/" + handle[1:]})
	postcode := genPostcode(r)
	addr := fmt.Sprintf("%d %s", 1+r.IntN(200), pick(r, genStreets))
	dob := randDate(r, 1950, 2004)
	gmc := fmt.Sprintf("%07d", r.IntN(10000000))
	nmc := genNMC(r)
	gdc := fmt.Sprintf("%d", 10000+r.IntN(290000))
	nino := genNINO(r)
	title := pick(r, genTitles)

	doc := genDoc{known: Known{
		Names:         []Name{{Given: []string{given}, Family: []string{family}}, {Given: []string{pracG}, Family: []string{pracF}}},
		DatesOfBirth:  []time.Time{dob},
		NHSNumbers:    []string{nhs},
		Phones:        []string{national},
		Emails:        []string{email},
		Handles:       []string{handle},
		Postcodes:     []string{postcode},
		Addresses:     []string{addr},
		Registrations: []string{gmc, nmc, gdc},
		Other:         []string{nino, url},
	}}
	var b strings.Builder
	add := func(k Kind, clean, written string, known bool) {
		s := b.Len()
		b.WriteString(written)
		doc.planted = append(doc.planted, planted{start: s, end: b.Len(), kind: k, value: clean})
		if known {
			doc.knownIdx = append(doc.knownIdx, len(doc.planted)-1)
		}
	}
	for len(tmpl) > 0 {
		o := strings.IndexByte(tmpl, '{')
		if o < 0 {
			b.WriteString(tmpl)
			break
		}
		c := strings.IndexByte(tmpl[o:], '}') + o
		b.WriteString(tmpl[:o])
		slot := tmpl[o+1 : c]
		tmpl = tmpl[c+1:]
		ob := func(k Kind, s string) string { return obfuscate(r, k, s, rate) }
		switch slot {
		case "FULL":
			add(KindName, given+" "+family, ob(KindName, given+" "+family), true)
		case "GIVEN":
			add(KindName, given, ob(KindName, given), true)
		case "FAMILY":
			add(KindName, family, ob(KindName, family), true)
		case "TITLE":
			b.WriteString(title)
		case "REL":
			add(KindName, rel, ob(KindName, rel), false)
		case "PRAC":
			add(KindName, pracG+" "+pracF, ob(KindName, pracG+" "+pracF), true)
		case "PRACG":
			add(KindName, pracG, ob(KindName, pracG), true)
		case "PRACF":
			add(KindName, pracF, ob(KindName, pracF), true)
		case "NHS":
			add(KindNHSNumber, nhs, ob(KindNHSNumber, fmtNHS(r, nhs)), true)
		case "PHONE":
			add(KindPhone, national, ob(KindPhone, phone), true)
		case "EMAIL":
			add(KindEmail, email, ob(KindEmail, email), true)
		case "HANDLE":
			add(KindHandle, handle, ob(KindHandle, handle), true)
		case "URL":
			add(KindURL, url, ob(KindURL, url), true)
		case "POSTCODE":
			add(KindPostcode, postcode, ob(KindPostcode, postcode), true)
		case "ADDR":
			add(KindAddress, addr, ob(KindAddress, addr), true)
		case "DATE":
			d := randDate(r, 2022, 2026)
			add(KindDate, d.Format("2006-01-02"), ob(KindDate, fmtDate(r, d)), false)
		case "DOB":
			add(KindDate, dob.Format("2006-01-02"), ob(KindDate, fmtDate(r, dob)), true)
		case "GMC":
			add(KindRegistration, gmc, ob(KindRegistration, gmc), true)
		case "NMC":
			add(KindRegistration, nmc, ob(KindRegistration, nmc), true)
		case "GDC":
			add(KindRegistration, gdc, ob(KindRegistration, gdc), true)
		case "NINO":
			add(KindNINumber, nino, ob(KindNINumber, nino), true)
		case "CLIN":
			b.WriteString(pick(r, clinicalCorpus))
		}
	}
	doc.text = b.String()
	return doc
}

// covered reports whether every letter and digit of the planted
// identifier lies inside some span: one surviving character is a leak.
func covered(text string, p planted, spans []Span) bool {
	for i, c := range text[p.start:p.end] {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			continue
		}
		off := p.start + i
		in := false
		for _, s := range spans {
			if s.Start <= off && off < s.End {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	return true
}

// overlapsPlanted reports whether span s touches any planted identifier.
func overlapsPlanted(s Span, ps []planted) bool {
	for _, p := range ps {
		if s.Start < p.end && p.start < s.End {
			return true
		}
	}
	return false
}
