// Package pii finds and removes personal identifiers in free text written
// about UK non-surgical aesthetic treatments: clinician narratives,
// complaint summaries and similar prose.
//
// The package works on strings only and knows nothing about record types.
// It has five parts, each in its own file:
//
//   - Normalize builds a matching copy of a text: NFKC, full case folding,
//     diacritics removed, invisible characters dropped, every kind of space,
//     dash and apostrophe folded to its ASCII form, and common Cyrillic and
//     Greek look-alikes folded to Latin. An offset map takes every byte of
//     the copy back to a whole-character range of the original, so a span
//     found on the copy always cuts the original at valid UTF-8 boundaries.
//   - Detect runs generic, validated detectors (NHS numbers with the
//     modulus-11 check, UK phone numbers in every written form, e-mail
//     addresses, URLs, social handles, postcodes, dates, practitioner
//     registration numbers, National Insurance numbers, street addresses
//     and cue-based personal names) over the matching copy.
//   - NewMatcher compiles the identifiers a record already holds (its
//     Known values) into a Matcher whose Find reports every surface variant
//     of them: each person's names in any order or case (never mixed
//     with another person's), initials, possessives, dates of
//     birth in a dozen formats, numbers with any separators, and so on.
//   - Redact replaces spans with typed placeholders such as [NAME] or with
//     caller-supplied surrogates. Merge resolves overlapping spans.
//   - Leaks re-scans redacted output with the Matcher and every detector,
//     ignoring the package's own placeholders, so a caller can fail closed.
//
// The known-identifier sweep is the only place where the package promises
// complete recall: anything the caller tells it about is found in every
// variant the matcher generates. The generic detectors trade a little
// recall for precision so that clinical language ("27G cannula",
// "0.5 ml", "lot 12345", "Fitzpatrick IV") survives.
//
// Every exported function is safe for concurrent use; a Matcher is
// immutable after NewMatcher returns. No function panics on any input, and
// no error or panic message ever contains input text.
package pii
