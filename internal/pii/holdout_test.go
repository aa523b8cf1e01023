package pii

import "testing"

// clinicalHoldout was written after the detectors were tuned on
// clinicalCorpus. Its first, blind run left 61 of 70 sentences clean
// (87.1%): all nine false positives came from the capitalised-run name
// rule on organisations and product lines, which led to organisationLike.
// It has been used for tuning since, so it is no longer unseen; see
// clinicalHoldout2. Eponyms, organisations, product lines and UK clinical
// shorthand ("2/7" for two days) are deliberately over-represented.
var clinicalHoldout = []string{
	"Teoxane RHA Kiss 1 ml used for lip definition.",
	"Belotero Revive skin booster, 1 ml, 3 sessions 4 weeks apart.",
	"Neauvia Intense Lips with a 30G needle.",
	"Saypha Volume Plus to the cheeks, 1 ml each side.",
	"Care Quality Commission registration applies to the medical clinic only.",
	"The British Association of Cosmetic Nurses guidance was reviewed.",
	"Joint Council for Cosmetic Practitioners standards were met.",
	"Healthcare Improvement Scotland was informed of the incident.",
	"Patient takes Mounjaro 5 mg weekly; no interaction expected.",
	"Roaccutane stopped 6 months ago.",
	"On apixaban 5 mg BD; increased bruising risk discussed.",
	"History of Bell's palsy on the left side in 2019.",
	"Raynaud's phenomenon noted in the hands.",
	"Hashimoto's thyroiditis, stable on treatment.",
	"Tyndall effect treated with 30 units of hyaluronidase.",
	"Swelling for 2/7 then settled.",
	"Bruising resolved within 5/7.",
	"Review in 2/52 for toxin top-up.",
	"Symptoms persisted for 3/12 before referral.",
	"Seen at 14:00 on the day of onset.",
	"Call 111 or attend A&E out of hours.",
	"Lot: 4R1234 exp 11/2026.",
	"Batch no. W2301 recorded.",
	"In March the clinic changed its supplier.",
	"Treatment on a Saturday morning clinic list.",
	"The patient travelled from London for treatment.",
	"Manchester clinic policy differs on remote prescribing.",
	"Aesthetic Complications Expert Group algorithm followed.",
	"Hyaluronidase 300 units per occluded vessel territory.",
	"Glabellar lines graded 3 at maximum frown.",
	"Merz Aesthetics Scale used for lip fullness.",
	"Allergan Medical Information advised a repeat dose.",
	"Galderma Restylane Lyft 1 ml to the dorsum of the hands.",
	"Croma Saypha Rich for skin quality.",
	"Zein Obagi skin care regime paused for 2 weeks.",
	"Obagi Nu-Derm stopped before treatment.",
	"Pixel laser planned after filler settles.",
	"Microneedling with Dermapen 4 at 1 mm depth.",
	"PRP drawn 20 ml, centrifuged for 8 minutes.",
	"Polydioxanone threads 4 per side, 19G cannula.",
	"Profhilo Structura 3 ml to the lateral face.",
	"Sunekos 200 to the periorbital region.",
	"Jalupro Super Hydro for neck lines.",
	"Radiesse (+) 1.5 ml with lidocaine.",
	"HArmonyCa 2 sessions 4 weeks apart.",
	"Ellansé M 1 ml per side.",
	"Qwo was discontinued in 2023.",
	"Kybella not licensed in the UK.",
	"Aqualyx 4 sessions to the submental fat.",
	"Lemon Bottle product of unknown composition injected elsewhere.",
	"Sodium deoxycholate reaction with necrosis.",
	"Non-HA filler from an overseas clinic suspected.",
	"Emergency hyaluronidase protocol version 4.1.",
	"Prescriber declared no conflict of interest.",
	"Level 4 Certificate in Aesthetic Practice holder.",
	"Level 7 Diploma in Clinical Aesthetic Injectable Therapies.",
	"ACE Group UK membership current.",
	"BCAM annual conference guidance cited.",
	"The clinic has Public Liability and Medical Malpractice cover.",
	"Hamilton Fraser insurance notified.",
	"Cosmetic Insure policy excess applies.",
	"Wound reviewed using the TIME framework.",
	"Steri-Strips applied to the wound edges.",
	"Fucidin cream twice daily for 5 days.",
	"Chlorhexidine 0.05% wash daily.",
	"Silicone gel for scar management from week 3.",
	"Fitzpatrick V skin, risk of PIH discussed.",
	"Dermatology Life Quality Index score 12.",
	"FACE-Q satisfaction with lips score improved.",
	"Global Aesthetic Improvement Scale: much improved.",
}

func TestClinicalHoldoutPrecision(t *testing.T) {
	clean, fp := 0, 0
	for _, s := range clinicalHoldout {
		spans := Detect(s)
		if len(spans) == 0 {
			clean++
			continue
		}
		fp += len(spans)
		for _, sp := range spans {
			t.Logf("holdout false positive: %s %q in %q", sp.Kind, s[sp.Start:sp.End], s)
		}
	}
	p := float64(clean) / float64(len(clinicalHoldout))
	t.Logf("clinical holdout: %d sentences, %d with no span (%.4f), %d false-positive spans", len(clinicalHoldout), clean, p, fp)
	if p < 0.95 {
		t.Errorf("holdout sentences without a false positive: %.4f, want >= 0.95", p)
	}
}
