package synth

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	c "github.com/openaesthetics/casebook/complication"
)

// NextComplaint returns a complaint record. It is about the episode of the
// most recent report [Generator.Next] returned (same patient identity,
// practitioner, clinic, treatment date; complication_ids = that report's
// id), or, before any report, about a freshly generated episode that is not
// emitted.
//
// Linking. A complaint about an emitted report names it in
// complication_ids: the id of the report's Report (for a report with a
// JSON-level fault, the id it held before its bytes were corrupted, so the
// link may dangle, as links to rejected records do). Calling NextComplaint
// twice after one report gives two complaints about the same episode. A
// complaint about an episode that was not emitted links no report; one
// that raises a health and safety concern is then flagged
// (health_safety_unlinked), as a registry would flag it. An anonymous
// complainant gives no identity, so the clinic cannot tie the complaint to
// a patient's records: anonymous complaints link no report, hold no
// patient identity, and give the treatment date at most to the month.
//
// Stream. NextComplaint draws from the same random stream as Next (and
// draws a whole episode before the first report), so it changes every
// later record of either kind. The same Options and the same sequence of
// Next and NextComplaint calls give byte-identical records.
//
// What the complaints hold, in rough shares (measured over 1,200
// complaints of the package tests, which log them):
//
//   - Complainant: the patient about 83%; a relative or carer about 5% and
//     a representative such as a solicitor about 3%, both with consent to
//     act recorded; a parent for most patients under 18; another
//     practitioner about 3%; someone else about 4%. About 4% are
//     anonymous, with a tracking token and no names.
//   - Channel: private message about 28%, email about 21%, web form about
//     12%, phone about 12%, passed on by a register or regulator about 9%,
//     public social media about 9%, letter about 4%, in person about 4%.
//   - Categories fit the episode's complication: lumps and nodules months
//     after filler give complication with clinical outcome and aftercare; an
//     unsatisfactory result, asymmetry or irregularity gives clinical
//     outcome, usually with cost or refund; infections add aftercare and
//     hygiene; toxin spread and burns add consent; the practitioner's
//     conduct adds communication, and an answer in public confidentiality.
//   - Practitioner conduct: blocked or ignored about 49% (Save Face, 2022:
//     84% of the complainants who came to it; a clinic's own register
//     holds the complaints someone did log, so fewer), an answer in public
//     about 9% (on Instagram, TikTok or Facebook), patient information
//     disclosed in public about 3%.
//   - Handling follows the rules of the clinic's nation, with deadlines
//     computed by [complication.Complaint.Deadlines]. About 84% of the
//     acknowledgements are in time; about a quarter of complaints are
//     flagged acknowledgement_overdue, most of them never acknowledged
//     because the practitioner ignored them. About 11% are answered after
//     the agreed date or still owe an answer at Options.Today
//     (response_overdue). About 4% are made after the time limit: some
//     accepted for a recorded reason, some not considered (outcome
//     out_of_time), some left undecided (out_of_time). A few take over six
//     months, with the delay explained or not (delay_not_explained).
//     Status histories follow [complication.ComplaintStatus.CanBecome]:
//     received, acknowledged, investigating, responded, closed; about 5%
//     are reopened, some withdrawn, and complaints move to escalated when
//     a register, regulator, ombudsman or inspectorate takes them up.
//   - About two in five go to another body (the register or regulator that
//     passed a complaint on included): Save Face and JCCP most, then the
//     MHRA Yellow Card scheme, the professional regulators (GMC, NMC, GDC,
//     GPhC, PSNI, HCPC), ISCAS and the ombudsmen, the inspectorates (CQC,
//     HIW, HIS, RQIA), Trading Standards, civil claims, the ASA, and
//     rarely the police, with dates and often a reference.
//   - Outcomes: upheld, partly upheld or not upheld for those answered,
//     with apologies, remedial actions (refund, corrective treatment,
//     referral, practice change, training, posts removed) and learning
//     points.
//
// Valid complaints pass the complaint schema and [complication.Complaint.Check]
// with no error when validated with Now at Options.Today. Warnings are
// common, since late handling and the practitioner's conduct are what
// complaint data records. Free text (summary, remedy notes, learning
// points) mentions the complainant's own identifiers some of the time, and
// describes a public post only in neutral words, never its content.
func (g *Generator) NextComplaint() Record {
	rec := Record{Index: g.n, Kind: KindComplaint}
	g.n++
	if g.opts.InvalidRate > 0 && g.rng.Float64() < g.opts.InvalidRate {
		rec.Fault = complaintFaults[g.rng.IntN(len(complaintFaults))].fault
	}
	k, linked := g.last, true
	if k == nil {
		k, linked = g.build(""), false
	}
	ck := g.complaint(k, linked, rec.Fault)
	if rec.Fault == "" {
		rec.Complaint = ck.x
		rec.JSON = marshal(ck.x)
		return rec
	}
	g.applyComplaintFault(&rec, ck)
	return rec
}

// ckase is one generated complaint and the hidden facts it was written
// from. Times are UK clock times held in UTC by convention, like a kase's.
type ckase struct {
	k      *kase
	x      *c.Complaint
	ev     *evCtx // the episode's main complication
	linked bool   // the episode's report was emitted

	role       c.ComplainantRole
	anon       bool
	cp         *person // the complainant as the identity block holds them; nil if anonymous or not a lay person
	pat        *person // the patient with every identifier the clinic holds
	patWord    string  // what a relative calls the patient: "daughter", "husband" …
	other      *practitioner
	otherPlace string // the other practitioner's clinic
	firm       string // a representative's firm

	group      termGroup
	serious    bool
	healthcare bool
	soleTrader bool // the practitioner is the business: no one else handles complaints
	lipsFiller bool
	dissolve   bool // hyaluronic acid filler, which can be dissolved

	blocked, public, disclosed, silent bool
	platforms                          []c.SocialPlatform
	ignored                            bool // the complaint is not handled until someone outside presses

	recv      time.Time // when the complaint arrived
	aware     time.Time // when the complainant noticed the problem
	ackBy     time.Time // last day to acknowledge
	sixEnd    time.Time // last day of the six months beginning with receipt
	outOfTime bool

	// Decided in advance, recorded when the handling gets there.
	decision outOfTimeDecision
	agreed   time.Time // agreed response date, or zero
	outcome  c.ComplaintOutcome
	early    c.ComplaintOutcome // withdrawn or out_of_time: closed without a response
	nation   c.Jurisdiction     // whose rules the clinic follows
	mention  bool               // the free text mentions the complainant's identifiers
}

type outOfTimeDecision int

const (
	undecided outOfTimeDecision = iota
	acceptedWithReason
	acceptedNoReason
	notConsidered
)

// termGroup sorts complications by what people complain about.
type termGroup int

const (
	groupTransient    termGroup = iota // bruising, swelling, pain: expected effects that went on too long
	groupDissatisfied                  // the result: asymmetry, irregularity, no effect
	groupLumps                         // nodules, granulomas, migration, threads: months later
	groupInfection                     // cellulitis, cold sores, biofilm
	groupIschaemic                     // occlusion, necrosis, visual loss, anaphylaxis: emergencies
	groupToxinSpread                   // ptosis and the other spread effects of toxin
	groupSkin                          // burns, pigment, scars after peels and lasers
)

func groupOf(t c.Term) termGroup {
	switch {
	case t.Ischaemic() || t == c.TermAnaphylaxis || t == c.TermAngioedema:
		return groupIschaemic
	}
	switch t {
	case c.TermUnsatisfactoryResult, c.TermAsymmetry, c.TermEyebrowAsymmetry, c.TermContourIrregularity, c.TermDimpling,
		c.TermDemarcationLines, c.TermParadoxicalHypertrichosis, c.TermTyndallEffect:
		return groupDissatisfied
	case c.TermNoduleInflammatory, c.TermNoduleNoninflammatory, c.TermGranuloma, c.TermMigration, c.TermInduration,
		c.TermThreadExtrusion, c.TermThreadMigration:
		return groupLumps
	case c.TermInfectionAcute, c.TermInfectionAtypical, c.TermHSVReactivation, c.TermBiofilm:
		return groupInfection
	case c.TermEyelidPtosis, c.TermBrowPtosis, c.TermDiplopia, c.TermLagophthalmos, c.TermEctropion, c.TermDysphagia,
		c.TermDysarthria, c.TermDysphonia, c.TermGeneralisedWeakness, c.TermFacialNerveInjury:
		return groupToxinSpread
	case c.TermBurn, c.TermHyperpigmentation, c.TermHypopigmentation, c.TermScarring, c.TermPersistentErythema,
		c.TermContactDermatitis, c.TermAcneMilia, c.TermSkinUlceration, c.TermAlopecia, c.TermOcularInjury:
		return groupSkin
	}
	return groupTransient
}

// complaint builds a complaint about the episode k.
func (g *Generator) complaint(k *kase, linked bool, f Fault) *ckase {
	x := &c.Complaint{}
	ck := &ckase{k: k, x: x, ev: k.evs[0], linked: linked}
	pat := k.patFull
	ck.pat = &pat
	ck.group = groupOf(ck.ev.term)
	for _, ev := range k.evs {
		if s, _ := ev.e.Serious(); s {
			ck.serious = true
		}
	}
	ck.healthcare = k.prac.prof != c.ProfessionNonHealthcare
	if s := k.r.Setting; s != nil {
		switch s.Premises {
		case c.PremisesBeautySalon, c.PremisesHomeVisit, c.PremisesPractitionerHome, c.PremisesParty:
			ck.soleTrader = true
		}
	}
	ck.soleTrader = ck.soleTrader || !ck.healthcare
	ck.lipsFiller = k.proc.code == c.ProcedureDermalFiller && anyTag(k.area.tags, "lips")
	ck.dissolve = strings.Contains(k.prods[0].p.substance, "hyaluronic")
	ck.nation = k.jur

	x.ID = g.uuid()
	g.complainant(ck, f == FaultConsentToActMissing)
	g.complaintChannel(ck)
	g.practitionerConduct(ck)
	g.complaintSubject(ck)
	g.receipt(ck)
	g.handling(ck)
	g.assessment(ck)
	g.complaintBlocks(ck)
	g.complaintIdentity(ck)
	g.complaintText(ck)
	return ck
}

// complainant draws who complains: mostly the patient; a relative, a
// representative or another practitioner sometimes; a parent for most
// patients under 18; and a few anonymous complainants.
func (g *Generator) complainant(ck *ckase, noConsent bool) {
	x, k := ck.x, ck.k
	roles := []c.ComplainantRole{c.ComplainantRolePatient, c.ComplainantRoleRelativeOrCarer, c.ComplainantRoleRepresentative,
		c.ComplainantRoleOtherPractitioner, c.ComplainantRoleOther, c.ComplainantRoleParentOrGuardian}
	w := []float64{84, 5.5, 3, 3, 4.5, 0}
	if k.pat.age < 18 {
		w = []float64{30, 0, 0, 0, 0, 70}
	}
	if noConsent {
		w = []float64{0, 70, 30, 0, 0, 0}
	}
	ck.role = roles[weighted(g, len(roles), func(i int) float64 { return w[i] })]
	x.ComplainantRole = ck.role
	switch ck.role {
	case c.ComplainantRolePatient:
		ck.anon = g.chance(0.015)
	case c.ComplainantRoleOther:
		ck.anon = g.chance(0.7)
	case c.ComplainantRoleRelativeOrCarer, c.ComplainantRoleRepresentative:
		if !noConsent {
			x.ConsentToAct = ptr(true)
		}
	case c.ComplainantRoleParentOrGuardian:
		// A parent acts for a child without the child's consent.
		if g.chance(0.25) {
			x.ConsentToAct = ptr(true)
		}
	}
	if ck.anon {
		x.Anonymous = ptr(true)
	} else if g.chance(0.3) {
		x.Anonymous = ptr(false)
	}
	// The patient's relation to a relative who complains.
	pat := ck.pat
	switch ck.role {
	case c.ComplainantRoleParentOrGuardian:
		ck.patWord = map[c.Sex]string{c.SexFemale: "daughter", c.SexMale: "son"}[pat.sex]
		if ck.patWord == "" {
			ck.patWord = "child"
		}
	case c.ComplainantRoleRelativeOrCarer:
		rels := map[c.Sex][]string{c.SexFemale: {"daughter", "wife", "sister", "mother"}, c.SexMale: {"son", "husband", "brother"}}[pat.sex]
		if len(rels) == 0 {
			rels = []string{"partner", "child"}
		}
		ck.patWord = pick(g, rels)
	}
}

// complaintChannel draws how the complaint arrived.
func (g *Generator) complaintChannel(ck *ckase) {
	chans := []c.ComplaintChannel{c.ComplaintChannelPrivateMessage, c.ComplaintChannelEmail, c.ComplaintChannelPublicSocialMedia,
		c.ComplaintChannelPhone, c.ComplaintChannelWebForm, c.ComplaintChannelInPerson, c.ComplaintChannelLetter,
		c.ComplaintChannelRegisterOrRegulator}
	var w []float64
	switch {
	case ck.anon:
		w = []float64{0, 25, 10, 0, 45, 0, 0, 20}
	case ck.role == c.ComplainantRoleRepresentative:
		w = []float64{0, 45, 0, 0, 0, 0, 55, 0}
	case ck.role == c.ComplainantRoleOtherPractitioner:
		w = []float64{5, 50, 0, 30, 0, 0, 15, 0}
	default:
		w = []float64{31, 18, 10, 13, 11, 5, 3, 9}
	}
	ck.x.Channel = chans[weighted(g, len(chans), func(i int) float64 { return w[i] })]
}

func (ck *ckase) lay() bool {
	switch ck.role {
	case c.ComplainantRolePatient, c.ComplainantRoleRelativeOrCarer, c.ComplainantRoleParentOrGuardian, c.ComplainantRoleOther:
		return true
	}
	return false
}

func (ck *ckase) social() bool {
	return ck.x.Channel == c.ComplaintChannelPrivateMessage || ck.x.Channel == c.ComplaintChannelPublicSocialMedia
}

// practitionerConduct draws how the practitioner answered: blocked or
// ignored about half the time, in public sometimes, with patient
// information put in public in about a third of the public answers.
func (g *Generator) practitionerConduct(ck *ckase) {
	pBlock := 0.15
	if ck.lay() {
		pBlock = 0.42
		if ck.soleTrader {
			pBlock = 0.72
		}
		if ck.social() {
			pBlock += 0.1
		}
	}
	pPublic := 0.03
	switch ck.x.Channel {
	case c.ComplaintChannelPublicSocialMedia:
		pPublic = 0.45
	case c.ComplaintChannelPrivateMessage:
		pPublic = 0.12
	}
	ck.blocked = g.chance(pBlock)
	ck.public = ck.lay() && !ck.anon && g.chance(pPublic)
	ck.disclosed = ck.public && g.chance(0.38)
	if !ck.blocked && !ck.public {
		ck.silent = g.chance(0.1)
	}
	if ck.public {
		first := ck.pat.platform
		if first != c.SocialPlatformTikTok && first != c.SocialPlatformFacebook {
			first = c.SocialPlatformInstagram
		}
		ck.platforms = []c.SocialPlatform{first}
		if g.chance(0.2) {
			if p := pick(g, []c.SocialPlatform{c.SocialPlatformInstagram, c.SocialPlatformTikTok, c.SocialPlatformFacebook}); p != first {
				ck.platforms = append(ck.platforms, p)
			}
		}
	}
	pIgnored := 0.25
	if ck.soleTrader {
		pIgnored = 0.6
	}
	ck.ignored = ck.blocked && g.chance(pIgnored) || ck.silent && g.chance(0.5)
}

// complaintSubject draws the categories and the remedy sought, to fit the
// complication and the practitioner's conduct.
func (g *Generator) complaintSubject(ck *ckase) {
	x, k := ck.x, ck.k
	var cats []c.ComplaintCategory
	cat := func(p float64, v c.ComplaintCategory) {
		if !slices.Contains(cats, v) && g.chance(p) {
			cats = append(cats, v)
		}
	}
	var rem []c.Remedy
	want := func(p float64, v c.Remedy) {
		if !slices.Contains(rem, v) && g.chance(p) {
			rem = append(rem, v)
		}
	}
	switch ck.group {
	case groupDissatisfied:
		cat(1, c.ComplaintCategoryClinicalOutcome)
		cat(0.25, c.ComplaintCategoryComplication)
		want(0.65, c.RemedyRefund)
		want(0.4, c.RemedyCorrectiveTreatment)
		want(0.25, c.RemedyExplanation)
		want(0.15, c.RemedyApology)
	case groupLumps:
		cat(1, c.ComplaintCategoryComplication)
		cat(0.65, c.ComplaintCategoryClinicalOutcome)
		cat(0.55, c.ComplaintCategoryAftercare)
		want(0.6, c.RemedyCorrectiveTreatment)
		want(0.4, c.RemedyExplanation)
		want(0.3, c.RemedyApology)
		want(0.35, c.RemedyRefund)
	case groupInfection:
		cat(1, c.ComplaintCategoryComplication)
		cat(0.45, c.ComplaintCategoryAftercare)
		cat(0.25, c.ComplaintCategoryPremisesHygiene)
		cat(0.2, c.ComplaintCategoryClinicalOutcome)
		want(0.4, c.RemedyExplanation)
		want(0.35, c.RemedyApology)
		want(0.4, c.RemedyRefund)
		want(0.1, c.RemedyCorrectiveTreatment)
	case groupIschaemic:
		cat(1, c.ComplaintCategoryComplication)
		cat(0.4, c.ComplaintCategoryAftercare)
		cat(0.25, c.ComplaintCategoryConsent)
		want(0.55, c.RemedyExplanation)
		want(0.5, c.RemedyApology)
		want(0.2, c.RemedyCompensation)
		want(0.2, c.RemedyPracticeChange)
		want(0.3, c.RemedyRefund)
		want(0.25, c.RemedyCorrectiveTreatment)
	case groupToxinSpread:
		cat(1, c.ComplaintCategoryComplication)
		cat(0.5, c.ComplaintCategoryClinicalOutcome)
		cat(0.3, c.ComplaintCategoryConsent)
		want(0.5, c.RemedyExplanation)
		want(0.45, c.RemedyRefund)
		want(0.3, c.RemedyApology)
	case groupSkin:
		cat(1, c.ComplaintCategoryComplication)
		cat(0.5, c.ComplaintCategoryClinicalOutcome)
		cat(0.2, c.ComplaintCategoryConsent)
		cat(0.15, c.ComplaintCategoryPremisesHygiene)
		want(0.45, c.RemedyRefund)
		want(0.3, c.RemedyCorrectiveTreatment)
		want(0.15, c.RemedyCompensation)
		want(0.35, c.RemedyApology)
		want(0.35, c.RemedyExplanation)
	default:
		cat(1, c.ComplaintCategoryComplication)
		cat(0.3, c.ComplaintCategoryClinicalOutcome)
		cat(0.3, c.ComplaintCategoryAftercare)
		want(0.3, c.RemedyRefund)
		want(0.35, c.RemedyApology)
		want(0.4, c.RemedyExplanation)
	}
	if ck.blocked || ck.public || ck.silent {
		cat(0.65, c.ComplaintCategoryCommunication)
		want(0.3, c.RemedyApology)
	} else {
		cat(0.12, c.ComplaintCategoryCommunication)
	}
	if ck.public {
		cat(1, c.ComplaintCategoryConfidentiality)
		if ck.disclosed {
			want(0.9, c.RemedyContentRemoval)
		} else {
			want(0.6, c.RemedyContentRemoval)
		}
	}
	if ck.blocked {
		want(0.08, c.RemedyRegulatoryAction)
	}
	if !ck.healthcare || k.pat.age < 18 {
		cat(0.35, c.ComplaintCategoryPractitionerQualification)
	}
	if k.pat.age < 18 {
		cat(0.5, c.ComplaintCategoryConsent)
	}
	if p := k.r.Practitioner; p != nil && p.Prescriber != nil && p.Prescriber.FaceToFaceConsultation != nil && !*p.Prescriber.FaceToFaceConsultation {
		cat(0.4, c.ComplaintCategoryPractitionerQualification)
	}
	if k.proc.code == c.ProcedureBotulinumToxin {
		cat(0.04, c.ComplaintCategoryAdvertising)
	}
	switch {
	case ck.role == c.ComplainantRoleRepresentative:
		want(0.7, c.RemedyCompensation)
		want(0.5, c.RemedyRecordsAccess)
	case ck.role == c.ComplainantRoleOtherPractitioner:
		want(0.5, c.RemedyPracticeChange)
		want(0.3, c.RemedyRegulatoryAction)
	case ck.anon || ck.role == c.ComplainantRoleOther:
		cat(0.3, c.ComplaintCategoryAdvertising)
		cat(0.4, c.ComplaintCategoryPractitionerQualification)
		cat(0.2, c.ComplaintCategoryPremisesHygiene)
		want(0.7, c.RemedyRegulatoryAction)
		want(0.4, c.RemedyPracticeChange)
	}
	want(0.04, c.RemedyRecordsAccess)
	want(0.02, c.RemedyOther)
	switch {
	case slices.Contains(rem, c.RemedyRefund):
		cat(0.85, c.ComplaintCategoryCostRefund)
	case ck.group == groupDissatisfied:
		cat(0.2, c.ComplaintCategoryCostRefund)
	}
	cat(0.02, c.ComplaintCategoryOther)
	if len(rem) == 0 {
		rem = []c.Remedy{c.RemedyNotStated}
		if g.chance(0.6) {
			rem = []c.Remedy{c.RemedyExplanation}
		}
	}
	x.Categories, x.RemedySought = cats, rem
}

// midnight returns the start of t's day.
func midnight(t time.Time) time.Time { return t.Truncate(day) }

// daysFrom returns the number of days from a's day to b's day.
func daysFrom(a, b time.Time) int { return int(midnight(b).Sub(midnight(a)) / day) }

// office returns a time in office hours on d's day.
func (g *Generator) office(d time.Time) time.Time {
	return midnight(d).Add(9*time.Hour + time.Duration(g.between(0, 8*60+30))*time.Minute)
}

// addWeekdays returns the day n weekdays after d's day.
func addWeekdays(d time.Time, n int) time.Time {
	d = midnight(d)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}

// receipt draws when the complainant became aware of the problem and when
// the complaint arrived, and computes the deadlines.
func (g *Generator) receipt(ck *ckase) {
	x, k, ev := ck.x, ck.k, ck.ev
	ck.aware = k.abs(ev.detect)
	awareDay := midnight(ck.aware)

	// Most complaints come within weeks of noticing the problem; some wait
	// months (a nodule that would not settle), a few more than a year.
	var delay int
	switch x := g.rng.Float64(); {
	case x < 0.35:
		delay = g.between(0, 7)
	case x < 0.65:
		delay = g.between(8, 30)
	case x < 0.84:
		delay = g.between(31, 120)
	case x < 0.93:
		delay = g.between(121, 330)
	default:
		delay = g.between(331, 800)
	}
	last := g.today.AddDate(0, 0, -1)
	if most := daysFrom(awareDay, last); delay > most {
		delay = g.between(0, most)
	}
	d := awareDay.AddDate(0, 0, delay)
	// Phone calls and visits come on days the clinic is open; letters and
	// referrals from a register on weekdays.
	wd := d.Weekday()
	switch x.Channel {
	case c.ComplaintChannelPhone, c.ComplaintChannelInPerson:
		if wd == time.Sunday && d.AddDate(0, 0, 1).Before(g.today) {
			d = d.AddDate(0, 0, 1)
		}
	case c.ComplaintChannelLetter, c.ComplaintChannelRegisterOrRegulator:
		for n := 0; n < 2 && (d.Weekday() == time.Saturday || d.Weekday() == time.Sunday) && d.AddDate(0, 0, 1).Before(g.today); n++ {
			d = d.AddDate(0, 0, 1)
		}
	}
	var clock time.Duration
	sec := time.Duration(0)
	switch x.Channel {
	case c.ComplaintChannelPhone, c.ComplaintChannelInPerson:
		clock = 9*time.Hour + time.Duration(g.between(0, 9*60))*time.Minute
	case c.ComplaintChannelLetter, c.ComplaintChannelRegisterOrRegulator:
		clock = 9*time.Hour + time.Duration(g.between(0, 7*60))*time.Minute
	default:
		// Messages, emails and forms arrive at any waking hour, and their
		// systems log the second.
		clock = 7*time.Hour + time.Duration(g.between(0, 16*60+30))*time.Minute
		sec = time.Duration(g.between(0, 59)) * time.Second
	}
	recv := d.Add(clock + sec)
	if !recv.After(ck.aware) {
		recv = ck.aware.Add(time.Duration(g.between(10, 90)) * time.Minute)
		if end := d.Add(23*time.Hour + 59*time.Minute); recv.After(end) {
			recv = end
		}
	}
	ck.recv = recv
	x.ReceivedAt = ukTime(recv)

	// The event complained about.
	x.TreatmentDate = k.r.Treatment.Date
	if ck.anon {
		x.TreatmentDate = x.TreatmentDate.Truncate(c.PrecisionMonth)
		if g.chance(0.3) {
			x.TreatmentDate = c.PartialDate{}
		}
	}
	switch p := g.rng.Float64(); {
	case p < 0.8:
		x.AwarenessDate = c.DateOf(ck.aware, c.PrecisionDay)
	case p < 0.92:
		x.AwarenessDate = c.DateOf(ck.aware, c.PrecisionMonth)
	}
	if ck.linked && !ck.anon {
		x.ComplicationIDs = []uuid.UUID{k.r.ID}
	}

	// The clinic follows its nation's rules; a few records do not say which.
	x.Jurisdiction = ck.nation
	if ck.nation != c.JurisdictionOther && g.chance(0.02) {
		x.Jurisdiction = ""
	}
	probe := c.Complaint{Jurisdiction: ck.nation, ReceivedAt: x.ReceivedAt, TreatmentDate: x.TreatmentDate, AwarenessDate: x.AwarenessDate}
	if dl, err := probe.Deadlines(); err == nil {
		ck.ackBy, ck.sixEnd = dl.AcknowledgeBy.Start(), dl.SixMonthsEnd.Start()
		ck.outOfTime = !dl.TimeLimitEnds.IsZero() && c.DateOf(recv, c.PrecisionDay).After(dl.TimeLimitEnds)
	} else {
		// No UK calendar (treatment abroad, or a year outside the
		// calendars): the clinic counts weekdays.
		ck.ackBy = addWeekdays(recv, 3)
		ck.sixEnd = midnight(recv).AddDate(0, 6, -1)
	}
}

// hkind is a step of a complaint's handling.
type hkind int

const (
	hAck hkind = iota
	hDiscuss
	hInvestigate
	hExtend
	hExplain
	hRespond
	hClose      // closed after a response, or after the complaint went elsewhere
	hCloseEarly // withdrawn, or not considered because out of time
	hReopen
	hEscalate
)

// hstep is one planned step of the handling. Steps that fall on or after
// Options.Today have not happened yet and are not recorded.
type hstep struct {
	at     time.Time
	kind   hkind
	esc    c.Escalation
	status bool // an escalation that moves the complaint's status
	ext    c.Extension
}

// handling plans the complaint's handling from receipt, then records the
// steps that happened before today: the timestamps, the status history
// (every change one [complication.ComplaintStatus.CanBecome] allows), the
// extensions, the escalations and the outcome.
func (g *Generator) handling(ck *ckase) {
	var steps []hstep
	at := func(t time.Time, kind hkind) { steps = append(steps, hstep{at: t, kind: kind}) }
	recv := ck.recv

	var ack, inv, respond, closed time.Time
	if ck.ignored {
		// No one answers until a register, a regulator or the clinic's
		// owner presses: the complainant goes elsewhere first.
		var esc time.Time
		if g.chance(0.7) {
			esc = midnight(recv).AddDate(0, 0, g.between(2, 45)).Add(g.daytime())
			steps = append(steps, g.escalation(ck, esc, g.pressRoute(ck), true))
		}
		if g.chance(0.4) {
			ack = g.office(ck.ackBy.AddDate(0, 0, g.between(3, 60)))
			if !esc.IsZero() && ack.Before(esc) {
				ack = g.office(esc.AddDate(0, 0, g.between(1, 14)))
			}
			at(ack, hAck)
			if g.chance(0.5) {
				ck.agreed = addWeekdays(ack, g.between(15, 30))
			}
		}
		if from := later(ack, esc); !from.IsZero() {
			switch {
			case g.chance(0.5):
				respond = g.office(from.AddDate(0, 0, g.between(10, 60)))
				at(respond, hRespond)
				ck.outcome = g.complaintOutcome(ck)
				if g.chance(0.7) {
					closed = g.office(respond.AddDate(0, 0, g.between(3, 30)))
					at(closed, hClose)
				}
			case !esc.IsZero() && g.chance(0.3):
				at(g.office(esc.AddDate(0, 0, g.between(30, 120))), hClose)
			}
		}
	} else {
		ack = g.acknowledge(ck)
		at(ack, hAck)
		switch x := g.rng.Float64(); {
		case x < 0.72:
			at(ack, hDiscuss)
		case x < 0.85:
			at(g.office(ack.AddDate(0, 0, g.between(1, 3))), hDiscuss)
		}
		if g.chance(0.85) {
			days := map[c.Jurisdiction]int{c.JurisdictionEngland: 25, c.JurisdictionWales: 30}[ck.nation]
			if days == 0 {
				days = 20
			}
			ck.agreed = addWeekdays(ack, days+g.between(-3, 8))
		}
		if ck.outOfTime {
			switch x := g.rng.Float64(); {
			case x < 0.5:
				ck.decision = acceptedWithReason
			case x < 0.55:
				ck.decision = acceptedNoReason
			case x < 0.8:
				ck.decision = notConsidered
			}
		}
		inv = g.office(ack.AddDate(0, 0, g.between(1, 3)))
		switch {
		case ck.decision == notConsidered:
			ck.early = c.ComplaintOutcomeOutOfTime
			at(g.office(ack.AddDate(0, 0, g.between(1, 10))), hCloseEarly)
		case g.chance(0.04):
			at(inv, hInvestigate)
			ck.early = c.ComplaintOutcomeWithdrawn
			at(g.office(inv.AddDate(0, 0, g.between(2, 30))), hCloseEarly)
		default:
			at(inv, hInvestigate)
			respond = g.respondPlan(ck, inv, &steps)
			at(respond, hRespond)
			ck.outcome = g.complaintOutcome(ck)
			if g.chance(0.85) {
				closed = g.office(respond.AddDate(0, 0, g.between(3, 30)))
				at(closed, hClose)
				if g.chance(0.07) {
					// Reopened: the complainant came back, and the clinic
					// investigated and answered again.
					re := g.office(closed.AddDate(0, 0, g.between(5, 60)))
					at(re, hReopen)
					inv2 := g.office(re.AddDate(0, 0, g.between(1, 5)))
					at(inv2, hInvestigate)
					r2 := g.office(inv2.AddDate(0, 0, g.between(10, 35)))
					at(r2, hRespond)
					if g.chance(0.85) {
						at(g.office(r2.AddDate(0, 0, g.between(5, 21))), hClose)
					}
				}
			}
		}
	}
	// Unhappy with the answer, some go to ISCAS, an ombudsman, a register
	// or the regulator.
	if !respond.IsZero() && (ck.outcome == c.ComplaintOutcomeNotUpheld || ck.outcome == c.ComplaintOutcomePartlyUpheld) && g.chance(0.22) {
		t := midnight(respond).AddDate(0, 0, g.between(14, 120)).Add(g.daytime())
		steps = append(steps, g.escalation(ck, t, g.afterRoute(ck), true))
	}
	steps = append(steps, g.parallelEscalations(ck)...)
	slices.SortStableFunc(steps, func(a, b hstep) int { return a.at.Compare(b.at) })
	g.record(ck, steps)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// acknowledge draws when a handled complaint is acknowledged: mostly by the
// deadline [complication.Complaint.Deadlines] computes, sometimes within
// minutes by an automatic reply, and about one in eleven late.
func (g *Generator) acknowledge(ck *ckase) time.Time {
	recv := ck.recv
	switch {
	case g.chance(0.09):
		return g.office(ck.ackBy.AddDate(0, 0, min(g.between(1, 12), g.between(1, 12))))
	case (ck.x.Channel == c.ComplaintChannelWebForm || ck.x.Channel == c.ComplaintChannelEmail) && g.chance(0.25):
		return recv.Add(time.Duration(g.between(1, 5)) * time.Minute)
	}
	span := daysFrom(recv, ck.ackBy)
	off := min(g.between(0, span), g.between(0, span))
	ack := g.office(midnight(recv).AddDate(0, 0, off))
	if !ack.After(recv) {
		ack = g.office(midnight(recv).AddDate(0, 0, 1))
	}
	return ack
}

// respondPlan draws when the response goes: by the agreed date mostly, late
// sometimes, after an agreed extension sometimes, and after more than six
// months for a few, with the delay explained or not. It adds the
// extensions and the explanation to steps.
func (g *Generator) respondPlan(ck *ckase, inv time.Time, steps *[]hstep) time.Time {
	agreed := ck.agreed
	reasons := []c.ExtensionReason{c.ExtensionReasonComplexInvestigation, c.ExtensionReasonAwaitingRecords, c.ExtensionReasonAwaitingThirdParty,
		c.ExtensionReasonComplainantRequest, c.ExtensionReasonStaffUnavailable, c.ExtensionReasonOther}
	rw := []float64{30, 25, 20, 10, 12, 3}
	extend := func(on, by time.Time) {
		e := c.Extension{ResponseBy: c.DateOf(by, c.PrecisionDay), Reason: reasons[weighted(g, len(reasons), func(i int) float64 { return rw[i] })]}
		if g.chance(0.9) {
			e.AgreedOn = c.DateOf(on, c.PrecisionDay)
		}
		*steps = append(*steps, hstep{at: on, kind: hExtend, ext: e})
	}
	first := midnight(inv).AddDate(0, 0, 2)
	switch x := g.rng.Float64(); {
	case x < 0.035:
		// More than six months: a complex case, records from elsewhere.
		respond := g.office(ck.sixEnd.AddDate(0, 0, g.between(3, 80)))
		if g.chance(0.65) {
			*steps = append(*steps, hstep{at: g.office(ck.sixEnd.AddDate(0, 0, -g.between(0, 20))), kind: hExplain})
		}
		if !agreed.IsZero() && g.chance(0.6) {
			on := later(agreed.AddDate(0, 0, -g.between(1, 7)), midnight(inv).AddDate(0, 0, 1))
			extend(g.office(on), midnight(respond).AddDate(0, 0, g.between(0, 20)))
		}
		return respond
	case agreed.IsZero():
		return g.office(midnight(inv).AddDate(0, 0, g.between(14, 60)))
	case x < 0.125:
		on := later(agreed.AddDate(0, 0, -g.between(1, 10)), midnight(inv).AddDate(0, 0, 1))
		by := agreed.AddDate(0, 0, g.between(14, 42))
		extend(g.office(on), by)
		if g.chance(0.15) {
			on = later(by.AddDate(0, 0, -g.between(1, 5)), on.AddDate(0, 0, 1))
			by = by.AddDate(0, 0, g.between(14, 28))
			extend(g.office(on), by)
		}
		if g.chance(0.15) {
			return g.office(by.AddDate(0, 0, g.between(1, 15)))
		}
		return g.office(later(by.AddDate(0, 0, -g.between(0, 10)), on.AddDate(0, 0, 1)))
	case x < 0.245:
		return g.office(agreed.AddDate(0, 0, g.between(1, 30)))
	}
	return g.office(later(agreed.AddDate(0, 0, -g.between(0, 12)), first))
}

// complaintOutcome draws the decision on a complaint that is answered.
func (g *Generator) complaintOutcome(ck *ckase) c.ComplaintOutcome {
	w := []float64{28, 37, 35}
	switch {
	case ck.serious || ck.group == groupIschaemic:
		w = []float64{45, 35, 20}
	case ck.group == groupDissatisfied:
		w = []float64{15, 35, 50}
	case ck.disclosed:
		w = []float64{55, 30, 15}
	}
	return []c.ComplaintOutcome{c.ComplaintOutcomeUpheld, c.ComplaintOutcomePartlyUpheld, c.ComplaintOutcomeNotUpheld}[weighted(g, 3, func(i int) float64 { return w[i] })]
}

// The bodies a complaint can go to.

func regulatorOf(b c.RegistrationBody) c.EscalationRoute {
	return map[c.RegistrationBody]c.EscalationRoute{
		c.RegistrationBodyGMC: c.EscalationRouteGMC, c.RegistrationBodyNMC: c.EscalationRouteNMC, c.RegistrationBodyGDC: c.EscalationRouteGDC,
		c.RegistrationBodyGPhC: c.EscalationRouteGPhC, c.RegistrationBodyPSNI: c.EscalationRoutePSNI, c.RegistrationBodyHCPC: c.EscalationRouteHCPC,
	}[b]
}

func inspectorateOf(j c.Jurisdiction) c.EscalationRoute {
	return map[c.Jurisdiction]c.EscalationRoute{
		c.JurisdictionEngland: c.EscalationRouteCQC, c.JurisdictionWales: c.EscalationRouteHIW,
		c.JurisdictionScotland: c.EscalationRouteHIS, c.JurisdictionNorthernIreland: c.EscalationRouteRQIA,
	}[j]
}

func ombudsmanOf(j c.Jurisdiction) c.EscalationRoute {
	return map[c.Jurisdiction]c.EscalationRoute{
		c.JurisdictionEngland: c.EscalationRoutePHSO, c.JurisdictionWales: c.EscalationRoutePSOW,
		c.JurisdictionScotland: c.EscalationRouteSPSO, c.JurisdictionNorthernIreland: c.EscalationRouteNIPSO,
	}[j]
}

// statusRoute reports whether going to the body moves the complaint's
// status to escalated: a register, a regulator, an ombudsman or the
// inspectorate take the complaint over. The MHRA, Trading Standards, the
// ASA, the police and the courts act alongside the complaint.
func statusRoute(r c.EscalationRoute) bool {
	switch r {
	case c.EscalationRouteMHRAYellowCard, c.EscalationRouteLocalAuthority, c.EscalationRouteASA, c.EscalationRoutePolice,
		c.EscalationRouteLegalClaim, c.EscalationRouteOther:
		return false
	}
	return true
}

// register picks the accredited register a complainant turns to: the
// practitioner's own if they have one, Save Face or JCCP otherwise.
func (g *Generator) register(ck *ckase) c.EscalationRoute {
	if p := ck.k.r.Practitioner; p != nil {
		for _, v := range p.VoluntaryRegisters {
			switch {
			case v == c.VoluntaryRegisterSaveFace && g.chance(0.7):
				return c.EscalationRouteSaveFace
			case v == c.VoluntaryRegisterJCCP && g.chance(0.7):
				return c.EscalationRouteJCCP
			}
		}
	}
	if g.chance(0.55) {
		return c.EscalationRouteSaveFace
	}
	return c.EscalationRouteJCCP
}

// pressRoute picks where an ignored complainant goes: a register, or the
// practitioner's regulator.
func (g *Generator) pressRoute(ck *ckase) c.EscalationRoute {
	if r := regulatorOf(ck.k.prac.body); r != "" && g.chance(0.25) {
		return r
	}
	return g.register(ck)
}

// afterRoute picks where a complainant unhappy with the answer goes.
func (g *Generator) afterRoute(ck *ckase) c.EscalationRoute {
	switch x := g.rng.Float64(); {
	case x < 0.35 && !ck.soleTrader && ck.nation != c.JurisdictionOther:
		return c.EscalationRouteISCAS
	case x < 0.4 && ombudsmanOf(ck.nation) != "":
		return ombudsmanOf(ck.nation)
	case x < 0.65:
		if r := regulatorOf(ck.k.prac.body); r != "" {
			return r
		}
	case x < 0.7 && inspectorateOf(ck.nation) != "":
		return inspectorateOf(ck.nation)
	}
	return g.register(ck)
}

// parallelEscalations draws the bodies a complaint goes to alongside its
// handling: the regulator when patient information went public, the body
// that passed the complaint on, the MHRA for a product problem, Trading
// Standards, the ASA, the police and the courts.
func (g *Generator) parallelEscalations(ck *ckase) []hstep {
	k, recv := ck.k, ck.recv
	var out []hstep
	after := func(lo, hi int) time.Time {
		n := g.between(lo, hi)
		if n <= 0 {
			return recv.Add(time.Duration(g.between(30, 300)) * time.Minute)
		}
		return midnight(recv).AddDate(0, 0, n).Add(g.daytime())
	}
	add := func(t time.Time, r c.EscalationRoute) { out = append(out, g.escalation(ck, t, r, statusRoute(r))) }
	if ck.x.Channel == c.ComplaintChannelRegisterOrRegulator {
		origin := g.register(ck)
		if r := regulatorOf(k.prac.body); r != "" && g.chance(0.2) {
			origin = r
		}
		t := midnight(recv).AddDate(0, 0, -g.between(1, 30)).Add(g.daytime())
		out = append(out, g.escalation(ck, t, origin, false))
	}
	if ck.disclosed && g.chance(0.75) {
		r := regulatorOf(k.prac.body)
		if r == "" {
			r = g.register(ck)
		}
		add(after(0, 20), r)
	}
	pYC := 0.04
	switch {
	case ck.serious:
		pYC = 0.45
	case ck.group == groupLumps || ck.group == groupInfection:
		pYC = 0.12
	}
	if p := k.r.Treatment.Products; len(p) > 0 && p[0].SuspectedCounterfeit != nil && *p[0].SuspectedCounterfeit {
		pYC = 0.6
	}
	if g.chance(pYC) {
		t := later(after(-15, 30), ck.aware.Add(time.Duration(g.between(60, 600))*time.Minute))
		out = append(out, g.escalation(ck, t, c.EscalationRouteMHRAYellowCard, false))
	}
	under18 := k.pat.age < 18 && k.proc.code.Regulated()
	pTS := 0.02
	switch {
	case under18:
		pTS = 0.3
	case !ck.healthcare:
		pTS = 0.1
	}
	if g.chance(pTS) {
		add(after(5, 60), c.EscalationRouteLocalAuthority)
	}
	if slices.Contains(ck.x.Categories, c.ComplaintCategoryAdvertising) && g.chance(0.6) {
		add(after(0, 30), c.EscalationRouteASA)
	}
	pPolice := 0.003
	if under18 {
		pPolice = 0.15
	}
	if g.chance(pPolice) {
		add(after(1, 30), c.EscalationRoutePolice)
	}
	pLegal := 0.012
	if ck.role == c.ComplainantRoleRepresentative {
		pLegal = 0.5
	}
	if g.chance(pLegal) {
		add(after(30, 200), c.EscalationRouteLegalClaim)
	}
	if r := inspectorateOf(ck.nation); r != "" && g.chance(0.03) {
		add(after(5, 60), r)
	}
	if g.chance(0.004) {
		add(after(5, 60), c.EscalationRouteOther)
	}
	return out
}

// escalation plans going to a body at t, with its reference some of the
// time.
func (g *Generator) escalation(ck *ckase, t time.Time, r c.EscalationRoute, status bool) hstep {
	e := c.Escalation{To: r, Date: c.DateOf(t, c.PrecisionDay)}
	if g.chance(0.12) {
		e.Date = c.DateOf(t, c.PrecisionMonth)
	}
	if g.chance(0.6) {
		e.Reference = g.escalationRef(ck, r, t.Year())
	}
	return hstep{at: t, kind: hEscalate, esc: e, status: status}
}

// escalationRef returns a made-up reference in the style of the body's.
// A Yellow Card goes to the medicines (ADR) or the devices (MDR) side by
// the product's class.
func (g *Generator) escalationRef(ck *ckase, r c.EscalationRoute, year int) string {
	y := itoa(year)
	switch r {
	case c.EscalationRouteJCCP:
		return "JCCP/" + y + "/" + g.pattern("####")
	case c.EscalationRouteSaveFace:
		return "SF" + g.pattern("#####")
	case c.EscalationRouteGMC:
		return "GMC-" + g.pattern("#######")
	case c.EscalationRouteNMC:
		return "NMC/" + y + "/" + g.pattern("#####")
	case c.EscalationRouteGDC:
		return "GDC-FTP-" + g.pattern("######")
	case c.EscalationRouteGPhC:
		return "GPHC/" + g.pattern("######")
	case c.EscalationRoutePSNI:
		return "PSNI-" + g.pattern("####")
	case c.EscalationRouteHCPC:
		return "FTP" + g.pattern("#####")
	case c.EscalationRouteISCAS:
		return "ISCAS-" + y + "-" + g.pattern("###")
	case c.EscalationRoutePHSO, c.EscalationRouteSPSO, c.EscalationRoutePSOW, c.EscalationRouteNIPSO:
		return strings.ToUpper(string(r)) + "-" + g.pattern("#######")
	case c.EscalationRouteMHRAYellowCard:
		if ck.k.prods[0].p.class == c.ProductClassMedicine {
			return "GB-MHRA-ADR " + g.pattern("########")
		}
		return "GB-MHRA-MDR " + g.pattern("########")
	case c.EscalationRouteCQC, c.EscalationRouteHIW, c.EscalationRouteHIS, c.EscalationRouteRQIA:
		return "ENQ-" + g.pattern("##########")
	case c.EscalationRouteLocalAuthority:
		return "TS/" + y + "/" + g.pattern("#####")
	case c.EscalationRouteASA:
		return "A" + y[2:] + "-" + g.pattern("######")
	case c.EscalationRoutePolice:
		return "CR/" + g.pattern("######") + "/" + y[2:]
	case c.EscalationRouteLegalClaim:
		return "CLM-" + g.pattern("######")
	}
	return "REF-" + g.pattern("######")
}

// record walks the planned steps in time order and records those that
// happened before today. Each status change is one the handling allows
// from the status the complaint is in; a step that would need a change it
// does not allow records its date and leaves the status alone.
func (g *Generator) record(ck *ckase, steps []hstep) {
	x := ck.x
	status := c.ComplaintStatusReceived
	x.StatusHistory = []c.StatusChange{{Status: status, At: x.ReceivedAt}}
	move := func(t time.Time, s c.ComplaintStatus) {
		x.StatusHistory = append(x.StatusHistory, c.StatusChange{Status: s, At: ukTime(t)})
		status = s
	}
	var closedAt time.Time
	responded := false
	for _, s := range steps {
		if !s.at.Before(g.today) {
			break
		}
		t := s.at
		switch s.kind {
		case hAck:
			x.AcknowledgedAt = ukTime(t)
			if !ck.agreed.IsZero() {
				x.AgreedResponseBy = c.DateOf(ck.agreed, c.PrecisionDay)
			}
			switch ck.decision {
			case acceptedWithReason:
				x.OutOfTimeAccepted = ptr(true)
				reasons := []c.OutOfTimeReason{c.OutOfTimeReasonAwaitingTreatmentOutcome, c.OutOfTimeReasonDistressOrTrauma,
					c.OutOfTimeReasonIllnessOrDisability, c.OutOfTimeReasonCommunicationDifficulty, c.OutOfTimeReasonBereavement, c.OutOfTimeReasonOther}
				x.OutOfTimeReason = reasons[weighted(g, len(reasons), func(i int) float64 { return []float64{40, 25, 15, 10, 3, 7}[i] })]
			case acceptedNoReason:
				x.OutOfTimeAccepted = ptr(true)
			case notConsidered:
				x.OutOfTimeAccepted = ptr(false)
			}
			if status == c.ComplaintStatusReceived {
				move(t, c.ComplaintStatusAcknowledged)
			}
		case hDiscuss:
			x.DiscussionOfferedAt = ukTime(t)
		case hInvestigate:
			switch status {
			case c.ComplaintStatusAcknowledged, c.ComplaintStatusReopened, c.ComplaintStatusEscalated:
				move(t, c.ComplaintStatusInvestigating)
			}
		case hExtend:
			x.Extensions = append(x.Extensions, s.ext)
		case hExplain:
			x.DelayExplainedAt = ukTime(t)
		case hRespond:
			switch status {
			case c.ComplaintStatusAcknowledged, c.ComplaintStatusReopened:
				move(t, c.ComplaintStatusInvestigating)
				move(t, c.ComplaintStatusResponded)
			case c.ComplaintStatusInvestigating, c.ComplaintStatusEscalated:
				move(t, c.ComplaintStatusResponded)
			default:
				continue
			}
			if !responded {
				responded = true
				x.ResponseSentAt = ukTime(t)
				g.decide(ck)
			}
		case hClose:
			if status == c.ComplaintStatusResponded || status == c.ComplaintStatusEscalated {
				if !responded {
					// Closed once the body it went to took it over.
					x.EscalationRouteGiven = ptr(g.chance(0.7))
				}
				move(t, c.ComplaintStatusClosed)
				closedAt = t
			}
		case hCloseEarly:
			if status != c.ComplaintStatusClosed {
				x.Outcome = ck.early
				if ck.early == c.ComplaintOutcomeOutOfTime && g.chance(0.85) {
					x.EscalationRouteGiven = ptr(true)
				}
				move(t, c.ComplaintStatusClosed)
				closedAt = t
			}
		case hReopen:
			if status == c.ComplaintStatusResponded || status == c.ComplaintStatusClosed {
				move(t, c.ComplaintStatusReopened)
			}
		case hEscalate:
			x.Escalations = append(x.Escalations, s.esc)
			if s.status && t.After(ck.recv) && status != c.ComplaintStatusClosed {
				move(t, c.ComplaintStatusEscalated)
			}
		}
	}
	if status == c.ComplaintStatusClosed {
		x.ClosedAt = ukTime(closedAt)
	}
}

// decide records the outcome of an answered complaint: the decision, the
// apology, what was done to put things right, and whether the complainant
// was told where to go next.
func (g *Generator) decide(ck *ckase) {
	x := ck.x
	x.Outcome = ck.outcome
	pApology := map[c.ComplaintOutcome]float64{c.ComplaintOutcomeUpheld: 0.9, c.ComplaintOutcomePartlyUpheld: 0.7, c.ComplaintOutcomeNotUpheld: 0.2}[ck.outcome]
	if g.chance(0.9) {
		x.ApologyGiven = ptr(g.chance(pApology))
	}
	var acts []c.RemedialAction
	act := func(p float64, a c.RemedialAction) {
		if !slices.Contains(acts, a) && g.chance(p) {
			acts = append(acts, a)
		}
	}
	sought := func(r c.Remedy) bool { return slices.Contains(x.RemedySought, r) }
	switch ck.outcome {
	case c.ComplaintOutcomeUpheld, c.ComplaintOutcomePartlyUpheld:
		if sought(c.RemedyRefund) {
			act(0.6, c.RemedialActionRefund)
		}
		if sought(c.RemedyCorrectiveTreatment) {
			act(0.6, c.RemedialActionCorrectiveTreatment)
		}
		if ck.serious || ck.group == groupIschaemic || ck.group == groupLumps {
			act(0.35, c.RemedialActionReferral)
		}
		if ck.public && sought(c.RemedyContentRemoval) {
			act(0.7, c.RemedialActionContentRemoved)
		}
		act(0.3, c.RemedialActionPracticeChange)
		act(0.2, c.RemedialActionTraining)
		act(0.08, c.RemedialActionSupervision)
		act(0.03, c.RemedialActionOther)
	default:
		act(0.15, c.RemedialActionPracticeChange)
	}
	x.RemedialActions = acts
	switch p := g.rng.Float64(); {
	case p < 0.85:
		x.EscalationRouteGiven = ptr(true)
	case p < 0.91:
		x.EscalationRouteGiven = ptr(false)
	}
	pLearn := 0.55
	if ck.outcome == c.ComplaintOutcomeNotUpheld {
		pLearn = 0.25
	}
	if g.chance(pLearn) {
		x.LearningPoints = g.learningPoints(ck)
	}
}

// assessment records the initial assessment: a significant health or
// safety concern for serious, ischaemic, infective and late inflammatory
// complications, and the urgency that follows.
func (g *Generator) assessment(ck *ckase) {
	x := ck.x
	hs := ck.serious
	switch ck.group {
	case groupIschaemic, groupInfection:
		hs = true
	case groupLumps:
		hs = hs || ck.ev.term == c.TermNoduleInflammatory || ck.ev.term == c.TermGranuloma
	}
	if g.chance(0.85) {
		x.HealthAndSafety = ptr(hs)
	}
	if g.chance(0.8) {
		switch {
		case ck.serious || ck.group == groupIschaemic:
			x.Urgency = c.UrgencyImmediate
		case hs || slices.Contains(x.Categories, c.ComplaintCategoryComplication) && g.chance(0.5):
			x.Urgency = c.UrgencyPriority
		default:
			x.Urgency = c.UrgencyRoutine
		}
	}
	if ck.public || ck.blocked || ck.silent || g.chance(0.85) {
		pc := &c.PractitionerConduct{}
		switch {
		case ck.public:
			if !ck.blocked && g.chance(0.25) {
				pc.ResponseChannels = append(pc.ResponseChannels, c.ResponseChannelPrivate)
			}
			pc.ResponseChannels = append(pc.ResponseChannels, pick(g, []c.ResponseChannel{c.ResponseChannelPublicComment, c.ResponseChannelPublicComment, c.ResponseChannelPublicPost}))
			pc.Platforms = slices.Clone(ck.platforms)
			pc.PatientInformationDisclosed = ptr(ck.disclosed)
			if !ck.disclosed && g.chance(0.3) {
				pc.PatientInformationDisclosed = nil
			}
		case ck.silent:
			pc.ResponseChannels = []c.ResponseChannel{c.ResponseChannelNone}
		case !ck.blocked:
			pc.ResponseChannels = []c.ResponseChannel{c.ResponseChannelPrivate}
		}
		if ck.blocked {
			pc.ResponseChannels = append(pc.ResponseChannels, c.ResponseChannelBlockedOrIgnored)
		}
		x.Conduct = pc
	}
}

// complaintBlocks copies the practitioner and setting blocks of the
// episode's report: the complaint is about the same practitioner and
// premises.
func (g *Generator) complaintBlocks(ck *ckase) {
	r := ck.k.r
	if p := r.Practitioner; p != nil && g.chance(0.9) {
		cp := *p
		cp.VoluntaryRegisters = slices.Clone(p.VoluntaryRegisters)
		cp.Missing = maps.Clone(p.Missing)
		if p.Prescriber != nil {
			pr := *p.Prescriber
			pr.Missing = maps.Clone(p.Prescriber.Missing)
			cp.Prescriber = &pr
		}
		ck.x.Practitioner = &cp
	}
	if s := r.Setting; s != nil && g.chance(0.9) {
		cs := *s
		cs.Missing = maps.Clone(s.Missing)
		if s.CQCRegistered != nil {
			cs.CQCRegistered = ptr(*s.CQCRegistered)
		}
		if s.PremisesLicensed != nil {
			cs.PremisesLicensed = ptr(*s.PremisesLicensed)
		}
		ck.x.Setting = &cs
	}
}
