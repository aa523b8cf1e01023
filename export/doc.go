// Package export writes and reads casebook records, complication reports
// and complaints, in the shapes a registry and its researchers use: the
// registry's JSON envelope and NDJSON, CSV (one flat file of reports, or
// tidy tables of both kinds with a codebook), a FHIR R4 Bundle and an
// SDTM-like AE table of reports.
//
// Every writer and reader works one record at a time over an io.Writer or
// io.Reader, with memory that does not grow with the input, and gives the
// same bytes for the same input. Writers follow encoding/csv: a
// constructor taking the writer and an options struct, Write per report
// and WriteComplaint per complaint, Flush (or Close where the format has
// an end), sticky I/O errors. Every writer has both methods, so one
// interface covers a stream that mixes the two kinds; a writer whose
// output cannot hold complaints refuses them with ErrRecordKind. No writer
// or reader is safe for concurrent use; none keeps package state.
//
// # Writers and readers
//
//	format                     kinds                  writer                      reader
//	registry JSON envelope     reports or complaints  [EnvelopeWriter]            [EnvelopeReader]
//	NDJSON (submission shape)  reports, complaints    [NewNDJSONWriter]           [NDJSONReader]
//	NDJSON (identified shape)  reports, complaints    [NewIdentifiedBackupWriter] [NDJSONReader] with Shape schema.Report or schema.Complaint
//	CSV, flat                  reports                [FlatWriter]                [FlatReader]
//	CSV, tidy tables           reports, complaints    [TablesWriter]              [TablesReader]
//	codebook                   reports, complaints    [WriteDictionary], [WriteDataPackage] (TablesWriter writes both)
//	FHIR R4 Bundle             reports                [FHIRWriter]                —
//	SDTM-like AE table         reports                [SDTMWriter]                —
//
// An envelope holds one kind of record, named by its schema member. An
// NDJSON stream may mix the kinds: [ReadOptions].DetectKind reads each line
// as the kind schema.Detect finds. A [Result] holds a Report or a
// Complaint. The tables keep each kind in its own files: Write and Read
// for reports, WriteComplaint and [TablesReader.ReadComplaint] for
// complaints.
//
// # Failing closed
//
// Every writer except [NewIdentifiedBackupWriter] writes the registry's
// de-identified submission shapes, and refuses a record, report or
// complaint, that still carries an identity block (pointer /identity) or
// lacks a deidentification block (pointer /deidentification). These checks
// come first, so even a writer that does not carry complaints refuses an
// identified complaint as identified. The refusal is a [*RecordError]
// naming the record's index (among the writer's Write and WriteComplaint
// calls) and the pointer, never a value; nothing of the record is
// written, and the writer stays usable. Writers never strip identifiers
// silently: de-identify with the anonymize package first (its Report and
// Complaint methods). With a schema.Validator in the options, writers also
// refuse records the published schema of their kind or the domain rules
// reject. The clinic's own backup of identified records is the separate,
// clearly named [NewIdentifiedBackupWriter].
//
// # JSON
//
// The registry envelope is one JSON object whose members come in this
// order: schema (the $id of the report-submission or the
// complaint-submission schema, which says the kind of every record),
// generated_at (RFC 3339), submitter (the clinic's pseudonymous id),
// policy {id, version, hash}, key_id, records (one compact record per
// line), and counts: {records, events, products} for reports, {records,
// escalations} for complaints. The counts come last because a streaming
// writer knows them only at the end. [EnvelopeOptions].Shape chooses the
// kind; a record of the other kind is refused with ErrRecordKind. NDJSON is
// one compact record per line, LF line ends, of either kind. Neither has a
// byte order mark.
//
// The readers validate each record with a schema.Validator and return a
// [Result] per record: its index, line and byte offset, the shape it was
// validated against, and either the report or complaint or the findings
// that rejected it, with finding lines made absolute lines of the input.
// The envelope reader takes the kind from the envelope's schema member
// (refusing one that does not name [ReadOptions].Shape, when that is
// set); the NDJSON reader validates every line against Shape, or, with
// DetectKind, against the shape of the line's own kind on Shape's side
// (submission or identified: only the kind is detected, so an identified
// record never passes as a submission). They go on after a bad record; a [Tally]
// accounts for every record (Read = Accepted + Rejected). The NDJSON
// reader survives malformed JSON, invalid UTF-8, a byte order mark, CRLF
// line ends, blank lines and over-long lines (capped, default 1 MiB). The
// envelope reader rejects a malformed record and goes on as long as the
// record's brackets and strings close; a break in the envelope's own
// structure ends the stream with an [*EnvelopeError] giving the byte
// offset, line and column and how many records were read before it.
//
// With [ReadOptions].Workers above one, the JSON readers validate records
// ahead of Next on that many goroutines (through package pipeline) and
// still return them in input order, with the same results, tally and
// errors as one worker, holding only a bounded window of records. Such a
// reader holds goroutines until Next returns an error (io.EOF included);
// a caller that stops early calls Close, as with sql.Rows.
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
// Headers are the JSON names of the published schema of the record's kind,
// with a '.' between the names of nested objects (patient.age_at_treatment,
// duty_of_candour.notifiable, practitioner_conduct.platforms). Columns come
// in the schema's order, which is the order of the record types. Cells
// that hold several values:
//
//   - an array of codes (or UUIDs) holds them joined with ';', in order:
//     "product;technique"; the UUIDs of reports.complaint_ids and
//     complaints.complication_ids are ids of the other kind's rows;
//   - a missing map (why fields are absent) holds field=reason pairs
//     sorted by field and joined with ';': "lot=not_known;udi=declined";
//   - in the flat layout, an array of objects becomes one column per
//     member, each holding one item per element, in order, joined with ';'
//     (treatment.products.name "Botox;Azzalure", treatment.products.dose
//     "20;"): an empty item is a missing member, and inside an item a
//     backslash escapes ';' and '\' (and '=' in a missing map's field).
//
// Derived columns are computed from the record, never typed in, marked
// derived in the codebook, and ignored by the readers. Those of events
// are serious (from the
// seriousness criteria; empty when not assessed), ischaemic (from the
// term), onset_days_min and onset_days_max (the range of whole days from
// the treatment date to onset that the dates' precision allows),
// onset_class_rohrich, onset_class_urdiales_galvez_2018 and
// onset_class_delayed_14d (the onset class under each scheme, empty when
// the precision allows more than one), duration_days_min and
// duration_days_max (onset to resolution). Those of complaints are listed
// with complaints.csv below.
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
// ids: report_id (the report's id), event_id (the event's id) and
// complaint_id (the complaint's id), and the 0-based position of an
// element in its array; every array of objects is a child table and no
// cell holds a list of objects. Every file is written on every run, with
// its header even when it has no rows, so a run of reports only,
// complaints only or both gives the same set of files, all described by
// the codebook:
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
//	complaints.csv       one row per complaint: the complaint-level columns
//	                     below, derived columns last
//	complaint_extensions.csv      complaint_id, extension_index, response_by,
//	                              reason, agreed_on
//	complaint_status_history.csv  complaint_id, status_change_index, status, at
//	complaint_escalations.csv     complaint_id, escalation_index, to, date, reference
//	codebook.csv         the REDCap-style data dictionary ([WriteDictionary])
//	datapackage.json     the Frictionless Data Package ([WriteDataPackage])
//
// complaints.csv has these columns, derived columns last:
//
//	id, received_at, channel, jurisdiction, complainant_role,
//	consent_to_act, anonymous, summary, categories, complication_ids,
//	treatment_date, awareness_date, remedy_sought, remedy_notes,
//	patient_pseudonym, practitioner.pseudonym, practitioner.profession,
//	practitioner.registration_body, practitioner.voluntary_registers,
//	practitioner.prescriber.profession,
//	practitioner.prescriber.registration_body,
//	practitioner.prescriber.same_as_practitioner,
//	practitioner.prescriber.face_to_face_consultation,
//	practitioner.prescriber.missing, practitioner.missing,
//	setting.clinic_pseudonym, setting.premises, setting.cqc_registered,
//	setting.premises_licensed, setting.missing, out_of_time_accepted,
//	out_of_time_reason, acknowledged_at, discussion_offered_at,
//	agreed_response_by, response_sent_at, delay_explained_at, closed_at,
//	urgency, health_and_safety, outcome, apology_given, remedial_actions,
//	learning_points, practitioner_conduct.response_channels,
//	practitioner_conduct.platforms,
//	practitioner_conduct.patient_information_disclosed_publicly,
//	informed_of_escalation_route, deidentification.policy_id,
//	deidentification.policy_version, deidentification.policy_hash,
//	deidentification.key_id, deidentification.dates, status, open,
//	acknowledge_by, acknowledgement_working_days, acknowledged_in_time,
//	respond_by, response_working_days, responded_in_time, time_limit_ends,
//	made_in_time
//
// The derived columns of complaints.csv: status (the current status, the
// last of status_history) and open (complication.Complaint.Open); then
// the handling measured against complication.Complaint.Deadlines:
// acknowledge_by (the last day to acknowledge), acknowledgement_working_days
// (working days of the jurisdiction's bank-holiday calendar from the UK
// date of received_at, not counted, to that of acknowledged_at),
// acknowledged_in_time, respond_by (the agreed response date as moved by
// the latest extension or, with none agreed, the end of the six months
// beginning with receipt, as in complication.Complaint.Due),
// response_working_days, responded_in_time, time_limit_ends (the last day
// the complaint is in time) and made_in_time. The deadline columns are
// empty when the deadlines cannot be computed: no UK jurisdiction or
// received_at, or dates shifted or generalised by de-identification
// (deidentification.dates other than kept), since shifted dates keep
// intervals but not weekdays or bank holidays. An on-time flag is empty
// while its duty is not done: an export has no "today" to judge it by.
//
// In datapackage.json every child table declares its foreign key to its
// parent (complaint_id to complaints.id, report_id to reports.id, and
// report_id with event_id to events). The ids in complication_ids and
// complaint_ids are in ';'-joined lists, on which a Table Schema foreign
// key cannot be declared, and may name records outside the export (a
// report that was rejected, or not exported); their x-list.itemReference
// names the table and field they refer to.
//
// The codebook is generated from the published schema: each column's
// description, privacy class (x-privacy), code list with labels, bounds
// and whether it is required come from there, so it cannot drift from the
// records.
//
// # Round trips and their asymmetries
//
// Record → JSON → record is exact, for both kinds. Record → CSV → record
// is exact in JSON form (reports in both layouts, complaints in the tables,
// both profiles), except for these documented asymmetries:
//
//   - CR LF and a lone CR inside text come back as LF;
//   - an optional object with no member set (such as "consent": {}) comes
//     back absent, as in the JSON of a record built that way;
//   - in the flat layout, an array of objects whose elements all have no
//     member set comes back empty (the tables keep it);
//   - derived columns are recomputed, not read;
//   - the tables keep the order of the records of each kind, not the
//     order between a report and a complaint written in turn: they go to
//     different files and are read back as two streams;
//   - text that is not UTF-8 is written as it is but refused on reading;
//   - a spreadsheet that converts cells when it saves (dates, long numbers,
//     leading zeros) changes the data; the round trip holds for the file
//     as written.
//
// The CSV readers check each cell's form and codes, not the schema or the
// domain rules: validate rebuilt records with schema.Validator. The tables
// need ids to link rows, so [TablesWriter] refuses a report or complaint
// without an id, the same report (or complaint) twice in a row, and events
// without unique ids.
//
// # FHIR and SDTM
//
// [FHIRWriter] writes a collection Bundle of AdverseEvent resources with
// the Patient (pseudonymous), Procedure, Device or Medication and
// PractitionerRole they reference, each with a urn:uuid fullUrl derived
// from the report, mapped by table (see [FHIRWriter] for the mapping and
// [FHIROptions] for dates with a time). [SDTMWriter] writes an SDTM-like
// AE table with CDISC variable names and controlled terms; it is SDTM-like,
// not SDTM-conformant. Both are one-way, and both carry reports only:
// R4 AdverseEvent and the AE domain describe events, and a complaint is
// not one. Their WriteComplaint refuses every complaint with
// ErrRecordKind; so does [FlatWriter]'s, whose one row per event has no
// place for a complaint (write complaints as tables or JSON).
package export
