package synth

import c "github.com/openaesthetics/casebook/complication"

// product is a product as a clinic records it. Most names are real UK brands;
// lot formats are plausible but invented.
type product struct {
	name      string
	short     string // how clinicians write it in notes
	maker     string
	substance string
	class     c.ProductClass
	unit      c.DoseUnit // "" when no dose is recorded (threads, lasers)
	route     c.Route
	lot       string  // '#' a digit, '@' a capital letter, anything else literal
	factor    float64 // toxins: units per Botox unit (Speywood units are 2.5)
	shelf     [2]int  // months of shelf life left at treatment
}

// Dermal fillers: devices.
var (
	volbella   = &product{"Juvederm Volbella with Lidocaine", "Volbella", "Allergan Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "V##LA#####", 0, [2]int{4, 24}}
	ultra3     = &product{"Juvederm Ultra 3", "Juvederm Ultra 3", "Allergan Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "U##L@#####", 0, [2]int{4, 24}}
	kysse      = &product{"Restylane Kysse", "Kysse", "Galderma", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "#####-#", 0, [2]int{4, 20}}
	lipVolume  = &product{"Restylane Lip Volume", "Restylane Lip Volume", "Galderma", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "#####-#", 0, [2]int{4, 20}}
	rhaKiss    = &product{"Teosyal RHA Kiss", "RHA Kiss", "Teoxane", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "TK##@####", 0, [2]int{6, 24}}
	belLips    = &product{"Belotero Lips Contour", "Belotero Lips", "Merz Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "BL#####", 0, [2]int{6, 24}}
	stylageLip = &product{"Stylage M Lips", "Stylage Lips", "Vivacy", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "M##@##", 0, [2]int{6, 24}}
	saypha     = &product{"Saypha Volume Plus Lidocaine", "Saypha Volume Plus", "Croma", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "C#######", 0, [2]int{6, 24}}
	revolax    = &product{"Revolax Deep with Lidocaine", "Revolax", "Across", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "RV######", 0, [2]int{3, 18}}
	voluma     = &product{"Juvederm Voluma with Lidocaine", "Voluma", "Allergan Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "V##LA#####", 0, [2]int{4, 24}}
	volux      = &product{"Juvederm Volux with Lidocaine", "Volux", "Allergan Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "V##LA#####", 0, [2]int{4, 24}}
	volift     = &product{"Juvederm Volift with Lidocaine", "Volift", "Allergan Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "V##LA#####", 0, [2]int{4, 24}}
	lyft       = &product{"Restylane Lyft Lidocaine", "Restylane Lyft", "Galderma", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "#####-#", 0, [2]int{4, 20}}
	defyne     = &product{"Restylane Defyne", "Defyne", "Galderma", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "#####-#", 0, [2]int{4, 20}}
	refyne     = &product{"Restylane Refyne", "Refyne", "Galderma", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "#####-#", 0, [2]int{4, 20}}
	restylane  = &product{"Restylane Lidocaine", "Restylane", "Galderma", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "#####-#", 0, [2]int{4, 20}}
	rha4       = &product{"Teosyal RHA 4", "RHA 4", "Teoxane", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "TP##@####", 0, [2]int{6, 24}}
	rha3       = &product{"Teosyal RHA 3", "RHA 3", "Teoxane", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "TP##@####", 0, [2]int{6, 24}}
	redensity2 = &product{"Teosyal Redensity 2", "Redensity 2", "Teoxane", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "TR##@####", 0, [2]int{6, 24}}
	belVolume  = &product{"Belotero Volume", "Belotero Volume", "Merz Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "BV#####", 0, [2]int{6, 24}}
	belBalance = &product{"Belotero Balance", "Belotero Balance", "Merz Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "BB#####", 0, [2]int{6, 24}}
	radiesse   = &product{"Radiesse", "Radiesse", "Merz Aesthetics", "calcium hydroxylapatite", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "R####@##", 0, [2]int{6, 30}}
)

// Botulinum toxins: prescription-only medicines.
var (
	botox      = &product{"Botox", "Botox", "Allergan Aesthetics", "botulinum toxin type A", c.ProductClassMedicine, c.DoseUnitUnits, c.RouteIntramuscular, "C####C#", 1, [2]int{3, 30}}
	bocouture  = &product{"Bocouture", "Bocouture", "Merz Aesthetics", "botulinum toxin type A", c.ProductClassMedicine, c.DoseUnitUnits, c.RouteIntramuscular, "######", 1, [2]int{6, 30}}
	azzalure   = &product{"Azzalure", "Azzalure", "Galderma", "botulinum toxin type A", c.ProductClassMedicine, c.DoseUnitUnits, c.RouteIntramuscular, "@#####", 2.5, [2]int{3, 20}}
	alluzience = &product{"Alluzience", "Alluzience", "Galderma", "botulinum toxin type A", c.ProductClassMedicine, c.DoseUnitUnits, c.RouteIntramuscular, "@#####", 2.5, [2]int{3, 20}}
	letybo     = &product{"Letybo", "Letybo", "Croma", "botulinum toxin type A", c.ProductClassMedicine, c.DoseUnitUnits, c.RouteIntramuscular, "LT#####", 1, [2]int{3, 30}}
	nuceiva    = &product{"Nuceiva", "Nuceiva", "Evolus", "botulinum toxin type A", c.ProductClassMedicine, c.DoseUnitUnits, c.RouteIntramuscular, "NC#####", 1, [2]int{3, 30}}
)

// Threads: devices.
var (
	mintPDO    = &product{"MINT PDO Lift threads", "MINT PDO", "HansBiomed", "polydioxanone", c.ProductClassDevice, "", c.RouteSubcutaneous, "HB######", 0, [2]int{6, 30}}
	aptos      = &product{"Aptos Thread Light Lift", "Aptos", "Aptos", "polycaprolactone and lactic acid", c.ProductClassDevice, "", c.RouteSubcutaneous, "AP##-####", 0, [2]int{6, 30}}
	silhouette = &product{"Silhouette Soft", "Silhouette Soft", "Sinclair", "poly-L-lactic acid", c.ProductClassDevice, "", c.RouteSubcutaneous, "SS#####", 0, [2]int{6, 30}}
	pdoCog     = &product{"PDO cog threads 19G 100mm", "PDO cogs", "Ultra V", "polydioxanone", c.ProductClassDevice, "", c.RouteSubcutaneous, "UV######", 0, [2]int{6, 30}}
)

// Peels: cosmetics.
var (
	obagiBlue = &product{"Obagi Blue Peel Radiance", "Obagi Blue Peel", "Obagi", "salicylic acid", c.ProductClassCosmetic, c.DoseUnitMl, c.RouteTopical, "#####@", 0, [2]int{6, 24}}
	zoPeel    = &product{"ZO 3-Step Stimulation Peel", "ZO 3-Step", "ZO Skin Health", "trichloroacetic acid", c.ProductClassCosmetic, c.DoseUnitMl, c.RouteTopical, "ZO#####", 0, [2]int{6, 24}}
	pcaSensi  = &product{"PCA Sensi Peel", "Sensi Peel", "PCA Skin", "trichloroacetic acid and lactic acid", c.ProductClassCosmetic, c.DoseUnitMl, c.RouteTopical, "P######", 0, [2]int{6, 24}}
	glycolic  = &product{"NeoStrata ProSystem Glycolic 35%", "glycolic 35%", "NeoStrata", "glycolic acid", c.ProductClassCosmetic, c.DoseUnitMl, c.RouteTopical, "NS#####", 0, [2]int{6, 24}}
	jessner   = &product{"Mesoestetic Mesopeel Jessner", "Jessner's", "Mesoestetic", "salicylic acid, lactic acid and resorcinol", c.ProductClassCosmetic, c.DoseUnitMl, c.RouteTopical, "ME#####", 0, [2]int{6, 24}}
)

// Lasers and IPL: devices, recorded by serial number.
var (
	m22       = &product{"Lumenis M22 IPL", "M22 IPL", "Lumenis", "", c.ProductClassDevice, "", "", "SN M22-#######", 0, [2]int{0, 0}}
	gentlemax = &product{"Candela GentleMax Pro", "GentleMax Pro", "Candela", "", c.ProductClassDevice, "", "", "SN GMP#####", 0, [2]int{0, 0}}
	soprano   = &product{"Soprano Ice Platinum", "Soprano Ice", "Alma Lasers", "", c.ProductClassDevice, "", "", "SN SIP-######", 0, [2]int{0, 0}}
	clarity   = &product{"Lutronic Clarity II", "Clarity II", "Lutronic", "", c.ProductClassDevice, "", "", "SN CL2-######", 0, [2]int{0, 0}}
	fraxel    = &product{"Fraxel Dual", "Fraxel", "Solta Medical", "", c.ProductClassDevice, "", "", "SN FXD#######", 0, [2]int{0, 0}}
)

// Skin boosters: devices.
var (
	profhilo = &product{"Profhilo", "Profhilo", "IBSA", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteIntradermal, "##@###", 0, [2]int{4, 20}}
	vital    = &product{"Restylane Skinboosters Vital", "Skinboosters Vital", "Galderma", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteIntradermal, "#####-#", 0, [2]int{4, 20}}
	volite   = &product{"Juvederm Volite", "Volite", "Allergan Aesthetics", "hyaluronic acid", c.ProductClassDevice, c.DoseUnitMl, c.RouteIntradermal, "V##LA#####", 0, [2]int{4, 24}}
	sunekos  = &product{"Sunekos 200", "Sunekos", "Professional Derma", "hyaluronic acid and amino acids", c.ProductClassDevice, c.DoseUnitMl, c.RouteIntradermal, "SK#####", 0, [2]int{6, 24}}
)

// Fat-dissolving injections: Aqualyx is a device, deoxycholic acid a medicine.
var (
	aqualyx = &product{"Aqualyx", "Aqualyx", "Marllor Biomedical", "sodium deoxycholate", c.ProductClassDevice, c.DoseUnitMl, c.RouteSubcutaneous, "AQ####", 0, [2]int{6, 24}}
	belkyra = &product{"Belkyra", "Belkyra", "Allergan Aesthetics", "deoxycholic acid", c.ProductClassMedicine, c.DoseUnitMl, c.RouteSubcutaneous, "B####@", 0, [2]int{6, 24}}
	lipoLab = &product{"Lipo Lab PPC", "Lipo Lab", "Lipo Lab", "phosphatidylcholine", c.ProductClassUnknown, c.DoseUnitMl, c.RouteSubcutaneous, "LL######", 0, [2]int{6, 24}}
)

// area is one kind of treatment: where, how, with what and how much.
type area struct {
	w        float64
	tags     string // space-separated tags that term rules match
	phrase   string // "upper and lower lip"
	sites    []c.SiteSide
	tech     c.Technique
	depth    c.Depth
	tools    []string
	dose     []float64 // ml, or Botox-equivalent units for toxins
	products []*product
	// risk multiplies the weight of ischaemic terms (vascular occlusion).
	risk float64
}

func ss(site c.Site, side c.Side) c.SiteSide { return c.SiteSide{Site: site, Side: side} }

var (
	lipProducts   = []*product{volbella, volbella, kysse, kysse, rhaKiss, belLips, ultra3, lipVolume, stylageLip, saypha, revolax}
	cheekProducts = []*product{voluma, voluma, lyft, rha4, belVolume, radiesse}
)

var fillerAreas = []area{
	{40, "lips", "upper and lower lip", []c.SiteSide{ss(c.SiteUpperLip, ""), ss(c.SiteLowerLip, "")}, c.TechniqueNeedle, c.DepthSubmucosal, []string{"27G needle", "30G needle", "29G needle"}, []float64{0.5, 1, 1, 1, 1.1}, lipProducts, 1},
	{12, "lips", "upper lip", []c.SiteSide{ss(c.SiteUpperLip, "")}, c.TechniqueNeedle, c.DepthSubmucosal, []string{"27G needle", "30G needle"}, []float64{0.3, 0.5, 0.5, 1}, lipProducts, 1},
	{8, "lips", "vermilion border and upper lip", []c.SiteSide{ss(c.SiteLipBorder, ""), ss(c.SiteUpperLip, "")}, c.TechniqueNeedle, c.DepthSubmucosal, []string{"30G needle"}, []float64{0.5, 1}, lipProducts, 1},
	{6, "lips perioral", "lips and philtral columns", []c.SiteSide{ss(c.SiteUpperLip, ""), ss(c.SiteLowerLip, ""), ss(c.SitePhiltrum, c.SideMidline)}, c.TechniqueNeedle, c.DepthSubmucosal, []string{"30G needle"}, []float64{1, 1, 1.5}, lipProducts, 1.2},
	{4, "lips perioral", "lips and oral commissures", []c.SiteSide{ss(c.SiteUpperLip, ""), ss(c.SiteLowerLip, ""), ss(c.SiteOralCommissure, c.SideBilateral)}, c.TechniqueNeedleAndCannula, c.DepthSubmucosal, []string{"27G needle and 25G cannula"}, []float64{1, 1.5, 2}, lipProducts, 1},
	{7, "cheek", "cheeks", []c.SiteSide{ss(c.SiteCheek, c.SideBilateral)}, c.TechniqueCannula, c.DepthSupraperiosteal, []string{"25G 50mm cannula", "22G cannula", "27G needle"}, []float64{1, 2, 2, 3}, cheekProducts, 1},
	{5, "tear", "tear troughs", []c.SiteSide{ss(c.SiteTearTrough, c.SideBilateral)}, c.TechniqueCannula, c.DepthSupraperiosteal, []string{"25G cannula", "27G cannula"}, []float64{0.5, 1, 1}, []*product{redensity2, restylane, belBalance, volbella}, 1.6},
	{4, "nlf", "nasolabial folds", []c.SiteSide{ss(c.SiteNasolabialFold, c.SideBilateral)}, c.TechniqueCannula, c.DepthSubcutaneous, []string{"25G cannula", "27G needle"}, []float64{1, 1, 2}, []*product{volift, refyne, rha3, belBalance}, 2.5},
	{4, "chin", "chin", []c.SiteSide{ss(c.SiteChin, c.SideMidline)}, c.TechniqueNeedle, c.DepthSupraperiosteal, []string{"27G needle", "25G cannula"}, []float64{1, 1, 2}, []*product{volux, defyne, rha4, belVolume}, 1},
	{4, "jaw", "jawline", []c.SiteSide{ss(c.SiteJawline, c.SideBilateral)}, c.TechniqueNeedleAndCannula, c.DepthSupraperiosteal, []string{"27G needle and 22G cannula", "22G cannula"}, []float64{2, 3, 4, 4}, []*product{volux, defyne, rha4, radiesse}, 1},
	{2, "marionette", "marionette lines", []c.SiteSide{ss(c.SiteMarionetteLines, c.SideBilateral)}, c.TechniqueCannula, c.DepthSubcutaneous, []string{"25G cannula"}, []float64{1, 1}, []*product{volift, refyne, rha3}, 1.2},
	{2, "nose", "nose (non-surgical rhinoplasty)", []c.SiteSide{ss(c.SiteNose, c.SideMidline)}, c.TechniqueNeedle, c.DepthSupraperiosteal, []string{"27G needle", "30G needle"}, []float64{0.5, 0.5, 1}, []*product{voluma, lyft, rha4}, 4},
	{2, "temple", "temples", []c.SiteSide{ss(c.SiteTemple, c.SideBilateral)}, c.TechniqueNeedle, c.DepthSupraperiosteal, []string{"27G needle", "25G cannula"}, []float64{1, 2}, []*product{voluma, belVolume}, 2},
}

var toxins = []*product{botox, botox, bocouture, bocouture, azzalure, azzalure, alluzience, letybo, nuceiva}

var toxinAreas = []area{
	{45, "forehead glabella crows", "forehead, glabella and crow's feet (3 areas)", []c.SiteSide{ss(c.SiteForehead, ""), ss(c.SiteGlabella, c.SideMidline), ss(c.SiteCrowsFeet, c.SideBilateral)}, c.TechniqueNeedle, c.DepthIntramuscular, []string{"30G needle", "32G needle"}, []float64{44, 50, 54, 60, 64}, toxins, 1},
	{15, "glabella", "glabella", []c.SiteSide{ss(c.SiteGlabella, c.SideMidline)}, c.TechniqueNeedle, c.DepthIntramuscular, []string{"30G needle"}, []float64{16, 20, 20, 24}, toxins, 1},
	{15, "forehead glabella", "forehead and glabella", []c.SiteSide{ss(c.SiteForehead, ""), ss(c.SiteGlabella, c.SideMidline)}, c.TechniqueNeedle, c.DepthIntramuscular, []string{"30G needle", "32G needle"}, []float64{30, 32, 36, 40}, toxins, 1},
	{5, "crows", "crow's feet", []c.SiteSide{ss(c.SiteCrowsFeet, c.SideBilateral)}, c.TechniqueNeedle, c.DepthIntramuscular, []string{"30G needle"}, []float64{18, 24, 24}, toxins, 1},
	{8, "masseter", "masseters (jaw slimming)", []c.SiteSide{ss(c.SiteMasseter, c.SideBilateral)}, c.TechniqueNeedle, c.DepthIntramuscular, []string{"30G needle", "27G needle"}, []float64{40, 50, 50, 60}, toxins, 1},
	{4, "brow", "brow lift", []c.SiteSide{ss(c.SiteBrow, c.SideBilateral)}, c.TechniqueNeedle, c.DepthIntramuscular, []string{"32G needle"}, []float64{4, 6, 8}, toxins, 1},
	{3, "neck", "platysmal bands (Nefertiti lift)", []c.SiteSide{ss(c.SiteNeck, ""), ss(c.SiteJawline, c.SideBilateral)}, c.TechniqueNeedle, c.DepthIntramuscular, []string{"30G needle"}, []float64{24, 30, 36}, toxins, 1},
	{3, "perioral", "lip flip", []c.SiteSide{ss(c.SiteUpperLip, "")}, c.TechniqueNeedle, c.DepthIntramuscular, []string{"32G needle"}, []float64{4, 4, 6}, toxins, 1},
	{2, "axilla", "axillae (hyperhidrosis)", []c.SiteSide{ss(c.SiteAxilla, c.SideBilateral)}, c.TechniqueNeedle, c.DepthIntradermal, []string{"30G needle"}, []float64{100}, toxins, 1},
}

var threadAreas = []area{
	{40, "cheek", "mid-face", []c.SiteSide{ss(c.SiteCheek, c.SideBilateral)}, c.TechniqueCannula, c.DepthSubcutaneous, []string{"19G cannula", "21G cannula"}, nil, []*product{mintPDO, aptos, silhouette, pdoCog}, 1},
	{30, "jaw", "jawline", []c.SiteSide{ss(c.SiteJawline, c.SideBilateral)}, c.TechniqueCannula, c.DepthSubcutaneous, []string{"19G cannula"}, nil, []*product{mintPDO, silhouette, pdoCog}, 1},
	{15, "neck", "neck", []c.SiteSide{ss(c.SiteNeck, "")}, c.TechniqueCannula, c.DepthSubcutaneous, []string{"21G cannula"}, nil, []*product{mintPDO, pdoCog}, 1},
	{10, "brow", "brow (fox-eye lift)", []c.SiteSide{ss(c.SiteBrow, c.SideBilateral), ss(c.SiteTemple, c.SideBilateral)}, c.TechniqueCannula, c.DepthSubcutaneous, []string{"21G cannula"}, nil, []*product{pdoCog, aptos}, 1},
	{5, "nose", "nose thread lift", []c.SiteSide{ss(c.SiteNose, c.SideMidline)}, c.TechniqueNeedle, c.DepthSubcutaneous, []string{"21G needle"}, nil, []*product{pdoCog}, 1},
}

var peelAreas = []area{
	{60, "face perioral", "full face", []c.SiteSide{ss(c.SiteForehead, ""), ss(c.SiteCheek, c.SideBilateral), ss(c.SiteNose, c.SideMidline), ss(c.SiteChin, c.SideMidline), ss(c.SitePerioral, "")}, c.TechniqueTopical, "", []string{"gauze applicator", "fan brush"}, []float64{2, 3, 4}, []*product{obagiBlue, zoPeel, pcaSensi, glycolic, jessner}, 1},
	{20, "face perioral neck", "face and neck", []c.SiteSide{ss(c.SiteForehead, ""), ss(c.SiteCheek, c.SideBilateral), ss(c.SiteChin, c.SideMidline), ss(c.SiteNeck, "")}, c.TechniqueTopical, "", []string{"gauze applicator"}, []float64{3, 4, 5}, []*product{obagiBlue, pcaSensi, glycolic, jessner}, 1},
	{10, "hands", "backs of hands", []c.SiteSide{ss(c.SiteHands, c.SideBilateral)}, c.TechniqueTopical, "", []string{"fan brush"}, []float64{2, 3}, []*product{glycolic, pcaSensi}, 1},
	{10, "decolletage", "décolletage", []c.SiteSide{ss(c.SiteDecolletage, "")}, c.TechniqueTopical, "", []string{"gauze applicator"}, []float64{3, 4}, []*product{glycolic, jessner, zoPeel}, 1},
}

var laserAreas = []area{
	{25, "face hair", "laser hair removal to upper lip and chin", []c.SiteSide{ss(c.SiteUpperLip, ""), ss(c.SiteChin, c.SideMidline)}, c.TechniqueEnergyDevice, "", []string{"10mm spot", "12mm spot"}, nil, []*product{gentlemax, soprano}, 1},
	{20, "hair", "laser hair removal to axillae", []c.SiteSide{ss(c.SiteAxilla, c.SideBilateral)}, c.TechniqueEnergyDevice, "", []string{"15mm spot"}, nil, []*product{gentlemax, soprano}, 1},
	{15, "hair body", "laser hair removal to legs and bikini line", []c.SiteSide{ss(c.SiteBody, "")}, c.TechniqueEnergyDevice, "", []string{"18mm spot"}, nil, []*product{gentlemax, soprano}, 1},
	{25, "face", "IPL photorejuvenation, full face", []c.SiteSide{ss(c.SiteCheek, c.SideBilateral), ss(c.SiteNose, c.SideMidline), ss(c.SiteForehead, "")}, c.TechniqueEnergyDevice, "", []string{"560nm filter", "590nm filter"}, nil, []*product{m22}, 1},
	{15, "face", "fractional laser resurfacing, full face", []c.SiteSide{ss(c.SiteCheek, c.SideBilateral), ss(c.SiteForehead, ""), ss(c.SitePerioral, "")}, c.TechniqueEnergyDevice, "", []string{"1550nm handpiece", "1927nm handpiece"}, nil, []*product{fraxel, clarity}, 1},
}

var boosterAreas = []area{
	{55, "cheek", "face (5-point technique)", []c.SiteSide{ss(c.SiteCheek, c.SideBilateral)}, c.TechniqueNeedle, c.DepthIntradermal, []string{"29G needle", "30G needle"}, []float64{2}, []*product{profhilo, profhilo, vital, volite, sunekos}, 0.5},
	{20, "neck", "neck", []c.SiteSide{ss(c.SiteNeck, "")}, c.TechniqueNeedle, c.DepthIntradermal, []string{"29G needle"}, []float64{2}, []*product{profhilo, sunekos}, 0.3},
	{10, "hands", "backs of hands", []c.SiteSide{ss(c.SiteHands, c.SideBilateral)}, c.TechniqueNeedle, c.DepthIntradermal, []string{"29G needle"}, []float64{1, 2}, []*product{profhilo, vital}, 0.3},
	{10, "tear", "under-eye area", []c.SiteSide{ss(c.SiteTearTrough, c.SideBilateral)}, c.TechniqueCannula, c.DepthSubcutaneous, []string{"27G cannula"}, []float64{1}, []*product{redensity2, sunekos}, 1},
	{5, "decolletage", "décolletage", []c.SiteSide{ss(c.SiteDecolletage, "")}, c.TechniqueNeedle, c.DepthIntradermal, []string{"29G needle"}, []float64{2}, []*product{profhilo}, 0.3},
}

var lipolysisAreas = []area{
	{50, "submental jaw", "submental fat (double chin)", []c.SiteSide{ss(c.SiteSubmental, c.SideMidline)}, c.TechniqueNeedle, c.DepthSubcutaneous, []string{"30G needle", "27G needle"}, []float64{2, 4, 6}, []*product{aqualyx, aqualyx, belkyra, lipoLab}, 1},
	{15, "jaw", "jowls", []c.SiteSide{ss(c.SiteJawline, c.SideBilateral)}, c.TechniqueNeedle, c.DepthSubcutaneous, []string{"30G needle"}, []float64{2, 4}, []*product{aqualyx, lipoLab}, 1},
	{35, "body", "abdomen and flanks", []c.SiteSide{ss(c.SiteBody, "")}, c.TechniqueNeedle, c.DepthSubcutaneous, []string{"25G needle", "27G needle"}, []float64{8, 10, 16, 20}, []*product{aqualyx, lipoLab}, 1},
}

// procedure holds everything the generator draws for one kind of
// procedure: its share of reports (weighted like the Save Face complaint
// mix: filler about 65%, toxin about 25%), its areas and its complication
// mix.
type procedure struct {
	code  c.Procedure
	w     float64
	areas []area
	terms []termRule
	what  []string // how notes describe the procedure
}

// termRule weights a complication term for a procedure. needs lists area
// tags of which at least one must be present ("" allows every area).
type termRule struct {
	term  c.Term
	w     float64
	needs string
}

var procedures = []procedure{
	{c.ProcedureDermalFiller, 65, fillerAreas, []termRule{
		{c.TermOedema, 14, ""}, {c.TermBruising, 12, ""}, {c.TermContourIrregularity, 11, ""},
		{c.TermAsymmetry, 10, ""}, {c.TermUnsatisfactoryResult, 8, ""}, {c.TermNoduleNoninflammatory, 7, ""},
		{c.TermNoduleInflammatory, 6, ""}, {c.TermMigration, 5, "lips cheek tear"}, {c.TermPainTenderness, 4, ""},
		{c.TermHSVReactivation, 5, "lips perioral"}, {c.TermInfectionAcute, 4, ""}, {c.TermHypersensitivity, 3, ""},
		{c.TermTyndallEffect, 2, "lips tear"}, {c.TermVascularOcclusion, 2.5, ""}, {c.TermAngioedema, 1.2, ""},
		{c.TermErythema, 2, ""}, {c.TermParaesthesia, 1, ""}, {c.TermGranuloma, 0.8, ""}, {c.TermBiofilm, 0.5, ""},
		{c.TermVisualImpairment, 0.08, "nose tear nlf temple"}, {c.TermAnaphylaxis, 0.05, ""},
	}, []string{"dermal filler", "filler"}},
	{c.ProcedureBotulinumToxin, 25, toxinAreas, []termRule{
		{c.TermEyelidPtosis, 16, "glabella"}, {c.TermBrowPtosis, 12, "forehead brow"}, {c.TermHeadache, 14, ""},
		{c.TermAsymmetry, 12, ""}, {c.TermEyebrowAsymmetry, 10, "forehead"}, {c.TermUnsatisfactoryResult, 12, ""},
		{c.TermBruising, 9, ""}, {c.TermOedema, 3, ""}, {c.TermPainTenderness, 3, ""},
		{c.TermDiplopia, 0.8, "crows"}, {c.TermLagophthalmos, 0.8, "crows"}, {c.TermEctropion, 0.5, "crows"},
		{c.TermDysphagia, 1.5, "neck"}, {c.TermDysarthria, 1.5, "perioral masseter"}, {c.TermDysphonia, 0.5, "neck"},
		{c.TermHypersensitivity, 1.5, ""}, {c.TermGeneralisedWeakness, 0.3, "masseter neck axilla"},
	}, []string{"anti-wrinkle injections", "botulinum toxin", "Botox"}},
	{c.ProcedureThreadLift, 2.5, threadAreas, []termRule{
		{c.TermDimpling, 18, ""}, {c.TermThreadExtrusion, 14, ""}, {c.TermAsymmetry, 11, ""},
		{c.TermPainTenderness, 11, ""}, {c.TermInfectionAcute, 9, ""}, {c.TermBruising, 9, ""},
		{c.TermThreadMigration, 7, ""}, {c.TermUnsatisfactoryResult, 8, ""}, {c.TermOedema, 5, ""},
		{c.TermContourIrregularity, 4, ""}, {c.TermFacialNerveInjury, 1.5, "cheek jaw"},
	}, []string{"PDO thread lift", "thread lift"}},
	{c.ProcedureChemicalPeel, 2.5, peelAreas, []termRule{
		{c.TermHyperpigmentation, 18, ""}, {c.TermPersistentErythema, 14, ""}, {c.TermBurn, 14, ""},
		{c.TermContactDermatitis, 9, ""}, {c.TermHSVReactivation, 7, "perioral"}, {c.TermAcneMilia, 7, ""},
		{c.TermErythema, 7, ""}, {c.TermHypopigmentation, 4, ""}, {c.TermScarring, 4, ""},
		{c.TermDemarcationLines, 4, ""}, {c.TermInfectionAcute, 3, ""}, {c.TermPainTenderness, 3, ""},
	}, []string{"chemical peel", "medium-depth peel", "peel"}},
	{c.ProcedureLaserIPL, 2, laserAreas, []termRule{
		{c.TermBurn, 28, ""}, {c.TermHyperpigmentation, 15, ""}, {c.TermHypopigmentation, 9, ""},
		{c.TermErythema, 10, ""}, {c.TermParadoxicalHypertrichosis, 7, "hair"}, {c.TermScarring, 5, ""},
		{c.TermPersistentErythema, 5, ""}, {c.TermPainTenderness, 5, ""}, {c.TermOedema, 4, ""},
		{c.TermOcularInjury, 0.5, "face"}, {c.TermUnsatisfactoryResult, 5, ""},
	}, []string{"laser", "IPL", "laser treatment"}},
	{c.ProcedureSkinBooster, 2, boosterAreas, []termRule{
		{c.TermBruising, 20, ""}, {c.TermNoduleNoninflammatory, 14, ""}, {c.TermOedema, 14, ""},
		{c.TermErythema, 10, ""}, {c.TermNoduleInflammatory, 7, ""}, {c.TermInfectionAcute, 5, ""},
		{c.TermPainTenderness, 6, ""}, {c.TermHypersensitivity, 4, ""}, {c.TermTyndallEffect, 2, "tear"},
		{c.TermAsymmetry, 3, ""},
	}, []string{"skin booster", "skin booster injections"}},
	{c.ProcedureLipolysis, 1, lipolysisAreas, []termRule{
		{c.TermOedema, 20, ""}, {c.TermPainTenderness, 15, ""}, {c.TermInduration, 14, ""},
		{c.TermContourIrregularity, 9, ""}, {c.TermBruising, 10, ""}, {c.TermInfectionAcute, 8, ""},
		{c.TermSkinUlceration, 3, ""}, {c.TermSkinNecrosis, 1.5, ""}, {c.TermAlopecia, 2, "submental jaw"},
		{c.TermFacialNerveInjury, 1.5, "submental jaw"}, {c.TermDysphagia, 0.5, "submental"}, {c.TermErythema, 5, ""},
	}, []string{"fat-dissolving injections", "lipolysis injections"}},
}
