// Package export writes and reads casebook complication reports in the
// shapes a registry and its researchers use: the registry's JSON envelope
// and NDJSON, CSV (one flat file, or tidy tables with a codebook), a FHIR R4
// Bundle and an SDTM-like AE table.
//
// Every writer and reader works one record at a time over an io.Writer or
// io.Reader, with memory that does not grow with the input, and gives the
// same bytes for the same input. Writers follow encoding/csv: a
// constructor taking the writer and an options struct, Write per record,
// Flush (or Close where the format has an end), sticky I/O errors. No
// writer or reader is safe for concurrent use; none keeps package state.
//
// # Writers and readers
//
//	format                     writer                     reader
//	registry JSON envelope     [EnvelopeWriter]           [EnvelopeReader]
//	NDJSON (submission shape)  [NewNDJSONWriter]          [NDJSONReader]
//	NDJSON (identified shape)  [NewIdentifiedBackupWriter] [NDJSONReader] with Shape schema.Report
//	CSV, flat                  [FlatWriter]               [FlatReader]
//	CSV, tidy tables           [TablesWriter]             [TablesReader]
//	codebook                   [WriteDictionary], [WriteDataPackage] (TablesWriter writes both)
//	FHIR R4 Bundle             [FHIRWriter]               —
//	SDTM-like AE table         [SDTMWriter]               —
//
// # Failing closed
//
// Every writer except [NewIdentifiedBackupWriter] writes the registry's
// de-identified submission shape, and refuses a record that still carries
// an identity block (pointer /identity) or lacks a deidentification block
// (pointer /deidentification). The refusal is a [*RecordError] naming the
// record's index and the pointer, never a value; nothing of the record is
// written, and the writer stays usable. Writers never strip identifiers
// silently: de-identify with the anonymize package first. With a
// schema.Validator in the options, writers also refuse records the
// published schema or the domain rules reject. The clinic's own backup of
// identified records is the separate, clearly named
// [NewIdentifiedBackupWriter].
//
// # JSON
//
// The registry envelope is one JSON object whose members come in this
// order: schema (the $id of the report-submission schema), generated_at
// (RFC 3339), submitter (the clinic's pseudonymous id), policy {id,
// version, hash}, key_id, records (one compact record per line), and
// counts {records, events, products}. The counts come last because a
// streaming writer knows them only at the end. NDJSON is one compact record
// per line, LF line ends. Neither has a byte order mark.
//
// The readers validate each record with a schema.Validator and return a
// [Result] per record: its index, line and byte offset, and either the
// report or the findings that rejected it, with finding lines made
// absolute lines of the input. They go on after a bad record; a [Tally]
// accounts for every record (Read = Accepted + Rejected). The NDJSON
// reader survives malformed JSON, invalid UTF-8, a byte order mark, CRLF
// line ends, blank lines and over-long lines (capped, default 1 MiB). The
// envelope reader rejects a malformed record and goes on as long as the
// record's brackets and strings close; a break in the envelope's own
// structure ends the stream with an [*EnvelopeError] giving the byte
// offset, line and column and how many records were read before it.
//
// # CSV profiles
//
// [ProfileMachine] is RFC 4180 with LF line ends and no byte order mark,
// for R and pandas. [ProfileSpreadsheet] adds a UTF-8 byte order mark, CRLF
// line ends and formula neutralisation: a string cell whose first character
// is an apostrophe, or whose first character after leading spaces is
// = + - @ TAB CR LF or NUL, gets one leading apostrophe. Only string cells
// (free text, names, pseudonyms, codes) are ever neutralised; numbers,
// dates, booleans and UUIDs are written by this package and never are,
// and no valid code begins with a trigger. Reading a spreadsheet-profile
// file, the readers remove exactly one leading apostrophe from every
// string cell that begins with one, so the round trip is exact. The
// codebook states which profile produced the files.
//
// In both profiles the empty cell is a missing value (never NA or null),
// numbers are plain decimals with a '.', booleans are true and false
// (readers also take TRUE and FALSE), partial dates keep their precision
// (2026, 2026-05, 2026-05-14, 2026-05-14T10:30), timestamps are RFC 3339
// with their offset, and line breaks inside text are written as LF (CRLF
// in the spreadsheet profile). The readers accept a byte order mark, CRLF
// and LF, UTF-16 with a byte order mark, and Windows-1252
// ([CharsetWindows1252]), and report problems as a [*ParseError] with the
// 1-based line, the 1-based column (the field's position in its row) and
// the header name.
//
// # CSV columns
//
// Headers are the JSON names of the published schema, with a '.' between
// the names of nested objects (patient.age_at_treatment,
// duty_of_candour.notifiable). Columns come in the schema's order, which is
// the order of the record types. Cells that hold several values:
//
//   - an array of codes (or UUIDs) holds them joined with ';', in order:
//     "product;technique";
//   - a missing map (why fields are absent) holds field=reason pairs
//     sorted by field and joined with ';': "lot=not_known;udi=declined";
//   - in the flat layout, an array of objects becomes one column per
//     member, each holding one item per element, in order, joined with ';'
//     (treatment.products.name "Botox;Azzalure", treatment.products.dose
//     "20;"): an empty item is a missing member, and inside an item a
//     backslash escapes ';' and '\' (and '=' in a missing map's field).
//
// Derived columns are computed from the record, never typed in, marked
// derived in the codebook, and ignored by the readers: serious (from the
// seriousness criteria; empty when not assessed), ischaemic (from the
// term), onset_days_min and onset_days_max (the range of whole days from
// the treatment date to onset that the dates' precision allows),
// onset_class_rohrich, onset_class_urdiales_galvez_2018 and
// onset_class_delayed_14d (the onset class under each scheme, empty when
// the precision allows more than one), duration_days_min and
// duration_days_max (onset to resolution).
//
// The flat layout ([FlatWriter]) has one row per event: the report's
// columns, repeated on each of its rows, then event_index (0-based; empty
// for a report with no events), then the event's columns prefixed
// "events.", derived columns last:
//
//	id, report_type, follows_up, created_at, updated_at, jurisdiction,
//	reported_to.to, reported_to.date, reported_to.reference, reporter.role,
//	reporter.profession, reporter.registration_body, patient.pseudonym,
//	patient.age_at_treatment, patient.age_band, patient.sex,
//	patient.fitzpatrick, patient.weight_kg, patient.history,
//	patient.history_notes, patient.pregnancy, patient.postcode_district,
//	patient.postcode_area, patient.missing, practitioner.pseudonym,
//	practitioner.profession, practitioner.registration_body,
//	practitioner.voluntary_registers, practitioner.prescriber.profession,
//	practitioner.prescriber.registration_body,
//	practitioner.prescriber.same_as_practitioner,
//	practitioner.prescriber.face_to_face_consultation,
//	practitioner.prescriber.missing, practitioner.missing,
//	setting.clinic_pseudonym, setting.premises, setting.cqc_registered,
//	setting.premises_licensed, setting.missing, treatment.date,
//	treatment.procedure, treatment.sites.site, treatment.sites.side,
//	treatment.technique, treatment.depth, treatment.products.name,
//	treatment.products.manufacturer, treatment.products.class,
//	treatment.products.substance, treatment.products.lot,
//	treatment.products.expiry, treatment.products.udi,
//	treatment.products.supplier, treatment.products.dose,
//	treatment.products.dose_unit, treatment.products.route,
//	treatment.products.suspected_counterfeit, treatment.products.retained,
//	treatment.products.retained_by, treatment.products.missing,
//	treatment.prior_treatment_elsewhere, treatment.notes, treatment.missing,
//	narrative, complaint_ids, consent.registry_submission,
//	consent.contact_for_follow_up, consent.share_with_manufacturer,
//	consent.national_data_opt_out, deidentification.policy_id,
//	deidentification.policy_version, deidentification.policy_hash,
//	deidentification.key_id, deidentification.dates, event_index, events.id,
//	events.term, events.description, events.sites.site, events.sites.side,
//	events.onset, events.detected, events.resolved, events.seriousness,
//	events.severity, events.ctcae_grade, events.harm,
//	events.psychological_harm, events.prolonged_pain,
//	events.prolonged_psychological_harm, events.duty_of_candour.notifiable,
//	events.duty_of_candour.notified_in_person,
//	events.duty_of_candour.notified_in_writing,
//	events.duty_of_candour.apology_given, events.management.action,
//	events.management.product, events.management.dose,
//	events.management.dose_unit, events.management.route,
//	events.management.given_at, events.management.given_by,
//	events.management.notes, events.management.missing, events.outcome,
//	events.outcome_date, events.sequelae, events.relatedness, events.causes,
//	events.codes.system, events.codes.code, events.codes.version,
//	events.missing, events.serious, events.ischaemic, events.onset_days_min,
//	events.onset_days_max, events.onset_class_rohrich,
//	events.onset_class_urdiales_galvez_2018, events.onset_class_delayed_14d,
//	events.duration_days_min, events.duration_days_max
//
// The tidy layout ([TablesWriter]) has one file per entity, linked by
// report_id (the report's id), event_id (the event's id) and the 0-based
// position of an element in its array; every array of objects is a child
// table and no cell holds a list of objects:
//
//	reports.csv          the report-level columns of the flat layout, without
//	                     reported_to.*, treatment.sites.* and treatment.products.*
//	events.csv           report_id, event_index, then the event columns without
//	                     sites.*, management.* and codes.*, derived columns last
//	notifications.csv    report_id, notification_index, to, date, reference
//	products.csv         report_id, product_index, name, manufacturer, class,
//	                     substance, lot, expiry, udi, supplier, dose, dose_unit,
//	                     route, suspected_counterfeit, retained, retained_by, missing
//	treatment_sites.csv  report_id, site_index, site, side
//	event_sites.csv      report_id, event_id, site_index, site, side
//	management.csv       report_id, event_id, management_index, action, product,
//	                     dose, dose_unit, route, given_at, given_by, notes, missing
//	codes.csv            report_id, event_id, code_index, system, code, version
//	codebook.csv         the REDCap-style data dictionary ([WriteDictionary])
//	datapackage.json     the Frictionless Data Package ([WriteDataPackage])
//
// The codebook is generated from the published schema: each column's
// description, privacy class (x-privacy), code list with labels, bounds
// and whether it is required come from there, so it cannot drift from the
// records.
//
// # Round trips and their asymmetries
//
// Record → JSON → record is exact. Record → CSV → record is exact in JSON
// form (both layouts, both profiles), except for these documented
// asymmetries:
//
//   - CR LF and a lone CR inside text come back as LF;
//   - an optional object with no member set (such as "consent": {}) comes
//     back absent, as in the JSON of a record built that way;
//   - in the flat layout, an array of objects whose elements all have no
//     member set comes back empty (the tables keep it);
//   - derived columns are recomputed, not read;
//   - text that is not UTF-8 is written as it is but refused on reading;
//   - a spreadsheet that converts cells when it saves (dates, long numbers,
//     leading zeros) changes the data; the round trip holds for the file
//     as written.
//
// The CSV readers check each cell's form and codes, not the schema or the
// domain rules: validate rebuilt records with schema.Validator. The tables
// need ids to link rows, so [TablesWriter] refuses a report without an id,
// the same report twice in a row, and events without unique ids.
//
// # FHIR and SDTM
//
// [FHIRWriter] writes a collection Bundle of AdverseEvent resources with
// the Patient (pseudonymous), Procedure, Device or Medication and
// PractitionerRole they reference, each with a urn:uuid fullUrl derived
// from the report, mapped by table (see [FHIRWriter] for the mapping and
// [FHIROptions] for dates with a time). [SDTMWriter] writes an SDTM-like
// AE table with CDISC variable names and controlled terms; it is SDTM-like,
// not SDTM-conformant. Both are one-way.
//
// # Complaints
//
// Reports are the only records today. Complaint and escalation records
// will add their own tables to the tidy layout (the table set is a list
// each table of which describes itself to the codebook), their own shape
// to the JSON readers' Result, and a count to the envelope's counts.
package export
