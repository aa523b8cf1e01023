package synth

import (
	"cmp"
	"slices"
	"strings"
	"time"

	c "github.com/openaesthetics/casebook/complication"
)

// siteName is how notes name a site: singular, and plural for both sides.
var siteName = map[c.Site][2]string{
	c.SiteForehead:        {"forehead", "forehead"},
	c.SiteGlabella:        {"glabella", "glabella"},
	c.SiteCrowsFeet:       {"crow's feet", "crow's feet"},
	c.SiteBrow:            {"brow", "brows"},
	c.SiteTemple:          {"temple", "temples"},
	c.SitePeriorbital:     {"eye", "eyes"},
	c.SiteTearTrough:      {"tear trough", "tear troughs"},
	c.SiteCheek:           {"cheek", "cheeks"},
	c.SiteNose:            {"nose", "nose"},
	c.SiteNasolabialFold:  {"nasolabial fold", "nasolabial folds"},
	c.SiteUpperLip:        {"upper lip", "upper lip"},
	c.SiteLowerLip:        {"lower lip", "lower lip"},
	c.SiteLipBorder:       {"vermilion border", "vermilion border"},
	c.SitePhiltrum:        {"philtrum", "philtrum"},
	c.SitePerioral:        {"lip", "lips"},
	c.SiteOralCommissure:  {"oral commissure", "oral commissures"},
	c.SiteMarionetteLines: {"marionette line", "marionette lines"},
	c.SiteChin:            {"chin", "chin"},
	c.SiteJawline:         {"jawline", "jawline"},
	c.SiteMasseter:        {"masseter", "masseters"},
	c.SiteSubmental:       {"submental area", "submental area"},
	c.SiteNeck:            {"neck", "neck"},
	c.SiteDecolletage:     {"décolletage", "décolletage"},
	c.SiteHands:           {"hand", "hands"},
	c.SiteScalp:           {"scalp", "scalp"},
	c.SiteAxilla:          {"axilla", "axillae"},
	c.SiteBody:            {"treated area", "treated areas"},
}

func sitePhrase(s c.SiteSide, t c.Term) string {
	n := siteName[s.Site]
	if s.Site == c.SitePeriorbital {
		switch t {
		case c.TermEyelidPtosis:
			n = [2]string{"upper eyelid", "upper eyelids"}
		case c.TermEctropion:
			n = [2]string{"lower eyelid", "lower eyelids"}
		}
	}
	switch s.Side {
	case c.SideLeft:
		return "left " + n[0]
	case c.SideRight:
		return "right " + n[0]
	case c.SideBilateral:
		return n[1]
	}
	return n[0]
}

// fits reports whether a management suits the case: hyaluronidase only
// dissolves hyaluronic acid, and a top-up is of the toxin given.
func (k *kase) fits(m *mgmt) bool {
	switch {
	case m.action == c.ActionHyaluronidase:
		return strings.Contains(k.prods[0].p.substance, "hyaluronic")
	case m.product == "$toxin":
		return k.proc.code == c.ProcedureBotulinumToxin
	}
	return true
}

func (g *Generator) event(k *kase, ev *evCtx) {
	p := ev.prof
	e := &ev.e
	e.ID = g.uuid()
	e.Term = ev.term
	g.eventSite(k, ev)
	primary := ev == k.evs[0]

	// Dates.
	if p.immediate {
		e.Onset = k.date(ev.onset, c.PrecisionMinute)
		if g.chance(0.6) {
			e.Detected = k.date(ev.detect, c.PrecisionMinute)
		}
	} else {
		prec := c.PrecisionDay
		switch {
		case g.chance(p.monthOnly):
			prec = c.PrecisionMonth
		case g.chance(0.04):
			prec = c.PrecisionMinute
		}
		e.Onset = k.date(ev.onset, prec)
		if !primary && g.chance(0.03) {
			e.Onset = c.PartialDate{}
			e.Missing = setMissing(e.Missing, "onset", c.MissingReasonNotKnown)
		}
		if k.dayOf(ev.detect) > k.dayOf(ev.onset) && g.chance(0.75) || e.Onset.IsZero() || g.chance(0.2) {
			e.Detected = k.date(ev.detect, c.PrecisionDay)
		}
	}

	// Seriousness, severity and harm: four separate axes, kept consistent.
	sev := weighted(g, 3, func(i int) float64 { return p.sev[i] })
	serious := g.chance(p.serious)
	var crit []c.Seriousness
	if serious {
		crit = append(crit, p.criteria[0])
		for _, x := range p.criteria[1:] {
			if len(crit) < 2 && g.chance(0.3) {
				crit = append(crit, x)
			}
		}
		sev = max(sev, 1)
	}
	grade := sev + 1
	if containsS(crit, c.SeriousnessLifeThreatening) {
		sev, grade = 2, 4
	}
	switch {
	case serious:
		e.Seriousness = crit
	case g.chance(0.95):
		e.Seriousness = []c.Seriousness{c.SeriousnessNotSerious}
	}
	severities := []c.Severity{c.SeverityMild, c.SeverityModerate, c.SeveritySevere}
	if g.chance(0.93) {
		e.Severity = severities[sev]
	}
	if g.chance(0.55) {
		e.CTCAEGrade = grade
		if e.Severity != "" && grade <= 3 && g.chance(0.004) {
			e.CTCAEGrade = 1 + (grade % 3) // a realistic slip: severity_grade_mismatch
		}
	}
	harm := []c.Harm{c.HarmNone, c.HarmLow, c.HarmModerate, c.HarmSevere}
	var h int
	switch sev {
	case 0:
		h = 0
		if g.chance(0.65) {
			h = 1
		}
	case 1:
		h = 1
		if g.chance(0.2) {
			h = 2
		}
	default:
		h = 2
		if g.chance(0.45) {
			h = 3
		}
	}
	if serious {
		h = max(h, 2)
	}
	if g.chance(0.85) {
		e.Harm = harm[h]
	}
	if p.psych {
		switch x := g.rng.Float64(); {
		case x < 0.4:
			e.PsychologicalHarm = c.HarmLow
		case x < 0.55:
			e.PsychologicalHarm = c.HarmModerate
			if g.chance(0.4) {
				e.ProlongedPsychologicalHarm = ptr(true)
			}
		case x < 0.7:
			e.PsychologicalHarm = c.HarmNone
		}
	} else if g.chance(0.3) {
		e.PsychologicalHarm = c.HarmNone
	}
	if p.pain {
		if ev.resolve-ev.onset >= 28*day && g.chance(0.5) {
			e.ProlongedPain = ptr(true)
		} else if g.chance(0.3) {
			e.ProlongedPain = ptr(false)
		}
	}

	g.management(k, ev, serious)
	g.outcome(k, ev)

	if g.chance(0.9) {
		rel := []c.Relatedness{c.RelatednessRelated, c.RelatednessPossiblyRelated, c.RelatednessUnlikelyRelated, c.RelatednessNotAssessable}
		e.Relatedness = rel[weighted(g, 4, func(i int) float64 { return []float64{55, 35, 5, 5}[i] })]
	}
	if len(p.causes) > 0 && g.chance(0.6) {
		e.Causes = []c.Cause{pick(g, p.causes)}
		if x := pick(g, p.causes); g.chance(0.3) && x != e.Causes[0] {
			e.Causes = append(e.Causes, x)
		}
	}
	g.candour(k, ev)
}

func containsS(xs []c.Seriousness, x c.Seriousness) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (g *Generator) eventSite(k *kase, ev *evCtx) {
	p := ev.prof
	if p.noSite {
		return
	}
	if pa := ev.parent; pa != nil && p.site == "" && len(pa.e.Sites) > 0 {
		// Necrosis is where the occlusion was.
		s := pa.e.Sites[0]
		ev.sitePhrase = sitePhrase(s, ev.term)
		ev.e.Sites = []c.SiteSide{s}
		return
	}
	s := pick(g, k.area.sites)
	if p.site != "" {
		s = c.SiteSide{Site: p.site}
	}
	if p.side || s.Site == c.SitePeriorbital {
		if g.chance(0.85) || ev.term == c.TermVisualImpairment || s.Site == c.SitePeriorbital && ev.term.ExpectedSerious() {
			s.Side = pick(g, []c.Side{c.SideLeft, c.SideRight})
		} else {
			s.Side = c.SideBilateral
		}
	}
	ev.sitePhrase = sitePhrase(s, ev.term)
	switch x := g.rng.Float64(); {
	case x < 0.94 || ev.term == c.TermVisualImpairment:
		ev.e.Sites = []c.SiteSide{s}
	case x < 0.97:
		ev.e.Missing = setMissing(ev.e.Missing, "sites", c.MissingReasonNotKnown)
	}
}

func (g *Generator) management(k *kase, ev *evCtx, serious bool) {
	opts := ev.prof.mgmt
	if serious {
		opts = append(slices.Clip(opts), ev.prof.ifSerious...)
	}
	for _, o := range opts {
		if !g.chance(o.p) {
			continue
		}
		var cands []*mgmt
		for _, m := range o.ms {
			if k.fits(m) {
				cands = append(cands, m)
			}
		}
		if len(cands) == 0 {
			continue
		}
		m := pick(g, cands)
		var at time.Duration
		if m.minutes {
			at = ev.detect + time.Duration(g.between(m.at[0], m.at[1]))*time.Minute
		} else {
			at = max(k.at(k.dayOf(ev.detect)+g.between(m.at[0], m.at[1]), g.daytime()), ev.detect+15*time.Minute)
		}
		n := 1
		if m.repeat > 0 {
			n += g.between(0, m.repeat)
		}
		u := mgUse{m: m, product: m.product}
		if len(m.doses) > 0 {
			u.dose = pick(g, m.doses)
		}
		if m.product == "$toxin" {
			u.product = k.prods[0].p.name
			u.dose = float64(int(u.dose*k.prods[0].p.factor + 0.5))
		}
		for i := range n {
			u.at = at + time.Duration(i)*time.Hour
			if u.at > k.rOff {
				break
			}
			ev.mg = append(ev.mg, u)
		}
	}
	slices.SortStableFunc(ev.mg, func(a, b mgUse) int { return cmp.Compare(a.at, b.at) })
	for _, u := range ev.mg {
		m := c.Management{Action: u.m.action, Product: u.product}
		if u.dose > 0 {
			m.Dose, m.DoseUnit = ptr(u.dose), u.m.unit
		}
		if u.m.route != "" && g.chance(0.9) {
			m.Route = u.m.route
		}
		prec := c.PrecisionDay
		if u.m.minutes || g.chance(0.05) {
			prec = c.PrecisionMinute
		}
		m.Given = k.date(u.at, prec)
		if g.chance(0.9) {
			m.GivenBy = pick(g, u.m.by)
		}
		if len(u.m.notes) > 0 && g.chance(0.25) {
			m.Notes = pick(g, u.m.notes)
		}
		ev.e.Management = append(ev.e.Management, m)
	}
}

func (g *Generator) outcome(k *kase, ev *evCtx) {
	e := &ev.e
	p := ev.prof
	at := k.date(k.rOff, c.PrecisionDay)
	switch x := g.rng.Float64(); {
	case x < 0.025 && !ev.term.ExpectedSerious():
		e.Outcome = c.OutcomeUnknown // lost to follow-up
	case x < 0.035:
		e.Missing = setMissing(e.Missing, "outcome", c.MissingReasonNotKnown)
	case x < 0.038:
		// No outcome and no reason: missing_unexplained.
	case ev.persist:
		e.Outcome = c.OutcomeNotRecovered
		if len(p.seqText) > 0 && g.chance(0.5) {
			e.Sequelae = pick(g, p.seqText)
		}
		e.OutcomeDate = at
	case ev.resolve <= k.rOff:
		e.Outcome = c.OutcomeRecovered
		if len(p.seqText) > 0 && g.chance(p.sequelae) {
			e.Outcome = c.OutcomeRecoveredWithSequelae
			e.Sequelae = pick(g, p.seqText)
		}
		prec := c.PrecisionDay
		if g.chance(0.15) {
			prec = c.PrecisionMonth
		}
		switch y := g.rng.Float64(); {
		case y < 0.005:
			// Recovered with no date: outcome_date_missing.
		case y < 0.65:
			e.Resolved = k.date(ev.resolve, prec)
		case y < 0.9:
			e.Resolved = k.date(ev.resolve, prec)
			e.OutcomeDate = at
		default:
			e.OutcomeDate = at
		}
	default:
		e.Outcome = c.OutcomeRecovering
		if g.chance(0.25) {
			e.Outcome = c.OutcomeNotRecovered
		}
		if g.chance(0.95) {
			e.OutcomeDate = at
		}
	}
}

// candour records the duty of candour. Registered providers record it
// for notifiable harm nearly always; salons and unregistered practitioners
// often do not, which the domain rules flag (candour_expected).
func (g *Generator) candour(k *kase, ev *evCtx) {
	e := &ev.e
	needs := e.Harm == c.HarmModerate || e.Harm == c.HarmSevere || e.Harm == c.HarmFatal ||
		e.ProlongedPain != nil && *e.ProlongedPain || e.ProlongedPsychologicalHarm != nil && *e.ProlongedPsychologicalHarm
	if !needs {
		if g.chance(0.08) {
			e.Candour = &c.Candour{Notifiable: ptr(false)}
		}
		return
	}
	registered := false
	if s := k.r.Setting; s != nil {
		registered = s.CQCRegistered != nil && *s.CQCRegistered ||
			s.Premises == c.PremisesHospital || s.Premises == c.PremisesMedicalPractice
	}
	p := 0.75
	if registered {
		p = 0.96
	}
	if !g.chance(p) {
		return
	}
	cd := &c.Candour{Notifiable: ptr(true)}
	inPerson := min(k.at(k.dayOf(ev.detect)+g.between(0, 3), g.daytime()), k.rOff)
	inPerson = max(inPerson, ev.detect)
	if g.chance(0.85) {
		cd.NotifiedInPerson = k.date(inPerson, c.PrecisionDay)
	}
	if w := k.at(k.dayOf(inPerson)+g.between(1, 10), g.daytime()); w <= k.rOff && g.chance(0.8) {
		cd.NotifiedInWriting = k.date(w, c.PrecisionDay)
	}
	if g.chance(0.9) {
		cd.ApologyGiven = ptr(true)
	}
	e.Candour = cd
}

// notifications records who the events were reported to: the regulator for
// serious events (most of the time), and sometimes the manufacturer or a
// voluntary register.
func (g *Generator) notifications(k *kase) {
	r := k.r
	serious := false
	for i := range r.Events {
		if s, _ := r.Events[i].Serious(); s {
			serious = true
		}
	}
	first := k.evs[0]
	when := func() c.PartialDate {
		at := min(k.at(k.dayOf(first.detect)+g.between(0, 14), g.daytime()), k.rOff)
		return k.date(max(at, first.detect), c.PrecisionDay)
	}
	year := k.abs(first.detect).Year()
	medicine := k.prods[0].p.class == c.ProductClassMedicine
	add := func(to c.Authority, ref string) {
		n := c.Notification{To: to}
		if g.chance(0.9) {
			n.Date = when()
		}
		if ref != "" && g.chance(0.75) {
			n.Reference = ref
			k.refs = append(k.refs, n)
		}
		r.ReportedTo = append(r.ReportedTo, n)
	}
	if serious && g.chance(0.88) || !serious && g.chance(0.1) {
		switch {
		case k.jur == c.JurisdictionNorthernIreland && !medicine:
			add(c.AuthorityNIAIC, "NIAIC "+itoa(year)+"/"+g.pattern("###"))
		case k.jur == c.JurisdictionScotland && !medicine && g.chance(0.25):
			add(c.AuthorityHFSIRIC, "IRIC/"+itoa(year)+"/"+g.pattern("####"))
		case medicine:
			add(c.AuthorityMHRAYellowCard, "GB-MHRA-ADR "+g.pattern("########"))
		default:
			add(c.AuthorityMHRAYellowCard, "GB-MHRA-MDR "+g.pattern("########"))
		}
	}
	if g.chance(0.1) || serious && g.chance(0.3) {
		add(c.AuthorityManufacturer, "PV-"+itoa(year)+"-"+g.pattern("#####"))
	}
	if p := r.Practitioner; p != nil && g.chance(0.05) {
		for _, v := range p.VoluntaryRegisters {
			switch v {
			case c.VoluntaryRegisterSaveFace:
				add(c.AuthoritySaveFace, "SF"+g.pattern("#####"))
			case c.VoluntaryRegisterJCCP:
				add(c.AuthorityJCCP, "JCCP/"+itoa(year)+"/"+g.pattern("####"))
			}
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
