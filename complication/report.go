package complication

import (
	"time"

	"github.com/google/uuid"
)

// Report is one complication report about one treatment episode: who
// reports, the patient, who treated them and where, the treatment and its
// products, and one or more events (the complications themselves).
//
// The same type carries both shapes of the published schema. As a clinic
// holds it, a Report may carry an [Identity] block with the direct
// identifiers (names, date of birth, NHS number, contact details,
// registration numbers); nothing outside that block is a direct identifier.
// A de-identified Report, the submission shape a registry receives, has no
// Identity and carries a [Deidentification] block instead.
//
// Fields are in the order of the published schema and of every export.
// Optional scalars are pointers or zero values; the zero value of a code or a
// date means "not recorded". Where a datum is missing for a known reason,
// record it in the Missing map of the object that lacks it.
type Report struct {
	ID        uuid.UUID  `json:"id,omitzero"`           // stable identifier of this report
	Type      ReportType `json:"report_type,omitempty"` // initial, follow-up or final
	FollowsUp uuid.UUID  `json:"follows_up,omitzero"`   // the report a follow-up or final report continues
	Created   time.Time  `json:"created_at,omitzero"`   // when the report was first written
	Updated   time.Time  `json:"updated_at,omitzero"`   // when the report last changed

	Jurisdiction Jurisdiction   `json:"jurisdiction,omitempty"` // where the treatment took place
	ReportedTo   []Notification `json:"reported_to,omitempty"`  // bodies the event was reported to

	Reporter     Reporter      `json:"reporter"`
	Patient      Patient       `json:"patient"`
	Practitioner *Practitioner `json:"practitioner,omitempty"`
	Setting      *Setting      `json:"setting,omitempty"`
	Treatment    Treatment     `json:"treatment"`
	Events       []Event       `json:"events,omitempty"`

	Narrative    string      `json:"narrative,omitempty"`     // free text; redacted on export
	ComplaintIDs []uuid.UUID `json:"complaint_ids,omitempty"` // complaints about this episode
	Consent      *Consent    `json:"consent,omitempty"`

	Identity         *Identity         `json:"identity,omitempty"`         // identified shape only
	Deidentification *Deidentification `json:"deidentification,omitempty"` // submission shape only
}

// Notification records that an event was reported to a body.
type Notification struct {
	To        Authority   `json:"to,omitempty"`
	Date      PartialDate `json:"date,omitzero"`
	Reference string      `json:"reference,omitempty"` // the body's reference, such as a Yellow Card number
}

// Reporter is whoever makes the report. Their name, contact details and
// registration number live in [Identity].Reporter.
type Reporter struct {
	Role             ReporterRole     `json:"role,omitempty"`
	Profession       Profession       `json:"profession,omitempty"`
	RegistrationBody RegistrationBody `json:"registration_body,omitempty"`
}

// Patient holds what a registry may know about the patient: no name, date of
// birth, NHS number or contact detail (those live in [Identity].Patient).
type Patient struct {
	Pseudonym        string       `json:"pseudonym,omitempty"`         // keyed pseudonym; set by anonymisation
	AgeAtTreatment   *int         `json:"age_at_treatment,omitempty"`  // whole years
	AgeBand          AgeBand      `json:"age_band,omitempty"`          // research exports publish a band instead of the age
	Sex              Sex          `json:"sex,omitempty"`               //
	Fitzpatrick      Fitzpatrick  `json:"fitzpatrick,omitempty"`       //
	WeightKg         *float64     `json:"weight_kg,omitempty"`         //
	History          []RiskFactor `json:"history,omitempty"`           // relevant history and risk factors
	HistoryNotes     string       `json:"history_notes,omitempty"`     // free text
	Pregnancy        Pregnancy    `json:"pregnancy,omitempty"`         //
	PostcodeDistrict string       `json:"postcode_district,omitempty"` // outward code, e.g. "LS1"; set by anonymisation
	PostcodeArea     string       `json:"postcode_area,omitempty"`     // area letters, e.g. "LS"; set by anonymisation
	Missing          Missing      `json:"missing,omitempty"`
}

// Practitioner is who gave the treatment. Their name and registration
// number live in [Identity].Practitioner.
type Practitioner struct {
	Pseudonym          string              `json:"pseudonym,omitempty"` // keyed pseudonym; set by anonymisation
	Profession         Profession          `json:"profession,omitempty"`
	RegistrationBody   RegistrationBody    `json:"registration_body,omitempty"`
	VoluntaryRegisters []VoluntaryRegister `json:"voluntary_registers,omitempty"`
	Prescriber         *Prescriber         `json:"prescriber,omitempty"` // for prescription-only medicines
	Missing            Missing             `json:"missing,omitempty"`
}

// Prescriber describes who prescribed a prescription-only medicine such as
// botulinum toxin, and how.
type Prescriber struct {
	Profession             Profession       `json:"profession,omitempty"`
	RegistrationBody       RegistrationBody `json:"registration_body,omitempty"`
	SameAsPractitioner     *bool            `json:"same_as_practitioner,omitempty"`
	FaceToFaceConsultation *bool            `json:"face_to_face_consultation,omitempty"`
	Missing                Missing          `json:"missing,omitempty"`
}

// Setting is where the treatment was given. The clinic's name and address
// live in [Identity].Clinic.
type Setting struct {
	ClinicPseudonym  string   `json:"clinic_pseudonym,omitempty"` // keyed pseudonym; set by anonymisation
	Premises         Premises `json:"premises,omitempty"`
	CQCRegistered    *bool    `json:"cqc_registered,omitempty"`
	PremisesLicensed *bool    `json:"premises_licensed,omitempty"` // under a local licensing scheme
	Missing          Missing  `json:"missing,omitempty"`
}

// Treatment is the treatment episode the report is about.
type Treatment struct {
	Date                    PartialDate `json:"date,omitzero"`
	Procedure               Procedure   `json:"procedure,omitempty"`
	Sites                   []SiteSide  `json:"sites,omitempty"`
	Technique               Technique   `json:"technique,omitempty"`
	Depth                   Depth       `json:"depth,omitempty"`
	Products                []Product   `json:"products,omitempty"`
	PriorTreatmentElsewhere *bool       `json:"prior_treatment_elsewhere,omitempty"`
	Notes                   string      `json:"notes,omitempty"` // free text
	Missing                 Missing     `json:"missing,omitempty"`
}

// SiteSide is an anatomical site and, where it matters, the side.
type SiteSide struct {
	Site Site `json:"site,omitempty"`
	Side Side `json:"side,omitempty"`
}

// Product is one product used in the treatment: a filler, a toxin, a thread,
// a peel solution. Its Dose is the amount used in this treatment.
type Product struct {
	Name                 string       `json:"name,omitempty"`         // brand or product name as labelled
	Manufacturer         string       `json:"manufacturer,omitempty"` //
	Class                ProductClass `json:"class,omitempty"`        // decides the vigilance route
	Substance            string       `json:"substance,omitempty"`    // e.g. "hyaluronic acid", "botulinum toxin type A"
	Lot                  string       `json:"lot,omitempty"`          // lot or batch number
	Expiry               PartialDate  `json:"expiry,omitzero"`        //
	UDI                  string       `json:"udi,omitempty"`          // unique device identifier
	Supplier             string       `json:"supplier,omitempty"`     //
	Dose                 *float64     `json:"dose,omitempty"`         // amount used
	DoseUnit             DoseUnit     `json:"dose_unit,omitempty"`    //
	Route                Route        `json:"route,omitempty"`        //
	SuspectedCounterfeit *bool        `json:"suspected_counterfeit,omitempty"`
	Retained             *bool        `json:"retained,omitempty"`    // product or packaging kept for investigation
	RetainedBy           RetainedBy   `json:"retained_by,omitempty"` //
	Missing              Missing      `json:"missing,omitempty"`
}

// Event is one complication. Severity, seriousness, harm and outcome are four
// separate axes and are recorded separately.
type Event struct {
	ID          uuid.UUID   `json:"id,omitzero"`
	Term        Term        `json:"term,omitempty"`
	Description string      `json:"description,omitempty"` // free text
	Sites       []SiteSide  `json:"sites,omitempty"`       // where the event is
	Onset       PartialDate `json:"onset,omitzero"`
	Detected    PartialDate `json:"detected,omitzero"`
	Resolved    PartialDate `json:"resolved,omitzero"`

	Seriousness []Seriousness `json:"seriousness,omitempty"` // criteria met, or not_serious
	Severity    Severity      `json:"severity,omitempty"`
	CTCAEGrade  int           `json:"ctcae_grade,omitempty"` // CTCAE v5 grade 1–5; 0 means not recorded

	Harm                       Harm     `json:"harm,omitempty"`               // physical harm (LFPSE)
	PsychologicalHarm          Harm     `json:"psychological_harm,omitempty"` // psychological harm (LFPSE)
	ProlongedPain              *bool    `json:"prolonged_pain,omitempty"`     // 28 days or more
	ProlongedPsychologicalHarm *bool    `json:"prolonged_psychological_harm,omitempty"`
	Candour                    *Candour `json:"duty_of_candour,omitempty"`

	Management  []Management `json:"management,omitempty"`
	Outcome     Outcome      `json:"outcome,omitempty"`
	OutcomeDate PartialDate  `json:"outcome_date,omitzero"`
	Sequelae    string       `json:"sequelae,omitempty"` // free text

	Relatedness Relatedness `json:"relatedness,omitempty"`
	Causes      []Cause     `json:"causes,omitempty"`
	Codes       []CodeRef   `json:"codes,omitempty"` // IMDRF, SNOMED CT or MedDRA codes
	Missing     Missing     `json:"missing,omitempty"`
}

// Candour records the statutory duty of candour for a notifiable safety
// incident (CQC Regulation 20).
type Candour struct {
	Notifiable        *bool       `json:"notifiable,omitempty"`
	NotifiedInPerson  PartialDate `json:"notified_in_person,omitzero"`
	NotifiedInWriting PartialDate `json:"notified_in_writing,omitzero"`
	ApologyGiven      *bool       `json:"apology_given,omitempty"`
}

// Management is one treatment or action given for an event.
type Management struct {
	Action   Action       `json:"action,omitempty"`
	Product  string       `json:"product,omitempty"` // e.g. "Hyalase"
	Dose     *float64     `json:"dose,omitempty"`
	DoseUnit DoseUnit     `json:"dose_unit,omitempty"`
	Route    Route        `json:"route,omitempty"`
	Given    PartialDate  `json:"given_at,omitzero"`
	GivenBy  CareProvider `json:"given_by,omitempty"`
	Notes    string       `json:"notes,omitempty"` // free text
	Missing  Missing      `json:"missing,omitempty"`
}

// CodeRef is an event's code in an external terminology. casebook checks the
// code's form, not its meaning: licensed terminologies are not shipped.
type CodeRef struct {
	System  CodeSystem `json:"system,omitempty"`
	Code    string     `json:"code,omitempty"`
	Version string     `json:"version,omitempty"` // e.g. the MedDRA version
}

// Consent records what the patient agreed to.
type Consent struct {
	RegistrySubmission    *bool `json:"registry_submission,omitempty"`
	ContactForFollowUp    *bool `json:"contact_for_follow_up,omitempty"`
	ShareWithManufacturer *bool `json:"share_with_manufacturer,omitempty"`
	NationalDataOptOut    *bool `json:"national_data_opt_out,omitempty"`
}

// Missing records why data are absent: the keys are the JSON names of
// fields of the object that holds the map, the values why each is missing.
// A field must not be both present and listed as missing.
type Missing map[string]MissingReason

// Deidentification says how a submission-shape record was de-identified, so
// that "which rules produced this record?" always has an answer.
type Deidentification struct {
	PolicyID      string       `json:"policy_id,omitempty"`
	PolicyVersion string       `json:"policy_version,omitempty"`
	PolicyHash    string       `json:"policy_hash,omitempty"` // SHA-256 of the canonical policy, hex
	KeyID         string       `json:"key_id,omitempty"`      // identifies the pseudonym key; never the key
	Dates         DateHandling `json:"dates,omitempty"`
}
