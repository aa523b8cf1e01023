// Package anonymize turns identified casebook records into the
// de-identified submission shape a registry or a researcher may receive,
// and fails closed when it cannot prove an identifier is gone.
//
// # Policies
//
// A [Policy] is versioned data: one [Rule] (keep, drop, pseudonymise,
// generalise, shift or redact) for every field of the published record
// shapes, derived from each field's x-privacy class, plus the settings the
// actions use. [New] checks the policy against the schema's field table
// and refuses one that leaves a field without a rule or keeps a direct
// identifier. The policy's ID, version and SHA-256 hash, and the key ID,
// are written into every record it produces.
//
// Two profiles are built in. [Registry]: patient, practitioner and clinic
// pseudonymised; age at treatment instead of date of birth; postcode to
// district; clinical dates, lot numbers and UDIs kept for product recalls;
// free text redacted. [Research]: all of that, plus dates shifted by a
// keyed per-patient offset that keeps every interval (or generalised to
// the month), ages in bands with an explicit under-18 band and 90+
// top-coded, postcode to area, identifiers re-keyed, and a k-anonymity
// target (default k = 5) reached by local suppression, with ℓ-diversity of
// the complication term reported ([Anonymizer.KAnonymize],
// [KAnonymizer]).
//
// # Pseudonyms
//
// Every pseudonym is HMAC-SHA-256 under a caller-held [Key] of at least
// 32 bytes, 160 bits of output, with separate domains for patients,
// practitioners and clinics. Identifiers are canonicalised first (NHS
// number digits; names NFKC, case-folded, without diacritics), so
// formatting never changes a pseudonym. There is no unkeyed hash anywhere
// in the package.
//
// # Free text and the leak gate
//
// Free text is swept first for every surface form of the record's own
// identifiers (each person's names in any order, their initials, "Mrs
// Surname", dates of birth in common formats, NHS and phone numbers with
// any separators, email local parts, handles, postcodes), after Unicode
// normalisation, and then by generic detectors tuned for UK aesthetics
// (NHS numbers with the modulus-11 check, UK phones, emails, URLs and
// profile links, handles, postcodes, dates, GMC/NMC/GDC and NI numbers).
// The names of different people are never combined, and qualifications
// after a practitioner's name ("Emma MacLeod RGN") are not a surname.
// Identifiers become typed placeholders such as [NAME], or consistent
// surrogates. Clinical language ("27G cannula", "1500 IU hyaluronidase",
// "0.5 ml", "day 14") survives.
//
// After transforming a record, the leak gate re-scans every string of the
// result with the record's known identifiers, and its free text with every
// detector. If any identifier the record held survives anywhere, the record
// is refused with a [*LeakError] that names the field's pointer, never the
// value. For identifiers the record holds, that is a complete promise.
//
// # Audit
//
// [Anonymizer.Audit] returns an [Audit] with no personal data: counts per
// action and per kind of identifier, refusals, the policy's identity and
// hash, the key ID, and the k-anonymity result before and after
// suppression. It encodes as JSON and has a readable [Audit.Summary].
//
// An Anonymizer is safe for concurrent use and deterministic: the same
// record, key and policy give byte-identical output.
package anonymize
