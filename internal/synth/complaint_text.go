package synth

import (
	"slices"
	"strings"
	"time"

	c "github.com/openaesthetics/casebook/complication"
)

// complaintIdentity fills the complaint's identity block: the complainant
// (the patient, a relative, a representative, another practitioner or
// someone else), the patient when the complainant is someone else, the
// practitioner and the clinic. An anonymous complainant gets a tracking
// token and no names. Identifiers the block does not hold are cleared from
// the hidden complainant, so the free text only ever mentions identifiers
// the complaint itself holds.
func (g *Generator) complaintIdentity(ck *ckase) {
	k, pat := ck.k, ck.pat
	id := &c.ComplaintIdentity{}
	switch {
	case ck.anon:
		id.TrackingToken = g.trackingToken()
	case ck.role == c.ComplainantRolePatient:
		id.Complainant, ck.cp = g.layIdentity(pat, ck.social(), true)
	default:
		switch ck.role {
		case c.ComplainantRoleRelativeOrCarer, c.ComplainantRoleParentOrGuardian:
			rel := g.relativeOf(ck)
			id.Complainant, ck.cp = g.layIdentity(rel, ck.social(), false)
		case c.ComplainantRoleRepresentative:
			id.Complainant, ck.cp = g.representative(ck)
		case c.ComplainantRoleOtherPractitioner:
			id.Complainant, ck.cp = g.otherPractitioner(ck)
		default:
			sex := c.SexFemale
			if g.chance(0.3) {
				sex = c.SexMale
			}
			friend := &person{sex: sex, given: g.given(sex), family: g.family(), mobile: g.mobile()}
			friend.title = g.title(sex, 35)
			friend.email = g.email(friend.given, friend.family)
			id.Complainant, ck.cp = g.layIdentity(friend, ck.social(), false)
		}
		pi := &c.PersonIdentity{GivenName: pat.given, FamilyName: pat.family}
		if g.chance(0.4) {
			pi.Title = pat.title
		}
		if !pat.dob.IsZero() && g.chance(0.6) {
			pi.DateOfBirth = c.DateOf(pat.dob, c.PrecisionDay)
		}
		id.Patient = pi
	}

	if g.chance(0.85) {
		p := k.prac
		pi := &c.PractitionerIdentity{Name: p.name}
		if p.reg != "" && g.chance(0.5) {
			pi.Registration = &c.Registration{Body: p.body, Number: p.reg}
		}
		if p.handle != "" && (ck.social() || ck.public || g.chance(0.4)) {
			pi.SocialHandles = []c.SocialHandle{{Platform: c.SocialPlatformInstagram, Handle: "@" + p.handle}}
		}
		if g.chance(0.2) {
			pi.Phones = []string{g.formatMobile(p.mobile)}
		}
		if g.chance(0.2) {
			pi.Emails = []string{p.email}
		}
		id.Practitioner = pi
	}
	if g.chance(0.9) {
		cl := k.cl
		ci := &c.ClinicIdentity{Name: cl.name}
		if g.chance(0.6) {
			a := &c.Address{Lines: cl.lines}
			if cl.town != nil {
				a.Town, a.Postcode = cl.town.name, cl.postcode
			} else {
				a.Town, a.Country = abroad[k.abroad].town, cl.country
			}
			ci.Address = a
		}
		if cl.phone != "" && g.chance(0.5) {
			ci.Phones = []string{cl.phone}
		}
		if g.chance(0.4) {
			ci.Emails = []string{cl.email}
		}
		if g.chance(0.3) {
			ci.Website = cl.website
		}
		if ck.social() || g.chance(0.5) {
			ci.SocialHandles = []c.SocialHandle{{Platform: c.SocialPlatformInstagram, Handle: "@" + cl.handle}}
		}
		if cl.cqc != "" && g.chance(0.3) {
			ci.CQCLocationID = cl.cqc
		}
		id.Clinic = ci
	}
	ck.x.Identity = id
}

// trackingToken returns a token in the style complaint portals issue:
// "trk-" and eight unambiguous capitals and digits.
func (g *Generator) trackingToken() string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := []byte("trk-")
	for range 8 {
		b = append(b, alphabet[g.intn(len(alphabet))])
	}
	return string(b)
}

// layIdentity draws which of a lay person's identifiers the complaint
// holds, and returns a copy of the person with the others cleared. A
// complaint by direct message usually carries the social handle.
func (g *Generator) layIdentity(src *person, social, nhs bool) (*c.PersonIdentity, *person) {
	p := *src
	pi := &c.PersonIdentity{GivenName: p.given, FamilyName: p.family}
	if p.title != "" && g.chance(0.6) {
		pi.Title = p.title
	}
	if !p.dob.IsZero() && g.chance(0.45) {
		pi.DateOfBirth = c.DateOf(p.dob, c.PrecisionDay)
	} else {
		p.dob = time.Time{}
	}
	if p.mobile != "" && g.chance(0.7) {
		pi.Phones = []string{g.formatMobile(p.mobile)}
	} else {
		p.mobile = ""
	}
	if p.email != "" && g.chance(0.65) {
		pi.Emails = []string{p.email}
	} else {
		p.email = ""
	}
	pHandle := 0.2
	if social {
		pHandle = 0.9
	}
	if p.handle != "" && g.chance(pHandle) {
		h := p.handle
		if g.chance(0.5) {
			h = "@" + h
		}
		if p.platform == "" {
			p.platform = c.SocialPlatformInstagram
		}
		pi.SocialHandles = []c.SocialHandle{{Platform: p.platform, Handle: h}}
	} else {
		p.handle = ""
	}
	if len(p.lines) > 0 && p.town != nil && g.chance(0.3) {
		pi.Address = &c.Address{Lines: p.lines, Town: p.town.name, Postcode: p.postcode}
	} else {
		p.lines, p.postcode = nil, ""
	}
	if nhs && p.nhs != "" && g.chance(0.08) {
		pi.NHSNumber = p.nhs
	} else {
		p.nhs = ""
	}
	p.localID, p.other, p.phones = "", nil, nil
	return pi, &p
}

// relativeOf returns the relative who complains for the patient: the one
// who reported the episode, when a relative did, or a parent, partner or
// other family member.
func (g *Generator) relativeOf(ck *ckase) *person {
	if ck.role == c.ComplainantRoleRelativeOrCarer && ck.k.relative != nil {
		rel := *ck.k.relative
		return &rel
	}
	pat := ck.pat
	sex := c.SexFemale
	if g.chance(0.3) {
		sex = c.SexMale
	}
	p := &person{sex: sex, given: g.given(sex), family: pat.family}
	if g.chance(0.25) {
		p.family = g.family()
	}
	p.title = g.title(sex, 45)
	p.mobile = g.mobile()
	p.email = g.email(p.given, p.family)
	if g.chance(0.5) {
		// The same household.
		p.lines, p.town, p.postcode = pat.lines, pat.town, pat.postcode
	}
	return p
}

// representative returns a solicitor or advocate acting for the patient,
// at a made-up firm with a reserved email domain and a drama number.
func (g *Generator) representative(ck *ckase) (*c.PersonIdentity, *person) {
	town := ck.pat.town
	ck.firm = pick(g, familyNames) + pick(g, []string{" Solicitors", " & Co Solicitors", " Legal LLP", " Law", " Advocacy"})
	sex := c.SexFemale
	if g.chance(0.45) {
		sex = c.SexMale
	}
	p := &person{sex: sex, given: g.given(sex), family: g.family()}
	p.title = g.title(sex, 40)
	p.email = local(p.given) + "." + local(p.family) + "@" + slug(ck.firm) + ".invalid"
	pi := &c.PersonIdentity{GivenName: p.given, FamilyName: p.family, Emails: []string{p.email}}
	if g.chance(0.5) {
		pi.Title = p.title
	}
	if town != nil {
		pi.Phones = []string{g.landline(town)}
		pi.Address = &c.Address{Lines: []string{ck.firm, itoa(g.between(1, 200)) + " " + pick(g, streetFirst) + " " + pick(g, streetSecond)},
			Town: town.name, Postcode: g.postcode(town)}
	}
	return pi, p
}

// otherPractitioner returns a practitioner at another clinic who saw the
// patient, usually for corrective treatment, and raises a concern.
func (g *Generator) otherPractitioner(ck *ckase) (*c.PersonIdentity, *person) {
	o := g.practitioner(ck.k, pick(g, []c.Profession{c.ProfessionDoctor, c.ProfessionDoctor, c.ProfessionNurse, c.ProfessionDentist}), false)
	ck.other = o
	ck.otherPlace = pick(g, clinicStem) + " " + pick(g, clinicKind)
	o.email = local(o.given) + "@" + slug(ck.otherPlace) + ".invalid"
	pi := &c.PersonIdentity{Title: o.title, GivenName: o.given, FamilyName: o.family, Emails: []string{o.email}}
	if t := ck.pat.town; t != nil && g.chance(0.6) {
		pi.Phones = []string{g.landline(t)}
	}
	if o.reg != "" {
		pi.Registration = &c.Registration{Body: o.body, Number: o.reg}
	}
	return pi, &person{title: o.title, given: o.given, family: o.family, email: o.email}
}

// Free text.

// complaintText writes the summary, the remedy notes and the learning
// points, some of the time mentioning the complainant's own identifiers.
func (g *Generator) complaintText(ck *ckase) {
	x := ck.x
	ck.mention = !ck.anon && ck.cp != nil && g.chance(0.5)
	x.Summary = g.complaintSummary(ck)
	if x.RemedySought[0] != c.RemedyNotStated && g.chance(0.5) {
		x.RemedyNotes = g.remedyNotes(ck)
	}
	if x.LearningPoints != "" && ck.mention && g.chance(0.12) {
		x.LearningPoints = "Complaint from " + g.nameForm(ck.cp) + " discussed at the team meeting. " + x.LearningPoints
	}
}

// whenText says how long after the treatment something began.
func whenText(d int, immediate bool) string {
	switch {
	case d == 0 && immediate:
		return "straight away"
	case d == 0:
		return "the same evening"
	case d == 1:
		return "the next day"
	case d < 28:
		return "after " + itoa(d) + " days"
	case d < 45:
		return "about a month later"
	}
	return "about " + itoa((d+15)/30) + " months later"
}

// treatedWhen says when the treatment was, to the precision the complaint
// records it: "on 14/05/2026", "in May 2026", or "" when it is not recorded.
func (g *Generator) treatedWhen(ck *ckase) string {
	d := ck.x.TreatmentDate
	switch {
	case d.IsZero():
		return ""
	case d.Precision() >= c.PrecisionDay:
		return " on " + g.dateForm(ck.k.t0)
	}
	return " in " + monthNames[d.Month()-1] + " " + itoa(d.Year())
}

// asPatient turns a patient's words into a note about them that names
// them as the patient first, for a note that also speaks of someone else
// who complained: "I had bruising on my lip" gives "the patient had
// bruising on her lip", "my lip was so swollen I couldn't go out" gives
// "the patient's lip was so swollen she couldn't go out".
func asPatient(s string, sex c.Sex) string {
	for _, lead := range [][2]string{{"I've ", "the patient has "}, {"I'm ", "the patient is "}, {"I ", "the patient "}, {"my ", "the patient's "}} {
		if rest, ok := strings.CutPrefix(s, lead[0]); ok {
			return lead[1] + thirdPerson(rest, sex)
		}
	}
	return thirdPerson(s, sex)
}

// pronouns returns the subject, object and possessive pronouns for the
// patient.
func pronouns(s c.Sex) (subj, obj, poss string) {
	switch s {
	case c.SexFemale:
		return "she", "her", "her"
	case c.SexMale:
		return "he", "him", "his"
	}
	return "they", "them", "their"
}

func platformText(ps []c.SocialPlatform) string {
	if len(ps) == 0 {
		return "social media"
	}
	return ps[0].Display()
}

// remedyText lists what the complainant asks for, as people put it.
func (g *Generator) remedyText(ck *ckase, first bool) string {
	var parts []string
	for _, r := range ck.x.RemedySought {
		var s string
		switch r {
		case c.RemedyRefund:
			s = "a refund"
			if first && g.chance(0.5) {
				s = "my money back"
			}
		case c.RemedyCorrectiveTreatment:
			s = "corrective treatment"
			if ck.dissolve && ck.k.proc.code == c.ProcedureDermalFiller {
				s = "the filler dissolved by someone qualified"
			}
		case c.RemedyExplanation:
			s = "an explanation"
		case c.RemedyApology:
			s = "an apology"
		case c.RemedyCompensation:
			s = "compensation"
		case c.RemedyPracticeChange:
			s = "changes so this does not happen to anyone else"
		case c.RemedyContentRemoval:
			s = "the post taken down"
		case c.RemedyRegulatoryAction:
			s = "the practitioner investigated"
		case c.RemedyRecordsAccess:
			s = "a copy of the records"
		case c.RemedyOther:
			s = "help"
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// complaintSummary writes what the complaint is about: in the complainant's
// own words for written complaints, as the clinic logged it otherwise. A
// public answer is described in neutral words only; its content is never
// written down.
func (g *Generator) complaintSummary(ck *ckase) string {
	k, ev, x := ck.k, ck.ev, ck.x
	pat := ck.pat
	what := pick(g, k.proc.what)
	if ck.lipsFiller && g.chance(0.6) {
		what = "lip filler"
	}
	when := g.treatedWhen(ck)
	lp := expand(pick(g, ev.prof.lay), g.vars(k, ev, false))
	timing := whenText(k.dayOf(ev.detect), ev.prof.immediate)
	term := strings.ToLower(ev.term.Display())
	platform := platformText(ck.platforms)
	subj, obj, poss := pronouns(pat.sex)
	written := false
	switch x.Channel {
	case c.ComplaintChannelEmail, c.ComplaintChannelWebForm, c.ComplaintChannelPrivateMessage, c.ComplaintChannelPublicSocialMedia, c.ComplaintChannelLetter:
		written = true
	}
	var ss []string
	add := func(s string) {
		if s != "" {
			ss = append(ss, s)
		}
	}
	first := false // in the complainant's own words
	wants := g.remedyText(ck, false)
	relative := ck.role == c.ComplainantRoleRelativeOrCarer || ck.role == c.ComplainantRoleParentOrGuardian
	switch {
	case ck.anon:
		add("Anonymous complaint about " + what + " at " + k.cl.name + ": reports " + term + " after treatment.")
		switch {
		case !ck.healthcare && g.chance(0.5):
			add("Says the practitioner has no medical qualification.")
		case k.proc.code == c.ProcedureBotulinumToxin && g.chance(0.4):
			add("Says prescription-only toxin is offered on social media without a consultation.")
		case g.chance(0.3):
			add("Says the premises were not clean.")
		}
		if wants != "" {
			add("Asks for " + wants + ".")
		}
	case ck.role == c.ComplainantRoleRepresentative:
		add("Letter from " + ck.firm + " acting for the patient about " + term + " after " + what + " (" + k.areaText + ")" + when + ".")
		if wants != "" {
			add("They ask for " + wants + ".")
		}
	case ck.role == c.ComplainantRoleOtherPractitioner:
		o := ck.other
		add(o.name + " of " + ck.otherPlace + " saw the patient for corrective treatment and raises concerns about " + term +
			" after " + what + " (" + k.areaText + ") at " + k.cl.name + when + ".")
		if ck.blocked {
			add("Says the patient could not reach the practitioner.")
		}
		if wants != "" {
			add("Asks for " + wants + ".")
		}
	case written && g.chance(0.65):
		// The complainant's own words.
		first = true
		var who string
		lpx := lp
		if relative {
			who = "My " + ck.patWord
			if ck.mention && g.chance(0.5) {
				who += " " + pat.given
			}
			lpx = thirdPerson(lp, pat.sex)
		} else if ck.role == c.ComplainantRoleOther {
			who = "My friend"
			lpx = thirdPerson(lp, pat.sex)
		} else {
			who = "I"
		}
		add(who + " had " + what + " (" + k.areaText + ") at " + k.cl.name + when + ".")
		if g.chance(0.3) {
			add("It was done by " + k.prac.name + ".")
		}
		add(capFirst(timing) + " " + lpx + ".")
		if who == "I" {
			switch {
			case ck.disclosed:
				add("The practitioner then posted about me on " + platform + " and mentioned my health.")
			case ck.public:
				add("The practitioner answered me publicly on " + platform + " instead of privately.")
			}
			switch {
			case ck.blocked:
				add(pick(g, []string{"I messaged the practitioner for help and was blocked.", "My messages to the practitioner were ignored.",
					"The practitioner blocked me when I asked for help."}))
			case ck.silent:
				add("I have had no reply from the practitioner.")
			}
			if wants != "" {
				add("I want " + g.remedyText(ck, true) + ".")
			}
		} else {
			switch {
			case ck.disclosed:
				add("The practitioner then posted about " + obj + " on " + platform + " and mentioned " + poss + " health.")
			case ck.public:
				add("The practitioner answered publicly on " + platform + " instead of privately.")
			}
			switch {
			case ck.blocked:
				add(capFirst(subj) + " messaged the practitioner for help and was blocked.")
			case ck.silent:
				add("We have had no reply from the practitioner.")
			}
			if wants != "" {
				add("We want " + wants + ".")
			}
		}
	default:
		// As the clinic logged it. When someone else complains, the note
		// calls the patient the patient.
		ref := "the patient"
		said := thirdPerson(lp, pat.sex)
		switch {
		case relative:
			ref = "the patient's family"
			said = asPatient(lp, pat.sex)
		case ck.role == c.ComplainantRoleOther:
			ref = "a friend of the patient"
			said = asPatient(lp, pat.sex)
		}
		if ck.mention && g.chance(0.5) {
			ref = g.nameForm(ck.cp)
		}
		open := map[c.ComplaintChannel]string{
			c.ComplaintChannelPhone:             capFirst(ref) + " phoned to complain about ",
			c.ComplaintChannelInPerson:          capFirst(ref) + " came in to complain about ",
			c.ComplaintChannelEmail:             capFirst(ref) + " emailed to complain about ",
			c.ComplaintChannelWebForm:           "Web form from " + ref + " about ",
			c.ComplaintChannelPrivateMessage:    capFirst(ref) + " sent a direct message to complain about ",
			c.ComplaintChannelPublicSocialMedia: capFirst(ref) + " posted a public review about ",
			c.ComplaintChannelLetter:            "Letter from " + ref + " about ",
		}[x.Channel]
		if x.Channel == c.ComplaintChannelRegisterOrRegulator {
			body := "a register"
			if len(x.Escalations) > 0 {
				body = x.Escalations[0].To.Display()
			}
			open = "Passed on by " + body + ": " + ref + " complains about "
		}
		add(open + what + " (" + k.areaText + ")" + when + ".")
		add("Reports that " + timing + " " + said + ".")
		switch {
		case ck.disclosed:
			add("Reports that the practitioner posted about the complaint on " + platform + " and referred to " + poss + " health.")
		case ck.public:
			add("The practitioner replied publicly on " + platform + ".")
		}
		switch {
		case ck.blocked && (relative || ck.role == c.ComplainantRoleOther):
			add("Says the practitioner blocked the patient after " + subj + " asked for help.")
		case ck.blocked:
			add(pick(g, []string{"Says the practitioner blocked " + obj + " after " + subj + " asked for help.",
				"Says " + poss + " messages to the practitioner went unanswered."}))
		case ck.silent:
			add("No reply from the practitioner so far.")
		}
		if wants != "" {
			add("Wants " + wants + ".")
		}
	}
	// Identifier sentences go second or last, as notes do.
	if ck.mention {
		ids := g.complainantIDs(ck, first)
		for i := range min(len(ids), g.between(1, 2)) {
			j := g.intn(len(ids))
			s := ids[j]
			ids = append(ids[:j], ids[j+1:]...)
			if i == 0 && g.chance(0.5) && len(ss) > 0 {
				ss = append(ss[:1], append([]string{s}, ss[1:]...)...)
			} else {
				ss = append(ss, s)
			}
		}
	}
	return strings.Join(ss, " ")
}

// complainantIDs returns sentences that mention the complainant's own
// identifiers: in their voice when the summary is in their words, in the
// clinic's otherwise.
func (g *Generator) complainantIDs(ck *ckase, first bool) []string {
	p := ck.cp
	var out []string
	add := func(s string) { out = append(out, s) }
	if first {
		add("My name is " + p.given + " " + p.family + ".")
		if !p.dob.IsZero() {
			add("My date of birth is " + g.dateForm(p.dob) + ".")
		}
		if p.mobile != "" {
			add("You can reach me on " + g.phoneForm(p.mobile) + ".")
		}
		if p.email != "" {
			add("My email is " + p.email + ".")
		}
		if p.handle != "" {
			add("I am @" + p.handle + " on " + p.platform.Display() + ".")
		}
		if p.nhs != "" {
			add("My NHS number is " + g.nhsForm(p.nhs) + ".")
		}
		if len(p.lines) > 0 {
			add("I live at " + p.lines[len(p.lines)-1] + ", " + g.postcodeForm(p.postcode) + ".")
		}
		return out
	}
	name := g.nameForm(p)
	add("Complainant " + name + ".")
	if !p.dob.IsZero() {
		add(name + ", DOB " + g.dateForm(p.dob) + ".")
	}
	if p.mobile != "" {
		add("Contact number " + g.phoneForm(p.mobile) + ".")
	}
	if p.email != "" {
		add("Reply to " + p.email + ".")
	}
	if p.handle != "" {
		add(p.platform.Display() + " @" + p.handle + ".")
	}
	if p.nhs != "" {
		add("NHS no. " + g.nhsForm(p.nhs) + ".")
	}
	if len(p.lines) > 0 {
		add("Address " + p.lines[len(p.lines)-1] + ", " + g.postcodeForm(p.postcode) + ".")
	}
	return out
}

// treatmentPrice returns a typical UK price for the treatment, in pounds.
func (g *Generator) treatmentPrice(k *kase) int {
	lo, hi := 150, 350
	switch k.proc.code {
	case c.ProcedureBotulinumToxin:
		lo, hi = 120, 300
	case c.ProcedureThreadLift:
		lo, hi = 400, 1200
	case c.ProcedureChemicalPeel:
		lo, hi = 80, 200
	case c.ProcedureLaserIPL:
		lo, hi = 60, 250
	case c.ProcedureSkinBooster:
		lo, hi = 200, 400
	case c.ProcedureLipolysis:
		lo, hi = 150, 400
	}
	return g.between(lo/10, hi/10) * 10
}

// remedyNotes writes the remedy sought as free text.
func (g *Generator) remedyNotes(ck *ckase) string {
	first := ck.lay() && !ck.anon && g.chance(0.5)
	var ss []string
	if first {
		ss = append(ss, "I would like "+g.remedyText(ck, true)+".")
	} else {
		ss = append(ss, "Wants "+g.remedyText(ck, false)+".")
	}
	if rs := ck.x.RemedySought; (slices.Contains(rs, c.RemedyRefund) || slices.Contains(rs, c.RemedyCompensation)) && g.chance(0.5) {
		ss = append(ss, "Paid £"+itoa(g.treatmentPrice(ck.k))+" for the treatment.")
	}
	if ck.mention && g.chance(0.3) {
		p := ck.cp
		switch {
		case p.mobile != "":
			ss = append(ss, "Call "+g.phoneForm(p.mobile)+" after 5pm.")
		case p.email != "":
			ss = append(ss, "Prefers email: "+p.email+".")
		}
	}
	return strings.Join(ss, " ")
}

// learningPoints writes what the clinic learned, in its own voice.
func (g *Generator) learningPoints(ck *ckase) string {
	k, x := ck.k, ck.x
	what := pick(g, k.proc.what)
	term := strings.ToLower(ck.ev.term.Display())
	var opts []string
	has := func(cat c.ComplaintCategory) bool { return slices.Contains(x.Categories, cat) }
	if has(c.ComplaintCategoryConsent) {
		opts = append(opts, "Consent form now lists "+term+" and how long it can last.")
	}
	if has(c.ComplaintCategoryAftercare) {
		opts = append(opts, "Review call now offered at day 14 after every "+what+" treatment.",
			"Out-of-hours number added to the aftercare leaflet.")
	}
	switch ck.group {
	case groupLumps:
		opts = append(opts, "Protocol for delayed nodules reviewed with every injector; hyaluronidase kept in stock.")
	case groupIschaemic:
		opts = append(opts, "Emergency protocol for vascular occlusion rehearsed by the whole team.")
	case groupInfection:
		opts = append(opts, "Skin preparation audited; chlorhexidine used before every injection.")
	case groupDissatisfied:
		opts = append(opts, "Expectations and likely results now discussed and photographed at consultation.")
	case groupSkin:
		opts = append(opts, "Patch test before every first session; settings checked by a second person.")
	}
	if ck.public || ck.blocked {
		opts = append(opts, "Complaints are answered in private and never on social media; complaint handling training booked.",
			"Social media policy rewritten: no patient or complaint is discussed online.")
	}
	if has(c.ComplaintCategoryPractitionerQualification) {
		opts = append(opts, "Practitioner now works under the supervision of a prescriber.")
	}
	opts = append(opts, "Case discussed at the team meeting.", "Complaints procedure and response times explained at the first contact.")
	n := g.between(1, min(3, len(opts)))
	var out []string
	for range n {
		j := g.intn(len(opts))
		out = append(out, opts[j])
		opts = append(opts[:j], opts[j+1:]...)
	}
	return strings.Join(out, " ")
}
