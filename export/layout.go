package export

import (
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

// This file is the CSV layout: every column of every table, in the order
// of the published schema. The flat layout and the tidy tables are both
// built from these lists, and the codebook describes them from the schema,
// so a column added here appears everywhere at once.

type (
	report       = complication.Report
	event        = complication.Event
	product      = complication.Product
	management   = complication.Management
	siteSide     = complication.SiteSide
	codeRef      = complication.CodeRef
	notification = complication.Notification
)

// eventRow is an event in the context of its report, which the derived
// columns need (the treatment date).
type eventRow struct {
	r *report
	e *event

	// The intervals the derived columns share, computed once.
	derived          bool
	onsetLo, onsetHi int
	onsetOK          bool
	durLo, durHi     int
	durOK            bool
}

func (x *eventRow) intervals() *eventRow {
	if !x.derived {
		x.derived = true
		x.onsetLo, x.onsetHi, x.onsetOK = complication.Interval(x.r.Treatment.Date, x.e.Onset)
		x.durLo, x.durHi, x.durOK = complication.Interval(x.e.Onset, x.e.Resolved)
	}
	return x
}

func ev[F any](f func(*event) *F) acc[*eventRow, F] {
	return func(x *eventRow, _ bool) *F { return f(x.e) }
}

// reportColumns are the record-level columns, in schema order. Columns
// marked list hold the arrays of objects (reported_to, treatment.sites,
// treatment.products) and appear only in the flat layout; the tables put
// those arrays in child tables.
func reportColumns() []column[*report] {
	cols := []column[*report]{
		uuidCol("id", self(func(r *report) *uuid.UUID { return &r.ID })),
		codeCol("report_type", self(func(r *report) *complication.ReportType { return &r.Type })),
		uuidCol("follows_up", self(func(r *report) *uuid.UUID { return &r.FollowsUp })),
		timestampCol("created_at", self(func(r *report) *time.Time { return &r.Created })),
		timestampCol("updated_at", self(func(r *report) *time.Time { return &r.Updated })),
		codeCol("jurisdiction", self(func(r *report) *complication.Jurisdiction { return &r.Jurisdiction })),
	}
	cols = append(cols, listCols("reported_to", self(func(r *report) *[]notification { return &r.ReportedTo }), notificationColumns())...)

	reporter := self(func(r *report) *complication.Reporter { return &r.Reporter })
	cols = append(cols, prefixed("reporter",
		codeCol("role", in(reporter, func(o *complication.Reporter) *complication.ReporterRole { return &o.Role })),
		codeCol("profession", in(reporter, func(o *complication.Reporter) *complication.Profession { return &o.Profession })),
		codeCol("registration_body", in(reporter, func(o *complication.Reporter) *complication.RegistrationBody { return &o.RegistrationBody })),
	)...)

	type P = complication.Patient
	patient := self(func(r *report) *P { return &r.Patient })
	cols = append(cols, prefixed("patient",
		textCol("pseudonym", in(patient, func(o *P) *string { return &o.Pseudonym })),
		intPtrCol("age_at_treatment", in(patient, func(o *P) **int { return &o.AgeAtTreatment })),
		codeCol("age_band", in(patient, func(o *P) *complication.AgeBand { return &o.AgeBand })),
		codeCol("sex", in(patient, func(o *P) *complication.Sex { return &o.Sex })),
		codeCol("fitzpatrick", in(patient, func(o *P) *complication.Fitzpatrick { return &o.Fitzpatrick })),
		numberCol("weight_kg", in(patient, func(o *P) **float64 { return &o.WeightKg })),
		codesCol("history", in(patient, func(o *P) *[]complication.RiskFactor { return &o.History })),
		textCol("history_notes", in(patient, func(o *P) *string { return &o.HistoryNotes })),
		codeCol("pregnancy", in(patient, func(o *P) *complication.Pregnancy { return &o.Pregnancy })),
		textCol("postcode_district", in(patient, func(o *P) *string { return &o.PostcodeDistrict })),
		textCol("postcode_area", in(patient, func(o *P) *string { return &o.PostcodeArea })),
		missingCol(in(patient, func(o *P) *complication.Missing { return &o.Missing })),
	)...)

	cols = append(cols, practitionerColumns(opt(func(r *report) **complication.Practitioner { return &r.Practitioner }))...)
	cols = append(cols, settingColumns(opt(func(r *report) **complication.Setting { return &r.Setting }))...)

	type Tr = complication.Treatment
	tr := self(func(r *report) *Tr { return &r.Treatment })
	cols = append(cols, prefixed("treatment",
		dateCol("date", in(tr, func(o *Tr) *complication.PartialDate { return &o.Date })),
		codeCol("procedure", in(tr, func(o *Tr) *complication.Procedure { return &o.Procedure })),
	)...)
	cols = append(cols, listCols("treatment.sites", in(tr, func(o *Tr) *[]siteSide { return &o.Sites }), siteColumns())...)
	cols = append(cols, prefixed("treatment",
		codeCol("technique", in(tr, func(o *Tr) *complication.Technique { return &o.Technique })),
		codeCol("depth", in(tr, func(o *Tr) *complication.Depth { return &o.Depth })),
	)...)
	cols = append(cols, listCols("treatment.products", in(tr, func(o *Tr) *[]product { return &o.Products }), productColumns())...)
	cols = append(cols, prefixed("treatment",
		boolCol("prior_treatment_elsewhere", in(tr, func(o *Tr) **bool { return &o.PriorTreatmentElsewhere })),
		textCol("notes", in(tr, func(o *Tr) *string { return &o.Notes })),
		missingCol(in(tr, func(o *Tr) *complication.Missing { return &o.Missing })),
	)...)

	cols = append(cols,
		textCol("narrative", self(func(r *report) *string { return &r.Narrative })),
		refersTo(uuidsCol("complaint_ids", self(func(r *report) *[]uuid.UUID { return &r.ComplaintIDs })), "complaints.id"),
	)

	type C = complication.Consent
	consent := opt(func(r *report) **C { return &r.Consent })
	cols = append(cols, prefixed("consent",
		boolCol("registry_submission", in(consent, func(o *C) **bool { return &o.RegistrySubmission })),
		boolCol("contact_for_follow_up", in(consent, func(o *C) **bool { return &o.ContactForFollowUp })),
		boolCol("share_with_manufacturer", in(consent, func(o *C) **bool { return &o.ShareWithManufacturer })),
		boolCol("national_data_opt_out", in(consent, func(o *C) **bool { return &o.NationalDataOptOut })),
	)...)

	return append(cols, deidentificationColumns(opt(func(r *report) **complication.Deidentification { return &r.Deidentification }))...)
}

// practitionerColumns are the columns of a practitioner object (shared by
// reports and complaints), prefixed "practitioner.".
func practitionerColumns[T any](pract acc[T, complication.Practitioner]) []column[T] {
	type Pr = complication.Practitioner
	type Rx = complication.Prescriber
	// The prescriber is optional inside the optional practitioner.
	var rx acc[T, Rx] = func(t T, create bool) *Rx {
		p := pract(t, create)
		if p == nil {
			return nil
		}
		return opt(func(p *Pr) **Rx { return &p.Prescriber })(p, create)
	}
	cols := prefixed("practitioner",
		textCol("pseudonym", in(pract, func(o *Pr) *string { return &o.Pseudonym })),
		codeCol("profession", in(pract, func(o *Pr) *complication.Profession { return &o.Profession })),
		codeCol("registration_body", in(pract, func(o *Pr) *complication.RegistrationBody { return &o.RegistrationBody })),
		codesCol("voluntary_registers", in(pract, func(o *Pr) *[]complication.VoluntaryRegister { return &o.VoluntaryRegisters })),
	)
	cols = append(cols, prefixed("practitioner.prescriber",
		codeCol("profession", in(rx, func(o *Rx) *complication.Profession { return &o.Profession })),
		codeCol("registration_body", in(rx, func(o *Rx) *complication.RegistrationBody { return &o.RegistrationBody })),
		boolCol("same_as_practitioner", in(rx, func(o *Rx) **bool { return &o.SameAsPractitioner })),
		boolCol("face_to_face_consultation", in(rx, func(o *Rx) **bool { return &o.FaceToFaceConsultation })),
		missingCol(in(rx, func(o *Rx) *complication.Missing { return &o.Missing })),
	)...)
	return append(cols, prefixed("practitioner",
		missingCol(in(pract, func(o *Pr) *complication.Missing { return &o.Missing })),
	)...)
}

// settingColumns are the columns of a setting object (shared by reports
// and complaints), prefixed "setting.".
func settingColumns[T any](setting acc[T, complication.Setting]) []column[T] {
	type S = complication.Setting
	return prefixed("setting",
		textCol("clinic_pseudonym", in(setting, func(o *S) *string { return &o.ClinicPseudonym })),
		codeCol("premises", in(setting, func(o *S) *complication.Premises { return &o.Premises })),
		boolCol("cqc_registered", in(setting, func(o *S) **bool { return &o.CQCRegistered })),
		boolCol("premises_licensed", in(setting, func(o *S) **bool { return &o.PremisesLicensed })),
		missingCol(in(setting, func(o *S) *complication.Missing { return &o.Missing })),
	)
}

// deidentificationColumns are the columns of a deidentification block
// (shared by reports and complaints), prefixed "deidentification.".
func deidentificationColumns[T any](deid acc[T, complication.Deidentification]) []column[T] {
	type D = complication.Deidentification
	return prefixed("deidentification",
		textCol("policy_id", in(deid, func(o *D) *string { return &o.PolicyID })),
		textCol("policy_version", in(deid, func(o *D) *string { return &o.PolicyVersion })),
		textCol("policy_hash", in(deid, func(o *D) *string { return &o.PolicyHash })),
		textCol("key_id", in(deid, func(o *D) *string { return &o.KeyID })),
		codeCol("dates", in(deid, func(o *D) *complication.DateHandling { return &o.Dates })),
	)
}

// eventColumns are the event-level columns in schema order, then the
// derived columns. Columns marked list (sites, management, codes) appear
// only in the flat layout.
func eventColumns() []column[*eventRow] {
	cols := []column[*eventRow]{
		uuidCol("id", ev(func(e *event) *uuid.UUID { return &e.ID })),
		codeCol("term", ev(func(e *event) *complication.Term { return &e.Term })),
		textCol("description", ev(func(e *event) *string { return &e.Description })),
	}
	cols = append(cols, listCols("sites", ev(func(e *event) *[]siteSide { return &e.Sites }), siteColumns())...)
	cols = append(cols,
		dateCol("onset", ev(func(e *event) *complication.PartialDate { return &e.Onset })),
		dateCol("detected", ev(func(e *event) *complication.PartialDate { return &e.Detected })),
		dateCol("resolved", ev(func(e *event) *complication.PartialDate { return &e.Resolved })),
		codesCol("seriousness", ev(func(e *event) *[]complication.Seriousness { return &e.Seriousness })),
		codeCol("severity", ev(func(e *event) *complication.Severity { return &e.Severity })),
		intCol("ctcae_grade", ev(func(e *event) *int { return &e.CTCAEGrade })),
		codeCol("harm", ev(func(e *event) *complication.Harm { return &e.Harm })),
		codeCol("psychological_harm", ev(func(e *event) *complication.Harm { return &e.PsychologicalHarm })),
		boolCol("prolonged_pain", ev(func(e *event) **bool { return &e.ProlongedPain })),
		boolCol("prolonged_psychological_harm", ev(func(e *event) **bool { return &e.ProlongedPsychologicalHarm })),
	)
	type Ca = complication.Candour
	var candour acc[*eventRow, Ca] = func(x *eventRow, create bool) *Ca {
		return opt(func(e *event) **Ca { return &e.Candour })(x.e, create)
	}
	cols = append(cols, prefixed("duty_of_candour",
		boolCol("notifiable", in(candour, func(o *Ca) **bool { return &o.Notifiable })),
		dateCol("notified_in_person", in(candour, func(o *Ca) *complication.PartialDate { return &o.NotifiedInPerson })),
		dateCol("notified_in_writing", in(candour, func(o *Ca) *complication.PartialDate { return &o.NotifiedInWriting })),
		boolCol("apology_given", in(candour, func(o *Ca) **bool { return &o.ApologyGiven })),
	)...)
	cols = append(cols, listCols("management", ev(func(e *event) *[]management { return &e.Management }), managementColumns())...)
	cols = append(cols,
		codeCol("outcome", ev(func(e *event) *complication.Outcome { return &e.Outcome })),
		dateCol("outcome_date", ev(func(e *event) *complication.PartialDate { return &e.OutcomeDate })),
		textCol("sequelae", ev(func(e *event) *string { return &e.Sequelae })),
		codeCol("relatedness", ev(func(e *event) *complication.Relatedness { return &e.Relatedness })),
		codesCol("causes", ev(func(e *event) *[]complication.Cause { return &e.Causes })),
	)
	cols = append(cols, listCols("codes", ev(func(e *event) *[]codeRef { return &e.Codes }), codeRefColumns())...)
	cols = append(cols, missingCol(ev(func(e *event) *complication.Missing { return &e.Missing })))
	return append(cols, derivedEventColumns()...)
}

// derivedEventColumns compute what the model says is derived and never
// typed in: seriousness from the criteria, the onset interval from the
// treatment and onset dates, and the onset class under each scheme.
func derivedEventColumns() []column[*eventRow] {
	cols := []column[*eventRow]{
		derivedCol("serious", kindBool,
			"Derived: true when the event meets any seriousness criterion, false when it was assessed and met none (seriousness is not_serious); empty when seriousness was not assessed.",
			func(x *eventRow, dst []byte) []byte {
				if s, assessed := x.e.Serious(); assessed {
					dst = appendBool(dst, s)
				}
				return dst
			}),
		derivedCol("ischaemic", kindBool,
			"Derived: true when the term is an ischaemic complication (vascular occlusion, skin necrosis, visual impairment, cerebral ischaemia); empty when the term is not recorded.",
			func(x *eventRow, dst []byte) []byte {
				if x.e.Term != "" {
					dst = appendBool(dst, x.e.Term.Ischaemic())
				}
				return dst
			}),
		derivedCol("onset_days_min", kindInt,
			"Derived: the fewest whole calendar days from treatment.date to onset that the two dates' precision allows (may be negative); empty when either date is missing.",
			func(x *eventRow, dst []byte) []byte {
				if x := x.intervals(); x.onsetOK {
					dst = appendInt(dst, x.onsetLo)
				}
				return dst
			}),
		derivedCol("onset_days_max", kindInt,
			"Derived: the most whole calendar days from treatment.date to onset that the two dates' precision allows; equal to onset_days_min when both dates are known to the day.",
			func(x *eventRow, dst []byte) []byte {
				if x := x.intervals(); x.onsetOK {
					dst = appendInt(dst, x.onsetHi)
				}
				return dst
			}),
	}
	for _, s := range []complication.OnsetScheme{complication.OnsetSchemeRohrich, complication.OnsetSchemeUrdialesGalvez2018, complication.OnsetSchemeDelayed14d} {
		cols = append(cols, column[*eventRow]{
			name: "onset_class_" + string(s), kind: kindCode, derived: true, codeList: "onset_class",
			note: "Derived: the onset class under the " + s.Display() + " scheme, from treatment.date and onset; empty when the dates' precision allows more than one class or either date is missing.",
			get: func(x *eventRow, dst []byte) []byte {
				if c, ok := complication.ClassifyOnset(s, x.r.Treatment.Date, x.e.Onset); ok {
					dst = append(dst, c...)
				}
				return dst
			},
		})
	}
	return append(cols,
		derivedCol("duration_days_min", kindInt,
			"Derived: the fewest whole calendar days from onset to resolved that the two dates' precision allows; empty when either date is missing.",
			func(x *eventRow, dst []byte) []byte {
				if x := x.intervals(); x.durOK {
					dst = appendInt(dst, x.durLo)
				}
				return dst
			}),
		derivedCol("duration_days_max", kindInt,
			"Derived: the most whole calendar days from onset to resolved that the two dates' precision allows.",
			func(x *eventRow, dst []byte) []byte {
				if x := x.intervals(); x.durOK {
					dst = appendInt(dst, x.durHi)
				}
				return dst
			}),
	)
}

func elem[E, F any](f func(*E) *F) acc[*E, F] {
	return func(e *E, _ bool) *F { return f(e) }
}

func notificationColumns() []column[*notification] {
	return []column[*notification]{
		codeCol("to", elem(func(n *notification) *complication.Authority { return &n.To })),
		dateCol("date", elem(func(n *notification) *complication.PartialDate { return &n.Date })),
		textCol("reference", elem(func(n *notification) *string { return &n.Reference })),
	}
}

func siteColumns() []column[*siteSide] {
	return []column[*siteSide]{
		codeCol("site", elem(func(s *siteSide) *complication.Site { return &s.Site })),
		codeCol("side", elem(func(s *siteSide) *complication.Side { return &s.Side })),
	}
}

func productColumns() []column[*product] {
	return []column[*product]{
		textCol("name", elem(func(p *product) *string { return &p.Name })),
		textCol("manufacturer", elem(func(p *product) *string { return &p.Manufacturer })),
		codeCol("class", elem(func(p *product) *complication.ProductClass { return &p.Class })),
		textCol("substance", elem(func(p *product) *string { return &p.Substance })),
		textCol("lot", elem(func(p *product) *string { return &p.Lot })),
		dateCol("expiry", elem(func(p *product) *complication.PartialDate { return &p.Expiry })),
		textCol("udi", elem(func(p *product) *string { return &p.UDI })),
		textCol("supplier", elem(func(p *product) *string { return &p.Supplier })),
		numberCol("dose", elem(func(p *product) **float64 { return &p.Dose })),
		codeCol("dose_unit", elem(func(p *product) *complication.DoseUnit { return &p.DoseUnit })),
		codeCol("route", elem(func(p *product) *complication.Route { return &p.Route })),
		boolCol("suspected_counterfeit", elem(func(p *product) **bool { return &p.SuspectedCounterfeit })),
		boolCol("retained", elem(func(p *product) **bool { return &p.Retained })),
		codeCol("retained_by", elem(func(p *product) *complication.RetainedBy { return &p.RetainedBy })),
		missingCol(elem(func(p *product) *complication.Missing { return &p.Missing })),
	}
}

func managementColumns() []column[*management] {
	return []column[*management]{
		codeCol("action", elem(func(m *management) *complication.Action { return &m.Action })),
		textCol("product", elem(func(m *management) *string { return &m.Product })),
		numberCol("dose", elem(func(m *management) **float64 { return &m.Dose })),
		codeCol("dose_unit", elem(func(m *management) *complication.DoseUnit { return &m.DoseUnit })),
		codeCol("route", elem(func(m *management) *complication.Route { return &m.Route })),
		dateCol("given_at", elem(func(m *management) *complication.PartialDate { return &m.Given })),
		codeCol("given_by", elem(func(m *management) *complication.CareProvider { return &m.GivenBy })),
		textCol("notes", elem(func(m *management) *string { return &m.Notes })),
		missingCol(elem(func(m *management) *complication.Missing { return &m.Missing })),
	}
}

func codeRefColumns() []column[*codeRef] {
	return []column[*codeRef]{
		codeCol("system", elem(func(c *codeRef) *complication.CodeSystem { return &c.System })),
		textCol("code", elem(func(c *codeRef) *string { return &c.Code })),
		textCol("version", elem(func(c *codeRef) *string { return &c.Version })),
	}
}

// withoutLists returns the columns that are not parallel lists.
func withoutLists[T any](cols []column[T]) []column[T] {
	out := make([]column[T], 0, len(cols))
	for _, c := range cols {
		if !c.list {
			out = append(out, c)
		}
	}
	return out
}
