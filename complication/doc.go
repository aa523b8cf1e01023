// Package complication defines casebook's records for complications of
// non-surgical aesthetic treatments (dermal and lip filler, botulinum toxin,
// threads, peels, lasers and IPL, skin boosters, fat-dissolving injections),
// the code lists they use, and the domain rules a registry applies to them.
//
// A [Report] is one complication report about one treatment episode. It
// holds the minimum every vigilance scheme agrees on (a patient, a
// reporter, a suspect product and at least one [Event]) and the rest of the
// fields UK registries collect: the setting and practitioner, the treatment
// with its sites and products, and for each event its dates, seriousness
// criteria, severity, harm level, management and outcome. Severity,
// seriousness, harm and outcome are four separate fields, because they are
// four separate questions.
//
// A [Complaint] is one complaint and its handling: when and how it arrived,
// who made it and what about, the remedy sought, the timeline with its
// status history, the outcome, how the practitioner answered (in private,
// in public, or by blocking the complainant) and where it was escalated.
// Its deadlines are derived, never typed in: [Complaint.Deadlines] applies
// each UK nation's acknowledgement period in working days (with that
// nation's bank holidays), time limit and six-month rule, and
// [Complaint.Due] tells a clinic system what is due and when.
// [ComplaintStats] summarises any number of complaints for a clinic's own
// register.
//
// # Identity
//
// Direct identifiers (names, date of birth, NHS number, address, phone,
// email, social handles, registration numbers) live only in the report's
// [Identity] block, or a complaint's [ComplaintIdentity] block. Everything
// else is what a registry may receive. The anonymize package removes the
// block and fills the pseudonyms; the submission shape of the published
// schema has no place for it.
//
// # Codes and dates
//
// Code lists are string types whose constants are the wire codes, such as
// [TermVascularOcclusion] = "vascular_occlusion". The zero value means "not
// recorded" and is never a code; decoding rejects unknown codes with an
// [*UnknownCodeError]. [CodeLists] describes every list for forms and
// codebooks. Where a datum is missing for a reason, record the reason in the
// object's [Missing] map.
//
// A [PartialDate] keeps its precision: "2026", "2026-05" and "2026-05-14"
// are different facts and are never padded. Derived values are computed,
// never typed in: [Interval] gives the range of days between two partial
// dates, [ClassifyOnset] the onset class under a named scheme, and
// [Event.Serious] whether an event met a seriousness criterion.
//
// # Rules and findings
//
// [Report.Check] and [Complaint.Check] run the domain rules and return
// [Findings]: each with a
// JSON Pointer, a stable [Code], a [Level] (an error rejects the record, a
// warning flags it) and a message that never contains a value from the
// record, so findings can be logged without leaking patient data. The schema
// package runs the published JSON Schema first and then these rules.
//
// The package is pure: no files, no network, no package-level mutable
// state. Values are safe to read concurrently.
package complication
