package synth

import "github.com/openaesthetics/casebook/complication"

// The name pools mix the commonest names in England and Wales with Welsh,
// Scottish, Irish, South Asian, West African, Polish and other names seen in
// UK clinic lists, including diacritics (Zoë, Siân, Róisín, Małgorzata) and
// apostrophes (O'Neill, D'Souza), so that every consumer of the records
// meets the spellings real records hold.

var femaleGiven = []string{
	"Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
	"Grace", "Freya", "Willow", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte",
	"Evelyn", "Sienna", "Sofia", "Daisy", "Phoebe", "Sophie", "Alice", "Harper", "Matilda", "Ruby",
	"Emilia", "Maya", "Millie", "Isabelle", "Holly", "Jessica", "Lucy", "Hannah", "Chloe", "Megan",
	"Lauren", "Amy", "Rebecca", "Laura", "Gemma", "Emma", "Sarah", "Rachel", "Nicola", "Kirsty",
	"Leanne", "Kelly", "Stacey", "Danielle", "Jade", "Abbie", "Courtney", "Paige", "Shannon", "Bethany",
	"Natalie", "Victoria", "Katie", "Jennifer", "Claire", "Louise", "Joanne", "Michelle", "Helen", "Samantha",
	"Amanda", "Karen", "Tracey", "Lisa", "Donna", "Julie", "Susan", "Angela", "Dawn", "Jane",
	"Zoë", "Chloë", "Siân", "Ffion", "Seren", "Bethan", "Cerys", "Carys", "Niamh", "Aoife",
	"Saoirse", "Siobhan", "Róisín", "Caoimhe", "Eilidh", "Mhairi", "Kirstin", "Renée", "Anaïs", "Inès",
	"Aisha", "Fatima", "Zainab", "Amira", "Maryam", "Ayesha", "Priya", "Anjali", "Simran", "Harpreet",
	"Nadia", "Chidinma", "Ngozi", "Adaeze", "Abena", "Amara", "Małgorzata", "Zofia", "Wiktoria", "Agnieszka",
	"Oksana", "Elif", "Yasmin", "Leila", "Mei", "Jo-Anne", "Lily-Mae", "Mary-Kate",
}

var maleGiven = []string{
	"Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William",
	"James", "Leo", "Alfie", "Henry", "Joshua", "Daniel", "Matthew", "Ryan", "Liam", "Connor",
	"Callum", "Jamie", "Kieran", "Lewis", "Scott", "Craig", "Gareth", "Rhys", "Dylan", "Owain",
	"Iwan", "Seán", "Oisín", "Ciarán", "Eoin", "Ruairí", "José", "André", "Mohammed", "Ahmed",
	"Omar", "Yusuf", "Imran", "Arjun", "Rohan", "Harjit", "Kwame", "Tunde", "Chinedu", "Tomasz",
	"Piotr", "Luca", "Mateo", "Jean-Luc",
}

var familyNames = []string{
	"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
	"Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
	"Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
	"Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
	"James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths",
	"Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
	"Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh",
	"Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
	"Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
	"Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey",
	"Graham", "Pearson", "Ahmed", "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart",
	"Elliott", "Reynolds", "Saunders", "Payne", "Fox", "Pearce", "Brooks", "Lawrence", "Atkinson", "Bradley",
	"Spencer", "Gill", "Dawson", "Burton", "Watts", "Booth", "Perry", "Grant", "Wells", "Armstrong",
	"Rees", "Hayes", "Hart", "Hudson", "Newman", "Barrett", "Webster", "Hunter", "Carr", "Lowe",
	"Marsh", "Riley", "Parsons", "Reid", "Holland", "Hawkins", "Harding", "Porter", "Robertson", "Kennedy",
	"Williamson", "Gardner", "Shah", "Quinn", "Kemp", "Nowak", "Kowalska", "Wiśniewska", "Okafor", "Adeyemi",
	"Mensah", "Osei", "Okonkwo", "Chowdhury", "Rahman", "Hossain", "Iqbal", "Akhtar", "Mahmood", "Sharma",
	"Gupta", "Nguyen", "Chen", "Wong", "Yılmaz", "Demir", "Costa", "Gonçalves", "Jovanović", "Müller",
	"O'Neill", "O'Brien", "O'Connor", "O'Sullivan", "D'Souza", "D'Cruz", "McDonald", "McLeod", "McKenzie", "McCarthy",
	"McGregor", "MacKenzie", "MacLeod", "MacDonald", "Macintyre", "Ní Bhriain", "Llewellyn", "Pryce", "Vaughan", "ap Rhys",
}

// street names are built from a first and a second part.
var streetFirst = []string{
	"Acacia", "Albert", "Alexandra", "Ash", "Beech", "Birch", "Cedar", "Chapel", "Church", "Clarence",
	"Cromwell", "Elm", "Fern", "Glebe", "Grange", "Hawthorn", "Highfield", "Holly", "Laburnum", "Lime",
	"Manor", "Maple", "Meadow", "Mill", "Oak", "Orchard", "Park", "Queens", "Rectory", "Rowan",
	"Sandy", "School", "Springfield", "Station", "Sycamore", "Victoria", "Westfield", "Willow", "Windsor", "York",
}

var streetSecond = []string{
	"Road", "Street", "Avenue", "Lane", "Close", "Grove", "Crescent", "Drive", "Terrace", "Gardens", "Way", "Place", "Mews",
}

// clinic names are built from a stem and a kind.
var clinicStem = []string{
	"Lumière", "Aurora", "Velvet", "Serenity", "Radiance", "Halo", "Ivy", "Opal", "Willow", "Bloom",
	"Luxe", "Pure", "Bespoke", "Élan", "Éclat", "Belle", "Aura", "Sage", "Juniper", "Pearl",
	"Glow & Co", "Skin Theory", "The Pout", "Contour", "Kiss", "Poise", "Nova", "Ember", "Dahlia", "Amber",
}

var clinicKind = []string{
	"Aesthetics", "Skin Clinic", "Medical Aesthetics", "Skin & Beauty", "Aesthetics Studio",
	"Cosmetic Clinic", "Beauty Lounge", "Lip Bar", "Aesthetics & Wellness", "Skin Lab",
}

var suppliers = []string{
	"Harbour Aesthetic Supplies", "MedAesthetic Direct", "Northern Pharmacy Wholesale",
	"Crown Medical Supplies", "Aesthetic Pharmacy Online", "Meridian Healthcare Wholesale",
}

// town is a place a clinic or patient can be: its nation, some real
// postcode districts, and the Ofcom drama-number prefix for its area ("" when
// Ofcom reserves none for it, in which case the no-area range 01632 960xxx is
// used).
type town struct {
	name     string
	nation   complication.Jurisdiction
	outward  []string
	landline string // drama prefix; three more digits complete the number
	weight   int
}

var towns = []town{
	{"London", complication.JurisdictionEngland, []string{"SW4", "SW11", "SE15", "SE22", "E1", "E14", "E17", "N1", "N16", "NW1", "NW3", "W2", "W11", "EC1V", "WC2H"}, "020 7946 0", 22},
	{"Leeds", complication.JurisdictionEngland, []string{"LS1", "LS2", "LS6", "LS7", "LS8", "LS11", "LS17", "LS28"}, "0113 496 0", 6},
	{"Sheffield", complication.JurisdictionEngland, []string{"S1", "S2", "S7", "S10", "S11"}, "0114 496 0", 4},
	{"Nottingham", complication.JurisdictionEngland, []string{"NG1", "NG2", "NG5", "NG7", "NG9"}, "0115 496 0", 4},
	{"Leicester", complication.JurisdictionEngland, []string{"LE1", "LE2", "LE3", "LE4", "LE5"}, "0116 496 0", 3},
	{"Bristol", complication.JurisdictionEngland, []string{"BS1", "BS3", "BS6", "BS8", "BS16"}, "0117 496 0", 4},
	{"Reading", complication.JurisdictionEngland, []string{"RG1", "RG2", "RG4", "RG30"}, "0118 496 0", 2},
	{"Birmingham", complication.JurisdictionEngland, []string{"B1", "B5", "B13", "B15", "B29", "B23"}, "0121 496 0", 7},
	{"Liverpool", complication.JurisdictionEngland, []string{"L1", "L8", "L15", "L17", "L18"}, "0151 496 0", 5},
	{"Manchester", complication.JurisdictionEngland, []string{"M1", "M4", "M14", "M20", "M21"}, "0161 496 0", 7},
	{"Newcastle upon Tyne", complication.JurisdictionEngland, []string{"NE1", "NE2", "NE4", "NE6"}, "0191 498 0", 4},
	{"Sunderland", complication.JurisdictionEngland, []string{"SR1", "SR2", "SR4"}, "0191 498 0", 2},
	{"Brighton", complication.JurisdictionEngland, []string{"BN1", "BN2", "BN3"}, "", 2},
	{"Chelmsford", complication.JurisdictionEngland, []string{"CM1", "CM2"}, "", 2},
	{"Milton Keynes", complication.JurisdictionEngland, []string{"MK9", "MK10", "MK14"}, "", 2},
	{"Southampton", complication.JurisdictionEngland, []string{"SO14", "SO15", "SO17"}, "", 2},
	{"Norwich", complication.JurisdictionEngland, []string{"NR1", "NR2", "NR3"}, "", 1},
	{"Exeter", complication.JurisdictionEngland, []string{"EX1", "EX2", "EX4"}, "", 1},
	{"York", complication.JurisdictionEngland, []string{"YO1", "YO10", "YO31"}, "", 1},
	{"Bolton", complication.JurisdictionEngland, []string{"BL1", "BL3"}, "", 1},
	{"Edinburgh", complication.JurisdictionScotland, []string{"EH1", "EH3", "EH6", "EH10", "EH11"}, "0131 496 0", 3},
	{"Glasgow", complication.JurisdictionScotland, []string{"G1", "G2", "G3", "G11", "G12", "G41"}, "0141 496 0", 4},
	{"Aberdeen", complication.JurisdictionScotland, []string{"AB10", "AB11", "AB24"}, "", 1},
	{"Cardiff", complication.JurisdictionWales, []string{"CF10", "CF11", "CF14", "CF24"}, "029 2018 0", 3},
	{"Swansea", complication.JurisdictionWales, []string{"SA1", "SA2"}, "", 1},
	{"Newport", complication.JurisdictionWales, []string{"NP19", "NP20"}, "", 1},
	{"Belfast", complication.JurisdictionNorthernIreland, []string{"BT1", "BT7", "BT9", "BT15"}, "", 2},
	{"Londonderry", complication.JurisdictionNorthernIreland, []string{"BT47", "BT48"}, "", 1},
}

// abroad are places UK patients travel to for cheaper treatment.
var abroad = []struct{ town, country string }{
	{"Istanbul", "Turkey"}, {"Antalya", "Turkey"}, {"Riga", "Latvia"}, {"Warsaw", "Poland"},
	{"Budapest", "Hungary"}, {"Alicante", "Spain"},
}

// inwardLetters are the letters a postcode's inward code may end with.
const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"
