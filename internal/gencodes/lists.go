package main

// table is the single source of every casebook code list. Codes are API:
// never rename or remove one, only add. Display labels may be improved.
var table = []struct {
	Type, Title, Doc string
	Codes            string
}{
	{"ReportType", "Report type", "Whether a complication report is the first about its event, a follow-up, or the final report (MIR 7.2.1 section 1.2).", `
initial | Initial report
follow_up | Follow-up report
final | Final report`},
	{"Jurisdiction", "Jurisdiction", "The UK nation (or elsewhere) where the treatment took place. It decides the reporting route and the bank-holiday calendar.", `
england | England
wales | Wales
scotland | Scotland
northern_ireland | Northern Ireland
other | Outside the UK`},
	{"Authority", "Reporting body", "A body a complication or complaint was reported or escalated to.", `
mhra_yellow_card | MHRA Yellow Card
ni_aic | Northern Ireland Adverse Incident Centre | NIAIC
hfs_iric | Health Facilities Scotland IRIC | HFSIRIC
fda_medwatch | FDA MedWatch
eu_competent_authority | EU national competent authority
tga | Therapeutic Goods Administration
manufacturer | Manufacturer
jccp | Joint Council for Cosmetic Practitioners
save_face | Save Face
cqc | Care Quality Commission
other | Other body`},
	{"ReporterRole", "Reporter role", "Who is making a complication report.", `
treating_practitioner | Treating practitioner
other_practitioner | Another practitioner
patient | Patient
relative | Relative or carer
manufacturer | Manufacturer or supplier
other | Other`},
	{"Profession", "Profession", "A practitioner's profession.", `
doctor | Doctor
dentist | Dentist
nurse | Nurse
pharmacist | Pharmacist
other_healthcare_professional | Other registered healthcare professional
non_healthcare | Non-healthcare practitioner`},
	{"RegistrationBody", "Statutory register", "The statutory regulator a practitioner is registered with.", `
gmc | General Medical Council
nmc | Nursing and Midwifery Council
gdc | General Dental Council
gphc | General Pharmaceutical Council
psni | Pharmaceutical Society of Northern Ireland
hcpc | Health and Care Professions Council
none | Not registered with a statutory regulator
other | Other regulator`},
	{"VoluntaryRegister", "Accredited register", "A Professional Standards Authority accredited register or similar voluntary register a practitioner belongs to.", `
jccp | Joint Council for Cosmetic Practitioners
save_face | Save Face
other | Other accredited register`},
	{"Sex", "Sex", "Sex as recorded by the clinic.", `
female | Female
male | Male
other | Other`},
	{"Fitzpatrick", "Fitzpatrick skin type", "Fitzpatrick skin phototype, I to VI.", `
I | Type I | I
II | Type II | II
III | Type III | III
IV | Type IV | IV
V | Type V | V
VI | Type VI | VI`},
	{"RiskFactor", "Relevant history", "An item of the patient's relevant medical history or a risk factor for complications.", `
hsv | Herpes simplex (cold sores)
autoimmune_disease | Autoimmune disease
allergy | Allergy
previous_filler | Previous dermal filler
previous_permanent_filler | Previous permanent or semi-permanent filler
previous_toxin | Previous botulinum toxin
anticoagulant | Anticoagulant medication
antiplatelet | Antiplatelet medication or NSAID
bleeding_disorder | Bleeding disorder
diabetes | Diabetes
immunosuppression | Immunosuppression
active_skin_infection | Active skin infection at the site
keloid_tendency | Keloid or hypertrophic scarring
neuromuscular_disorder | Neuromuscular disorder
isotretinoin | Isotretinoin in the past 6 months
recent_dental_treatment | Recent dental treatment
recent_vaccination | Recent vaccination or infection
smoking | Smoking`},
	{"Pregnancy", "Pregnancy", "Pregnancy or breastfeeding status at treatment.", `
not_pregnant | Not pregnant
pregnant | Pregnant
breastfeeding | Breastfeeding
not_applicable | Not applicable`},
	{"AgeBand", "Age band", "Age at treatment in bands, as the research profile publishes it: an explicit under-18 band and 90+ top-coded.", `
under_18 | Under 18 | Under18
18_24 | 18 to 24 | 18To24
25_34 | 25 to 34 | 25To34
35_44 | 35 to 44 | 35To44
45_54 | 45 to 54 | 45To54
55_64 | 55 to 64 | 55To64
65_74 | 65 to 74 | 65To74
75_84 | 75 to 84 | 75To84
85_89 | 85 to 89 | 85To89
90_plus | 90 or over | 90Plus`},
	{"Premises", "Premises type", "Where the treatment was given.", `
clinic | Aesthetic clinic
medical_practice | Medical or dental practice
hospital | Hospital
beauty_salon | Beauty salon or spa
home_visit | Patient's home
practitioner_home | Practitioner's home
party | Party or group event
abroad | Outside the UK
other | Other premises`},
	{"Procedure", "Procedure", "The kind of non-surgical aesthetic procedure.", `
dermal_filler | Dermal filler
botulinum_toxin | Botulinum toxin
thread_lift | Thread lift
chemical_peel | Chemical peel
laser_ipl | Laser or IPL
skin_booster | Skin booster
lipolysis | Fat-dissolving injection
microneedling | Microneedling
platelet_rich_plasma | Platelet-rich plasma | PRP
other | Other procedure`},
	{"Site", "Anatomical site", "An anatomical site treated or affected.", `
forehead | Forehead
glabella | Glabella
crows_feet | Crow's feet (lateral canthus)
brow | Brow
temple | Temple
periorbital | Periorbital
tear_trough | Tear trough
cheek | Cheek
nose | Nose
nasolabial_fold | Nasolabial fold
upper_lip | Upper lip
lower_lip | Lower lip
lip_border | Vermilion border
philtrum | Philtrum
perioral | Perioral
oral_commissure | Oral commissure
marionette_lines | Marionette lines
chin | Chin
jawline | Jawline
masseter | Masseter
submental | Submental
neck | Neck
decolletage | Decolletage
hands | Hands
scalp | Scalp
axilla | Axilla
body | Body
other | Other site`},
	{"Side", "Side", "Laterality.", `
left | Left
right | Right
bilateral | Bilateral
midline | Midline`},
	{"Technique", "Technique", "How the product was delivered.", `
needle | Needle
cannula | Cannula
needle_and_cannula | Needle and cannula
energy_device | Energy-based device
topical | Topical application`},
	{"Depth", "Injection depth", "The tissue plane the product was placed in.", `
intradermal | Intradermal
subcutaneous | Subcutaneous
supraperiosteal | Supraperiosteal
intramuscular | Intramuscular
submucosal | Submucosal`},
	{"ProductClass", "Product class", "The regulatory class of a product. It decides the vigilance route: medicines go to the adverse drug reaction route, devices to device vigilance.", `
medicine | Medicine
device | Medical device
annex_xvi_device | Device without a medical purpose (MDR Annex XVI) | AnnexXVIDevice
cosmetic | Cosmetic product
unknown | Unknown`},
	{"RetainedBy", "Product retained by", "Who holds the product (or its packaging) kept for investigation.", `
clinic | Clinic
patient | Patient
manufacturer | Returned to the manufacturer
regulator | Sent to the regulator
other | Other`},
	{"Term", "Complication term", "A complication of a non-surgical aesthetic treatment: a stable slug for each term of the casebook taxonomy.", `
bruising | Bruising or ecchymosis
haematoma | Haematoma
oedema | Swelling or oedema
erythema | Erythema
pain_tenderness | Pain or tenderness
pruritus | Itching
paraesthesia | Numbness or tingling
discolouration | Discolouration
tyndall_effect | Tyndall effect
contour_irregularity | Lumps, irregularity or overcorrection
asymmetry | Asymmetry
migration | Product migration
hypersensitivity | Hypersensitivity reaction
angioedema | Angio-oedema
anaphylaxis | Anaphylaxis
infection_acute | Acute infection (cellulitis or abscess)
hsv_reactivation | Herpes simplex reactivation
infection_atypical | Atypical mycobacterial infection
biofilm | Biofilm
nodule_noninflammatory | Non-inflammatory nodule
nodule_inflammatory | Inflammatory nodule (delayed inflammatory reaction)
granuloma | Foreign-body granuloma
vascular_occlusion | Vascular occlusion
skin_necrosis | Skin necrosis
visual_impairment | Visual impairment or loss
cerebral_ischaemia | Cerebral ischaemia or stroke
scarring | Scarring or atrophy
eyelid_ptosis | Eyelid ptosis
brow_ptosis | Brow ptosis
eyebrow_asymmetry | Eyebrow asymmetry
diplopia | Diplopia
lagophthalmos | Lagophthalmos
ectropion | Ectropion
headache | Headache
dysphagia | Difficulty swallowing
dysphonia | Voice change
dysarthria | Difficulty speaking
breathing_difficulty | Breathing difficulty
generalised_weakness | Generalised muscle weakness
dimpling | Dimpling
thread_extrusion | Thread extrusion
thread_migration | Thread migration
induration | Induration
facial_nerve_injury | Facial nerve injury
hyperpigmentation | Hyperpigmentation
hypopigmentation | Hypopigmentation
demarcation_lines | Lines of demarcation
persistent_erythema | Persistent erythema
contact_dermatitis | Contact dermatitis
acne_milia | Acne or milia
burn | Burn or blistering
ocular_injury | Ocular injury
paradoxical_hypertrichosis | Paradoxical hair growth
arrhythmia | Cardiac arrhythmia
systemic_toxicity | Systemic toxicity
alopecia | Hair loss at the site
skin_ulceration | Skin ulceration
unsatisfactory_result | Unsatisfactory result
other | Other complication`},
	{"Seriousness", "Seriousness criterion", "A regulatory seriousness criterion (FDA 3500A, E2B E.i.3.2). not_serious records that the event was assessed and met none.", `
death | Resulted in death
life_threatening | Life-threatening
hospitalisation | Hospitalisation, initial or prolonged
disability | Persistent disability or permanent damage
congenital_anomaly | Congenital anomaly
intervention_required | Intervention required to prevent permanent impairment
other_medically_important | Other medically important event
not_serious | Not serious`},
	{"Severity", "Severity", "Intensity of an event on the simple three-point scale (FHIR R4 AdverseEvent.severity). Separate from seriousness, harm and outcome.", `
mild | Mild
moderate | Moderate
severe | Severe`},
	{"Harm", "Level of harm", "Level of harm as NHS England's Learn from Patient Safety Events service records it. Separate from severity, seriousness and outcome.", `
none | No harm
low | Low harm
moderate | Moderate harm
severe | Severe harm
fatal | Fatal`},
	{"Outcome", "Outcome", "Outcome of an event at the time of the report.", `
recovered | Recovered or resolved
recovering | Recovering or resolving
not_recovered | Not recovered or not resolved
recovered_with_sequelae | Recovered with sequelae
fatal | Fatal
unknown | Unknown`},
	{"Relatedness", "Relatedness", "How likely it is that the treatment caused the event.", `
related | Related
possibly_related | Possibly related
unlikely_related | Unlikely to be related
unrelated | Unrelated
not_assessable | Not assessable`},
	{"Cause", "Cause category", "The suspected cause of an event.", `
product | Product
technique | Technique
patient_factor | Patient factor
aftercare | Aftercare
setting | Setting or hygiene
undetermined | Undetermined`},
	{"Action", "Management", "Treatment or action given for a complication.", `
hyaluronidase | Hyaluronidase
antibiotic | Antibiotic
antiviral | Antiviral
corticosteroid | Corticosteroid
antihistamine | Antihistamine
adrenaline | Adrenaline
aspirin | Aspirin
analgesia | Analgesia
warm_compress | Warm compress
massage | Massage
vasodilator | Topical or oral vasodilator
hyperbaric_oxygen | Hyperbaric oxygen
incision_drainage | Incision and drainage
thread_removal | Thread removal
excision | Surgical excision
laser_treatment | Laser treatment
observation | Observation only
referral_emergency | Referral to an emergency department
referral_ophthalmology | Referral to ophthalmology
referral_gp | Referral to a GP
referral_maxillofacial | Referral to maxillofacial surgery
referral_dermatology | Referral to dermatology
referral_plastic_surgery | Referral to plastic surgery
referral_other | Other referral
other | Other`},
	{"DoseUnit", "Dose unit", "The unit of a dose or quantity.", `
iu | International units
units | Product-specific units
mg | Milligrams
mcg | Micrograms
g | Grams
ml | Millilitres`},
	{"Route", "Route", "Route of administration.", `
intradermal | Intradermal
subcutaneous | Subcutaneous
intramuscular | Intramuscular
intralesional | Intralesional
intravenous | Intravenous
oral | Oral
topical | Topical
retrobulbar | Retrobulbar
inhaled | Inhaled`},
	{"CareProvider", "Care provider", "Who gave a treatment or action.", `
treating_practitioner | Treating practitioner
other_aesthetic_practitioner | Another aesthetic practitioner
gp | GP
emergency_department | Emergency department
ophthalmology | Ophthalmology
hospital_specialist | Hospital specialist
pharmacist | Pharmacist
patient | Patient (self-care)
other | Other`},
	{"OnsetScheme", "Onset scheme", "A published scheme for classifying the onset of a complication by the time from treatment. Onset classes are always derived from the dates under a named scheme, never typed in.", `
rohrich | Rohrich: early under 14 days, late 14 days to 1 year, delayed over 1 year
urdiales_galvez_2018 | Urdiales-Galvez 2018: immediate within 24 hours, early 24 hours to 4 weeks, delayed over 4 weeks | UrdialesGalvez2018
delayed_14d | Delayed at 14 days or more (MAUDE studies) | Delayed14d`},
	{"OnsetClass", "Onset class", "The class of a complication's onset under an onset scheme.", `
immediate | Immediate
early | Early
late | Late
delayed | Delayed`},
	{"DateHandling", "Date handling", "How an anonymisation policy treated the dates of a de-identified record.", `
kept | Dates kept as recorded
shifted | Dates shifted by a keyed per-patient offset that keeps every interval
month | Dates generalised to the month`},
	{"MissingReason", "Missing reason", "Why a datum is absent.", `
not_known | Not known
not_asked | Not asked
declined | Declined to give`},
	{"CodeSystem", "Code system", "An external terminology an event may be coded in. casebook stores codes from licensed terminologies but never ships them.", `
imdrf_annex_a | IMDRF Annex A: medical device problem | IMDRFAnnexA
imdrf_annex_e | IMDRF Annex E: clinical signs, symptoms and conditions | IMDRFAnnexE
imdrf_annex_f | IMDRF Annex F: health impact | IMDRFAnnexF
snomed_ct | SNOMED CT
meddra | MedDRA`},
	{"SocialPlatform", "Social platform", "A social media platform.", `
instagram | Instagram
tiktok | TikTok | TikTok
facebook | Facebook
x | X (Twitter)
snapchat | Snapchat
youtube | YouTube | YouTube
whatsapp | WhatsApp | WhatsApp
other | Other`},
	{"ComplaintChannel", "Complaint channel", "How a complaint reached the clinic. A complaint made in public is still a complaint, and is answered in private.", `
in_person | In person
phone | Telephone
letter | Letter
email | Email
web_form | Web form
public_social_media | Public social media post or review
private_message | Private or direct message
register_or_regulator | Passed on by a register or regulator`},
	{"ComplainantRole", "Complainant role", "Who makes a complaint: the patient, or someone acting for them (NHS Complaints Regulations 2009, regulation 5).", `
patient | Patient
relative_or_carer | Relative or carer
parent_or_guardian | Parent or guardian of a child
representative | Other representative, such as an advocate or solicitor
other_practitioner | Another practitioner
other | Other`},
	{"ComplaintCategory", "Complaint category", "What a complaint is about. A complaint may fall in several categories.", `
clinical_outcome | Clinical outcome
complication | Complication
communication | Communication or attitude
consent | Consent
cost_refund | Cost or refund
confidentiality | Confidentiality
advertising | Advertising
practitioner_qualification | Practitioner qualification
aftercare | Aftercare or follow-up
premises_hygiene | Premises or hygiene
other | Other`},
	{"Remedy", "Remedy sought", "What the complainant asks for (ISO 10002 records the remedy sought).", `
explanation | An explanation
apology | An apology
refund | A refund
corrective_treatment | Corrective treatment
compensation | Financial compensation
practice_change | A change in practice
content_removal | Removal of public posts about them
regulatory_action | Action by a regulator or register
records_access | Access to their records
not_stated | Not stated
other | Other`},
	{"OutOfTimeReason", "Reason for accepting a late complaint", "Why a complaint made after the time limit was accepted. The regulations allow a late complaint where the complainant had good reason and a fair investigation is still possible.", `
illness_or_disability | Illness or disability
bereavement | Bereavement
distress_or_trauma | Distress or trauma
awaiting_treatment_outcome | Waiting for the outcome of treatment
communication_difficulty | Communication difficulty
other | Other good reason`},
	{"ExtensionReason", "Reason for an extension", "Why the agreed response date was extended.", `
complex_investigation | Complex investigation
awaiting_records | Awaiting records
awaiting_third_party | Awaiting a third party
complainant_request | At the complainant's request
staff_unavailable | Staff unavailable
other | Other`},
	{"ComplaintStatus", "Complaint status", "A stage of a complaint's handling. The status history records each change; casebook checks that each change is allowed.", `
received | Received
acknowledged | Acknowledged
investigating | Under investigation
responded | Response sent
closed | Closed
reopened | Reopened
escalated | Escalated`},
	{"Urgency", "Urgency", "The initial assessment of how quickly a complaint needs action (ISO 10002). Complaints raising significant health and safety concerns are dealt with immediately.", `
routine | Routine
priority | Priority
immediate | Immediate`},
	{"ComplaintOutcome", "Complaint outcome", "The decision on a complaint.", `
upheld | Upheld (well-founded)
partly_upheld | Partly upheld
not_upheld | Not upheld
withdrawn | Withdrawn by the complainant
out_of_time | Not considered: out of time`},
	{"RemedialAction", "Remedial action", "What the clinic did to put things right.", `
refund | Refund
corrective_treatment | Corrective treatment
referral | Referral to another service
practice_change | Change in practice
training | Training
supervision | Supervision or mentoring
content_removed | Public posts removed
other | Other`},
	{"ResponseChannel", "Practitioner response", "How the practitioner answered the complainant. Professional guidance expects a prompt, open and honest answer in private; answering in public, or blocking the complainant, is recorded as a neutral fact.", `
private | In private
public_post | A public post
public_comment | A public comment or reply
none | No answer from the practitioner
blocked_or_ignored | Blocked or ignored the complainant`},
	{"EscalationRoute", "Escalation route", "A body a complaint was taken to after, or alongside, the clinic's own handling.", `
phso | Parliamentary and Health Service Ombudsman | PHSO
spso | Scottish Public Services Ombudsman | SPSO
psow | Public Services Ombudsman for Wales | PSOW
nipso | Northern Ireland Public Services Ombudsman | NIPSO
iscas | Independent Sector Complaints Adjudication Service | ISCAS
gmc | General Medical Council | GMC
nmc | Nursing and Midwifery Council | NMC
gdc | General Dental Council | GDC
gphc | General Pharmaceutical Council | GPhC
psni | Pharmaceutical Society of Northern Ireland | PSNI
hcpc | Health and Care Professions Council | HCPC
jccp | Joint Council for Cosmetic Practitioners | JCCP
save_face | Save Face
mhra_yellow_card | MHRA Yellow Card | MHRAYellowCard
cqc | Care Quality Commission | CQC
hiw | Healthcare Inspectorate Wales | HIW
his | Healthcare Improvement Scotland | HIS
rqia | Regulation and Quality Improvement Authority (Northern Ireland) | RQIA
local_authority | Trading Standards or local authority licensing
asa | Advertising Standards Authority | ASA
police | Police
legal_claim | Civil legal claim
other | Other body`},
}
