package export

import (
	"bufio"
	"crypto/sha1"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// FHIR R4 (4.0.1) output. The structs below are the few resource shapes
// the mapping needs; every optional element is omitted when empty, because
// FHIR forbids empty strings, arrays and objects.

// Code systems and identifier systems of casebook's own codes and ids in
// FHIR output. Each casebook code list is a code system at
// FHIRCodeSystemBase + the list's name, e.g. ".../codes/term".
const (
	FHIRCodeSystemBase     = "https://openaesthetics.github.io/casebook/codes/"
	FHIRPatientSystem      = "https://openaesthetics.github.io/casebook/id/patient-pseudonym"
	FHIRPractitionerSystem = "https://openaesthetics.github.io/casebook/id/practitioner-pseudonym"
	FHIREventSystem        = "https://openaesthetics.github.io/casebook/id/event"
)

// HL7 code systems of the AdverseEvent value sets.
const (
	fhirSysCategory    = "http://terminology.hl7.org/CodeSystem/adverse-event-category"
	fhirSysSeriousness = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness"
	fhirSysSeverity    = "http://terminology.hl7.org/CodeSystem/adverse-event-severity"
	fhirSysOutcome     = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome"
	fhirSysCausality   = "http://terminology.hl7.org/CodeSystem/adverse-event-causality-assess"
)

// fhirNamespace is the name-based (SHA-1, version 5) UUID namespace of the
// bundle's fullUrls: each resource's UUID is derived from its report's id
// and its JSON Pointer in the report, so the same report always gives the
// same bundle. It never changes.
const fhirNamespace = "1f6e4c9a-7d3b-5e2f-9a8c-4b0d6e2f8a13"

type (
	fhirCoding struct {
		System  string `json:"system,omitempty"`
		Code    string `json:"code,omitempty"`
		Display string `json:"display,omitempty"`
	}
	fhirConcept struct {
		Coding []fhirCoding `json:"coding,omitempty"`
		Text   string       `json:"text,omitempty"`
	}
	fhirRef struct {
		Reference string `json:"reference"`
	}
	fhirIdentifier struct {
		System string `json:"system"`
		Value  string `json:"value"`
	}
	fhirEntry struct {
		FullURL  string `json:"fullUrl"`
		Resource any    `json:"resource"`
	}
	fhirPatient struct {
		ResourceType string           `json:"resourceType"`
		Identifier   []fhirIdentifier `json:"identifier,omitempty"`
		Gender       string           `json:"gender,omitempty"`
	}
	fhirPractitionerRole struct {
		ResourceType string           `json:"resourceType"`
		Identifier   []fhirIdentifier `json:"identifier,omitempty"`
		Code         []fhirConcept    `json:"code,omitempty"`
	}
	fhirDevice struct {
		ResourceType   string           `json:"resourceType"`
		UdiCarrier     []fhirUDI        `json:"udiCarrier,omitempty"`
		Manufacturer   string           `json:"manufacturer,omitempty"`
		ExpirationDate string           `json:"expirationDate,omitempty"`
		LotNumber      string           `json:"lotNumber,omitempty"`
		DeviceName     []fhirDeviceName `json:"deviceName,omitempty"`
		Type           *fhirConcept     `json:"type,omitempty"`
	}
	fhirUDI struct {
		CarrierHRF string `json:"carrierHRF"`
	}
	fhirDeviceName struct {
		Name string `json:"name"`
		Type string `json:"type"`
	}
	fhirMedication struct {
		ResourceType string           `json:"resourceType"`
		Code         *fhirConcept     `json:"code,omitempty"`
		Ingredient   []fhirIngredient `json:"ingredient,omitempty"`
		Batch        *fhirBatch       `json:"batch,omitempty"`
	}
	fhirIngredient struct {
		ItemCodeableConcept fhirConcept `json:"itemCodeableConcept"`
	}
	fhirBatch struct {
		LotNumber      string `json:"lotNumber,omitempty"`
		ExpirationDate string `json:"expirationDate,omitempty"`
	}
	fhirProcedure struct {
		ResourceType      string          `json:"resourceType"`
		Status            string          `json:"status"`
		Code              *fhirConcept    `json:"code,omitempty"`
		Subject           fhirRef         `json:"subject"`
		PerformedDateTime string          `json:"performedDateTime,omitempty"`
		Performer         []fhirPerformer `json:"performer,omitempty"`
		BodySite          []fhirConcept   `json:"bodySite,omitempty"`
		UsedReference     []fhirRef       `json:"usedReference,omitempty"`
	}
	fhirPerformer struct {
		Actor fhirRef `json:"actor"`
	}
	fhirAdverseEvent struct {
		ResourceType  string          `json:"resourceType"`
		Identifier    *fhirIdentifier `json:"identifier,omitempty"`
		Actuality     string          `json:"actuality"`
		Category      []fhirConcept   `json:"category,omitempty"`
		Event         *fhirConcept    `json:"event,omitempty"`
		Subject       fhirRef         `json:"subject"`
		Date          string          `json:"date,omitempty"`
		Detected      string          `json:"detected,omitempty"`
		RecordedDate  string          `json:"recordedDate,omitempty"`
		Seriousness   *fhirConcept    `json:"seriousness,omitempty"`
		Severity      *fhirConcept    `json:"severity,omitempty"`
		Outcome       *fhirConcept    `json:"outcome,omitempty"`
		Contributor   []fhirRef       `json:"contributor,omitempty"`
		SuspectEntity []fhirSuspect   `json:"suspectEntity,omitempty"`
	}
	fhirSuspect struct {
		Instance  fhirRef         `json:"instance"`
		Causality []fhirCausality `json:"causality,omitempty"`
	}
	fhirCausality struct {
		Assessment *fhirConcept `json:"assessment,omitempty"`
	}
)

// fhirMapping is the table that maps casebook codes to FHIR R4 codes. It
// is data, so an R5 mapping can be another table.
type fhirMapping struct {
	outcome     map[complication.Outcome]string     // AdverseEvent.outcome (required binding)
	severity    map[complication.Severity]string    // AdverseEvent.severity (required binding)
	seriousness map[complication.Seriousness]string // AdverseEvent.seriousness (example binding)
	causality   map[complication.Relatedness]string // WHO-UMC causality assessment; "" keeps the text only
	category    map[complication.Cause]string       // AdverseEvent.category (extensible)
	gender      map[complication.Sex]string         // Patient.gender (required binding)
	codeSystem  map[complication.CodeSystem]string  // Coding.system of external codes
	// seriousOrder is the order in which criteria are preferred as the
	// one coding of AdverseEvent.seriousness (most severe first).
	seriousOrder []complication.Seriousness
}

func newFHIRMapping() *fhirMapping {
	return &fhirMapping{
		outcome: map[complication.Outcome]string{
			complication.OutcomeRecovered:             "resolved",
			complication.OutcomeRecovering:            "recovering",
			complication.OutcomeNotRecovered:          "ongoing",
			complication.OutcomeRecoveredWithSequelae: "resolvedWithSequelae",
			complication.OutcomeFatal:                 "fatal",
			complication.OutcomeUnknown:               "unknown",
		},
		severity: map[complication.Severity]string{
			complication.SeverityMild:     "mild",
			complication.SeverityModerate: "moderate",
			complication.SeveritySevere:   "severe",
		},
		seriousness: map[complication.Seriousness]string{
			complication.SeriousnessDeath:                   "SeriousResultsInDeath",
			complication.SeriousnessLifeThreatening:         "SeriousIsLifeThreatening",
			complication.SeriousnessHospitalisation:         "SeriousResultsInHospitalization",
			complication.SeriousnessDisability:              "SeriousResultsInDisability",
			complication.SeriousnessCongenitalAnomaly:       "SeriousIsBirthDefect",
			complication.SeriousnessInterventionRequired:    "SeriousRequiresPreventImpairment",
			complication.SeriousnessOtherMedicallyImportant: "Serious",
			complication.SeriousnessNotSerious:              "Non-serious",
		},
		causality: map[complication.Relatedness]string{
			complication.RelatednessRelated:         "Probably-Likely",
			complication.RelatednessPossiblyRelated: "Possible",
			complication.RelatednessUnlikelyRelated: "Unlikely",
			complication.RelatednessUnrelated:       "",
			complication.RelatednessNotAssessable:   "Unassessable-Unclassifiable",
		},
		category: map[complication.Cause]string{
			complication.CauseProduct:   "product-problem",
			complication.CauseTechnique: "wrong-technique",
		},
		gender: map[complication.Sex]string{
			complication.SexFemale: "female",
			complication.SexMale:   "male",
			complication.SexOther:  "other",
		},
		codeSystem: map[complication.CodeSystem]string{
			complication.CodeSystemSNOMEDCT:    "http://snomed.info/sct",
			complication.CodeSystemMedDRA:      "http://terminology.hl7.org/CodeSystem/mdr",
			complication.CodeSystemIMDRFAnnexA: FHIRCodeSystemBase + "imdrf-annex-a",
			complication.CodeSystemIMDRFAnnexE: FHIRCodeSystemBase + "imdrf-annex-e",
			complication.CodeSystemIMDRFAnnexF: FHIRCodeSystemBase + "imdrf-annex-f",
		},
		seriousOrder: []complication.Seriousness{
			complication.SeriousnessDeath, complication.SeriousnessLifeThreatening,
			complication.SeriousnessHospitalisation, complication.SeriousnessDisability,
			complication.SeriousnessCongenitalAnomaly, complication.SeriousnessInterventionRequired,
			complication.SeriousnessOtherMedicallyImportant,
		},
	}
}

// FHIROptions configure a [FHIRWriter].
type FHIROptions struct {
	// Now gives Bundle.timestamp; nil means time.Now. Set it for
	// reproducible files.
	Now func() time.Time
	// Location is the zone of the clinic's local clock times. FHIR needs a
	// zone on any dateTime with a time, and casebook's minute-precision
	// dates have none: with a Location they become full dateTimes with
	// seconds ":00" and the zone's offset at that instant; with nil they
	// are truncated to the day rather than given an invented zone.
	Location *time.Location
	// Validator, as in CSVOptions.
	Validator *schema.Validator
}

// FHIRWriter writes de-identified reports as one FHIR R4 Bundle of type
// collection, streamed entry by entry. Each report contributes, in order:
// a Patient (identified only by its pseudonym, with gender), a
// PractitionerRole (pseudonym and profession) when the report has a
// practitioner, a Device or Medication per product (Medication for
// medicines, Device for everything else), a Procedure for the treatment,
// and an AdverseEvent per event. Every entry has a fullUrl urn:uuid:<uuid>
// derived from the report's id and the resource's place in the report,
// and references use those fullUrls, so every reference resolves within
// the bundle and the same input gives the same bytes.
//
// The mapping of each AdverseEvent:
//
//	actuality      "actual"
//	identifier     the event's id (system FHIREventSystem)
//	event          the term as text, coded in casebook's term system, plus any external codes
//	category       product-problem / wrong-technique for the product / technique causes
//	subject        the Patient
//	date, detected onset and detected dates (see FHIROptions.Location)
//	recordedDate   the report's created_at
//	seriousness    Non-serious, or the gravest criterion met (SeriousResultsInDeath …); text lists all
//	severity       mild / moderate / severe
//	outcome        resolved / recovering / ongoing / resolvedWithSequelae / fatal / unknown
//	contributor    the PractitionerRole
//	suspectEntity  each product (causality from relatedness, WHO-UMC), and the Procedure when technique is a cause
//
// Free text (narrative, descriptions, notes), doses, management and the
// missing-reason maps have no place in R4 AdverseEvent and are not
// exported: the bundle is an interchange view, not a round trip.
//
// A FHIRWriter is not safe for concurrent use.
type FHIRWriter struct {
	bw      *bufio.Writer
	opts    FHIROptions
	gate    gate
	m       *fhirMapping
	ns      uuid.UUID
	enc     *jsonEnc
	buf     []byte // the entries of the record being written
	urnBuf  []byte // scratch of urn
	started bool
	entries int
	writes  int
	closed  bool
	err     error
}

// NewFHIRWriter returns a writer of a FHIR Bundle to w.
func NewFHIRWriter(w io.Writer, opts FHIROptions) *FHIRWriter {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &FHIRWriter{bw: bufio.NewWriterSize(w, 64<<10), opts: opts, m: newFHIRMapping(),
		ns: uuid.MustParse(fhirNamespace), enc: newJSONEnc(),
		gate: gate{deidentified: true, validator: opts.Validator}}
}

func (w *FHIRWriter) start() error {
	if w.started || w.err != nil {
		return w.err
	}
	w.started = true
	b := []byte(`{"resourceType":"Bundle","type":"collection","timestamp":"`)
	b = w.opts.Now().AppendFormat(b, time.RFC3339)
	b = append(b, '"')
	_, w.err = w.bw.Write(b)
	return w.err
}

// Write appends the entries of one report. A refused record (*RecordError)
// is not written and the writer stays usable; I/O errors are sticky.
func (w *FHIRWriter) Write(r *complication.Report) error {
	idx := w.writes
	w.writes++
	if w.closed {
		return ErrClosed
	}
	if err := w.start(); err != nil {
		return err
	}
	if err := w.gate.check(idx, r); err != nil {
		return err
	}
	if r.ID == uuid.Nil {
		return &RecordError{Index: idx, Pointer: "/id", Err: ErrNoID}
	}
	// Encode every entry first, so a refused record writes nothing.
	buf := w.buf[:0]
	entries := w.entriesOf(r)
	for i, e := range entries {
		b, err := w.enc.encode(e)
		if err != nil {
			return &RecordError{Index: idx, Err: err}
		}
		if w.entries == 0 && i == 0 {
			buf = append(buf, ",\"entry\":[\n"...)
		} else {
			buf = append(buf, ",\n"...)
		}
		buf = append(buf, b...)
	}
	w.buf = buf
	if _, err := w.bw.Write(buf); err != nil {
		w.err = err
		return err
	}
	w.entries += len(entries)
	return nil
}

// WriteComplaint refuses a complaint: the bundle holds reports only (R4
// has no resource for a complaint's handling). After the fail-closed
// checks it returns a *RecordError wrapping ErrRecordKind; nothing is
// written and the writer stays usable. It exists so that one interface
// covers every writer of a mixed stream.
func (w *FHIRWriter) WriteComplaint(c *complication.Complaint) error {
	idx := w.writes
	w.writes++
	if w.closed {
		return ErrClosed
	}
	return w.gate.refuseComplaint(idx, c)
}

// Close ends the bundle and flushes. It does not close the underlying
// writer.
func (w *FHIRWriter) Close() error {
	if w.closed {
		return ErrClosed
	}
	if err := w.start(); err != nil {
		return err
	}
	w.closed = true
	end := "}\n"
	if w.entries > 0 {
		end = "\n]}\n"
	}
	if _, err := w.bw.WriteString(end); err != nil {
		w.err = err
		return err
	}
	w.err = w.bw.Flush()
	return w.err
}

// urn returns "urn:uuid:" and the name-based UUID of the resource at ptr
// in r: uuid.NewSHA1(w.ns, []byte(r.ID.String()+ptr)), computed without
// its allocations.
func (w *FHIRWriter) urn(r *report, ptr string) string {
	b := append(w.urnBuf[:0], w.ns[:]...)
	b = appendUUID(b, r.ID) // r.ID is never nil here: Write refuses that
	b = append(b, ptr...)
	w.urnBuf = b
	sum := sha1.Sum(b)
	var u uuid.UUID
	copy(u[:], sum[:])
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	out := make([]byte, 0, len("urn:uuid:")+36)
	out = append(out, "urn:uuid:"...)
	return string(appendUUID(out, u))
}

func casebookCoding(list, code, display string) fhirCoding {
	return fhirCoding{System: FHIRCodeSystemBase + list, Code: code, Display: display}
}

// fhirDate maps a partial date to a FHIR date or dateTime.
func (w *FHIRWriter) fhirDate(d complication.PartialDate) string {
	if d.Precision() != complication.PrecisionMinute {
		return d.String()
	}
	if w.opts.Location == nil {
		return d.Truncate(complication.PrecisionDay).String()
	}
	h, m, _ := d.Clock()
	t := time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, w.opts.Location)
	return t.Format(time.RFC3339)
}

// entriesOf maps one report to its bundle entries.
func (w *FHIRWriter) entriesOf(r *report) []fhirEntry {
	m := w.m
	var entries []fhirEntry
	patientURL := w.urn(r, "/patient")
	pat := &fhirPatient{ResourceType: "Patient", Gender: m.gender[r.Patient.Sex]}
	if r.Patient.Pseudonym != "" {
		pat.Identifier = []fhirIdentifier{{System: FHIRPatientSystem, Value: r.Patient.Pseudonym}}
	}
	entries = append(entries, fhirEntry{patientURL, pat})

	var roleRefs []fhirRef
	if p := r.Practitioner; p != nil {
		url := w.urn(r, "/practitioner")
		role := &fhirPractitionerRole{ResourceType: "PractitionerRole"}
		if p.Pseudonym != "" {
			role.Identifier = []fhirIdentifier{{System: FHIRPractitionerSystem, Value: p.Pseudonym}}
		}
		if p.Profession.Valid() {
			role.Code = []fhirConcept{{Coding: []fhirCoding{casebookCoding("profession", string(p.Profession), p.Profession.Display())}, Text: p.Profession.Display()}}
		}
		entries = append(entries, fhirEntry{url, role})
		roleRefs = []fhirRef{{url}}
	}

	productRefs := make([]fhirRef, 0, len(r.Treatment.Products))
	for i := range r.Treatment.Products {
		p := &r.Treatment.Products[i]
		url := w.urn(r, "/treatment/products/"+strconv.Itoa(i))
		productRefs = append(productRefs, fhirRef{url})
		if p.Class == complication.ProductClassMedicine {
			med := &fhirMedication{ResourceType: "Medication"}
			if p.Name != "" {
				med.Code = &fhirConcept{Text: p.Name}
			}
			if p.Substance != "" {
				med.Ingredient = []fhirIngredient{{ItemCodeableConcept: fhirConcept{Text: p.Substance}}}
			}
			if p.Lot != "" || !p.Expiry.IsZero() {
				med.Batch = &fhirBatch{LotNumber: p.Lot, ExpirationDate: w.fhirDate(p.Expiry)}
			}
			entries = append(entries, fhirEntry{url, med})
			continue
		}
		dev := &fhirDevice{ResourceType: "Device", Manufacturer: p.Manufacturer, ExpirationDate: w.fhirDate(p.Expiry), LotNumber: p.Lot}
		if p.UDI != "" {
			dev.UdiCarrier = []fhirUDI{{CarrierHRF: p.UDI}}
		}
		if p.Name != "" {
			dev.DeviceName = []fhirDeviceName{{Name: p.Name, Type: "user-friendly-name"}}
		}
		if p.Substance != "" || p.Class.Valid() {
			t := &fhirConcept{Text: p.Substance}
			if p.Class.Valid() {
				t.Coding = []fhirCoding{casebookCoding("product_class", string(p.Class), p.Class.Display())}
				if t.Text == "" {
					t.Text = p.Class.Display()
				}
			}
			dev.Type = t
		}
		entries = append(entries, fhirEntry{url, dev})
	}

	procURL := w.urn(r, "/treatment")
	proc := &fhirProcedure{ResourceType: "Procedure", Status: "completed", Subject: fhirRef{patientURL},
		PerformedDateTime: w.fhirDate(r.Treatment.Date), UsedReference: productRefs}
	if pr := r.Treatment.Procedure; pr.Valid() {
		proc.Code = &fhirConcept{Coding: []fhirCoding{casebookCoding("procedure", string(pr), pr.Display())}, Text: pr.Display()}
	}
	for _, ref := range roleRefs {
		proc.Performer = append(proc.Performer, fhirPerformer{Actor: ref})
	}
	for _, s := range r.Treatment.Sites {
		proc.BodySite = append(proc.BodySite, siteConcept(s))
	}
	entries = append(entries, fhirEntry{procURL, proc})

	for k := range r.Events {
		e := &r.Events[k]
		ae := &fhirAdverseEvent{ResourceType: "AdverseEvent", Actuality: "actual", Subject: fhirRef{patientURL},
			Date: w.fhirDate(e.Onset), Detected: w.fhirDate(e.Detected), Contributor: roleRefs}
		if e.ID != uuid.Nil {
			ae.Identifier = &fhirIdentifier{System: FHIREventSystem, Value: e.ID.String()}
		}
		if !r.Created.IsZero() {
			ae.RecordedDate = r.Created.Format(time.RFC3339Nano)
		}
		if ev := w.eventConcept(e); ev != nil {
			ae.Event = ev
		}
		for i, c := range e.Causes {
			if code := m.category[c]; code != "" && !slices.ContainsFunc(e.Causes[:i], func(d complication.Cause) bool { return m.category[d] == code }) {
				ae.Category = append(ae.Category, fhirConcept{Coding: []fhirCoding{{System: fhirSysCategory, Code: code}}})
			}
		}
		ae.Seriousness = m.seriousnessConcept(e.Seriousness)
		if code := m.severity[e.Severity]; code != "" {
			ae.Severity = &fhirConcept{Coding: []fhirCoding{{System: fhirSysSeverity, Code: code, Display: e.Severity.Display()}}}
		}
		if code := m.outcome[e.Outcome]; code != "" {
			ae.Outcome = &fhirConcept{Coding: []fhirCoding{{System: fhirSysOutcome, Code: code}}, Text: e.Outcome.Display()}
		}
		var causality []fhirCausality
		if e.Relatedness.Valid() {
			a := &fhirConcept{Text: e.Relatedness.Display()}
			if code := m.causality[e.Relatedness]; code != "" {
				a.Coding = []fhirCoding{{System: fhirSysCausality, Code: code}}
			}
			causality = []fhirCausality{{Assessment: a}}
		}
		for _, ref := range productRefs {
			ae.SuspectEntity = append(ae.SuspectEntity, fhirSuspect{Instance: ref, Causality: causality})
		}
		for _, c := range e.Causes {
			if c == complication.CauseTechnique {
				ae.SuspectEntity = append(ae.SuspectEntity, fhirSuspect{Instance: fhirRef{procURL}, Causality: causality})
			}
		}
		entries = append(entries, fhirEntry{w.urn(r, "/events/"+strconv.Itoa(k)), ae})
	}
	return entries
}

func siteConcept(s complication.SiteSide) fhirConcept {
	c := fhirConcept{Text: s.Site.Display()}
	if s.Site.Valid() {
		c.Coding = []fhirCoding{casebookCoding("site", string(s.Site), s.Site.Display())}
	}
	if s.Side.Valid() {
		c.Text += " (" + strings.ToLower(s.Side.Display()) + ")"
	}
	return c
}

func (w *FHIRWriter) eventConcept(e *event) *fhirConcept {
	c := &fhirConcept{}
	if e.Term.Valid() {
		c.Text = e.Term.Display()
		c.Coding = append(c.Coding, casebookCoding("term", string(e.Term), e.Term.Display()))
	}
	for _, ref := range e.Codes {
		sys := w.m.codeSystem[ref.System]
		if sys == "" || ref.Code == "" {
			continue
		}
		c.Coding = append(c.Coding, fhirCoding{System: sys, Code: ref.Code})
	}
	if c.Text == "" && len(c.Coding) == 0 {
		return nil
	}
	return c
}

// seriousnessConcept codes the gravest criterion met, or Non-serious, and
// lists every criterion in the text.
func (m *fhirMapping) seriousnessConcept(ss []complication.Seriousness) *fhirConcept {
	if len(ss) == 0 {
		return nil
	}
	var labels []string
	for _, s := range ss {
		if s.Valid() {
			labels = append(labels, s.Display())
		}
	}
	code := ""
	for _, s := range m.seriousOrder {
		for _, got := range ss {
			if got == s && code == "" {
				code = m.seriousness[s]
			}
		}
	}
	if code == "" {
		for _, got := range ss {
			if got == complication.SeriousnessNotSerious {
				code = m.seriousness[got]
			}
		}
	}
	if code == "" {
		return nil
	}
	return &fhirConcept{Coding: []fhirCoding{{System: fhirSysSeriousness, Code: code}}, Text: strings.Join(labels, "; ")}
}
