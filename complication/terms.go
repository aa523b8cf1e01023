package complication

// Ischaemic reports whether the term is an ischaemic complication: one that
// follows from interrupted blood supply and is treated as an emergency.
func (t Term) Ischaemic() bool {
	switch t {
	case TermVascularOcclusion, TermSkinNecrosis, TermVisualImpairment, TermCerebralIschaemia:
		return true
	}
	return false
}

// ExpectedSerious reports whether an event with this term is expected to
// meet a seriousness criterion, so that one recorded as not serious is
// flagged for review: ischaemic events, anaphylaxis, and the distant-spread
// effects of botulinum toxin that can threaten life.
func (t Term) ExpectedSerious() bool {
	if t.Ischaemic() {
		return true
	}
	switch t {
	case TermAnaphylaxis, TermDysphagia, TermBreathingDifficulty, TermGeneralisedWeakness,
		TermArrhythmia, TermSystemicToxicity, TermOcularInjury:
		return true
	}
	return false
}

// Serious reports whether the event meets a seriousness criterion, and
// whether seriousness was assessed at all. An event with no seriousness
// recorded is not known to be serious or not serious.
func (e *Event) Serious() (serious, assessed bool) {
	for _, s := range e.Seriousness {
		if s != SeriousnessNotSerious {
			return true, true
		}
	}
	return false, len(e.Seriousness) > 0
}

// Regulated reports whether the procedure uses products that the
// Botulinum Toxin and Cosmetic Fillers (Children) Act 2021 forbids giving to
// under-18s for cosmetic purposes.
func (p Procedure) Regulated() bool {
	return p == ProcedureDermalFiller || p == ProcedureBotulinumToxin
}
