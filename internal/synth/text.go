package synth

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	c "github.com/openaesthetics/casebook/complication"
)

// identity fills the identity block. Identifiers the record does not hold
// are cleared from the hidden person too, so that the free text only ever
// mentions identifiers the record itself holds.
func (g *Generator) identity(k *kase) {
	r := k.r
	id := &c.Identity{}
	pat := k.pat
	k.patFull = *pat
	pi := &c.PersonIdentity{GivenName: pat.given, FamilyName: pat.family, OtherNames: pat.other}
	if g.chance(0.9) {
		pi.Title = pat.title
	}
	if g.chance(0.98) {
		pi.DateOfBirth = c.DateOf(pat.dob, c.PrecisionDay)
	} else {
		pat.dob = time.Time{}
	}
	if g.chance(0.55) {
		pi.NHSNumber = pat.nhs
	} else {
		pat.nhs = ""
	}
	if g.chance(0.75) {
		pi.LocalID = pat.localID
	} else {
		pat.localID = ""
	}
	if g.chance(0.85) {
		a := &c.Address{Lines: pat.lines, Town: pat.town.name, Postcode: pat.postcode}
		if g.chance(0.3) {
			a.Country = "United Kingdom"
		}
		pi.Address = a
	} else {
		pat.lines, pat.postcode = nil, ""
	}
	if g.chance(0.95) {
		pi.Phones = pat.phones
	} else {
		pat.mobile, pat.phones = "", nil
	}
	if g.chance(0.85) {
		pi.Emails = []string{pat.email}
	} else {
		pat.email = ""
	}
	if g.chance(0.35) {
		h := pat.handle
		if g.chance(0.5) {
			h = "@" + h
		}
		pi.SocialHandles = []c.SocialHandle{{Platform: pat.platform, Handle: h}}
	} else {
		pat.handle = ""
	}
	id.Patient = pi

	switch r.Reporter.Role {
	case c.ReporterRoleTreatingPractitioner:
		id.Reporter = g.professionalPerson(k, k.prac)
	case c.ReporterRoleOtherPractitioner:
		id.Reporter = g.professionalPerson(k, k.other)
	case c.ReporterRoleRelative:
		rel := k.relative
		id.Reporter = &c.PersonIdentity{Title: rel.title, GivenName: rel.given, FamilyName: rel.family, Phones: rel.phones, Emails: []string{rel.email}}
	case c.ReporterRolePatient:
		if g.chance(0.6) {
			id.Reporter = &c.PersonIdentity{GivenName: pat.given, FamilyName: pat.family}
			if pat.email != "" {
				id.Reporter.Emails = []string{pat.email}
			}
		}
	case c.ReporterRoleManufacturer:
		id.Reporter = &c.PersonIdentity{GivenName: g.given(c.SexFemale), FamilyName: g.family(),
			Emails: []string{"pharmacovigilance@" + slug(k.prods[0].p.maker) + ".invalid"}}
	}

	id.Practitioner = g.practitionerIdentity(k, k.prac)
	if k.presc != nil {
		id.Prescriber = g.practitionerIdentity(k, k.presc)
	}

	cl := k.cl
	ci := &c.ClinicIdentity{Name: cl.name, Emails: []string{cl.email}, CQCLocationID: cl.cqc}
	addr := &c.Address{Lines: cl.lines}
	if cl.town != nil {
		addr.Town, addr.Postcode = cl.town.name, cl.postcode
		if g.chance(0.3) {
			addr.Country = "United Kingdom"
		}
		ci.Phones = []string{cl.phone}
	} else {
		addr.Town, addr.Country = abroad[k.abroad].town, cl.country
	}
	ci.Address = addr
	if g.chance(0.6) {
		ci.Website = cl.website
	}
	if g.chance(0.7) {
		ci.SocialHandles = []c.SocialHandle{{Platform: c.SocialPlatformInstagram, Handle: "@" + cl.handle}}
	}
	id.Clinic = ci
	r.Identity = id
}

func (g *Generator) professionalPerson(k *kase, p *practitioner) *c.PersonIdentity {
	pi := &c.PersonIdentity{Title: p.title, GivenName: p.given, FamilyName: p.family, Emails: []string{p.email}}
	if k.cl.phone != "" && g.chance(0.6) {
		pi.Phones = []string{k.cl.phone}
	} else {
		pi.Phones = []string{g.formatMobile(p.mobile)}
	}
	if p.reg != "" {
		pi.Registration = &c.Registration{Body: p.body, Number: p.reg}
	}
	return pi
}

func (g *Generator) practitionerIdentity(k *kase, p *practitioner) *c.PractitionerIdentity {
	pi := &c.PractitionerIdentity{Name: p.name}
	if p.reg != "" {
		pi.Registration = &c.Registration{Body: p.body, Number: p.reg}
	}
	if s := k.r.Setting; s != nil && s.PremisesLicensed != nil && *s.PremisesLicensed && g.chance(0.7) {
		pi.LicenceNumber = "STL/" + itoa(k.t0.Year()-g.intn(3)) + "/" + g.pattern("#####")
	}
	if g.chance(0.5) {
		pi.Phones = []string{g.formatMobile(p.mobile)}
	}
	if g.chance(0.6) {
		pi.Emails = []string{p.email}
	}
	if p.handle != "" {
		pi.SocialHandles = []c.SocialHandle{{Platform: c.SocialPlatformInstagram, Handle: "@" + p.handle}}
	}
	return pi
}

// Surface forms: how people really write a patient's identifiers.

func firstRune(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	return string(r)
}

func (g *Generator) nameForm(p *person) string {
	full := p.given + " " + p.family
	switch g.intn(10) {
	case 0, 1:
		return p.title + " " + p.family
	case 2, 3:
		return p.given
	case 4:
		return firstRune(p.given) + ". " + p.family
	case 5:
		return strings.ToUpper(full)
	case 6:
		return p.family + ", " + p.given
	case 7:
		return strings.ToLower(full)
	case 8:
		return p.title + " " + full
	}
	return full
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func ordinal(d int) string {
	suffix := "th"
	switch {
	case d%100 >= 11 && d%100 <= 13:
	case d%10 == 1:
		suffix = "st"
	case d%10 == 2:
		suffix = "nd"
	case d%10 == 3:
		suffix = "rd"
	}
	return itoa(d) + suffix
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// dateForm writes a date the ways UK notes do.
func (g *Generator) dateForm(t time.Time) string {
	d, m, y := t.Day(), int(t.Month()), t.Year()
	yy := pad2(y % 100)
	switch g.intn(8) {
	case 0, 1:
		return pad2(d) + "/" + pad2(m) + "/" + itoa(y)
	case 2:
		return pad2(d) + "." + pad2(m) + "." + yy
	case 3:
		return ordinal(d) + " " + monthNames[m-1] + " " + itoa(y)
	case 4:
		return ordinal(d) + " " + monthNames[m-1][:3] + " " + yy
	case 5:
		return itoa(d) + " " + monthNames[m-1] + " " + itoa(y)
	case 6:
		return t.Format("2006-01-02")
	}
	return itoa(d) + "/" + itoa(m) + "/" + yy
}

func (g *Generator) nhsForm(n string) string {
	switch g.intn(3) {
	case 0:
		return n[:3] + " " + n[3:6] + " " + n[6:]
	case 1:
		return n[:3] + "-" + n[3:6] + "-" + n[6:]
	}
	return n
}

func (g *Generator) phoneForm(d string) string {
	switch g.intn(6) {
	case 0:
		return d[:5] + " " + d[5:8] + " " + d[8:]
	case 1:
		return d
	case 2:
		return "+44 " + d[1:5] + " " + d[5:]
	case 3:
		return "+44 (0)" + d[1:5] + " " + d[5:]
	case 4:
		return d[:5] + "-" + d[5:8] + "-" + d[8:]
	}
	return d[:5] + " " + d[5:]
}

func (g *Generator) postcodeForm(p string) string {
	switch g.intn(3) {
	case 0:
		return strings.ReplaceAll(p, " ", "")
	case 1:
		return strings.ToLower(p)
	}
	return p
}

// idSentences returns sentences that mention the patient's own
// identifiers, in the reporter's voice.
func (g *Generator) idSentences(k *kase, lay bool) []string {
	p := k.pat
	var out []string
	add := func(s string) { out = append(out, s) }
	name := g.nameForm(p)
	rel := k.r.Reporter.Role == c.ReporterRoleRelative
	switch {
	case k.r.Reporter.Role == c.ReporterRoleManufacturer:
		add("Patient initials " + firstRune(p.given) + "." + firstRune(p.family) + ".")
		if !p.dob.IsZero() {
			add("Patient DOB " + g.dateForm(p.dob) + " per the clinic's report.")
		}
		if p.localID != "" {
			add("Clinic patient reference " + p.localID + ".")
		}
	case lay && !rel:
		add("My name is " + p.given + " " + p.family + ".")
		if !p.dob.IsZero() {
			add("My date of birth is " + g.dateForm(p.dob) + ".")
		}
		if p.mobile != "" {
			add("You can call me on " + g.phoneForm(p.mobile) + ".")
		}
		if p.email != "" {
			add("Please email me at " + p.email + ".")
		}
		if p.handle != "" {
			add("My Instagram is @" + p.handle + " and I sent messages there.")
		}
		if p.nhs != "" {
			add("My NHS number is " + g.nhsForm(p.nhs) + ".")
		}
		if len(p.lines) > 0 {
			add("I live at " + p.lines[len(p.lines)-1] + ", " + g.postcodeForm(p.postcode) + ".")
		}
	case lay:
		add("The patient is " + p.given + " " + p.family + ".")
		if !p.dob.IsZero() {
			add(pronounCap(p) + " date of birth is " + g.dateForm(p.dob) + ".")
		}
		if p.mobile != "" {
			add(pronounCap(p) + " mobile is " + g.phoneForm(p.mobile) + ".")
		}
		if p.email != "" {
			add(pronounCap(p) + " email is " + p.email + ".")
		}
	default:
		if !p.dob.IsZero() {
			add(name + ", DOB " + g.dateForm(p.dob) + ".")
		}
		if p.nhs != "" {
			add("NHS no. " + g.nhsForm(p.nhs) + ".")
		}
		if p.mobile != "" {
			add("Called " + g.nameForm(p) + " on " + g.phoneForm(p.mobile) + " for the review.")
		}
		if p.email != "" {
			add("Photographs received by email from " + p.email + ".")
		}
		if p.handle != "" {
			add(name + " first contacted the clinic on Instagram (@" + p.handle + ").")
		}
		if len(p.lines) > 0 {
			add("Home address " + p.lines[len(p.lines)-1] + ", " + g.postcodeForm(p.postcode) + "; GP letter sent.")
		}
		if p.localID != "" {
			add("Clinic record " + p.localID + ".")
		}
		if len(out) == 0 {
			add("Seen with " + name + ".")
		}
	}
	return out
}

// thirdPerson turns a patient's words into a relative's: "my lip" gives
// "her lip".
func thirdPerson(s string, sex c.Sex) string {
	subj, poss := "they", "their"
	switch sex {
	case c.SexFemale:
		subj, poss = "she", "her"
	case c.SexMale:
		subj, poss = "he", "his"
	}
	return strings.NewReplacer("I've", subj+" has", "I'm", subj+" is", "I ", subj+" ", "my ", poss+" ", "me ", poss+" ").Replace(s)
}

func pronounCap(p *person) string {
	switch p.sex {
	case c.SexMale:
		return "His"
	case c.SexFemale:
		return "Her"
	}
	return "Their"
}

// expand replaces {key} in a template.
func expand(s string, val func(key string) string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(val(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
}

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// vars returns the values for an event's templates.
func (g *Generator) vars(k *kase, ev *evCtx, mention bool) func(string) string {
	return func(key string) string {
		switch key {
		case "site":
			if ev.sitePhrase == "" {
				return "treated area"
			}
			return ev.sitePhrase
		case "Pt", "pt":
			var s string
			if mention && g.chance(0.5) {
				return g.nameForm(k.pat)
			}
			switch g.intn(4) {
			case 0:
				s = "the patient"
			case 1:
				s = "pt"
			case 2:
				s = "the client"
			default:
				s = map[c.Sex]string{c.SexFemale: "she", c.SexMale: "he"}[k.pat.sex]
				if s == "" {
					s = "they"
				}
			}
			if key == "Pt" {
				s = capFirst(s)
			}
			return s
		case "day":
			return itoa(max(1, k.dayOf(ev.detect)))
		case "time":
			t := k.abs(ev.onset)
			return pad2(t.Hour()) + ":" + pad2(t.Minute())
		case "mins":
			return itoa(ev.mins)
		}
		return key
	}
}

// doseText writes a dose as notes do: "0.5ml", "50 units", "1500 IU", "500mg".
func doseText(d float64, u c.DoseUnit) string {
	n := strconv.FormatFloat(d, 'f', -1, 64)
	switch u {
	case c.DoseUnitMl:
		return n + "ml"
	case c.DoseUnitUnits:
		return n + " units"
	case c.DoseUnitIU:
		return n + " IU"
	case c.DoseUnitMg:
		return n + "mg"
	case c.DoseUnitMcg:
		return n + "mcg"
	}
	return n
}

// treatmentSentence describes what was given, as a clinician writes it.
func (g *Generator) treatmentSentence(k *kase) string {
	u := k.prods[0]
	p := u.p
	name := p.name
	if g.chance(0.4) {
		name = p.short
	}
	var s string
	switch k.proc.code {
	case c.ProcedureBotulinumToxin:
		s = doseText(u.dose, c.DoseUnitUnits) + " " + name + " to " + k.areaText + " with " + k.tool + "."
	case c.ProcedureThreadLift:
		s = itoa(g.between(2, 6)) + " " + name + " per side to the " + k.areaText + " via " + k.tool + "."
	case c.ProcedureChemicalPeel:
		s = name + " applied to the " + k.areaText + ", " + itoa(g.between(1, 4)) + " layers, with " + k.tool + "."
	case c.ProcedureLaserIPL:
		s = name + ", " + k.tool + ", " + itoa(g.between(8, 40)) + " J/cm2: " + k.areaText + "."
	default:
		s = doseText(u.dose, c.DoseUnitMl) + " " + name + " to " + k.areaText + " with " + k.tool + "."
	}
	if pr := k.r.Treatment.Products; len(pr) > 0 && pr[0].Lot != "" && g.chance(0.5) {
		s += " Lot " + pr[0].Lot
		if e := pr[0].Expiry; e.Precision() >= c.PrecisionMonth {
			s += ", exp " + pad2(int(e.Month())) + "/" + itoa(e.Year())
		}
		s += "."
	}
	return s
}

var referralTo = map[c.Action]string{
	c.ActionReferralEmergency:      "A&E",
	c.ActionReferralOphthalmology:  "ophthalmology",
	c.ActionReferralGP:             "the GP",
	c.ActionReferralMaxillofacial:  "maxillofacial surgery",
	c.ActionReferralDermatology:    "dermatology",
	c.ActionReferralPlasticSurgery: "plastic surgery",
	c.ActionReferralOther:          "a specialist",
}

// mgmtSentence describes a management as a clinician writes it.
func (g *Generator) mgmtSentence(k *kase, ev *evCtx, i int) string {
	u := ev.mg[i]
	m := u.m
	at := k.abs(u.at)
	clock := pad2(at.Hour()) + ":" + pad2(at.Minute())
	switch {
	case m.action == c.ActionHyaluronidase:
		reps := 0
		for _, v := range ev.mg {
			if v.m == m {
				reps++
			}
		}
		s := doseText(u.dose, c.DoseUnitIU) + " hyaluronidase (" + u.product + ")"
		if m.minutes {
			s += " given at " + clock
		} else {
			s += " given on day " + itoa(max(1, k.dayOf(u.at)))
		}
		if reps > 1 {
			s += ", repeated hourly x" + itoa(reps-1)
		}
		return s + "."
	case referralTo[m.action] != "":
		return "Referred to " + referralTo[m.action] + "."
	case m.action == c.ActionThreadRemoval:
		return "Thread removed on day " + itoa(max(1, k.dayOf(u.at))) + "."
	case m.action == c.ActionObservation:
		return "Managed conservatively with review."
	case m.action == c.ActionWarmCompress:
		return "Warm compresses applied."
	case m.action == c.ActionMassage:
		return "Massage advised."
	case u.product != "" && u.dose > 0:
		return "Started " + u.product + " " + doseText(u.dose, m.unit) + "."
	case u.product != "":
		return u.product + " advised."
	}
	return ""
}

func (g *Generator) outcomeSentence(k *kase, ev *evCtx) string {
	e := &ev.e
	switch e.Outcome {
	case c.OutcomeRecovered:
		if !e.Resolved.IsZero() && e.Resolved.Precision() >= c.PrecisionDay {
			return "Fully resolved by " + g.dateForm(k.abs(ev.resolve)) + "."
		}
		return "Fully resolved."
	case c.OutcomeRecoveredWithSequelae:
		return "Resolved, with sequelae: " + strings.ToLower(e.Sequelae[:1]) + e.Sequelae[1:]
	case c.OutcomeRecovering:
		return "Day " + itoa(max(1, k.dayOf(k.rOff))) + " review: improving."
	case c.OutcomeNotRecovered:
		return "Not resolved at last review on day " + itoa(max(1, k.dayOf(k.rOff))) + "."
	case c.OutcomeUnknown:
		return pick(g, []string{"Did not attend follow-up; outcome unknown.", "Patient has not responded to follow-up messages."})
	}
	return ""
}

// sentence is a candidate narrative sentence. Required ones stay unless
// the narrative is a single sentence, which is always the core one: what
// happened.
type sentence struct {
	text     string
	required bool
	core     bool
}

// narrative writes the reporter's account: one to eight sentences in the
// reporter's voice, some of the time mentioning the patient's identifiers.
func (g *Generator) narrative(k *kase) string {
	role := k.r.Reporter.Role
	lay := role == c.ReporterRolePatient || role == c.ReporterRoleRelative
	ev := k.evs[0]
	vars := g.vars(k, ev, k.mention)
	var ss []sentence
	add := func(s string, req bool) {
		if s != "" {
			ss = append(ss, sentence{text: s, required: req})
		}
	}
	core := func(s string) { ss = append(ss, sentence{text: s, required: true, core: true}) }
	var ids []string
	if k.mention {
		ids = g.idSentences(k, lay || role == c.ReporterRoleManufacturer)
	}
	tdate := g.dateForm(k.t0)
	what := pick(g, k.proc.what)
	where := k.cl.name
	if k.abroad >= 0 {
		where += " in " + abroad[k.abroad].town
	}
	switch {
	case lay:
		who := "I"
		if role == c.ReporterRoleRelative {
			rels := map[c.Sex][]string{c.SexFemale: {"daughter", "wife", "sister"}, c.SexMale: {"son", "husband", "brother"}, c.SexOther: {"child", "partner"}}[k.pat.sex]
			if k.pat.age < 18 {
				rels = []string{map[c.Sex]string{c.SexFemale: "daughter", c.SexMale: "son", c.SexOther: "child"}[k.pat.sex]}
			}
			who = "My " + pick(g, rels)
			if k.mention {
				who += " " + k.pat.given
			}
		}
		add(who+" had "+what+" ("+k.areaText+") at "+where+" on "+tdate+".", true)
		if g.chance(0.5) {
			add("It was done by "+k.prac.name+" with "+k.prods[0].p.short+".", false)
		}
		lp := expand(pick(g, ev.prof.lay), vars)
		if role == c.ReporterRoleRelative {
			lp = thirdPerson(lp, k.pat.sex)
		}
		switch d := k.dayOf(ev.detect); {
		case d == 0 && ev.prof.immediate:
			core("Straight away " + lp + ".")
		case d == 0:
			core("That evening " + lp + ".")
		case d == 1:
			core("The next day " + lp + ".")
		case d < 28:
			core("After " + itoa(d) + " days " + lp + ".")
		default:
			core("About " + itoa(d/30+1) + " months later " + lp + ".")
		}
		if len(ev.mg) > 0 {
			u := ev.mg[0]
			switch {
			case u.m.action == c.ActionHyaluronidase:
				add("They dissolved it with hyaluronidase.", false)
			case slicesContains(u.m.by, c.CareProviderGP) && u.product != "":
				add("My GP gave me "+u.product+".", false)
			case referralTo[u.m.action] != "":
				add("I was sent to "+referralTo[u.m.action]+".", false)
			}
		}
		if g.chance(0.3) {
			add(pick(g, []string{
				"I messaged the practitioner on Instagram but I was blocked.",
				"The clinic ignored my messages for a week.",
				"She told me it was normal and to wait.",
				"I had to pay another clinic to fix it.",
			}), false)
		}
		if ev.prof.psych && g.chance(0.4) {
			add("I have been too upset to go out.", false)
		}
	case role == c.ReporterRoleManufacturer:
		add("Complaint received from "+k.cl.name+" regarding "+k.prods[0].p.name+".", true)
		core("Healthcare professional reports " + strings.ToLower(ev.term.Display()) + " in a " + itoa(k.pat.age) + "-year-old patient after " + what + " to the " + k.areaText + ".")
		add("Retained samples requested for investigation.", false)
	default:
		ref := pick(g, []string{"Patient", "Pt", "Client", "This " + itoa(k.pat.age) + "-year-old " + map[c.Sex]string{c.SexFemale: "woman", c.SexMale: "man", c.SexOther: "patient"}[k.pat.sex]})
		if k.mention && g.chance(0.5) {
			ref = g.nameForm(k.pat)
		}
		if role == c.ReporterRoleOtherPractitioner {
			add(ref+" presented to our clinic on day "+itoa(max(1, k.dayOf(ev.detect)))+" after "+what+" to the "+k.areaText+" at "+where+" on "+tdate+".", true)
		} else {
			add(ref+" attended on "+tdate+" for "+what+" to the "+k.areaText+".", true)
			add(g.treatmentSentence(k), false)
		}
		for i, s := range ev.prof.story {
			if i == 0 {
				core(expand(s, vars))
			} else {
				add(expand(s, vars), false)
			}
		}
		for _, other := range k.evs[1:] {
			add(expand(pick(g, other.prof.story), g.vars(k, other, k.mention)), false)
		}
		for i := range min(2, len(ev.mg)) {
			add(g.mgmtSentence(k, ev, i), i == 0 && ev.prof.immediate)
		}
		if gr := ev.e.CTCAEGrade; gr > 0 {
			add("CTCAE grade "+itoa(gr)+".", false)
		}
		add(g.outcomeSentence(k, ev), false)
		for _, n := range k.refs {
			switch n.To {
			case c.AuthorityMHRAYellowCard:
				add("Reported to the MHRA via Yellow Card ("+n.Reference+").", false)
			case c.AuthorityNIAIC:
				add("Reported to the NIAIC, reference "+n.Reference+".", false)
			case c.AuthorityHFSIRIC:
				add("Reported to IRIC ("+n.Reference+").", false)
			case c.AuthorityManufacturer:
				add("Manufacturer informed; their reference "+n.Reference+".", false)
			}
		}
		if cd := ev.e.Candour; cd != nil && cd.Notifiable != nil && *cd.Notifiable {
			add("Duty of candour discussion held and apology given.", false)
		}
	}

	// Identifier sentences go in second place or at the end, like notes
	// do; at least one stays.
	if len(ids) > 0 {
		n := g.between(1, min(3, len(ids)))
		for i := range n {
			j := g.intn(len(ids))
			s := sentence{text: ids[j], required: i == 0}
			ids = append(ids[:j], ids[j+1:]...)
			if i == 0 && g.chance(0.5) && len(ss) > 0 {
				ss = append(ss[:1], append([]sentence{s}, ss[1:]...)...)
			} else {
				ss = append(ss, s)
			}
		}
	}

	// Natural length: one to eight sentences.
	want := 1 + weighted(g, 8, func(i int) float64 { return []float64{6, 10, 16, 18, 18, 14, 10, 8}[i] })
	if want == 1 {
		ss = slices.DeleteFunc(ss, func(s sentence) bool { return !s.core })
	}
	for len(ss) > want {
		var opt []int
		for i, s := range ss {
			if !s.required {
				opt = append(opt, i)
			}
		}
		if len(opt) == 0 {
			break
		}
		j := pick(g, opt)
		ss = append(ss[:j], ss[j+1:]...)
	}
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	if w := g.opts.NarrativeWords; w > 0 {
		words := len(strings.Fields(b.String()))
		runes := utf8.RuneCountInString(b.String())
		for words < w {
			s := pick(g, padding)
			n := utf8.RuneCountInString(s) // padding is ASCII, but count properly
			if runes+1+n > maxNarrative {
				break
			}
			b.WriteByte(' ')
			b.WriteString(s)
			runes += 1 + n
			words += strings.Count(s, " ") + 1
		}
	}
	return b.String()
}

func slicesContains(xs []c.CareProvider, x c.CareProvider) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// maxNarrative is the schema's maxLength for narrative, in characters.
const maxNarrative = 20000

// padding holds neutral clinical sentences for long narratives.
var padding = []string{
	"Aftercare advice given verbally and in writing.",
	"Consent form signed and photographs taken before treatment.",
	"No known drug allergies recorded at consultation.",
	"Medical history reviewed; no contraindications identified.",
	"Patient confirmed no aspirin or fish oils in the week before treatment.",
	"Hyaluronidase and the emergency kit were available in the room.",
	"Capillary refill checked at the end of the session.",
	"Risks discussed, including bruising, swelling, infection, occlusion and visual loss.",
	"Topical anaesthetic cream applied for 20 minutes before treatment.",
	"Skin cleansed with chlorhexidine before injection.",
	"Batch stickers placed in the clinical notes.",
	"Advised to avoid exercise, alcohol and make-up for 24 hours.",
	"Chaperone offered and declined.",
	"Photographs uploaded to the clinical record.",
	"Patient given the clinic's out-of-hours number.",
	"Follow-up appointment booked in two weeks.",
	"Cool pack applied for ten minutes after treatment.",
	"Injection points massaged gently to distribute the product.",
	"Aspiration performed before each bolus.",
	"Product warmed to room temperature before use.",
}

// freeText writes the record's free-text fields.
func (g *Generator) freeText(k *kase) {
	r := k.r
	k.mention = g.chance(0.55)
	if g.chance(0.9) {
		r.Narrative = g.narrative(k)
	}
	for i, ev := range k.evs {
		if !g.chance(0.75) {
			continue
		}
		d := expand(pick(g, ev.prof.desc), g.vars(k, ev, false))
		if k.mention && g.chance(0.12) {
			d = g.nameForm(k.pat) + ": " + d
		}
		r.Events[i].Description = d
	}
	if g.chance(0.6) {
		notes := []string{}
		if g.chance(0.6) {
			notes = append(notes, "Consent signed, photos taken.")
		}
		notes = append(notes, g.treatmentSentence(k))
		if g.chance(0.4) {
			notes = append(notes, pick(g, padding))
		}
		if k.mention && g.chance(0.15) {
			switch {
			case k.pat.handle != "":
				notes = append(notes, "Booked via Instagram @"+k.pat.handle+".")
			case k.pat.mobile != "":
				notes = append(notes, "Mob "+g.phoneForm(k.pat.mobile)+".")
			}
		}
		r.Treatment.Notes = strings.Join(notes, " ")
	}
	if g.chance(0.25) {
		r.Patient.HistoryNotes = g.historyNotes(r.Patient.History)
	}
}

func (g *Generator) historyNotes(h []c.RiskFactor) string {
	var s []string
	for _, f := range h {
		switch f {
		case c.RiskFactorHSV:
			s = append(s, "Cold sores 2-3 times a year.")
		case c.RiskFactorPreviousFiller:
			s = append(s, "Previous filler at another clinic.")
		case c.RiskFactorPreviousToxin:
			s = append(s, "Regular toxin every 4 months.")
		case c.RiskFactorAllergy:
			s = append(s, "Penicillin allergy (rash).")
		case c.RiskFactorSmoking:
			s = append(s, "Smokes 10 a day.")
		case c.RiskFactorAntiplatelet:
			s = append(s, "Takes ibuprofen for back pain.")
		case c.RiskFactorRecentVaccination:
			s = append(s, "Flu-like illness two weeks before onset.")
		case c.RiskFactorRecentDentalTreatment:
			s = append(s, "Dental work the week before onset.")
		case c.RiskFactorAutoimmuneDisease:
			s = append(s, "Hashimoto's thyroiditis.")
		case c.RiskFactorIsotretinoin:
			s = append(s, "Finished isotretinoin 4 months ago.")
		}
	}
	if len(s) == 0 {
		return "No relevant medical history."
	}
	return strings.Join(s, " ")
}
