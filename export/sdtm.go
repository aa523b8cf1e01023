package export

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// SDTMOptions configure an [SDTMWriter].
type SDTMOptions struct {
	// Profile is the CSV dialect; the zero value is ProfileMachine.
	Profile Profile
	// StudyID fills STUDYID; "" means "CASEBOOK".
	StudyID string
	// Validator, as in CSVOptions.
	Validator *schema.Validator
}

// sdtmHeader returns the SDTM-like AE variables, in SDTMIG order.
func sdtmHeader() []string {
	return []string{
		"STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AEGRPID", "AESPID", "AETERM", "AEDECOD", "AECAT",
		"AELOC", "AELAT", "AESEV", "AESER", "AEACN", "AEREL", "AEOUT",
		"AESCONG", "AESDISAB", "AESDTH", "AESHOSP", "AESLIFE", "AESMIE", "AECONTRT", "AETOXGR",
		"AESTDTC", "AEENDTC", "AESTDY", "AEENDY",
	}
}

// sdtmMapping maps casebook codes to CDISC controlled terms (or, for
// AEREL, the usual sponsor terms).
type sdtmMapping struct {
	outcome     map[complication.Outcome]string
	severity    map[complication.Severity]string
	relatedness map[complication.Relatedness]string
	side        map[complication.Side]string
	flags       [6]complication.Seriousness // AESCONG AESDISAB AESDTH AESHOSP AESLIFE AESMIE, in header order
}

func newSDTMMapping() *sdtmMapping {
	return &sdtmMapping{
		outcome: map[complication.Outcome]string{
			complication.OutcomeRecovered:             "RECOVERED/RESOLVED",
			complication.OutcomeRecovering:            "RECOVERING/RESOLVING",
			complication.OutcomeNotRecovered:          "NOT RECOVERED/NOT RESOLVED",
			complication.OutcomeRecoveredWithSequelae: "RECOVERED/RESOLVED WITH SEQUELAE",
			complication.OutcomeFatal:                 "FATAL",
			complication.OutcomeUnknown:               "UNKNOWN",
		},
		severity: map[complication.Severity]string{
			complication.SeverityMild:     "MILD",
			complication.SeverityModerate: "MODERATE",
			complication.SeveritySevere:   "SEVERE",
		},
		relatedness: map[complication.Relatedness]string{
			complication.RelatednessRelated:         "RELATED",
			complication.RelatednessPossiblyRelated: "POSSIBLY RELATED",
			complication.RelatednessUnlikelyRelated: "UNLIKELY RELATED",
			complication.RelatednessUnrelated:       "NOT RELATED",
			complication.RelatednessNotAssessable:   "NOT ASSESSABLE",
		},
		side: map[complication.Side]string{
			complication.SideLeft:      "LEFT",
			complication.SideRight:     "RIGHT",
			complication.SideBilateral: "BILATERAL",
			complication.SideMidline:   "MIDLINE",
		},
		flags: [6]complication.Seriousness{
			complication.SeriousnessCongenitalAnomaly, complication.SeriousnessDisability,
			complication.SeriousnessDeath, complication.SeriousnessHospitalisation,
			complication.SeriousnessLifeThreatening, complication.SeriousnessOtherMedicallyImportant,
		},
	}
}

// SDTMWriter writes an SDTM-like AE table: one row per event, with CDISC
// SDTM AE variable names and CDISC controlled terms where they exist. It is
// SDTM-like, not SDTM-conformant: there is no DM domain, no define.xml, no
// SAS transport file, no MedDRA coding, and AESEQ is unique within the file
// rather than numbered per subject. The variables:
//
//	STUDYID   SDTMOptions.StudyID
//	DOMAIN    AE
//	USUBJID   the patient's pseudonym
//	AESEQ     1, 2, 3 … through the file (unique within each subject, as SDTM requires)
//	AEGRPID   the report's id (groups the events of one report)
//	AESPID    the event's id
//	AETERM    the term's label, e.g. "Vascular occlusion"
//	AEDECOD   casebook's term code, e.g. vascular_occlusion (not MedDRA)
//	AECAT     the procedure's label in upper case, e.g. DERMAL FILLER
//	AELOC     the event's site's label in upper case, when it has exactly one site
//	AELAT     LEFT, RIGHT, BILATERAL or MIDLINE for that site
//	AESEV     MILD, MODERATE, SEVERE
//	AESER     Y when a seriousness criterion is met, N when assessed and none is, empty when not assessed
//	AEACN     NOT APPLICABLE (a single treatment session has no dose to change)
//	AEREL     RELATED, POSSIBLY RELATED, UNLIKELY RELATED, NOT RELATED, NOT ASSESSABLE
//	AEOUT     RECOVERED/RESOLVED, RECOVERING/RESOLVING, NOT RECOVERED/NOT RESOLVED,
//	          RECOVERED/RESOLVED WITH SEQUELAE, FATAL, UNKNOWN
//	AESCONG … AESMIE  Y/N per criterion when seriousness was assessed (congenital anomaly, disability,
//	          death, hospitalisation, life-threatening; AESMIE for other medically important or
//	          intervention required to prevent permanent impairment)
//	AECONTRT  Y when management other than observation was given, N when only observation, empty when none recorded
//	AETOXGR   the CTCAE grade
//	AESTDTC   onset, ISO 8601 as precise as recorded (never imputed)
//	AEENDTC   resolved, or else the outcome date of a recovered or fatal event
//	AESTDY    study day of onset with the treatment date as day 1 (no day 0), when both are known to the day
//	AEENDY    study day of AEENDTC, likewise
//
// A SDTMWriter is not safe for concurrent use.
type SDTMWriter struct {
	out    *csvOut
	gate   gate
	m      *sdtmMapping
	study  string
	seq    int
	writes int
	buf    rowBuf
}

// NewSDTMWriter returns a writer of the SDTM-like AE table to w.
func NewSDTMWriter(w io.Writer, opts SDTMOptions) *SDTMWriter {
	study := opts.StudyID
	if study == "" {
		study = "CASEBOOK"
	}
	return &SDTMWriter{out: newCSVOut(w, opts.Profile, sdtmHeader()), m: newSDTMMapping(), study: study,
		gate: gate{deidentified: true, validator: opts.Validator}, buf: newRowBuf(opts.Profile)}
}

// Write writes one row per event of r. A refused record (*RecordError) is
// not written and the writer stays usable; I/O errors are sticky.
func (w *SDTMWriter) Write(r *complication.Report) error {
	idx := w.writes
	w.writes++
	if w.out.err != nil {
		return w.out.err
	}
	if err := w.gate.check(idx, r); err != nil {
		return err
	}
	if err := w.out.start(); err != nil {
		return err
	}
	w.buf.reset()
	for k := range r.Events {
		w.row(r, &r.Events[k], w.seq+k+1)
	}
	if err := w.out.writeBytes(w.buf.arena); err != nil {
		return err
	}
	w.seq += len(r.Events)
	return nil
}

// WriteComplaint refuses a complaint: the AE table holds the events of
// reports only. After the fail-closed checks it returns a *RecordError
// wrapping ErrRecordKind; nothing is written and the writer stays usable.
// It exists so that one interface covers every writer of a mixed stream.
func (w *SDTMWriter) WriteComplaint(c *complication.Complaint) error {
	idx := w.writes
	w.writes++
	if w.out.err != nil {
		return w.out.err
	}
	return w.gate.refuseComplaint(idx, c)
}

// Flush writes buffered data (and the header, if nothing was written yet).
func (w *SDTMWriter) Flush() error { return w.out.flush() }

func yn(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

// text appends a cell of text from the record or a mapping, which the
// spreadsheet profile neutralises (the SDTM variables that are not
// numbers, UUIDs or dates).
func (w *SDTMWriter) text(s string) {
	b := &w.buf
	from := b.startCell()
	b.arena = append(b.arena, s...)
	w.endText(from)
}

// upper is text for s in upper case.
func (w *SDTMWriter) upper(s string) {
	b := &w.buf
	from := b.startCell()
	b.arena = appendUpper(b.arena, s)
	w.endText(from)
}

func (w *SDTMWriter) endText(from int) {
	b := &w.buf
	if w.out.profile == ProfileSpreadsheet && len(b.arena) > from {
		b.arena = neutralise(b.arena, from)
	}
	b.endCell(from)
}

// appendUpper appends strings.ToUpper(s), without allocating when s is
// ASCII.
func appendUpper(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToUpper(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// row appends the row of event e of r (AESEQ seq) to the writer's rowBuf,
// one cell per variable of sdtmHeader.
func (w *SDTMWriter) row(r *report, e *event, seq int) {
	m, b := w.m, &w.buf
	w.text(w.study)
	w.text("AE")
	w.text(r.Patient.Pseudonym)
	b.intCell(seq)
	b.uuidCell(r.ID)
	b.uuidCell(e.ID)
	w.text(e.Term.Display())
	w.text(string(e.Term))
	w.upper(r.Treatment.Procedure.Display())
	if len(e.Sites) == 1 {
		w.upper(e.Sites[0].Site.Display())
		w.text(m.side[e.Sites[0].Side])
	} else {
		b.emptyCells(2)
	}
	w.text(m.severity[e.Severity])
	serious, assessed := e.Serious()
	if assessed {
		w.text(yn(serious))
	} else {
		b.emptyCells(1)
	}
	w.text("NOT APPLICABLE")
	w.text(m.relatedness[e.Relatedness])
	w.text(m.outcome[e.Outcome])
	for _, s := range m.flags {
		if !assessed {
			b.emptyCells(1)
			continue
		}
		met := false
		for _, got := range e.Seriousness {
			met = met || got == s || s == complication.SeriousnessOtherMedicallyImportant && got == complication.SeriousnessInterventionRequired
		}
		w.text(yn(met))
	}
	if len(e.Management) > 0 {
		treated := false
		for _, a := range e.Management {
			treated = treated || a.Action != complication.ActionObservation
		}
		w.text(yn(treated))
	} else {
		b.emptyCells(1)
	}
	if e.CTCAEGrade != 0 {
		b.intCell(e.CTCAEGrade)
	} else {
		b.emptyCells(1)
	}
	end := e.Resolved
	if end.IsZero() {
		switch e.Outcome {
		case complication.OutcomeRecovered, complication.OutcomeRecoveredWithSequelae, complication.OutcomeFatal:
			end = e.OutcomeDate
		}
	}
	b.startCell()
	b.arena = appendDate(b.arena, e.Onset)
	b.startCell()
	b.arena = appendDate(b.arena, end)
	b.startCell()
	b.arena = appendStudyDay(b.arena, r.Treatment.Date, e.Onset)
	b.startCell()
	b.arena = appendStudyDay(b.arena, r.Treatment.Date, end)
	b.endRow()
}

// appendStudyDay appends the SDTM study day of d relative to ref (day 1),
// when both are known to the day: there is no day 0.
func appendStudyDay(dst []byte, ref, d complication.PartialDate) []byte {
	if ref.Precision() < complication.PrecisionDay || d.Precision() < complication.PrecisionDay {
		return dst
	}
	n, _, _ := complication.Interval(ref, d)
	if n >= 0 {
		n++
	}
	return appendInt(dst, n)
}
