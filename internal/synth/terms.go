package synth

import c "github.com/openaesthetics/casebook/complication"

// mgmt is one kind of management a clinician records for an event.
type mgmt struct {
	action  c.Action
	product string // "$toxin" stands for the toxin the patient was treated with
	doses   []float64
	unit    c.DoseUnit
	route   c.Route
	by      []c.CareProvider
	at      [2]int // delay after detection: minutes when minutes is set, else days
	minutes bool   // an emergency: given_at is recorded to the minute
	repeat  int    // up to this many further doses, an hour apart
	notes   []string
}

var (
	treating   = []c.CareProvider{c.CareProviderTreatingPractitioner}
	treatingGP = []c.CareProvider{c.CareProviderTreatingPractitioner, c.CareProviderTreatingPractitioner, c.CareProviderGP}
	selfCare   = []c.CareProvider{c.CareProviderPatient, c.CareProviderPatient, c.CareProviderPharmacist}
)

var (
	mHyalOcc = &mgmt{c.ActionHyaluronidase, "Hyalase", []float64{1500, 1500, 1500, 1000, 750}, c.DoseUnitIU, c.RouteSubcutaneous, treating, [2]int{3, 25}, true, 3,
		[]string{"High-dose pulsed protocol: whole territory flooded, repeated hourly until capillary refill normal.", "Reconstituted in 1ml saline and injected along the course of the vessel.", "Capillary refill improved after the second dose."}}
	mHyalNod = &mgmt{c.ActionHyaluronidase, "Hyalase", []float64{150, 300, 300, 450, 600, 750, 1500}, c.DoseUnitIU, c.RouteIntralesional, treating, [2]int{0, 14}, false, 0,
		[]string{"Patch test negative before treatment.", "Injected directly into the nodule.", "Second session booked if not settled."}}
	mHyalDissolve = &mgmt{c.ActionHyaluronidase, "Hyalase", []float64{75, 150, 150, 300, 450}, c.DoseUnitIU, c.RouteIntralesional, []c.CareProvider{c.CareProviderTreatingPractitioner, c.CareProviderTreatingPractitioner, c.CareProviderOtherAestheticPractitioner}, [2]int{7, 35}, false, 0,
		[]string{"Dissolved at patient's request.", "Patch test done 20 minutes before.", "Partial dissolve; review in 2 weeks."}}
	mAspirin     = &mgmt{c.ActionAspirin, "Aspirin", []float64{300}, c.DoseUnitMg, c.RouteOral, treating, [2]int{10, 45}, true, 0, []string{"Chewed, then 75mg daily for a week."}}
	mWarm        = &mgmt{c.ActionWarmCompress, "", nil, "", "", treating, [2]int{2, 15}, true, 0, nil}
	mMassageNow  = &mgmt{c.ActionMassage, "", nil, "", "", treating, [2]int{2, 15}, true, 0, []string{"Firm massage between doses."}}
	mMassage     = &mgmt{c.ActionMassage, "", nil, "", "", []c.CareProvider{c.CareProviderTreatingPractitioner, c.CareProviderPatient}, [2]int{0, 7}, false, 0, []string{"Shown how to massage twice daily."}}
	mGTN         = &mgmt{c.ActionVasodilator, "GTN 2% ointment", nil, "", c.RouteTopical, treating, [2]int{15, 60}, true, 0, nil}
	mRefEDNow    = &mgmt{c.ActionReferralEmergency, "", nil, "", "", treating, [2]int{30, 150}, true, 0, []string{"Ambulance called.", "Sent to A&E with a letter."}}
	mRefED       = &mgmt{c.ActionReferralEmergency, "", nil, "", "", treatingGP, [2]int{0, 1}, false, 0, []string{"Advised to attend A&E."}}
	mHBO         = &mgmt{c.ActionHyperbaricOxygen, "", nil, "", "", []c.CareProvider{c.CareProviderHospitalSpecialist}, [2]int{1, 3}, false, 0, nil}
	mFluclox     = &mgmt{c.ActionAntibiotic, "Flucloxacillin", []float64{500}, c.DoseUnitMg, c.RouteOral, treatingGP, [2]int{0, 2}, false, 0, []string{"500mg QDS for 7 days.", "Course completed."}}
	mCoAmox      = &mgmt{c.ActionAntibiotic, "Co-amoxiclav", []float64{625}, c.DoseUnitMg, c.RouteOral, treatingGP, [2]int{0, 2}, false, 0, []string{"625mg TDS for 7 days."}}
	mClarith     = &mgmt{c.ActionAntibiotic, "Clarithromycin", []float64{500}, c.DoseUnitMg, c.RouteOral, treatingGP, [2]int{0, 3}, false, 0, []string{"500mg BD for 10 days.", "Penicillin allergic."}}
	mDoxy        = &mgmt{c.ActionAntibiotic, "Doxycycline", []float64{100}, c.DoseUnitMg, c.RouteOral, treatingGP, [2]int{0, 3}, false, 0, []string{"100mg BD for 14 days."}}
	mCipro       = &mgmt{c.ActionAntibiotic, "Ciprofloxacin", []float64{500}, c.DoseUnitMg, c.RouteOral, []c.CareProvider{c.CareProviderHospitalSpecialist, c.CareProviderTreatingPractitioner}, [2]int{3, 14}, false, 0, nil}
	mIVAbx       = &mgmt{c.ActionAntibiotic, "Flucloxacillin", []float64{1000, 2000}, c.DoseUnitMg, c.RouteIntravenous, []c.CareProvider{c.CareProviderEmergencyDepartment, c.CareProviderHospitalSpecialist}, [2]int{0, 1}, false, 0, []string{"Admitted for IV antibiotics."}}
	mAciclovir   = &mgmt{c.ActionAntiviral, "Aciclovir", []float64{400, 800}, c.DoseUnitMg, c.RouteOral, []c.CareProvider{c.CareProviderTreatingPractitioner, c.CareProviderGP, c.CareProviderPharmacist}, [2]int{0, 2}, false, 0, []string{"Five times daily for 5 days."}}
	mValaciclo   = &mgmt{c.ActionAntiviral, "Valaciclovir", []float64{500, 1000, 2000}, c.DoseUnitMg, c.RouteOral, treatingGP, [2]int{0, 2}, false, 0, nil}
	mAciCream    = &mgmt{c.ActionAntiviral, "Aciclovir 5% cream", nil, "", c.RouteTopical, selfCare, [2]int{0, 1}, false, 0, nil}
	mCetirizine  = &mgmt{c.ActionAntihistamine, "Cetirizine", []float64{10}, c.DoseUnitMg, c.RouteOral, []c.CareProvider{c.CareProviderPatient, c.CareProviderTreatingPractitioner, c.CareProviderPharmacist}, [2]int{0, 1}, false, 0, nil}
	mFexo        = &mgmt{c.ActionAntihistamine, "Fexofenadine", []float64{120, 180}, c.DoseUnitMg, c.RouteOral, treatingGP, [2]int{0, 1}, false, 0, nil}
	mChlorphenIV = &mgmt{c.ActionAntihistamine, "Chlorphenamine", []float64{10}, c.DoseUnitMg, c.RouteIntravenous, []c.CareProvider{c.CareProviderEmergencyDepartment}, [2]int{30, 120}, true, 0, nil}
	mPred        = &mgmt{c.ActionCorticosteroid, "Prednisolone", []float64{20, 30, 40}, c.DoseUnitMg, c.RouteOral, treatingGP, [2]int{0, 5}, false, 0, []string{"Reducing course over 5 days."}}
	mHC          = &mgmt{c.ActionCorticosteroid, "Hydrocortisone 1% cream", nil, "", c.RouteTopical, []c.CareProvider{c.CareProviderTreatingPractitioner, c.CareProviderPharmacist}, [2]int{0, 3}, false, 0, nil}
	mHCIV        = &mgmt{c.ActionCorticosteroid, "Hydrocortisone", []float64{200}, c.DoseUnitMg, c.RouteIntravenous, []c.CareProvider{c.CareProviderEmergencyDepartment}, [2]int{20, 90}, true, 0, nil}
	mTriam       = &mgmt{c.ActionCorticosteroid, "Triamcinolone acetonide (Kenalog-10)", []float64{5, 10, 20}, c.DoseUnitMg, c.RouteIntralesional, []c.CareProvider{c.CareProviderHospitalSpecialist, c.CareProviderTreatingPractitioner}, [2]int{14, 60}, false, 0, nil}
	mAdrenaline  = &mgmt{c.ActionAdrenaline, "Adrenaline 1:1000", []float64{0.5}, c.DoseUnitMg, c.RouteIntramuscular, treating, [2]int{2, 8}, true, 0, []string{"Anaphylaxis kit used; second dose not needed."}}
	mParacetamol = &mgmt{c.ActionAnalgesia, "Paracetamol", []float64{1000}, c.DoseUnitMg, c.RouteOral, selfCare, [2]int{0, 1}, false, 0, nil}
	mIbuprofen   = &mgmt{c.ActionAnalgesia, "Ibuprofen", []float64{400}, c.DoseUnitMg, c.RouteOral, selfCare, [2]int{0, 1}, false, 0, nil}
	mObserve     = &mgmt{c.ActionObservation, "", nil, "", "", treating, [2]int{0, 3}, false, 0, []string{"Reassured; review in 2 weeks.", "Photos taken for comparison."}}
	mApraclo     = &mgmt{c.ActionOther, "Iopidine 0.5% eye drops (apraclonidine)", nil, "", c.RouteTopical, []c.CareProvider{c.CareProviderTreatingPractitioner, c.CareProviderGP}, [2]int{0, 3}, false, 0, []string{"1-2 drops TDS until resolved."}}
	mLubricant   = &mgmt{c.ActionOther, "Hypromellose 0.3% eye drops", nil, "", c.RouteTopical, []c.CareProvider{c.CareProviderGP, c.CareProviderOphthalmology}, [2]int{0, 3}, false, 0, nil}
	mTopUp       = &mgmt{c.ActionOther, "$toxin", []float64{2, 4, 4, 6}, c.DoseUnitUnits, c.RouteIntramuscular, treating, [2]int{3, 14}, false, 0, []string{"Top-up at 2-week review.", "Corrective dose to balance."}}
	mThreadOut   = &mgmt{c.ActionThreadRemoval, "", nil, "", "", []c.CareProvider{c.CareProviderTreatingPractitioner, c.CareProviderTreatingPractitioner, c.CareProviderOtherAestheticPractitioner}, [2]int{0, 21}, false, 0, []string{"Exposed end trimmed and thread withdrawn.", "Thread removed under local anaesthetic."}}
	mIncision    = &mgmt{c.ActionIncisionDrainage, "", nil, "", "", []c.CareProvider{c.CareProviderGP, c.CareProviderEmergencyDepartment}, [2]int{1, 5}, false, 0, nil}
	mFlamazine   = &mgmt{c.ActionOther, "Flamazine (silver sulfadiazine) cream", nil, "", c.RouteTopical, treatingGP, [2]int{0, 2}, false, 0, nil}
	mHydroquin   = &mgmt{c.ActionOther, "Hydroquinone 4% cream", nil, "", c.RouteTopical, []c.CareProvider{c.CareProviderTreatingPractitioner, c.CareProviderHospitalSpecialist}, [2]int{14, 42}, false, 0, []string{"Nightly for 8 weeks with SPF 50."}}
	mSPF         = &mgmt{c.ActionOther, "SPF 50 sunscreen", nil, "", c.RouteTopical, treating, [2]int{0, 7}, false, 0, nil}
	mQSwitch     = &mgmt{c.ActionLaserTreatment, "Q-switched Nd:YAG laser", nil, "", "", []c.CareProvider{c.CareProviderOtherAestheticPractitioner, c.CareProviderHospitalSpecialist}, [2]int{60, 150}, false, 0, nil}
	mPDL         = &mgmt{c.ActionLaserTreatment, "Pulsed dye laser", nil, "", "", []c.CareProvider{c.CareProviderOtherAestheticPractitioner, c.CareProviderHospitalSpecialist}, [2]int{30, 120}, false, 0, nil}
	mRefGP       = &mgmt{c.ActionReferralGP, "", nil, "", "", treating, [2]int{0, 5}, false, 0, nil}
	mRefOphth    = &mgmt{c.ActionReferralOphthalmology, "", nil, "", "", treatingGP, [2]int{0, 5}, false, 0, nil}
	mRefOphthNow = &mgmt{c.ActionReferralOphthalmology, "", nil, "", "", treating, [2]int{10, 60}, true, 0, []string{"Emergency eye casualty referral."}}
	mRefDerm     = &mgmt{c.ActionReferralDermatology, "", nil, "", "", treatingGP, [2]int{7, 60}, false, 0, nil}
	mRefPlastics = &mgmt{c.ActionReferralPlasticSurgery, "", nil, "", "", treatingGP, [2]int{1, 14}, false, 0, nil}
	mRefMaxfax   = &mgmt{c.ActionReferralMaxillofacial, "", nil, "", "", treatingGP, [2]int{3, 30}, false, 0, nil}
	mArnica      = &mgmt{c.ActionOther, "Arnica gel", nil, "", c.RouteTopical, selfCare, [2]int{0, 1}, false, 0, nil}
	mCold        = &mgmt{c.ActionOther, "Cold compress", nil, "", "", []c.CareProvider{c.CareProviderPatient}, [2]int{0, 0}, false, 0, nil}
	mWound       = &mgmt{c.ActionOther, "Non-adherent dressings", nil, "", c.RouteTopical, treatingGP, [2]int{0, 3}, false, 0, []string{"Daily wound checks."}}
	mExcision    = &mgmt{c.ActionExcision, "", nil, "", "", []c.CareProvider{c.CareProviderHospitalSpecialist}, [2]int{60, 200}, false, 0, nil}
)

// opt is a management option: with probability p, one of ms is given.
type opt struct {
	p  float64
	ms []*mgmt
}

// profile is how a complication term presents: when it starts, how long it
// lasts, how bad it is, how it is managed and how it is written about.
type profile struct {
	onset     [2]int // days from treatment to onset
	immediate bool   // within minutes of the injection; onset recorded to the minute
	monthOnly float64
	detect    [2]int // days from onset to detection or presentation
	lasts     [2]int // days from onset to resolution
	sev       [3]float64
	serious   float64
	criteria  []c.Seriousness // the first always, each other one sometimes
	sequelae  float64         // chance of recovery with sequelae
	persist   float64         // chance the event never resolves within the record
	seqText   []string
	mgmt      []opt
	ifSerious []opt // further management when the event is serious
	causes    []c.Cause
	psych     bool   // psychological harm plausible
	pain      bool   // prolonged pain plausible
	side      bool   // usually one-sided
	site      c.Site // where the event is, when not at the treated area
	noSite    bool   // systemic: no site recorded
	follow    []follow
	desc      []string // short descriptions; see expand for the {keys}
	story     []string // clinician's narrative sentences
	lay       []string // how a patient describes it
}

type follow struct {
	p    float64
	term c.Term
}

var (
	tech     = []c.Cause{c.CauseTechnique}
	techPt   = []c.Cause{c.CauseTechnique, c.CausePatientFactor}
	prodTech = []c.Cause{c.CauseProduct, c.CauseTechnique, c.CauseUndetermined}
	ptFactor = []c.Cause{c.CausePatientFactor, c.CauseUndetermined}
	hygiene  = []c.Cause{c.CauseSetting, c.CauseAftercare, c.CauseTechnique, c.CauseUndetermined}
	undet    = []c.Cause{c.CauseUndetermined, c.CauseProduct}
)

var profiles = map[c.Term]*profile{
	c.TermBruising: {onset: [2]int{0, 0}, detect: [2]int{0, 1}, lasts: [2]int{5, 14}, sev: [3]float64{70, 27, 3},
		mgmt: []opt{{0.4, []*mgmt{mArnica}}, {0.25, []*mgmt{mCold}}, {0.2, []*mgmt{mObserve}}}, causes: techPt, side: true,
		follow: []follow{{0.3, c.TermOedema}},
		desc:   []string{"Bruising to the {site}.", "Purple bruise {site}, non-tender.", "Ecchymosis at injection points, {site}."},
		story:  []string{"Bruising to the {site} noted on day {day}.", "{Pt} sent photos showing bruising over the {site}.", "Bruise at the {site} consistent with needle trauma; no pulsatility."},
		lay:    []string{"I had really bad bruising", "my {site} was black and blue"}},
	c.TermOedema: {onset: [2]int{0, 1}, detect: [2]int{0, 1}, lasts: [2]int{3, 21}, sev: [3]float64{55, 38, 7},
		mgmt: []opt{{0.45, []*mgmt{mCetirizine, mFexo}}, {0.25, []*mgmt{mCold}}, {0.15, []*mgmt{mPred}}, {0.15, []*mgmt{mObserve}}}, causes: techPt,
		desc:  []string{"Swelling of the {site}.", "Marked oedema {site}, worse in the mornings.", "Swelling {site}, soft, non-tender."},
		story: []string{"Significant swelling of the {site} from day {day}, more than expected post-treatment.", "{Pt} reports swelling of the {site} that is worse on waking.", "Oedema settling at day 14 review."},
		lay:   []string{"my {site} swelled up massively", "my {site} was so swollen I couldn't go out"}},
	c.TermErythema: {onset: [2]int{0, 0}, detect: [2]int{0, 1}, lasts: [2]int{1, 7}, sev: [3]float64{80, 18, 2},
		mgmt: []opt{{0.3, []*mgmt{mHC}}, {0.3, []*mgmt{mObserve}}}, causes: ptFactor,
		desc:  []string{"Redness at the {site}.", "Erythema {site}."},
		story: []string{"Erythema over the {site} after treatment, settled with cool packs.", "Redness at the {site} persisted into day {day}."},
		lay:   []string{"my skin went really red", "the {site} stayed red and hot"}},
	c.TermPainTenderness: {onset: [2]int{0, 1}, detect: [2]int{0, 2}, lasts: [2]int{2, 21}, sev: [3]float64{55, 40, 5},
		mgmt: []opt{{0.6, []*mgmt{mParacetamol, mIbuprofen}}, {0.2, []*mgmt{mObserve}}}, causes: techPt, pain: true,
		desc:  []string{"Pain and tenderness {site}.", "Tender {site}, pain score 6/10."},
		story: []string{"Ongoing tenderness at the {site}; pain score 5/10 on day {day}.", "{Pt} describes aching at the {site} when chewing."},
		lay:   []string{"it was really painful", "the pain at the {site} kept me awake"}},
	c.TermParaesthesia: {onset: [2]int{0, 1}, detect: [2]int{0, 2}, lasts: [2]int{14, 90}, sev: [3]float64{60, 35, 5}, side: true,
		mgmt: []opt{{0.5, []*mgmt{mObserve}}, {0.1, []*mgmt{mRefGP}}}, causes: tech,
		desc:  []string{"Numbness {site}.", "Tingling and reduced sensation, {site}."},
		story: []string{"Reduced sensation over the {site}; two-point discrimination reduced.", "Numbness at the {site} reported at the day {day} call."},
		lay:   []string{"my {site} went numb", "I got pins and needles"}},
	c.TermContourIrregularity: {onset: [2]int{3, 14}, detect: [2]int{0, 14}, lasts: [2]int{21, 120}, sev: [3]float64{65, 32, 3},
		mgmt: []opt{{0.55, []*mgmt{mHyalDissolve}}, {0.3, []*mgmt{mMassage}}}, causes: tech, psych: true,
		desc:  []string{"Lumpy, uneven {site}.", "Palpable irregularity {site}.", "Overcorrection of the {site}."},
		story: []string{"Visible lumps along the {site} once the swelling settled.", "Beading of product palpable in the {site}.", "{Pt} is unhappy with lumps in the {site}, visible when smiling."},
		lay:   []string{"I was left with lumps", "my {site} looked lumpy and uneven"}},
	c.TermAsymmetry: {onset: [2]int{3, 14}, detect: [2]int{0, 10}, lasts: [2]int{14, 90}, sev: [3]float64{70, 28, 2},
		mgmt: []opt{{0.4, []*mgmt{mHyalDissolve, mTopUp}}, {0.35, []*mgmt{mObserve}}}, causes: tech, psych: true, side: true,
		desc:  []string{"Asymmetry, {site} fuller than the other side.", "Uneven result, {site}."},
		story: []string{"Asymmetry noted at the 2-week review, {site} more prominent.", "{Pt} is unhappy with asymmetry of the {site}.", "Photographs confirm asymmetry of the {site}."},
		lay:   []string{"one side was bigger than the other", "it looked wonky"}},
	c.TermMigration: {onset: [2]int{60, 720}, monthOnly: 0.5, detect: [2]int{0, 60}, lasts: [2]int{14, 60}, sev: [3]float64{60, 38, 2},
		mgmt: []opt{{0.8, []*mgmt{mHyalDissolve}}}, causes: prodTech, psych: true,
		desc:  []string{"Filler migration above the vermilion border.", "Migrated product {site}.", "Lip filler moustache."},
		story: []string{"Migration of filler beyond the {site} with loss of vermilion definition.", "{Pt} has had filler at several clinics; migration visible above the border.", "Ultrasound shows product beyond the {site}."},
		lay:   []string{"I noticed the filler had moved above my lip", "I noticed a filler moustache"}},
	c.TermHypersensitivity: {onset: [2]int{0, 21}, detect: [2]int{0, 2}, lasts: [2]int{5, 30}, sev: [3]float64{40, 50, 10}, serious: 0.03, criteria: []c.Seriousness{c.SeriousnessOtherMedicallyImportant},
		mgmt: []opt{{0.8, []*mgmt{mCetirizine, mFexo}}, {0.5, []*mgmt{mPred}}}, causes: undet,
		desc:  []string{"Allergic-type reaction, {site}.", "Urticarial swelling and itch, {site}."},
		story: []string{"Itchy, raised swelling over the {site} consistent with a hypersensitivity reaction.", "Hypersensitivity reaction; started antihistamines."},
		lay:   []string{"I had an allergic reaction", "my face came up in itchy lumps"}},
	c.TermAngioedema: {onset: [2]int{0, 2}, detect: [2]int{0, 0}, lasts: [2]int{2, 10}, sev: [3]float64{10, 60, 30}, serious: 0.15,
		criteria: []c.Seriousness{c.SeriousnessOtherMedicallyImportant, c.SeriousnessHospitalisation},
		mgmt:     []opt{{0.9, []*mgmt{mCetirizine, mFexo}}, {0.7, []*mgmt{mPred}}}, causes: undet,
		ifSerious: []opt{{0.8, []*mgmt{mRefED}}},
		desc:      []string{"Angio-oedema of the lips and face.", "Rapid swelling {site}, airway clear."},
		story:     []string{"Rapid-onset swelling of the lips and periorbital area; airway patent, no stridor.", "Angio-oedema treated with antihistamine and oral steroid."},
		lay:       []string{"my whole face blew up", "my lips and eyes swelled up within hours"}},
	c.TermAnaphylaxis: {immediate: true, detect: [2]int{0, 0}, lasts: [2]int{1, 3}, sev: [3]float64{0, 0, 1}, serious: 1,
		criteria: []c.Seriousness{c.SeriousnessLifeThreatening, c.SeriousnessHospitalisation}, noSite: true,
		mgmt: []opt{{1, []*mgmt{mAdrenaline}}, {1, []*mgmt{mRefEDNow}}, {0.8, []*mgmt{mChlorphenIV}}, {0.8, []*mgmt{mHCIV}}}, causes: undet,
		desc:  []string{"Anaphylaxis minutes after injection.", "Wheeze, hypotension and urticaria after treatment."},
		story: []string{"At {time}, {mins} minutes after injection, {pt} became wheezy and hypotensive with widespread urticaria.", "Adrenaline 0.5mg IM given and 999 called; admitted overnight."},
		lay:   []string{"I couldn't breathe and they called an ambulance"}},
	c.TermInfectionAcute: {onset: [2]int{2, 10}, detect: [2]int{0, 2}, lasts: [2]int{7, 30}, sev: [3]float64{20, 65, 15}, serious: 0.06, criteria: []c.Seriousness{c.SeriousnessHospitalisation},
		mgmt: []opt{{0.95, []*mgmt{mFluclox, mFluclox, mCoAmox, mClarith}}, {0.2, []*mgmt{mRefGP}}, {0.1, []*mgmt{mIncision}}}, causes: hygiene, pain: true,
		ifSerious: []opt{{1, []*mgmt{mIVAbx}}, {0.6, []*mgmt{mRefED}}},
		follow:    []follow{{0.2, c.TermPainTenderness}},
		desc:      []string{"Cellulitis {site}.", "Red, hot, tender swelling {site} with pus.", "Abscess at injection site, {site}."},
		story:     []string{"Presented on day {day} with a hot, tender, erythematous {site}; temperature 38.1.", "Cellulitis of the {site}; started oral antibiotics.", "Fluctuant swelling at the {site}, swabbed for MC&S."},
		lay:       []string{"it got infected", "my {site} was hot, red and full of pus"}},
	c.TermHSVReactivation: {onset: [2]int{1, 4}, detect: [2]int{0, 1}, lasts: [2]int{7, 14}, sev: [3]float64{45, 50, 5}, site: c.SitePerioral, side: true,
		mgmt: []opt{{0.85, []*mgmt{mAciclovir, mAciclovir, mValaciclo, mAciCream}}}, causes: ptFactor,
		desc:  []string{"Cold sore {site}.", "Herpetic vesicles at the {site}.", "HSV outbreak {site} post-filler."},
		story: []string{"Cluster of vesicles at the {site} on day {day}, consistent with HSV reactivation.", "{Pt} has a history of cold sores; no prophylaxis taken before treatment.", "Cold sore outbreak at injection sites; antivirals started."},
		lay:   []string{"I got a massive cold sore", "I came out in cold sores all over my lip"}},
	c.TermBiofilm: {onset: [2]int{30, 365}, monthOnly: 0.5, detect: [2]int{0, 30}, lasts: [2]int{30, 180}, sev: [3]float64{15, 65, 20},
		mgmt: []opt{{0.9, []*mgmt{mClarith}}, {0.5, []*mgmt{mCipro}}, {0.6, []*mgmt{mHyalNod}}}, causes: hygiene,
		desc:  []string{"Suspected biofilm, recurrent swelling {site}.", "Recurrent firm nodules {site}, culture negative."},
		story: []string{"Recurrent swelling of the {site} months after treatment; biofilm suspected.", "Dual antibiotic course started, then hyaluronidase."},
		lay:   []string{"it started flaring up again and again"}},
	c.TermNoduleNoninflammatory: {onset: [2]int{3, 60}, detect: [2]int{0, 21}, lasts: [2]int{14, 120}, sev: [3]float64{70, 28, 2},
		mgmt: []opt{{0.45, []*mgmt{mMassage}}, {0.45, []*mgmt{mHyalNod}}}, causes: tech,
		desc:  []string{"Firm non-tender lump {site}.", "Palpable nodule {site}, mobile, non-tender."},
		story: []string{"Small firm nodule at the {site}, non-tender, no overlying erythema.", "Non-inflammatory nodule at the {site}; likely superficial placement."},
		lay:   []string{"I found a hard lump", "I found a pea-sized lump in my {site}"}},
	c.TermNoduleInflammatory: {onset: [2]int{30, 270}, monthOnly: 0.4, detect: [2]int{0, 21}, lasts: [2]int{21, 120}, sev: [3]float64{20, 65, 15}, serious: 0.03, criteria: []c.Seriousness{c.SeriousnessInterventionRequired},
		mgmt: []opt{{0.7, []*mgmt{mClarith, mDoxy}}, {0.5, []*mgmt{mHyalNod}}, {0.3, []*mgmt{mPred}}}, causes: undet, pain: true,
		follow: []follow{{0.2, c.TermOedema}},
		desc:   []string{"Tender red nodules {site}, delayed onset.", "Delayed inflammatory reaction, {site}.", "Delayed-onset nodules {site} after flu-like illness."},
		story:  []string{"Presented months after treatment with tender, erythematous nodules at the {site}.", "Onset followed a viral illness; delayed inflammatory reaction suspected.", "Nodules at the {site} treated with antibiotics and hyaluronidase."},
		lay:    []string{"I got hard painful lumps", "my {site} came up in sore red lumps out of nowhere"}},
	c.TermGranuloma: {onset: [2]int{180, 720}, monthOnly: 0.6, detect: [2]int{0, 60}, lasts: [2]int{60, 365}, sev: [3]float64{20, 60, 20}, serious: 0.1, criteria: []c.Seriousness{c.SeriousnessInterventionRequired},
		persist: 0.2, seqText: []string{"Residual firmness at the site.", "Small area of skin atrophy after steroid injection."}, sequelae: 0.2,
		mgmt: []opt{{0.7, []*mgmt{mTriam}}, {0.5, []*mgmt{mRefDerm}}, {0.1, []*mgmt{mExcision}}}, causes: undet,
		desc:  []string{"Foreign-body granuloma {site}.", "Biopsy-proven granuloma {site}."},
		story: []string{"Firm indurated nodules at the {site} more than six months after treatment; biopsy showed foreign-body granuloma.", "Treated with intralesional triamcinolone."},
		lay:   []string{"hard lumps came up that have not gone away"}},
	c.TermVascularOcclusion: {immediate: true, detect: [2]int{0, 0}, lasts: [2]int{7, 42}, sev: [3]float64{0, 35, 65}, serious: 1,
		criteria: []c.Seriousness{c.SeriousnessInterventionRequired, c.SeriousnessHospitalisation}, side: true,
		sequelae: 0.15, seqText: []string{"Small area of scarring at the site.", "Residual textural change and mild discolouration."},
		mgmt:   []opt{{1, []*mgmt{mHyalOcc}}, {0.65, []*mgmt{mAspirin}}, {0.5, []*mgmt{mWarm}}, {0.5, []*mgmt{mMassageNow}}, {0.15, []*mgmt{mGTN}}, {0.1, []*mgmt{mRefEDNow}}},
		causes: []c.Cause{c.CauseTechnique, c.CauseUndetermined}, psych: true, pain: true,
		follow: []follow{{0.3, c.TermSkinNecrosis}, {0.15, c.TermPainTenderness}},
		desc:   []string{"Blanching then livedo of the {site}, slow capillary refill.", "Vascular occlusion {site}: dusky mottling and pain.", "Suspected vascular occlusion, {site}."},
		story:  []string{"At {time}, {mins} minutes after injection, blanching and livedo were noted over the {site} with capillary refill over 3 seconds.", "Treated as vascular occlusion: injection stopped immediately.", "Mottling of the {site} improved after hyaluronidase; capillary refill under 2 seconds by the end of the session.", "Daily photo reviews arranged for the first week."},
		lay:    []string{"my lip went white and then purple", "the skin went blotchy and grey"}},
	c.TermSkinNecrosis: {onset: [2]int{1, 5}, detect: [2]int{0, 1}, lasts: [2]int{14, 60}, sev: [3]float64{0, 30, 70}, serious: 1,
		criteria: []c.Seriousness{c.SeriousnessInterventionRequired, c.SeriousnessDisability, c.SeriousnessHospitalisation}, side: true,
		sequelae: 0.5, seqText: []string{"Scarring at the site of necrosis.", "Permanent notch in the lip.", "Atrophic scar."},
		mgmt: []opt{{0.9, []*mgmt{mWound}}, {0.6, []*mgmt{mFluclox, mCoAmox}}, {0.4, []*mgmt{mRefPlastics}}, {0.1, []*mgmt{mHBO}}}, causes: tech, psych: true, pain: true,
		desc:  []string{"Skin necrosis {site} following occlusion.", "Eschar formation {site}."},
		story: []string{"Dusky skin at the {site} progressed to a superficial eschar by day {day}.", "Wound care and plastic surgery review arranged."},
		lay:   []string{"the skin turned black and scabbed over"}},
	c.TermVisualImpairment: {immediate: true, detect: [2]int{0, 0}, lasts: [2]int{30, 180}, sev: [3]float64{0, 0, 1}, serious: 1,
		criteria: []c.Seriousness{c.SeriousnessDisability, c.SeriousnessHospitalisation}, site: c.SitePeriorbital, side: true, persist: 0.5, sequelae: 0.5,
		seqText: []string{"Partial loss of vision in the affected eye.", "Visual field defect persists."},
		mgmt:    []opt{{1, []*mgmt{mRefOphthNow}}, {0.9, []*mgmt{mHyalOcc}}, {0.7, []*mgmt{mRefEDNow}}, {0.6, []*mgmt{mAspirin}}}, causes: tech, psych: true,
		desc:  []string{"Sudden loss of vision, {site}, during filler injection.", "Visual disturbance with ocular pain after injection."},
		story: []string{"At {time}, during injection, {pt} reported sudden blurred vision and pain in the {site}.", "Emergency referral to eye casualty; retrobulbar hyaluronidase considered."},
		lay:   []string{"I lost the sight in my eye"}},
	c.TermEyelidPtosis: {onset: [2]int{3, 10}, detect: [2]int{0, 3}, lasts: [2]int{28, 84}, sev: [3]float64{40, 52, 8}, site: c.SitePeriorbital, side: true,
		mgmt: []opt{{0.7, []*mgmt{mApraclo}}, {0.2, []*mgmt{mObserve}}}, causes: tech, psych: true,
		desc:  []string{"Upper eyelid ptosis, {site}.", "Droopy eyelid {site}, 2mm."},
		story: []string{"Ptosis of the {site} of about 2mm at day {day}, consistent with diffusion to levator.", "Started apraclonidine drops; reassured it will wear off over weeks.", "Ptosis improving at 4-week review."},
		lay:   []string{"my eyelid dropped", "I couldn't open my eye properly"}},
	c.TermBrowPtosis: {onset: [2]int{3, 10}, detect: [2]int{0, 5}, lasts: [2]int{42, 90}, sev: [3]float64{60, 38, 2}, site: c.SiteBrow, side: true,
		mgmt: []opt{{0.6, []*mgmt{mObserve}}, {0.1, []*mgmt{mTopUp}}}, causes: tech, psych: true,
		desc:  []string{"Heavy, lowered brow {site}.", "Brow ptosis {site}."},
		story: []string{"Brow heaviness and lowered {site} after forehead treatment.", "Brow ptosis likely from frontalis over-treatment."},
		lay:   []string{"my eyebrows dropped", "my forehead felt heavy"}},
	c.TermEyebrowAsymmetry: {onset: [2]int{3, 10}, detect: [2]int{0, 7}, lasts: [2]int{14, 60}, sev: [3]float64{85, 15, 0}, site: c.SiteBrow, side: true,
		mgmt: []opt{{0.75, []*mgmt{mTopUp}}}, causes: tech,
		desc:  []string{"Raised lateral brow ('Spock brow'), {site}.", "Eyebrow asymmetry {site}."},
		story: []string{"Lateral brow elevation on the {site} at day {day} review.", "Corrected with a small top-up to lateral frontalis."},
		lay:   []string{"one eyebrow went higher than the other"}},
	c.TermDiplopia: {onset: [2]int{3, 10}, detect: [2]int{0, 3}, lasts: [2]int{42, 120}, sev: [3]float64{10, 60, 30}, serious: 0.15, criteria: []c.Seriousness{c.SeriousnessOtherMedicallyImportant}, site: c.SitePeriorbital, side: true,
		mgmt: []opt{{0.9, []*mgmt{mRefOphth}}}, causes: tech, psych: true,
		desc:  []string{"Double vision after crow's feet treatment.", "Diplopia; lateral rectus weakness, {site}."},
		story: []string{"Double vision on lateral gaze from day {day}; referred to ophthalmology.", "Ophthalmology confirmed lateral rectus weakness."},
		lay:   []string{"I started seeing double"}},
	c.TermLagophthalmos: {onset: [2]int{3, 10}, detect: [2]int{0, 3}, lasts: [2]int{42, 100}, sev: [3]float64{30, 60, 10}, site: c.SitePeriorbital, side: true,
		mgmt: []opt{{0.9, []*mgmt{mLubricant}}, {0.5, []*mgmt{mRefOphth}}}, causes: tech,
		desc:  []string{"Incomplete eye closure {site}.", "Lagophthalmos {site}, dry eye."},
		story: []string{"Unable to fully close the {site}; lubricating drops and taping at night advised."},
		lay:   []string{"I couldn't close my eye at night"}},
	c.TermEctropion: {onset: [2]int{3, 10}, detect: [2]int{0, 5}, lasts: [2]int{42, 100}, sev: [3]float64{40, 55, 5}, site: c.SitePeriorbital, side: true,
		mgmt: []opt{{0.8, []*mgmt{mLubricant}}, {0.5, []*mgmt{mRefOphth}}}, causes: techPt,
		desc:  []string{"Lower lid ectropion {site}.", "Lower eyelid pulling away, {site}."},
		story: []string{"Lower lid laxity with mild ectropion after lateral canthal treatment; snap test poor before treatment."},
		lay:   []string{"my lower eyelid started pulling down"}},
	c.TermHeadache: {onset: [2]int{0, 2}, detect: [2]int{0, 2}, lasts: [2]int{1, 14}, sev: [3]float64{55, 40, 5}, noSite: true,
		mgmt: []opt{{0.8, []*mgmt{mParacetamol, mIbuprofen}}}, causes: ptFactor,
		desc:  []string{"Headache after treatment.", "Frontal headache for several days."},
		story: []string{"Frontal headache from the evening of treatment, settling with simple analgesia.", "{Pt} reported a persistent headache at the day {day} call."},
		lay:   []string{"I had a pounding headache for days"}},
	c.TermDysphagia: {onset: [2]int{3, 14}, detect: [2]int{0, 2}, lasts: [2]int{21, 90}, sev: [3]float64{0, 40, 60}, serious: 1,
		criteria: []c.Seriousness{c.SeriousnessOtherMedicallyImportant, c.SeriousnessHospitalisation}, site: c.SiteNeck,
		mgmt: []opt{{0.8, []*mgmt{mRefED, mRefGP}}, {0.3, []*mgmt{mObserve}}}, causes: tech,
		desc:  []string{"Difficulty swallowing after neck toxin.", "Dysphagia to solids."},
		story: []string{"Difficulty swallowing solids from day {day} after platysmal injections; assessed in ED, swallow assessment arranged.", "Distant spread of toxin suspected."},
		lay:   []string{"I started struggling to swallow"}},
	c.TermDysphonia: {onset: [2]int{3, 14}, detect: [2]int{0, 3}, lasts: [2]int{21, 60}, sev: [3]float64{30, 60, 10}, site: c.SiteNeck,
		mgmt: []opt{{0.6, []*mgmt{mRefGP}}}, causes: tech,
		desc:  []string{"Hoarse voice after neck treatment."},
		story: []string{"Hoarseness from day {day}; no stridor or swallowing difficulty."},
		lay:   []string{"my voice went hoarse"}},
	c.TermDysarthria: {onset: [2]int{3, 10}, detect: [2]int{0, 3}, lasts: [2]int{21, 60}, sev: [3]float64{40, 55, 5}, site: c.SitePerioral,
		mgmt: []opt{{0.6, []*mgmt{mObserve}}}, causes: tech, psych: true,
		desc:  []string{"Difficulty pronouncing words and drinking through a straw.", "Lip incompetence after lip flip."},
		story: []string{"Difficulty with 'p' and 'b' sounds and drinking from a straw from day {day}."},
		lay:   []string{"I couldn't drink from a straw or talk properly"}},
	c.TermGeneralisedWeakness: {onset: [2]int{3, 14}, detect: [2]int{0, 2}, lasts: [2]int{21, 90}, sev: [3]float64{0, 30, 70}, serious: 1,
		criteria: []c.Seriousness{c.SeriousnessHospitalisation, c.SeriousnessOtherMedicallyImportant}, noSite: true,
		mgmt: []opt{{1, []*mgmt{mRefED}}}, causes: []c.Cause{c.CauseProduct, c.CauseUndetermined},
		desc:  []string{"Generalised weakness and fatigue after toxin.", "Possible distant spread of toxin: ptosis, weakness."},
		story: []string{"Generalised weakness, blurred vision and fatigue from day {day}; admitted for observation, botulism excluded."},
		lay:   []string{"I felt weak all over and ended up in hospital"}},
	c.TermDimpling: {onset: [2]int{0, 2}, detect: [2]int{0, 3}, lasts: [2]int{7, 30}, sev: [3]float64{75, 23, 2}, side: true,
		mgmt: []opt{{0.7, []*mgmt{mMassage}}}, causes: tech,
		desc:  []string{"Skin dimpling {site}.", "Puckering at thread entry, {site}."},
		story: []string{"Dimpling over the {site} where the cogs engaged superficially; massage advised."},
		lay:   []string{"I got dents in my cheek"}},
	c.TermThreadExtrusion: {onset: [2]int{7, 90}, detect: [2]int{0, 7}, lasts: [2]int{3, 21}, sev: [3]float64{65, 33, 2}, side: true,
		mgmt: []opt{{0.9, []*mgmt{mThreadOut}}, {0.2, []*mgmt{mFluclox}}}, causes: tech,
		follow: []follow{{0.15, c.TermInfectionAcute}},
		desc:   []string{"Thread end poking through the skin {site}.", "Extruded thread {site}."},
		story:  []string{"Thread end visible through the skin at the {site} on day {day}; removed in clinic."},
		lay:    []string{"a thread was sticking out of my face"}},
	c.TermThreadMigration: {onset: [2]int{14, 120}, detect: [2]int{0, 14}, lasts: [2]int{7, 30}, sev: [3]float64{55, 42, 3}, side: true,
		mgmt: []opt{{0.8, []*mgmt{mThreadOut}}}, causes: tech,
		desc:  []string{"Palpable migrated thread {site}."},
		story: []string{"Thread palpable away from its placement, along the {site}."},
		lay:   []string{"I could feel the thread moving"}},
	c.TermInduration: {onset: [2]int{1, 7}, detect: [2]int{0, 7}, lasts: [2]int{14, 60}, sev: [3]float64{55, 42, 3},
		mgmt: []opt{{0.6, []*mgmt{mMassage}}, {0.3, []*mgmt{mObserve}}}, causes: techPt,
		desc:  []string{"Firm, hardened area {site}.", "Induration {site}."},
		story: []string{"Firm induration at the {site} after injection, expected to soften over weeks."},
		lay:   []string{"the area went rock hard"}},
	c.TermFacialNerveInjury: {onset: [2]int{0, 1}, detect: [2]int{0, 2}, lasts: [2]int{30, 180}, sev: [3]float64{10, 60, 30}, serious: 0.1, criteria: []c.Seriousness{c.SeriousnessDisability}, side: true,
		mgmt: []opt{{0.7, []*mgmt{mRefMaxfax}}, {0.3, []*mgmt{mPred}}}, causes: tech, psych: true,
		desc:  []string{"Asymmetric smile, marginal mandibular weakness {site}.", "Facial nerve weakness {site}."},
		story: []string{"Weakness of the lower lip depressor, {site}, consistent with marginal mandibular nerve injury."},
		lay:   []string{"my smile went lopsided"}},
	c.TermHyperpigmentation: {onset: [2]int{10, 42}, detect: [2]int{0, 21}, lasts: [2]int{60, 240}, sev: [3]float64{55, 42, 3}, persist: 0.05,
		mgmt: []opt{{0.6, []*mgmt{mHydroquin}}, {0.5, []*mgmt{mSPF}}, {0.1, []*mgmt{mQSwitch}}}, causes: ptFactor, psych: true,
		desc:  []string{"Post-inflammatory hyperpigmentation {site}.", "Dark patches {site}."},
		story: []string{"Post-inflammatory hyperpigmentation over the {site}, Fitzpatrick type relevant.", "Pigmentation slowly fading with hydroquinone and strict SPF."},
		lay:   []string{"I got dark patches where it was treated"}},
	c.TermHypopigmentation: {onset: [2]int{30, 90}, monthOnly: 0.3, detect: [2]int{0, 30}, lasts: [2]int{90, 365}, sev: [3]float64{45, 50, 5}, persist: 0.4,
		mgmt: []opt{{0.5, []*mgmt{mRefDerm}}, {0.3, []*mgmt{mObserve}}}, causes: techPt, psych: true,
		desc:  []string{"Pale patches {site}.", "Hypopigmentation {site}."},
		story: []string{"Patchy hypopigmentation at the {site}; may be permanent."},
		lay:   []string{"white patches appeared on my skin"}},
	c.TermDemarcationLines: {onset: [2]int{7, 21}, detect: [2]int{0, 14}, lasts: [2]int{30, 120}, sev: [3]float64{75, 25, 0},
		mgmt: []opt{{0.5, []*mgmt{mObserve}}}, causes: tech,
		desc:  []string{"Visible line of demarcation at the jaw."},
		story: []string{"Line of demarcation visible along the edge of the treated area."},
		lay:   []string{"I noticed a line where the peel stopped"}},
	c.TermPersistentErythema: {onset: [2]int{0, 1}, detect: [2]int{7, 21}, lasts: [2]int{21, 90}, sev: [3]float64{55, 42, 3},
		mgmt: []opt{{0.6, []*mgmt{mHC}}, {0.2, []*mgmt{mPDL}}}, causes: techPt,
		desc:  []string{"Redness persisting beyond 2 weeks, {site}."},
		story: []string{"Erythema of the {site} still present at the 3-week review."},
		lay:   []string{"my face was still red"}},
	c.TermContactDermatitis: {onset: [2]int{0, 2}, detect: [2]int{0, 2}, lasts: [2]int{7, 21}, sev: [3]float64{50, 45, 5},
		mgmt: []opt{{0.8, []*mgmt{mHC}}, {0.4, []*mgmt{mCetirizine}}}, causes: []c.Cause{c.CauseProduct, c.CausePatientFactor},
		desc:  []string{"Itchy eczematous rash {site}.", "Contact dermatitis {site}."},
		story: []string{"Itchy, scaly rash confined to the treated area, consistent with contact dermatitis."},
		lay:   []string{"I came out in an itchy rash"}},
	c.TermAcneMilia: {onset: [2]int{7, 21}, detect: [2]int{0, 7}, lasts: [2]int{21, 60}, sev: [3]float64{80, 20, 0},
		mgmt: []opt{{0.4, []*mgmt{mObserve}}}, causes: ptFactor,
		desc:  []string{"Acneiform breakout {site}.", "Milia {site}."},
		story: []string{"Acneiform eruption over the {site} after the peel."},
		lay:   []string{"I broke out in spots"}},
	c.TermBurn: {onset: [2]int{0, 0}, detect: [2]int{0, 1}, lasts: [2]int{10, 28}, sev: [3]float64{30, 58, 12}, serious: 0.04, criteria: []c.Seriousness{c.SeriousnessInterventionRequired},
		sequelae: 0.15, seqText: []string{"Residual hyperpigmentation at the burn.", "Fine textural scarring."},
		mgmt: []opt{{0.8, []*mgmt{mFlamazine}}, {0.3, []*mgmt{mWound}}, {0.1, []*mgmt{mRefDerm}}}, causes: []c.Cause{c.CauseTechnique, c.CauseSetting, c.CausePatientFactor}, pain: true, psych: true, side: true,
		follow: []follow{{0.3, c.TermHyperpigmentation}},
		desc:   []string{"Blistering burn {site}.", "Superficial partial-thickness burn {site}.", "Grid-pattern burns {site}."},
		story:  []string{"Blistering at the {site} within hours of treatment; settings reviewed.", "Superficial burn at the {site} managed with Flamazine and dressings."},
		lay:    []string{"I was burned and it blistered", "my skin blistered"}},
	c.TermOcularInjury: {immediate: true, detect: [2]int{0, 0}, lasts: [2]int{14, 90}, sev: [3]float64{0, 30, 70}, serious: 1,
		criteria: []c.Seriousness{c.SeriousnessInterventionRequired, c.SeriousnessDisability}, site: c.SitePeriorbital, side: true, persist: 0.2,
		mgmt: []opt{{1, []*mgmt{mRefOphthNow}}}, causes: []c.Cause{c.CauseTechnique, c.CauseSetting},
		desc:  []string{"Eye injury during IPL; goggles not worn correctly.", "Iritis and photophobia after laser near the eye."},
		story: []string{"At {time}, {pt} reported eye pain and flashes during treatment near the orbit; sent to eye casualty."},
		lay:   []string{"my eye was damaged by the laser"}},
	c.TermParadoxicalHypertrichosis: {onset: [2]int{60, 180}, monthOnly: 0.5, detect: [2]int{0, 30}, lasts: [2]int{120, 360}, sev: [3]float64{80, 20, 0}, persist: 0.5,
		mgmt: []opt{{0.6, []*mgmt{mObserve}}}, causes: ptFactor, psych: true,
		desc:  []string{"More hair growth at the treated area.", "Paradoxical hair growth {site}."},
		story: []string{"Increased terminal hair at and around the treated {site} after a course of sessions."},
		lay:   []string{"the hair started growing back thicker"}},
	c.TermAlopecia: {onset: [2]int{14, 60}, detect: [2]int{0, 21}, lasts: [2]int{60, 180}, sev: [3]float64{60, 38, 2},
		mgmt: []opt{{0.6, []*mgmt{mObserve}}}, causes: undet, psych: true,
		desc:  []string{"Patchy beard hair loss {site}."},
		story: []string{"Patchy hair loss in the beard area over the treated {site}."},
		lay:   []string{"bald patches appeared in my beard"}},
	c.TermSkinUlceration: {onset: [2]int{2, 10}, detect: [2]int{0, 2}, lasts: [2]int{21, 60}, sev: [3]float64{5, 55, 40}, serious: 0.25, criteria: []c.Seriousness{c.SeriousnessInterventionRequired},
		sequelae: 0.4, seqText: []string{"Atrophic scarring at the ulcer site."},
		mgmt: []opt{{0.9, []*mgmt{mWound}}, {0.5, []*mgmt{mFluclox}}, {0.3, []*mgmt{mRefPlastics}}}, causes: []c.Cause{c.CauseProduct, c.CauseTechnique}, pain: true, psych: true,
		desc:  []string{"Skin ulceration {site}."},
		story: []string{"Ulcer at the {site} from day {day}, possibly intradermal injection of the product."},
		lay:   []string{"I got open sores where they injected"}},
	c.TermScarring: {onset: [2]int{21, 60}, detect: [2]int{0, 30}, lasts: [2]int{90, 365}, sev: [3]float64{30, 60, 10}, serious: 0.1, criteria: []c.Seriousness{c.SeriousnessDisability},
		persist: 0.5, sequelae: 0.5, seqText: []string{"Permanent scarring.", "Hypertrophic scar, improving with silicone."},
		mgmt: []opt{{0.5, []*mgmt{mRefDerm}}, {0.3, []*mgmt{mTriam}}, {0.2, []*mgmt{mPDL}}}, causes: techPt, psych: true,
		desc:  []string{"Scarring {site}.", "Atrophic scar {site}."},
		story: []string{"Scarring over the {site} evident at the 6-week review."},
		lay:   []string{"it started to scar"}},
	c.TermTyndallEffect: {onset: [2]int{14, 180}, monthOnly: 0.3, detect: [2]int{0, 60}, lasts: [2]int{14, 60}, sev: [3]float64{80, 20, 0},
		mgmt: []opt{{0.85, []*mgmt{mHyalDissolve}}}, causes: tech,
		desc:  []string{"Blue-grey discolouration {site} (Tyndall effect).", "Bluish tinge under the skin, {site}."},
		story: []string{"Bluish hue over the {site} from superficial product placement; dissolved."},
		lay:   []string{"I noticed a blue tinge under my eyes"}},
	c.TermUnsatisfactoryResult: {onset: [2]int{7, 21}, detect: [2]int{0, 21}, lasts: [2]int{14, 90}, sev: [3]float64{85, 15, 0},
		mgmt: []opt{{0.3, []*mgmt{mHyalDissolve, mTopUp}}, {0.3, []*mgmt{mObserve}}}, causes: []c.Cause{c.CauseTechnique, c.CauseUndetermined}, psych: true,
		desc:  []string{"Unhappy with result.", "Result not as agreed at consultation.", "Patient feels no visible change."},
		story: []string{"{Pt} is unhappy with the result and has asked for a refund.", "Result reviewed against pre-treatment photographs with {pt}."},
		lay:   []string{"I could see it looked nothing like what I asked for", "I was really unhappy with how it looked"}},
}
