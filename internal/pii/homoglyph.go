package pii

// homoglyphs folds characters from other scripts that are routinely
// substituted for Latin letters and digits, whether pasted by accident or
// typed to slip past a filter. The table is deliberately small and
// explicit (a subset of the Unicode UTS #39 confusables): every entry is a
// character that renders indistinguishably from its target in common
// fonts. Capitals map straight to the lower-case Latin target because
// case folding would otherwise send them to a differently shaped Greek or
// Cyrillic small letter (Η looks like H, but its small form η looks like
// n).
var homoglyphs = map[rune]rune{
	// Cyrillic capitals.
	'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o',
	'Р': 'p', 'С': 'c', 'Т': 't', 'У': 'y', 'Х': 'x', 'Ѕ': 's', 'І': 'i',
	'Ј': 'j', 'Ԛ': 'q', 'Ԝ': 'w', 'Ү': 'y', 'Һ': 'h', 'Ӏ': 'l', 'Ԁ': 'd',
	'З': '3', 'Ь': 'b', 'Ғ': 'f',
	// Cyrillic small letters.
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
	'ѕ': 's', 'і': 'i', 'ј': 'j', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'һ': 'h',
	'ӏ': 'l', 'ү': 'y', 'к': 'k', 'з': '3', 'ɡ': 'g',
	// Greek capitals.
	'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k',
	'Μ': 'm', 'Ν': 'n', 'Ο': 'o', 'Ρ': 'p', 'Τ': 't', 'Υ': 'y', 'Χ': 'x',
	// Greek small letters.
	'α': 'a', 'ο': 'o', 'ν': 'v', 'ρ': 'p', 'ι': 'i', 'κ': 'k', 'τ': 't',
	'υ': 'u', 'χ': 'x', 'ε': 'e', 'γ': 'y', 'μ': 'u', 'ϲ': 'c', 'ϳ': 'j',
	// Armenian and Latin-extended look-alikes.
	'օ': 'o', 'ս': 'u', 'հ': 'h', 'ց': 'g', 'ɑ': 'a', 'ı': 'i', 'ȷ': 'j',
	'ʟ': 'l', 'ɪ': 'i',
}

// letterFold spells out letters that have no canonical decomposition and
// so survive the diacritic strip: Scandinavian ø, Croatian đ, Polish ł,
// ligatures æ and œ, Icelandic þ and ð. They are applied after case
// folding, so only the small letters are listed.
var letterFold = map[rune]string{
	'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l", 'ħ': "h", 'æ': "ae", 'œ': "oe",
	'þ': "th", 'ŧ': "t", 'ĸ': "k", 'ŋ': "n", 'ɨ': "i", 'ƚ': "l", 'ƀ': "b",
}
