package synth

import (
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	c "github.com/openaesthetics/casebook/complication"
)

const day = 24 * time.Hour

// kase is one generated case: the report and the hidden truth it was
// written from (exact times, the area phrase, the tool), which the free
// text and the faults draw on.
type kase struct {
	r         *c.Report
	proc      *procedure
	area      *area
	areaText  string // phrase for every treated area
	prods     []prodUse
	tool      string
	tod       time.Duration // treatment time of day
	t0        time.Time     // treatment instant (local clock, UTC convention)
	treatPrec c.Precision
	evs       []*evCtx
	rOff      time.Duration // offset of the report's last update from t0
	created   time.Duration // offset of created_at from t0

	jur      c.Jurisdiction
	abroad   int // index into abroad, or -1
	pat      *person
	patFull  person // the patient before identity cleared what the report does not hold
	prac     *practitioner
	presc    *practitioner // separate prescriber, or nil
	other    *practitioner // reporter who is another practitioner, or nil
	relative *person       // reporter who is a relative, or nil
	cl       *clinic
	refs     []c.Notification // notifications that carry a reference
	mention  bool             // the free text mentions the patient's own identifiers
}

type prodUse struct {
	p    *product
	dose float64
}

// evCtx is one event and its hidden timeline; offsets are from the
// treatment instant.
type evCtx struct {
	term       c.Term
	prof       *profile
	onset      time.Duration
	detect     time.Duration
	resolve    time.Duration
	mins       int    // minutes after injection, for immediate events
	parent     *evCtx // the event this one follows from, such as necrosis after occlusion
	persist    bool
	sitePhrase string
	mg         []mgUse
	e          c.Event
}

type mgUse struct {
	m       *mgmt
	at      time.Duration
	dose    float64
	product string
}

// forcing constrains the case a fault needs.
type forcing struct {
	proc c.Procedure
	term c.Term
}

func (g *Generator) build(f Fault) *kase {
	fc := forcingFor(f)
	k := &kase{r: &c.Report{}, abroad: -1}

	// What was done.
	pi := weighted(g, len(procedures), func(i int) float64 { return procedures[i].w })
	if fc.proc != "" {
		pi = slices.IndexFunc(procedures, func(p procedure) bool { return p.code == fc.proc })
	}
	k.proc = &procedures[pi]
	ai := weighted(g, len(k.proc.areas), func(i int) float64 { return k.proc.areas[i].w })
	k.area = &k.proc.areas[ai]
	k.areaText = k.area.phrase
	k.tool = pick(g, k.area.tools)
	g.products(k)
	k.tod = 9*time.Hour + time.Duration(15*g.between(0, 40)+g.between(0, 20))*time.Minute

	// What went wrong, and when.
	primary := fc.term
	if primary == "" {
		primary = g.pickTerm(k)
	}
	g.addEvent(k, primary, true)
	for _, fl := range profiles[primary].follow {
		if len(k.evs) < 3 && g.chance(fl.p) {
			g.addEvent(k, fl.term, false)
			k.evs[len(k.evs)-1].parent = k.evs[0]
		}
	}
	if len(k.evs) < 3 && g.chance(0.12) {
		if t := g.pickTerm(k); !k.hasTerm(t) {
			g.addEvent(k, t, false)
		}
	}
	g.reportTime(k)

	// When: anchor the timeline so that the last update falls before today.
	span := int((k.tod+k.rOff)/day) + 1
	start := g.today.AddDate(0, 0, -(span + 1 + g.between(0, 1000)))
	k.t0 = start.Add(k.tod)
	k.treatPrec = c.PrecisionDay
	if k.hasImmediate() || g.chance(0.08) {
		k.treatPrec = c.PrecisionMinute
	}

	g.people(k)
	if !k.hasImmediate() && (k.r.Reporter.Role == c.ReporterRolePatient || k.r.Reporter.Role == c.ReporterRoleRelative) && g.chance(0.12) {
		k.treatPrec = c.PrecisionMonth
	}
	g.report(k)
	g.patient(k)
	g.treatment(k)
	for _, ev := range k.evs {
		g.event(k, ev)
		k.r.Events = append(k.r.Events, ev.e)
	}
	g.notifications(k)
	g.identity(k)
	g.freeText(k)
	return k
}

// at returns the offset from the treatment instant of clock time tod on
// day d (day 0 is the treatment day).
func (k *kase) at(d int, tod time.Duration) time.Duration {
	return time.Duration(d)*day + tod - k.tod
}

// dayOf returns the day number of an offset.
func (k *kase) dayOf(off time.Duration) int { return int((k.tod + off) / day) }

func (k *kase) abs(off time.Duration) time.Time { return k.t0.Add(off) }

// date returns the partial date of an offset at precision p.
func (k *kase) date(off time.Duration, p c.Precision) c.PartialDate {
	return c.DateOf(k.abs(off), p)
}

func (k *kase) hasImmediate() bool {
	return slices.ContainsFunc(k.evs, func(e *evCtx) bool { return e.prof.immediate })
}

func (k *kase) hasTerm(t c.Term) bool {
	return slices.ContainsFunc(k.evs, func(e *evCtx) bool { return e.term == t })
}

// daytime returns a clock time in clinic hours.
func (g *Generator) daytime() time.Duration {
	return 9*time.Hour + time.Duration(g.between(0, 9*60))*time.Minute
}

func (g *Generator) products(k *kase) {
	a := k.area
	p := pick(g, a.products)
	use := prodUse{p: p}
	if len(a.dose) > 0 {
		use.dose = pick(g, a.dose)
		if p.factor > 0 {
			use.dose = float64(int(use.dose*p.factor + 0.5))
		}
	}
	k.prods = append(k.prods, use)
	// A second filler area treated in the same session.
	if k.proc.code == c.ProcedureDermalFiller && g.chance(0.08) {
		i := weighted(g, len(k.proc.areas), func(i int) float64 {
			if strings.Contains(k.proc.areas[i].tags, "lips") || &k.proc.areas[i] == a {
				return 0
			}
			return k.proc.areas[i].w
		})
		b := &k.proc.areas[i]
		k.prods = append(k.prods, prodUse{p: pick(g, b.products), dose: pick(g, b.dose)})
		k.areaText += " and " + b.phrase
		k.r.Treatment.Sites = append(k.r.Treatment.Sites, b.sites...)
	}
}

// pickTerm draws a complication that fits the case's procedure and area.
func (g *Generator) pickTerm(k *kase) c.Term {
	rules := k.proc.terms
	i := weighted(g, len(rules), func(i int) float64 {
		r := rules[i]
		if r.needs != "" && !anyTag(k.area.tags, r.needs) {
			return 0
		}
		w := r.w
		if r.term.Ischaemic() {
			w *= k.area.risk
		}
		return w
	})
	return rules[i].term
}

func anyTag(have, want string) bool {
	for t := range strings.FieldsSeq(want) {
		for h := range strings.FieldsSeq(have) {
			if h == t {
				return true
			}
		}
	}
	return false
}

// addEvent draws an event's hidden timeline.
func (g *Generator) addEvent(k *kase, t c.Term, primary bool) {
	p := profiles[t]
	ev := &evCtx{term: t, prof: p}
	if p.immediate {
		ev.mins = g.between(2, 40)
		ev.onset = time.Duration(ev.mins) * time.Minute
		ev.detect = ev.onset + time.Duration(g.between(0, 5))*time.Minute
	} else {
		d := g.between(p.onset[0], p.onset[1])
		if d == 0 {
			ev.onset = time.Duration(g.between(30, max(30, int((22*time.Hour-k.tod)/time.Minute)))) * time.Minute
		} else {
			ev.onset = k.at(d, 8*time.Hour+time.Duration(g.between(0, 14*60))*time.Minute)
		}
		dd := g.between(p.detect[0], p.detect[1])
		od := k.dayOf(ev.onset)
		if dd == 0 {
			end := k.at(od, 23*time.Hour+59*time.Minute)
			ev.detect = min(ev.onset+time.Duration(g.between(0, 180))*time.Minute, end)
		} else {
			ev.detect = k.at(od+dd, g.daytime())
		}
	}
	ev.resolve = k.at(k.dayOf(ev.onset)+g.between(p.lasts[0], p.lasts[1]), g.daytime())
	ev.resolve = max(ev.resolve, ev.detect+time.Hour)
	ev.persist = g.chance(p.persist)
	if !primary && t.ExpectedSerious() {
		ev.persist = false
	}
	k.evs = append(k.evs, ev)
}

// reportTime decides when the report was last updated, and so what is
// known about each event: a report written while the primary event is still
// settling, or after it resolved.
func (g *Generator) reportTime(k *kase) {
	ev := k.evs[0]
	dd, rd := k.dayOf(ev.detect), k.dayOf(ev.resolve)
	var rday int
	switch {
	case ev.persist:
		rday = dd + g.between(7, 120)
	case g.chance(0.62):
		rday = rd + g.between(0, 21)
	default:
		rday = dd + g.between(0, max(1, (rd-dd)/2))
	}
	earliest := ev.detect + time.Duration(g.between(20, 90))*time.Minute
	if ev.prof.immediate {
		// An emergency is written up once it has been managed.
		earliest = ev.detect + time.Duration(g.between(6*60, 10*60))*time.Minute
	}
	k.rOff = k.at(rday, g.daytime())
	for k.rOff < earliest {
		rday++
		k.rOff = k.at(rday, g.daytime())
	}
	// Later events that had not begun, or not been seen, are not in it.
	k.evs = slices.DeleteFunc(k.evs, func(e *evCtx) bool { return e != ev && e.detect > k.rOff })
	cday := dd + g.between(0, 5)
	k.created = k.at(cday, g.daytime())
	for k.created < ev.detect+30*time.Minute {
		cday++
		k.created = k.at(cday, g.daytime())
	}
	k.created = min(k.created, k.rOff)
}

// ukTime turns a UK clock time (held in UTC by convention) into the instant
// it names, with the offset British Summer Time gives it from the last
// Sunday in March to the last Sunday in October. Generated clock times are
// in clinic hours, far from the changeover at 01:00.
func ukTime(local time.Time) time.Time {
	lastSunday := func(m time.Month) time.Time {
		t := time.Date(local.Year(), m+1, 0, 1, 0, 0, 0, time.UTC)
		return t.AddDate(0, 0, -int(t.Weekday()))
	}
	if local.Before(lastSunday(time.March)) || !local.Before(lastSunday(time.October)) {
		return local // GMT: the clock reads UTC
	}
	return time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, time.FixedZone("BST", 3600))
}

func (g *Generator) report(k *kase) {
	r := k.r
	r.ID = g.uuid()
	switch x := g.rng.Float64(); {
	case x < 0.86:
		r.Type = c.ReportTypeInitial
	case x < 0.95:
		r.Type = c.ReportTypeFollowUp
		r.FollowsUp = g.uuid()
	default:
		r.Type = c.ReportTypeFinal
		r.FollowsUp = g.uuid()
	}
	sec := time.Duration(g.between(0, 59)) * time.Second
	r.Created = ukTime(k.abs(k.created).Add(sec))
	if k.rOff > k.created || g.chance(0.7) {
		r.Updated = ukTime(k.abs(k.rOff).Add(sec))
	}
	r.Jurisdiction = k.jur
	if g.chance(0.08) {
		r.ComplaintIDs = []uuid.UUID{g.uuid()}
		if g.chance(0.1) {
			r.ComplaintIDs = append(r.ComplaintIDs, g.uuid())
		}
	}
	cons := &c.Consent{}
	switch x := g.rng.Float64(); {
	case x < 0.92:
		cons.RegistrySubmission = ptr(true)
	case x < 0.95:
		cons.RegistrySubmission = ptr(false)
	}
	if g.chance(0.8) {
		cons.ContactForFollowUp = ptr(g.chance(0.9))
	}
	if g.chance(0.7) {
		cons.ShareWithManufacturer = ptr(g.chance(0.75))
	}
	if g.chance(0.6) {
		cons.NationalDataOptOut = ptr(g.chance(0.04))
	}
	if g.chance(0.93) {
		r.Consent = cons
	}
}

func (g *Generator) patient(k *kase) {
	p := &k.r.Patient
	pat := k.pat
	if g.chance(0.85) {
		p.AgeAtTreatment = ptr(pat.age)
	}
	p.Sex = pat.sex
	if g.chance(0.03) {
		p.Sex = ""
	}
	fitz := []c.Fitzpatrick{c.FitzpatrickI, c.FitzpatrickII, c.FitzpatrickIII, c.FitzpatrickIV, c.FitzpatrickV, c.FitzpatrickVI}
	fw := []float64{5, 30, 30, 15, 12, 8}
	if k.hasTerm(c.TermHyperpigmentation) || k.hasTerm(c.TermHypopigmentation) {
		fw = []float64{1, 5, 15, 30, 30, 19}
	}
	switch x := g.rng.Float64(); {
	case x < 0.82:
		p.Fitzpatrick = fitz[weighted(g, 6, func(i int) float64 { return fw[i] })]
	case x < 0.88:
		p.Missing = setMissing(p.Missing, "fitzpatrick", c.MissingReasonNotKnown)
	}
	if g.chance(0.2) {
		w := 52 + g.between(0, 45)
		if pat.sex == c.SexMale {
			w += 12
		}
		p.WeightKg = ptr(float64(w) + float64(g.between(0, 9))/10)
	} else if g.chance(0.15) {
		p.Missing = setMissing(p.Missing, "weight_kg", c.MissingReasonNotAsked)
	}
	p.History = g.history(k)
	switch {
	case pat.sex == c.SexFemale && pat.age >= 16 && pat.age <= 48:
		switch x := g.rng.Float64(); {
		case x < 0.84:
			p.Pregnancy = c.PregnancyNotPregnant
		case x < 0.846:
			p.Pregnancy = c.PregnancyBreastfeeding
		case x < 0.848:
			p.Pregnancy = c.PregnancyPregnant
		}
	case pat.sex == c.SexMale && g.chance(0.4):
		p.Pregnancy = c.PregnancyNotApplicable
	case pat.sex == c.SexFemale && g.chance(0.5):
		p.Pregnancy = c.PregnancyNotApplicable
	}
}

func setMissing(m c.Missing, key string, why c.MissingReason) c.Missing {
	if m == nil {
		m = c.Missing{}
	}
	m[key] = why
	return m
}

func (g *Generator) history(k *kase) []c.RiskFactor {
	var h []c.RiskFactor
	add := func(p float64, f c.RiskFactor) {
		if g.chance(p) && !slices.Contains(h, f) {
			h = append(h, f)
		}
	}
	if k.hasTerm(c.TermHSVReactivation) {
		add(0.7, c.RiskFactorHSV)
	}
	add(0.06, c.RiskFactorHSV)
	switch k.proc.code {
	case c.ProcedureDermalFiller:
		add(0.35, c.RiskFactorPreviousFiller)
		add(0.01, c.RiskFactorPreviousPermanentFiller)
	case c.ProcedureBotulinumToxin:
		add(0.45, c.RiskFactorPreviousToxin)
		add(0.005, c.RiskFactorNeuromuscularDisorder)
	case c.ProcedureChemicalPeel, c.ProcedureLaserIPL:
		add(0.02, c.RiskFactorIsotretinoin)
		add(0.03, c.RiskFactorKeloidTendency)
	}
	if k.hasTerm(c.TermBruising) || k.hasTerm(c.TermHaematoma) {
		add(0.2, c.RiskFactorAntiplatelet)
	}
	if k.hasTerm(c.TermNoduleInflammatory) || k.hasTerm(c.TermBiofilm) {
		add(0.2, c.RiskFactorRecentVaccination)
		add(0.1, c.RiskFactorRecentDentalTreatment)
		add(0.05, c.RiskFactorAutoimmuneDisease)
	}
	add(0.1, c.RiskFactorAllergy)
	add(0.12, c.RiskFactorSmoking)
	add(0.02, c.RiskFactorDiabetes)
	add(0.01, c.RiskFactorAnticoagulant)
	return h
}

func (g *Generator) treatment(k *kase) {
	t := &k.r.Treatment
	t.Date = k.date(0, k.treatPrec)
	t.Procedure = k.proc.code
	extra := t.Sites // sites of a second filler area
	switch x := g.rng.Float64(); {
	case x < 0.975:
		t.Sites = append(slices.Clone(k.area.sites), extra...)
	case x < 0.993:
		t.Sites = nil
		t.Missing = setMissing(t.Missing, "sites", c.MissingReasonNotKnown)
	default:
		t.Sites = nil // a realistic gap: missing_unexplained
	}
	if g.chance(0.9) {
		t.Technique = k.area.tech
	}
	if k.area.depth != "" && g.chance(0.75) {
		t.Depth = k.area.depth
	}
	switch x := g.rng.Float64(); {
	case x < 0.2:
		t.PriorTreatmentElsewhere = ptr(true)
	case x < 0.7:
		t.PriorTreatmentElsewhere = ptr(false)
	}
	serious := slices.ContainsFunc(k.evs, func(e *evCtx) bool { return e.prof.serious >= 1 })
	for i, u := range k.prods {
		t.Products = append(t.Products, g.product(k, u, i == 0, serious))
	}
}

func (g *Generator) product(k *kase, u prodUse, first, serious bool) c.Product {
	p := u.p
	out := c.Product{Name: p.name, Class: p.class}
	if g.chance(0.95) {
		out.Manufacturer = p.maker
	}
	if p.substance != "" && g.chance(0.85) {
		out.Substance = p.substance
	}
	isDevice := p.class == c.ProductClassDevice || p.class == c.ProductClassAnnexXVIDevice
	switch x := g.rng.Float64(); {
	case x < 0.93:
		out.Lot = g.pattern(p.lot)
	case x < 0.985 || !isDevice:
		out.Missing = setMissing(out.Missing, "lot", pick(g, []c.MissingReason{c.MissingReasonNotKnown, c.MissingReasonNotKnown, c.MissingReasonNotAsked}))
	default:
		// A device without its lot and no reason given: device_without_lot.
	}
	if p.shelf[1] > 0 && g.chance(0.85) {
		months := g.between(p.shelf[0], p.shelf[1])
		if g.chance(0.006) {
			months = -g.between(1, 4) // used after expiry: product_expired
		}
		exp := k.t0.AddDate(0, months, 0)
		if g.chance(0.8) {
			out.Expiry = c.DateOf(exp, c.PrecisionMonth)
		} else {
			last := time.Date(exp.Year(), exp.Month()+1, 0, 0, 0, 0, 0, time.UTC)
			out.Expiry = c.DateOf(last, c.PrecisionDay)
		}
	}
	if isDevice && p.unit != "" && g.chance(0.15) {
		out.UDI = g.udi(out.Lot, out.Expiry)
	}
	if g.chance(0.4) {
		out.Supplier = pick(g, suppliers)
	}
	if p.unit != "" {
		switch {
		case p.class == c.ProductClassMedicine && g.chance(0.01):
			// A medicine with no dose recorded: medicine_without_dose.
		case p.class != c.ProductClassMedicine && g.chance(0.05):
			out.Missing = setMissing(out.Missing, "dose", c.MissingReasonNotKnown)
		default:
			out.Dose = ptr(u.dose)
			out.DoseUnit = p.unit
		}
	}
	if p.route != "" && g.chance(0.8) {
		out.Route = p.route
	}
	switch x := g.rng.Float64(); {
	case x < 0.01:
		out.SuspectedCounterfeit = ptr(true)
		out.Supplier = "Social media seller"
	case x < 0.35:
		out.SuspectedCounterfeit = ptr(false)
	}
	if first && (serious || g.chance(0.15)) && p.class != c.ProductClassUnknown && p.unit != "" {
		out.Retained = ptr(g.chance(0.7))
		if *out.Retained {
			out.RetainedBy = pick(g, []c.RetainedBy{c.RetainedByClinic, c.RetainedByClinic, c.RetainedByManufacturer, c.RetainedByPatient})
		}
	}
	return out
}

// pattern fills a lot format: '#' a digit, '@' a capital letter.
func (g *Generator) pattern(f string) string {
	b := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '#':
			b = append(b, byte('0'+g.intn(10)))
		case '@':
			b = append(b, byte('A'+g.intn(26)))
		default:
			b = append(b, f[i])
		}
	}
	return string(b)
}

// udi builds a GS1 UDI in human-readable form: a GTIN-14 with a valid check
// digit under an invented company prefix, the expiry and the lot.
func (g *Generator) udi(lot string, exp c.PartialDate) string {
	digits := []byte("0" + "37" + g.pattern("##########"))
	sum := 0
	for i, d := range digits {
		w := 1
		if i%2 == 0 {
			w = 3
		}
		sum += int(d-'0') * w
	}
	digits = append(digits, byte('0'+(10-sum%10)%10))
	s := "(01)" + string(digits)
	if exp.Precision() >= c.PrecisionMonth {
		s += "(17)" + exp.String()[2:4] + exp.String()[5:7]
		if exp.Precision() >= c.PrecisionDay {
			s += exp.String()[8:10]
		} else {
			s += "00"
		}
	}
	if lot != "" {
		s += "(10)" + lot
	}
	return s
}
