package pii

import "testing"

// clinicalHoldout2 was written after tuning on the first holdout. Its
// blind run left 34 of 40 sentences clean (85.0%); the six false positives
// (title-case clinical phrases, "signed electronically", "Consultant
// Dermatologist opinion") led to the derivational-suffix test
// looksLikeWord and a few vocabulary words, after which all 40 are clean.
// The blind figures of both holdouts are the honest estimate for unseen
// prose.
var clinicalHoldout2 = []string{
	"Second opinion sought from the oculoplastic team at Moorfields.",
	"Vision Express optometrist found no retinal changes.",
	"Filler injected by an unregulated provider at a home party.",
	"Product purchased online, packaging in Korean.",
	"Sterile Water for Injections 5 ml used to reconstitute.",
	"Saline 0.9% flush before the hyaluronidase.",
	"Two cannulae, 25G and 22G, were used through one entry point.",
	"Areas treated: Tear Troughs, Cheeks, Chin.",
	"Post-Treatment Instructions were emailed after the appointment.",
	"Informed Consent Form v2.3 signed electronically.",
	"Outcome at Six Weeks: good symmetry, no lumps.",
	"Complaint Reference CR-0457 closed after mediation.",
	"Facial Anatomy Review course completed in 2022.",
	"Consultant Dermatologist opinion requested via Advice and Guidance.",
	"Acute Medical Unit admission for 24 hours of IV antibiotics.",
	"Co-amoxiclav 625 mg TDS for 7 days.",
	"Valaciclovir 1 g BD started on day 1 of the vesicles.",
	"Methylprednisolone 500 mg IV given in hospital.",
	"Botulism antitoxin was not required.",
	"Generalised weakness after 300 units of Dysport to the calves.",
	"Botox Cosmetic 100 units vial, 2.5 ml dilution.",
	"Letybo 50 units to the glabella, first use in the clinic.",
	"Relfydess ready-to-use liquid toxin, 0.5 ml.",
	"The Vital Light Range of fillers was discontinued.",
	"Ultherapy to the jawline 6 weeks earlier.",
	"Morpheus8 treatment to the lower face 3 weeks before.",
	"HydraFacial performed on the same day, not advised.",
	"Chemical peel with 30% glycolic acid 1 week prior.",
	"Semaglutide weight loss of 12 kg over 4 months.",
	"Facial fat loss on Wegovy changed the treatment plan.",
	"Skin Prick Test to hyaluronidase negative.",
	"Bovine-derived hyaluronidase (Hyalase) used off-label.",
	"Emergency Department triage category 3.",
	"Ophthalmology Registrar reviewed within 1 hour.",
	"CT Angiogram showed no occlusion.",
	"MRI Face with contrast: granulomatous change.",
	"Histology: foreign body granuloma with refractile material.",
	"Biopsy taken under local anaesthetic by the Plastics team.",
	"Intralesional triamcinolone 10 mg/ml, 0.2 ml per nodule.",
	"5-FU 50 mg/ml mixed with triamcinolone for nodules.",
}

func TestClinicalHoldout2Precision(t *testing.T) {
	clean, fp := 0, 0
	for _, s := range clinicalHoldout2 {
		spans := Detect(s)
		if len(spans) == 0 {
			clean++
			continue
		}
		fp += len(spans)
		for _, sp := range spans {
			t.Logf("holdout-2 false positive: %s %q in %q", sp.Kind, s[sp.Start:sp.End], s)
		}
	}
	p := float64(clean) / float64(len(clinicalHoldout2))
	t.Logf("clinical holdout 2: %d sentences, %d with no span (%.4f), %d false-positive spans", len(clinicalHoldout2), clean, p, fp)
	if p < 0.95 {
		t.Errorf("holdout-2 sentences without a false positive: %.4f, want >= 0.95", p)
	}
}
