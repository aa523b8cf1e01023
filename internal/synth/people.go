package synth

import (
	"strings"
	"time"
	"unicode"

	c "github.com/openaesthetics/casebook/complication"
)

// person is a patient or a lay reporter, with every identifier the clinic
// might hold.
type person struct {
	title, given, family string
	other                []string
	sex                  c.Sex
	dob                  time.Time
	age                  int
	nhs                  string // ten digits, reserved test range
	localID              string
	lines                []string
	town                 *town
	postcode             string
	mobile               string // digits only, 07700 900xxx
	phones               []string
	email                string
	handle               string // without the @
	platform             c.SocialPlatform
}

// practitioner is a treating practitioner, a prescriber or another
// practitioner who reports.
type practitioner struct {
	title, given, family string
	name                 string // as the record holds it
	prof                 c.Profession
	body                 c.RegistrationBody
	reg                  string
	mobile               string
	email                string
	handle               string
}

type clinic struct {
	name, slug string
	town       *town
	country    string
	lines      []string
	postcode   string
	phone      string
	email      string
	website    string
	cqc        string
	handle     string
}

func (g *Generator) town() *town {
	return &towns[weighted(g, len(towns), func(i int) float64 { return float64(towns[i].weight) })]
}

// people draws who was involved: the clinic, the patient, the practitioner
// and the reporter, and fills the record's reporter, practitioner and
// setting blocks.
func (g *Generator) people(k *kase) {
	r := k.r
	cl := &clinic{}
	k.cl = cl
	if g.chance(0.015) {
		k.abroad = g.intn(len(abroad))
		k.jur = c.JurisdictionOther
		cl.country = abroad[k.abroad].country
	} else {
		cl.town = g.town()
		k.jur = cl.town.nation
	}
	g.clinic(k)

	// Patient.
	pMale := map[c.Procedure]float64{c.ProcedureDermalFiller: 0.04, c.ProcedureBotulinumToxin: 0.12, c.ProcedureLipolysis: 0.15, c.ProcedureLaserIPL: 0.1}[k.proc.code]
	if pMale == 0 {
		pMale = 0.06
	}
	sex := c.SexFemale
	switch x := g.rng.Float64(); {
	case x < 0.005:
		sex = c.SexOther
	case x < 0.005+pMale:
		sex = c.SexMale
	}
	home := cl.town
	if home == nil || g.chance(0.25) {
		home = g.town()
	}
	k.pat = g.patientPerson(k, sex, home)

	// Practitioner.
	profs := []c.Profession{c.ProfessionNurse, c.ProfessionDoctor, c.ProfessionDentist, c.ProfessionPharmacist, c.ProfessionOtherHealthcareProfessional, c.ProfessionNonHealthcare}
	pw := []float64{33, 24, 18, 5, 3, 17}
	if k.abroad >= 0 {
		pw = []float64{10, 60, 20, 0, 0, 10}
	}
	k.prac = g.practitioner(k, profs[weighted(g, len(profs), func(i int) float64 { return pw[i] })], k.abroad >= 0)

	// Reporter.
	roles := []c.ReporterRole{c.ReporterRoleTreatingPractitioner, c.ReporterRoleOtherPractitioner, c.ReporterRolePatient, c.ReporterRoleRelative, c.ReporterRoleManufacturer}
	rw := []float64{68, 12, 15, 3, 2}
	if k.prac.prof == c.ProfessionNonHealthcare || k.abroad >= 0 {
		rw = []float64{30, 30, 34, 6, 0}
	}
	role := roles[weighted(g, len(roles), func(i int) float64 { return rw[i] })]
	r.Reporter.Role = role
	switch role {
	case c.ReporterRoleTreatingPractitioner:
		r.Reporter.Profession, r.Reporter.RegistrationBody = k.prac.prof, k.prac.body
	case c.ReporterRoleOtherPractitioner:
		k.other = g.practitioner(k, pick(g, []c.Profession{c.ProfessionDoctor, c.ProfessionDoctor, c.ProfessionNurse, c.ProfessionDentist}), false)
		r.Reporter.Profession, r.Reporter.RegistrationBody = k.other.prof, k.other.body
	case c.ReporterRoleRelative:
		rel := &person{sex: pick(g, []c.Sex{c.SexFemale, c.SexMale})}
		rel.given = g.given(rel.sex)
		rel.family = k.pat.family
		if g.chance(0.3) {
			rel.family = g.family()
		}
		rel.title = g.title(rel.sex, 45)
		rel.mobile = g.mobile()
		rel.phones = []string{g.formatMobile(rel.mobile)}
		rel.email = g.email(rel.given, rel.family)
		k.relative = rel
	}
	if role == c.ReporterRoleTreatingPractitioner && r.Reporter.RegistrationBody == c.RegistrationBodyNone && g.chance(0.5) {
		r.Reporter.RegistrationBody = ""
	}

	// Practitioner block.
	p := &c.Practitioner{Profession: k.prac.prof, RegistrationBody: k.prac.body}
	lay := role == c.ReporterRolePatient || role == c.ReporterRoleRelative
	if lay && g.chance(0.25) {
		p.Profession, p.RegistrationBody = "", ""
		p.Missing = c.Missing{"profession": c.MissingReasonNotKnown, "registration_body": c.MissingReasonNotKnown}
	}
	if k.prac.prof != c.ProfessionNonHealthcare && k.abroad < 0 {
		if g.chance(0.15) {
			p.VoluntaryRegisters = append(p.VoluntaryRegisters, c.VoluntaryRegisterJCCP)
		}
		if g.chance(0.25) {
			p.VoluntaryRegisters = append(p.VoluntaryRegisters, c.VoluntaryRegisterSaveFace)
		}
	}
	if k.proc.code == c.ProcedureBotulinumToxin {
		p.Prescriber = g.prescriber(k)
	}
	r.Practitioner = p

	// Setting.
	r.Setting = g.setting(k)
}

func (g *Generator) prescriber(k *kase) *c.Prescriber {
	pr := &c.Prescriber{}
	canPrescribe := k.prac.prof == c.ProfessionDoctor || k.prac.prof == c.ProfessionDentist ||
		(k.prac.prof == c.ProfessionNurse || k.prac.prof == c.ProfessionPharmacist) && g.chance(0.7)
	if canPrescribe {
		pr.Profession, pr.RegistrationBody = k.prac.prof, k.prac.body
		pr.SameAsPractitioner = ptr(true)
		pr.FaceToFaceConsultation = ptr(true)
	} else {
		k.presc = g.practitioner(k, pick(g, []c.Profession{c.ProfessionDoctor, c.ProfessionNurse, c.ProfessionNurse, c.ProfessionDentist}), k.abroad >= 0)
		pr.Profession, pr.RegistrationBody = k.presc.prof, k.presc.body
		pr.SameAsPractitioner = ptr(false)
		switch x := g.rng.Float64(); {
		case x < 0.86:
			pr.FaceToFaceConsultation = ptr(true)
		case x < 0.92:
			pr.FaceToFaceConsultation = ptr(false) // remote prescribing: prescribed_without_consultation
		}
	}
	if g.chance(0.05) {
		return &c.Prescriber{Missing: c.Missing{"profession": c.MissingReasonNotKnown}}
	}
	return pr
}

func (g *Generator) setting(k *kase) *c.Setting {
	s := &c.Setting{}
	if k.abroad >= 0 {
		s.Premises = c.PremisesAbroad
		return s
	}
	premises := []c.Premises{c.PremisesClinic, c.PremisesMedicalPractice, c.PremisesHospital, c.PremisesBeautySalon, c.PremisesHomeVisit, c.PremisesPractitionerHome, c.PremisesParty}
	var w []float64
	switch k.prac.prof {
	case c.ProfessionNonHealthcare:
		w = []float64{15, 0, 0, 45, 15, 20, 5}
	case c.ProfessionDoctor, c.ProfessionDentist:
		w = []float64{60, 35, 5, 0, 0, 0, 0}
	default:
		w = []float64{70, 15, 0, 8, 7, 0, 0}
	}
	s.Premises = premises[weighted(g, len(premises), func(i int) float64 { return w[i] })]
	if k.jur == c.JurisdictionEngland {
		healthcare := k.prac.prof != c.ProfessionNonHealthcare
		clinical := s.Premises == c.PremisesClinic || s.Premises == c.PremisesMedicalPractice || s.Premises == c.PremisesHospital
		switch x := g.rng.Float64(); {
		case healthcare && clinical && x < 0.55:
			s.CQCRegistered = ptr(true)
		case x < 0.8:
			s.CQCRegistered = ptr(false)
		}
		if k.cl.town.name == "London" && g.chance(0.35) {
			s.PremisesLicensed = ptr(true)
		}
	}
	if k.r.Reporter.Role == c.ReporterRolePatient && g.chance(0.03) {
		s.Premises = ""
		s.Missing = c.Missing{"premises": c.MissingReasonNotKnown}
	}
	if s.CQCRegistered != nil && *s.CQCRegistered {
		k.cl.cqc = "1-" + g.pattern("#########")
		if g.chance(0.5) {
			k.cl.cqc += g.pattern("#")
		}
	}
	return s
}

func (g *Generator) title(sex c.Sex, age int) string {
	switch sex {
	case c.SexMale:
		if g.chance(0.02) {
			return "Dr"
		}
		return "Mr"
	case c.SexOther:
		return "Mx"
	}
	if age < 18 {
		return pick(g, []string{"Miss", "Miss", "Ms"})
	}
	if g.chance(0.02) {
		return "Dr"
	}
	if age < 30 {
		return pick(g, []string{"Miss", "Miss", "Miss", "Ms", "Ms", "Mrs"})
	}
	return pick(g, []string{"Mrs", "Mrs", "Mrs", "Ms", "Ms", "Miss"})
}

func (g *Generator) given(sex c.Sex) string {
	switch sex {
	case c.SexMale:
		return pick(g, maleGiven)
	case c.SexOther:
		if g.chance(0.5) {
			return pick(g, maleGiven)
		}
	}
	return pick(g, femaleGiven)
}

func (g *Generator) family() string {
	f := pick(g, familyNames)
	if g.chance(0.06) {
		if s := pick(g, familyNames); s != f {
			f += "-" + s
		}
	}
	return f
}

// ages are drawn in bands, mostly 18 to 75, with a small share of 16- and
// 17-year-olds so that the under-18 flag is exercised.
var ageBands = []struct {
	lo, hi int
	w      float64
}{{16, 17, 2.5}, {18, 24, 20}, {25, 34, 31}, {35, 44, 23}, {45, 54, 13}, {55, 64, 7}, {65, 75, 3}}

func (g *Generator) patientPerson(k *kase, sex c.Sex, home *town) *person {
	b := ageBands[weighted(g, len(ageBands), func(i int) float64 { return ageBands[i].w })]
	age := g.between(b.lo, b.hi)
	treated := k.t0.Truncate(day)
	dob := treated.AddDate(-(age + 1), 0, g.between(1, 365))
	p := &person{sex: sex, dob: dob, age: yearsBetween(dob, treated), town: home}
	p.given = g.given(sex)
	p.family = g.family()
	p.title = g.title(sex, p.age)
	if g.chance(0.05) {
		if p.title == "Mrs" {
			p.other = []string{p.given + " " + pick(g, familyNames)} // maiden name
		} else {
			p.other = []string{g.given(sex)} // preferred name
		}
	}
	p.nhs = g.nhsNumber()
	p.localID = pick(g, []string{"PT-", "P", "CL", "#"}) + g.pattern("#####")
	num := itoa(g.between(1, 180))
	street := pick(g, streetFirst) + " " + pick(g, streetSecond)
	if g.chance(0.15) {
		p.lines = []string{"Flat " + itoa(g.between(1, 24)), num + " " + street}
	} else {
		p.lines = []string{num + " " + street}
	}
	p.postcode = g.postcode(home)
	p.mobile = g.mobile()
	p.phones = []string{g.formatMobile(p.mobile)}
	if g.chance(0.12) {
		p.phones = append(p.phones, g.landline(home))
	}
	p.email = g.email(p.given, p.family)
	p.handle = g.handle(p.given, p.family)
	p.platform = pick(g, []c.SocialPlatform{c.SocialPlatformInstagram, c.SocialPlatformInstagram, c.SocialPlatformInstagram, c.SocialPlatformTikTok, c.SocialPlatformFacebook, c.SocialPlatformSnapchat})
	return p
}

// yearsBetween returns completed years from birth to t.
func yearsBetween(birth, t time.Time) int {
	y := t.Year() - birth.Year()
	if t.Month() < birth.Month() || t.Month() == birth.Month() && t.Day() < birth.Day() {
		y--
	}
	return y
}

// practitioner draws a practitioner of the profession; abroad ones are on a
// foreign register.
func (g *Generator) practitioner(k *kase, prof c.Profession, abroad bool) *practitioner {
	sex := c.SexFemale
	if g.chance(0.25) {
		sex = c.SexMale
	}
	p := &practitioner{prof: prof, given: g.given(sex), family: g.family()}
	switch prof {
	case c.ProfessionDoctor, c.ProfessionDentist:
		p.title = "Dr"
		p.name = "Dr " + p.given + " " + p.family
	case c.ProfessionNurse:
		p.name = p.given + " " + p.family
		if g.chance(0.3) {
			p.name += pick(g, []string{" RGN", " RN", " NIP"})
		}
	default:
		p.name = p.given + " " + p.family
	}
	switch prof {
	case c.ProfessionDoctor:
		p.body, p.reg = c.RegistrationBodyGMC, string(rune('2'+g.intn(6)))+g.pattern("######")
	case c.ProfessionNurse:
		p.body = c.RegistrationBodyNMC
		p.reg = g.pattern("##") + string(rune('A'+g.intn(12))) + g.pattern("####") + pick(g, []string{"E", "E", "E", "E", "S", "W", "N", "O"})
	case c.ProfessionDentist:
		p.body, p.reg = c.RegistrationBodyGDC, string(rune('1'+g.intn(9)))+g.pattern("#####")[:g.between(4, 5)]
	case c.ProfessionPharmacist:
		if k.jur == c.JurisdictionNorthernIreland {
			p.body, p.reg = c.RegistrationBodyPSNI, g.pattern("#####")
		} else {
			p.body, p.reg = c.RegistrationBodyGPhC, "20"+g.pattern("#####")
		}
	case c.ProfessionOtherHealthcareProfessional:
		p.body, p.reg = c.RegistrationBodyHCPC, pick(g, []string{"PA", "PH", "CH", "RA", "OT"})+g.pattern("######")[:g.between(5, 6)]
	default:
		p.body = c.RegistrationBodyNone
	}
	if abroad && prof != c.ProfessionNonHealthcare {
		p.body, p.reg = c.RegistrationBodyOther, g.pattern("@@-######")
	}
	p.mobile = g.mobile()
	p.email = local(p.given) + "@" + k.cl.slug + ".invalid"
	if g.chance(0.5) {
		p.handle = g.handle(p.given, "aesthetics")
	}
	return p
}

func (g *Generator) clinic(k *kase) {
	cl := k.cl
	cl.name = pick(g, clinicStem) + " " + pick(g, clinicKind)
	cl.slug = slug(cl.name)
	street := pick(g, streetFirst) + " " + pick(g, streetSecond)
	switch x := g.rng.Float64(); {
	case x < 0.3:
		cl.lines = []string{"Suite " + itoa(g.between(1, 12)), itoa(g.between(1, 120)) + " " + street}
	case x < 0.45:
		cl.lines = []string{"Unit " + itoa(g.between(1, 30)), pick(g, streetFirst) + " Business Park"}
	case x < 0.7:
		cl.lines = []string{itoa(g.between(1, 250)) + " " + pick(g, []string{"High Street", "Market Street", "King Street", "Bridge Street"})}
	default:
		cl.lines = []string{itoa(g.between(1, 250)) + " " + street}
	}
	if cl.town != nil {
		cl.postcode = g.postcode(cl.town)
		cl.phone = g.landline(cl.town)
	}
	cl.email = pick(g, []string{"info", "hello", "bookings", "reception"}) + "@" + cl.slug + ".invalid"
	cl.website = "https://www." + cl.slug + ".example.com"
	cl.handle = cl.slug
}

// slug turns a clinic name into a host label: "Glow & Co Aesthetics" gives
// "glowcoaesthetics".
func slug(s string) string {
	var b strings.Builder
	for _, r := range fold(s) {
		r = unicode.ToLower(r)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fold removes diacritics the way people do when they type an email
// address or a handle: Zoë gives Zoe, Wiśniewska gives Wisniewska.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'á', 'à', 'â', 'ä', 'ã', 'å':
			r = 'a'
		case 'ç', 'ć':
			r = 'c'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'É':
			r = 'E'
		case 'í', 'ì', 'î', 'ï', 'ı':
			r = 'i'
		case 'ñ', 'ń':
			r = 'n'
		case 'ó', 'ò', 'ô', 'ö', 'õ', 'ø':
			r = 'o'
		case 'Ó':
			r = 'O'
		case 'ú', 'ù', 'û', 'ü':
			r = 'u'
		case 'ł':
			r = 'l'
		case 'ś', 'ş':
			r = 's'
		case 'ź', 'ż':
			r = 'z'
		case 'ğ':
			r = 'g'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// local returns the letters of a name usable in an email local part.
func local(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(fold(s)) {
		if r >= 'a' && r <= 'z' || r == '-' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// email returns an address at a reserved domain: example.com, example.org,
// example.net, or a host under .invalid.
func (g *Generator) email(given, family string) string {
	gv, fm := local(given), local(family)
	var lp string
	switch g.intn(6) {
	case 0:
		lp = gv + "." + fm
	case 1:
		lp = gv + fm + g.pattern("##")
	case 2:
		lp = gv[:1] + fm
	case 3:
		lp = gv + "_" + fm
	case 4:
		lp = gv + "." + fm + g.pattern("#")
	default:
		lp = fm + "." + gv
	}
	dom := pick(g, []string{"example.com", "example.com", "example.org", "example.net", "mail.invalid", "inbox.invalid"})
	return lp + "@" + dom
}

// handle returns a made-up social media handle.
func (g *Generator) handle(given, family string) string {
	gv, fm := local(given), local(family)
	fm = strings.ReplaceAll(fm, "-", "")
	switch g.intn(6) {
	case 0:
		return gv + "." + fm
	case 1:
		return gv + fm + "x"
	case 2:
		return gv + "_" + g.pattern("##")
	case 3:
		return "its." + gv + "." + fm[:min(3, len(fm))]
	case 4:
		return gv + "." + pick(g, []string{"glow", "beauty", "lashes", "ldn", "xo"})
	}
	return fm + gv + g.pattern("#")
}

// nhsNumber returns a ten-digit NHS number in the range NHS England reserves
// for testing (999 000 0000 to 999 999 9999) with a valid modulus-11 check
// digit.
func (g *Generator) nhsNumber() string {
	for {
		d := []byte("999" + g.pattern("######"))
		sum := 0
		for i, x := range d {
			sum += int(x-'0') * (10 - i)
		}
		check := 11 - sum%11
		if check == 11 {
			check = 0
		}
		if check == 10 {
			continue // never issued
		}
		return string(append(d, byte('0'+check)))
	}
}

// mobile returns an Ofcom drama mobile number, 07700 900000 to 07700
// 900999, as eleven digits.
func (g *Generator) mobile() string { return "07700900" + g.pattern("###") }

// formatMobile writes a mobile number the ways clinics store it.
func (g *Generator) formatMobile(d string) string {
	switch x := g.rng.Float64(); {
	case x < 0.6:
		return d[:5] + " " + d[5:]
	case x < 0.85:
		return d
	}
	return "+44 " + d[1:5] + " " + d[5:]
}

// landline returns an Ofcom drama landline number for the town's area, or
// in the no-area range 01632 960xxx where Ofcom reserves none for it.
func (g *Generator) landline(t *town) string {
	if t != nil && t.landline != "" {
		return t.landline + g.pattern("###")
	}
	return "01632 960" + g.pattern("###")
}

// postcode returns a postcode in valid UK format in one of the town's real
// districts; the inward code is random.
func (g *Generator) postcode(t *town) string {
	return pick(g, t.outward) + " " + itoa(g.intn(10)) + string(inwardLetters[g.intn(len(inwardLetters))]) + string(inwardLetters[g.intn(len(inwardLetters))])
}
