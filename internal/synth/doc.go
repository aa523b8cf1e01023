// Package synth generates realistic, identified complication reports and
// complaints for tests and benchmarks: deterministic streams of
// [complication.Report] and [complication.Complaint] values and their JSON,
// as a UK aesthetics clinic would hold them.
//
// A [Generator] draws every value from one PCG stream seeded by
// [Options].Seed, UUIDs included, so the same seed and options give
// byte-identical output. Records follow the shape of real complaint and
// vigilance data:
//
//   - Procedures are weighted like the Save Face complaint mix: dermal filler
//     about 65% (lips about 70% of that), botulinum toxin about 25%, and
//     threads, peels, lasers and IPL, skin boosters and fat-dissolving
//     injections the rest. Products fit the procedure (Juvederm Volbella,
//     Restylane Kysse, Azzalure, Bocouture, Botox, PDO threads …) with the
//     right product class, lot numbers, expiry dates, doses in ml or units,
//     and routes.
//   - Complications fit the procedure and follow the taxonomy's timing:
//     vascular occlusions within minutes of injection, recorded to the
//     minute and managed with hyaluronidase in IU at a recorded time;
//     cold sores days later; delayed inflammatory nodules one to nine months
//     later, sometimes known only to the month. Severity, CTCAE grade,
//     seriousness, harm, management and outcome agree with each other and
//     with the dates.
//   - The identity block holds names from pools with diacritics and
//     apostrophes (Zoë, Siân, O'Neill, MacLeod, double-barrelled names),
//     dates of birth that agree with the age at treatment, and identifiers
//     that cannot reach a real person: NHS numbers only in the range
//     reserved for testing (999 000 0000 to 999 999 9999) with a valid
//     check digit, Ofcom drama telephone numbers only, and email addresses
//     only at example.com, example.org, example.net or under .invalid.
//   - Free text (narrative, event descriptions, treatment notes) reads like
//     clinicians and patients write, and about half the time mentions the
//     patient's own identifiers the way people do: "Mrs Smith", "J. Smith",
//     "JANE SMITH", "14th May 90", "999 000 0018", "+44 7700 900123",
//     "@handle", a postcode without its space.
//
// [Generator.NextComplaint] makes a complaint about the episode of the
// last report (the same patient, practitioner, clinic and treatment date,
// linked by complication_ids), with the complainant, channel, categories,
// remedy sought, handling timeline, practitioner conduct and escalations
// that UK complaint data shows: most complainants are the patient, about
// half report being blocked or ignored by the practitioner (Save Face
// heard this from 84% of complainants in 2022), and deadlines are computed
// per nation by [complication.Complaint.Deadlines], most met and some
// missed. Its documentation gives the shares.
//
// Every valid record passes its schema and the domain rules with no error.
// A small share of reports carries realistic warnings (a 16- or 17-year-old
// treated with filler or toxin, a device without its lot number, a serious
// event not yet reported); most complaints carry warnings, since a late
// acknowledgement, a blocked complainant or a public answer is what
// complaint data exists to record. With [Options].InvalidRate above zero,
// that share of records carries one known [Fault] ([Faults] for reports,
// [ComplaintFaults] for complaints), and [Record].Expect names the finding
// codes a validator must report for it.
//
// Reports and complaints come from one random stream, so the records depend
// on the sequence of Next and NextComplaint calls as well as on [Options];
// the same options and calls give byte-identical records.
package synth
