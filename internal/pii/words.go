package pii

import "strings"

// The word lists below are immutable after package initialisation. They
// are written in matching-copy form: lower case, ASCII.

// wordSet builds a set from a whitespace-separated list.
func wordSet(lists ...string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// commonWords are English words that are never taken as a name by the
// generic detectors, even when capitalised (sentence starts, headings).
// The list covers function words, the verbs, adjectives and nouns that
// recur in complaint and clinical narratives, and time words.
var commonWords = wordSet(`
a about above across after afterwards again against ago all almost alone along already also although always am among an and another any anyone anything anyway anywhere are around as at away
back be became because become been before beforehand began begin behind being below beside besides between beyond both but by
came can cannot could did do does doing done down during each either else elsewhere enough even ever every everyone everything everywhere except
few first for former from further get gets getting give given gives go goes going gone got had has have having he hence her here hers herself him himself his how however
i if in indeed instead into is it its itself just last later least less like made make makes making many may me meanwhile might mine more moreover most mostly much must my myself
near nearly neither never nevertheless new next no nobody none nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
per perhaps please put quite rather re really said same saw say says see seem seemed seems seen several she should show showed shown since so some somehow someone something sometime sometimes somewhere still such
take taken than that the their theirs them themselves then there thereafter therefore these they this those though through throughout thus to together too took toward towards
under until up upon us very via was we well went were what whatever when whenever where whereas wherever whether which while who whoever whole whom whose why will with within without would yet you your yours yourself yourselves
yes ok okay hi hello dear thanks thank regards kind best sincerely faithfully wishes yours cheers
mr mrs ms miss mx dr sir madam
able absolutely actual actually added additional advised afraid agreed allowed almost anxious apparent apparently applied appointment appointments approximately
arrived asked asking assessed attempted attended attending available aware bad badly became began believe believed better big booked booking bought brought busy
call called calling calls came cancelled care careful cause caused causing certain change changed changes check checked checking chose clear clearly close closed come comes coming
complain complained complaining concern concerned concerns confirmed consider considered contact contacted continue continued continues continuing could
day days decided declined deep described despite developed did different difficult discussed distressed documented does done due during early easily email emailed emails
ended ensure especially evening eventually every everyone exactly example explained expected experience experienced extremely fairly felt few fine finally first following followed
found friday full fully further gave given giving glad good got great handled happened happy hard heard help helped high home hope hoped hour hours however
immediately important improve improved improvement including increased increasing informed initial initially instead issue issues kept knew know known large late lately later left less let little long longer look looked looking lot low
mainly managed many maybe mean meant message messaged messages minor minutes moderate monday month months morning much needed never next night noted noticed number numbers
offered often ongoing only opened over pain painful paid part past patient patients people period person phone phoned photo photos photograph photographs picture pictures placed plan planned possible possibly post prescribed present previous previously probably provided
quickly raised reached read ready really reason received recent recently recommended refused refund regarding relieved remained remains replied reported requested required resolved response rest result returned review reviewed right
said same saturday saw second seemed seen sent serious seriously several severe severely shared short shortly should showed significant significantly similar since slight slightly small soon sore spoke started starting states stated still stopped subsequently suggested sunday support sure swollen
take taken talked telephoned tell thursday time times today told tomorrow took total treated tried true tuesday twice two three four five six seven eight nine ten
unable unhappy upset urgent urgently used usual usually visit visited waited waiting want wanted was week weekend weeks wednesday well went whilst worried worse worst wrote year years yesterday young
am pm next last this that morning afternoon evening tonight
lead senior head principal junior trainee registered qualified independent advanced specialist associate assistant deputy chief clinic manager owner director team staff practitioner
safety satisfaction feedback journey leaflet survey portal pathway choice group list instagram tiktok facebook whatsapp snapchat twitter youtube linkedin google website online
british college association society academy institute council national federation guild board service services unit centre center department
test tests registrar opinion instructions instruction officer triage theatre ward
holds held level levels training trained reference references guideline guidelines ace led aged who lives lived living works worked working drove drive driving noticed thought feels feel helped insisted also too and wants wanted came comes said says told tells took takes
left right upper lower both side sides mid middle central inner outer top bottom front
`)

// clinicalWords is the vocabulary of aesthetic and general clinical
// practice: products, anatomy, procedures, complications, units,
// abbreviations, organisations and the headings of complaint forms. A
// capitalised clinical word is a brand or heading, not a name.
var clinicalWords = wordSet(`
botox botulinum toxin toxins azzalure bocouture dysport xeomin letybo relfydess alluzience vistabel nuceiva jeuveau daxxify
filler fillers dermal hyaluronic acid ha juvederm volbella voluma volift volite volux volite kysse restylane lyft defyne refyne fynesse skinboosters belotero balance intense volume revive teosyal teoxane rha redensity
radiesse sculptra ellanse profhilo structura seventy hyal sunekos jalupro polynucleotides plinest nucleofill lumi eyes aliaxin stylage saypha revolax
hyaluronidase hyalase liporase hylenex hyalas
allergan galderma merz ipsen croma sinclair fillmed revance evolus prollenium
cannula cannulas needle needles syringe syringes gauge vial vials unit units iu ml mls mg mcg ug cc mm cm gram grams litre litres
lip lips upper lower cupid's cupids bow vermilion philtrum perioral nasolabial marionette chin jaw jawline cheek cheeks cheekbone tear trough troughs temple temples forehead brow brows glabella glabellar frown crow's crows feet nose nasal columella neck platysma masseter masseters gummy smile eyelid eyelids periorbital orbital submental decolletage
artery arteries arterial vein veins venous vascular occlusion occlusions ischaemia ischemia necrosis blanching livedo mottling reticularis dusky capillary refill vision visual blindness
swelling bruising bruise bruises oedema edema erythema redness tenderness pain lump lumps nodule nodules granuloma granulomas migration tyndall infection infected abscess cellulitis biofilm allergic allergy anaphylaxis hypersensitivity angioedema ptosis asymmetry asymmetric diplopia dysphagia headache headaches
hsv herpes cold sore sores antiviral aciclovir acyclovir valaciclovir antibiotic antibiotics flucloxacillin clarithromycin co-amoxiclav amoxicillin doxycycline prednisolone steroid steroids antihistamine antihistamines cetirizine chlorphenamine aspirin paracetamol ibuprofen adrenaline epinephrine epipen lidocaine lignocaine emla numbing anaesthetic topical
injection injections injected inject injecting injector treatment treatments treated procedure procedures session sessions consultation consultations review reviews follow-up followup aftercare appointment clinic clinics salon salons hospital hospitals surgery practice pharmacy
massage warm compress compresses ice ultrasound scan scans doppler photos photograph
grade grades scale ctcae fitzpatrick glogau merz iso bs en type types class
gp gps a&e ae ed ane nhs 111 999 ambulance emergency department urgent mhra jccp cqc gmc nmc gdc gphc hcpc saveface save face yellow card acic bcam baaps bapras ccr hiw rqia hcis
nurse nurses doctor doctors dentist dentists pharmacist pharmacists prescriber prescribers practitioner practitioners aesthetician aestheticians beautician beauticians therapist surgeon consultant
patient patients client clients customer customers complainant complainants
complaint complaints summary incident incidents report reports reporting details detail history medical clinical record records notes note outcome outcomes assessment plan management advice action actions referral referred referral description findings findings reason consent form forms section
product products batch lot expiry expired serial number area areas volume volumes dose doses dosage site sites reaction reactions adverse event events complication complications onset duration resolution resolved resolving
date dates time times name names address addresses contact information telephone mobile email postcode dob
day days week weeks month months year years hour hours minute minutes
mild moderate severe serious acute chronic delayed immediate early late persistent transient
bilateral unilateral left right superior inferior medial lateral anterior posterior deep superficial subcutaneous supraperiosteal intradermal intramuscular
royal free general infirmary university trust foundation teaching
cosmetic aesthetic aesthetics medical medicine skin dermal face facial beauty
iv im sc od bd tds qds prn stat po top
i ii iii iv v vi
`)

// givenNames are common UK given names that are not also ordinary English
// words. A capitalised token from this list is reported as a name even
// without a title or other cue; names that double as words ("May",
// "Grace", "Mark") are deliberately absent and are only found through
// cues or the Matcher.
var givenNames = wordSet(`
abigail ada adam adele adrian agnes aidan aileen aimee aisha aisling alan alana alex alexa alexander alexandra alexis alfie alice alicia alison alistair amanda amelia amir amy andrea andrew angela angelina anita ann anna anne annette annie anthony antonia aoife archie arlene arthur ashley asif aurora ava ayesha
barbara beatrice becky belinda bella beth bethany betty beverley billie brenda brian bridget brittany bronwen bryony
caitlin callum cameron camilla carla carly carmen caroline carolyn cassandra catherine cathy cerys charlene charles charlie charlotte chelsea cheryl chloe christina christine christopher ciara claire clara clare claudia colin connor courtney craig
daisy-mae daniel daniela danielle darren david davina debbie deborah debra deirdre denise diana diane donna dorothy dylan
eileen elaine eleanor elena elise elizabeth ella ellie eloise elsie emily emma erica erin esme eva evelyn evie
fatima felicity fiona florence francesca freya gail gareth gary gemma georgia georgina gillian gina gwen gwyneth hannah harriet hayley heidi helen helena hollie
imogen ingrid irene isabel isabella isla isobel jacqueline jacqui jade-marie jan jane janet janice jasmine jason jayne jeanette jemma jenna jennifer jenny jess jessica jill joanna joanne jodie joe joel john jonathan jordan josephine josie joyce judith julia julie juliet justine
karen karina kate katherine kathleen kathryn katie katy kayleigh keeley kelly kerry kevin kim kimberley kirsty kyla
laura lauren leah leanne lesley leslie lindsay lindsey linda lisa lois lorna lorraine louisa louise lucinda lucy lydia lynn lynne
maddison madeleine madison maisie mandy margaret maria marian marie marina marion martha martina mary matilda matthew maureen megan melanie melissa mia michaela michelle mila millie miriam molly monica morag muriel
nadia naomi natalie natasha nathalie nia niamh nicola nicole nina noor nora norma olivia paige pamela paula pauline penelope philippa phoebe polly priya
rachael rachel rebecca rebekah rhian rhiannon rita roisin rosie rowena ruth sabrina sadie samantha sandra sara sarah saskia scarlett shannon sharon sheila shirley siobhan sofia sonia sophia sophie stacey stella stephanie susan susannah suzanne sylvia
tamara tanya tara teresa theresa tina tracey tracy valerie vanessa victoria vivienne wendy yasmin yvonne zara zoe zoey
aaron adil ahmed alfred ali andy angus anwar ashok barry ben benjamin bernard bradley brendan carl chris christian clive colm conor damian darragh dave dean declan derek dominic donald douglas duncan edward eoin ewan gavin geoffrey george gerald gordon graham gregory hamish harvey hassan henry hugh iain ian imran jake james jamie jeremy jim jimmy joseph joshua keith kenneth kieran kyle lee leon liam lewis luke malcolm marcus martin michael mohammed muhammad nathan neil nigel oliver owen patrick paul peter philip raj rajesh raymond richard robert roger ronan ross ryan samuel scott sean simon stephen steven stuart thomas timothy tom tony trevor vincent wayne william
`)

// titles precede a personal name.
var titles = wordSet(`mr mrs ms miss mx dr doctor prof professor sir dame lady lord rev revd nurse sister matron madam mister`)

// postnominals are the qualifications and registrations written after a
// practitioner's name ("Jane Doe RGN", "Amir Khan MBBS"), spelled as they
// are written: the spelling is what tells the MRCS diploma from a word.
// Degrees that are also surnames (MA: Lin Ma; BA) are left out, so such a
// name keeps its surname.
var postnominals = wordSet(`
RGN RN RMN RNLD RSCN RSCPHN RM RHV RNA NIP NMP INP IP PIP NP ANP ACP
MBBS MBChB MBBCh BMBS BM BCh BDS BChD BDentSc DDS DMD MD FRCS MRCS FRCP MRCP MRCGP FRCGP DRCOG MFDS MJDF FDS FDSRCS MRCPsych FRCA FRCR MFPH
BSc MSc MPharm BPharm PharmD PhD DPhil PGDip PgDip PGCert PgCert DipHE PGDE Hons
`)

// IsPostnominal reports whether word, less its full stops and a
// trailing comma, is a qualification or registration written after a name
// ("RGN", "R.G.N.", "MBBS,"). A surname that is also a degree is not one, nor is any word in
// another case than the qualification's own ("Rn", "md").
func IsPostnominal(word string) bool {
	word = strings.TrimSuffix(word, ",")
	if strings.IndexByte(word, '.') >= 0 {
		word = strings.ReplaceAll(word, ".", "")
	}
	return postnominals[word]
}

// kinCues introduce the name of a relative or friend, as in "my husband
// Dave". What follows such a word is nearly always a name, so a
// non-vocabulary word is taken even in lower case.
var kinCues = wordSet(`
husband wife partner boyfriend girlfriend fiance fiancee spouse daughter son daughters sons mother mum mom mam mummy father dad daddy sister brother sibling friend friends aunt auntie aunty uncle niece nephew grandmother grandma gran granny nan nana nanna grandfather grandad granddad grandpa grandson granddaughter cousin colleague carer neighbour stepdaughter stepson stepmother stepfather named called aka
`)

// roleCues introduce a person by role, as in "nurse Kelly" or "patient
// Jane Doe". Role words are also ordinary nouns ("patient satisfaction"),
// so the name must be capitalised or follow a colon.
var roleCues = wordSet(`
patient client customer complainant practitioner injector clinician doctor therapist receptionist manager pharmacist dentist aesthetician beautician surgeon consultant prescriber owner director witness chaperone
`)

// verbCues are verbs whose object is usually a person: "Contact Bethan",
// "told Sarah". The name must be capitalised.
var verbCues = wordSet(`says said thinks believes feels contact contacted call called phone phoned ring rang email emailed message messaged text texted told asked informed advised reassured thanked met visited`)

// personVerbs take a person as subject. A capitalised unknown word right
// before one is a name: "Amara messaged the clinic".
var personVerbs = wordSet(`messaged posted said says complained complains phoned rang emailed texted called attended stated states reported reports felt feels wanted wants asked told noticed returned presented described explained agreed declined refused consented decided believes thinks contacted booked cancelled paid requested collapsed cried confirmed mentioned claims claimed alleges alleged writes wrote`)

// signatureCues end a letter or introduce an author, as in
// "Kind regards, Jane" or "Seen by: Dr Patel".
var signatureCues = wordSet(`regards thanks wishes sincerely faithfully signed signature name dear hi hello cc attn`)

// byCues are participles that, followed by "by", introduce a person:
// "treated by Sarah", "seen by Dr Khan".
var byCues = wordSet(`seen treated injected reviewed assessed reported completed written prepared administered performed examined signed referred`)

// months maps month names and abbreviations to their numbers.
var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// monthNames lists full and abbreviated English month names, indexed by
// month number, for generating date variants.
var monthNames = [13][]string{
	1: {"january", "jan"}, 2: {"february", "feb"}, 3: {"march", "mar"},
	4: {"april", "apr"}, 5: {"may"}, 6: {"june", "jun"}, 7: {"july", "jul"},
	8: {"august", "aug"}, 9: {"september", "sept", "sep"},
	10: {"october", "oct"}, 11: {"november", "nov"}, 12: {"december", "dec"},
}

// weekdays are never names.
var weekdays = wordSet(`monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`)

// streetTypes end a street name, with their usual abbreviations mapped to
// the full word so that known addresses match either spelling.
var streetTypes = map[string]string{
	"street": "street", "st": "street", "road": "road", "rd": "road",
	"avenue": "avenue", "ave": "avenue", "av": "avenue", "lane": "lane", "ln": "lane",
	"close": "close", "cl": "close", "drive": "drive", "dr": "drive", "way": "way",
	"crescent": "crescent", "cres": "crescent", "court": "court", "ct": "court",
	"place": "place", "pl": "place", "terrace": "terrace", "terr": "terrace", "tce": "terrace",
	"gardens": "gardens", "gdns": "gardens", "grove": "grove", "gr": "grove",
	"hill": "hill", "mews": "mews", "park": "park", "square": "square", "sq": "square",
	"walk": "walk", "row": "row", "rise": "rise", "green": "green", "parade": "parade",
	"boulevard": "boulevard", "wharf": "wharf", "meadow": "meadow", "meadows": "meadows",
	"vale": "vale", "croft": "croft", "gate": "gate", "yard": "yard", "view": "view",
	"approach": "approach", "chase": "chase", "path": "path", "brow": "brow",
}

// shortWords are one- and two-letter words and abbreviations that must
// not be taken for a short given name or a pair of initials unless the
// context says so ("Ed" the person versus "ED" the emergency department).
var shortWords = wordSet(`
a i o x am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we ye
ab ad ae ah al aw ax ay bs cc cm cq ct dm dr ed eg ei em en er es et ex fb fe fh gp ha hb hr ht ia ie im iu iv la lo ma md mg ml mm mo mr ms mu mx na ne nb nd np nt nu od oo ot ow pa pc pe ph pm po pr ps pt qa qi re rn rx sc sd sr st th ti tv uk ur ut vi vs wa wk xl xs yr
abc ace act add age ago aid aim air all and ant any ape app arc are ark arm art ash ask ate awe axe bad bag ban bar bay bed bee bet bid big bin bit bmi bod bot bow box boy bra bud bug bus but buy bye cab can cap car cat cbd cfs cns cod cog cot cow cry cup cut dad day den dew did die dig dim dip dna doc doe dog dot dry due dvd dvt ear eat ecg egg ego elf end ent era etc eve eye fab fan far fat fax fed fee few fig fin fit fix flu fly foe for fox fry fun fur gap gas gel get gin gnu gob god got gum gun gut guy gym had ham has hat hay hem hen her hey hid him hip his hit hiv hob hog hop hot how hue hug hum hut ice icu icy ill imo ink inn ion its ivy jab jam jar jaw jet job jog jot joy jug key kid kin kit lab lad lag lap law lay led leg let lid lie lip lit log lot low mad man map mat may men met mid mix mob mop mri mud mug mum nab nag nap net new nhs nil nod nor not now nut oak oar oat odd off oil old one opd orb our out owe owl own pad pal pan pat paw pay pea peg pen per pet pie pig pin pit ply pod pop pot pre pro pry pub pun pup put rag ram ran rap rat raw ray red rib rid rig rim rip rob rod rot row rub rug rum run sad sag sat saw say sea see set sew she shy sin sip sir sit six ski sky sly sob sod son sop sow soy spa spy sty sub sue sum sun tab tag tan tap tar tax tea ten the tie tin tip toe ton too top tow toy try tub tug two urn use van vat vet via vow wad wag war was wax way web wed wet who why wig win wit woe wok won woo wow yes yet you zip zoo
`)

// nameParticles join the parts of a surname ("van der Berg") and are
// never matched on their own.
var nameParticles = wordSet(`van der den de del della di da du la le von st saint mac mc o d ap ab bin bint al el ben`)

// genericLocalParts are mailbox names that identify a role, not a person,
// so a known address's local part alone is not swept when it is one of
// these.
var genericLocalParts = wordSet(`info admin hello contact enquiries enquiry bookings booking reception office mail team support clinic help sales accounts noreply no-reply`)

// wordSuffixes are English derivational endings that personal names
// almost never have ("Dermatologist", "Instructions", "electronically").
// Endings that names do share ("-ence" in Florence, "-ing" in Fleming,
// "-ive" in Clive, "-ally" in Sally) are deliberately absent.
var wordSuffixes = []string{"tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities",
	"ology", "ologist", "ologists", "ography", "ectomy", "itis", "osis", "ically", "ently", "ately",
	"ously", "ively", "fully", "ism", "isms", "ics", "ical"}

// looksLikeWord reports whether w has the shape of an English common
// word even though no list holds it.
func looksLikeWord(w string) bool {
	return !givenNames[w] && hasWordSuffix(w)
}

// hasWordSuffix reports whether w ends in one of wordSuffixes after at
// least three other letters, or is seven letters or more and ends in
// "able" or "ible".
func hasWordSuffix(w string) bool {
	// Every suffix is at least three letters long and ends in one of
	// these; most words are ruled out here, before the loop.
	if len(w) < 6 {
		return false
	}
	switch w[len(w)-1] {
	case 'e', 'l', 'm', 'n', 's', 't', 'y':
	default:
		return false
	}
	for _, suf := range wordSuffixes {
		if len(w) >= len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return len(w) >= 7 && (strings.HasSuffix(w, "able") || strings.HasSuffix(w, "ible"))
}

// isCommonWord reports whether w is an ordinary or clinical word: one of
// commonWords, clinicalWords, weekdays, months or titles.
func isCommonWord(w string) bool {
	return anyCommonWord[w]
}

// anyCommonWord is the union of the lists isCommonWord consults, so that
// it costs one lookup rather than five.
var anyCommonWord = func() map[string]bool {
	m := make(map[string]bool)
	for _, set := range []map[string]bool{commonWords, clinicalWords, weekdays, titles} {
		for w, ok := range set {
			if ok {
				m[w] = true
			}
		}
	}
	for w, n := range months {
		if n != 0 {
			m[w] = true
		}
	}
	return m
}()
