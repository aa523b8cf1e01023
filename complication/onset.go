package complication

// ClassifyOnset returns the class of a complication's onset under a named
// scheme, from the treatment date and the onset date. It never guesses:
// when the dates' precision allows more than one class (treatment 2026-05,
// onset 2026-06 could be 1 or 61 days), ok is false.
//
// The schemes, with onset interval d in whole calendar days:
//
//   - OnsetSchemeRohrich: early d < 14; late 14 ≤ d ≤ 365; delayed d > 365.
//   - OnsetSchemeUrdialesGalvez2018: immediate within 24 hours; early from
//     24 hours to 4 weeks (d ≤ 28); delayed d > 28. Same-day onsets are
//     immediate; onsets on the next day are immediate or early depending on
//     the clock, so they are classified only when both dates carry a time.
//   - OnsetSchemeDelayed14d: early d < 14; delayed d ≥ 14.
//
// An onset certainly before the treatment has no class (ok is false).
func ClassifyOnset(scheme OnsetScheme, treated, onset PartialDate) (class OnsetClass, ok bool) {
	lo, hi, ok := Interval(treated, onset)
	if !ok || lo < 0 && hi < 0 {
		return "", false
	}
	lo = max(lo, 0)
	classify := func(d int) OnsetClass {
		switch scheme {
		case OnsetSchemeRohrich:
			switch {
			case d < 14:
				return OnsetClassEarly
			case d <= 365:
				return OnsetClassLate
			}
			return OnsetClassDelayed
		case OnsetSchemeUrdialesGalvez2018:
			switch {
			case d == 0:
				return OnsetClassImmediate
			case d == 1:
				return "" // decided by the clock below
			case d <= 28:
				return OnsetClassEarly
			}
			return OnsetClassDelayed
		case OnsetSchemeDelayed14d:
			if d < 14 {
				return OnsetClassEarly
			}
			return OnsetClassDelayed
		}
		return ""
	}
	if !scheme.Valid() {
		return "", false
	}
	if scheme == OnsetSchemeUrdialesGalvez2018 && lo == 1 && hi == 1 {
		if treated.Precision() == PrecisionMinute && onset.Precision() == PrecisionMinute {
			if onset.Start().Sub(treated.Start()).Hours() <= 24 {
				return OnsetClassImmediate, true
			}
			return OnsetClassEarly, true
		}
		return "", false
	}
	// Each class is a contiguous range of days, so equal classes at both ends
	// mean one class throughout. Urdiales-Gálvez day 1 classifies as "", so
	// a range that contains it never does.
	first, last := classify(lo), classify(hi)
	if first == "" || first != last {
		return "", false
	}
	return first, true
}
