package sentences

type abbrKind uint8

const (
	// abbrTitle abbreviations stand before a name or number and never end a
	// sentence: "Gen. Smith", "Nov. 20", "No. 5", "St. Louis".
	abbrTitle abbrKind = iota + 1
	// abbrEnding abbreviations may end a sentence: "Acme Inc. The next".
	abbrEnding
)

// abbrevs maps lower-case abbreviations (without the final dot) to their kind.
var abbrevs = map[string]abbrKind{}

func init() {
	for _, w := range []string{
		// personal, military, political and religious titles
		"mr", "mrs", "ms", "mssrs", "messrs", "dr", "prof", "rev", "fr", "sr", "sra", "hon",
		"gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig", "gov",
		"sen", "rep", "reps", "sens", "pres", "amb", "atty", "supt", "insp", "det", "msgr", "sec",
		"st", "ste", "mt", "ft", "pt",
		// months and days
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		// numbering and reference
		"no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "art", "sec", "ch", "chap", "ed", "eds",
		"approx", "est", "vs", "v", "cf", "ca", "e.g", "i.e", "viz",
		// U.S. states in AP style (they precede a comma or a name more often than a stop)
		"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
		"ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
		"pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
	} {
		abbrevs[w] = abbrTitle
	}
	for _, w := range []string{
		"inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "esq", "etc", "al", "dept", "univ",
		"assn", "intl", "govt", "ave", "blvd", "rd", "sq", "hwy",
	} {
		abbrevs[w] = abbrEnding
	}
}

// abbrevKind looks up word (the letters before a full stop) in the table.
func abbrevKind(word []byte) (abbrKind, bool) {
	if len(word) > 8 {
		return 0, false
	}
	var buf [8]byte
	w := buf[:len(word)]
	copy(w, word)
	for i, c := range w {
		if c >= 'A' && c <= 'Z' {
			w[i] = c + 'a' - 'A'
		}
	}
	k, ok := abbrevs[string(w)]
	// Titles, months and states are capitalised ("Gen.", "Nov.", "Ill."); in
	// lower case the same letters are ordinary words ("he fell ill.").
	if ok && k == abbrTitle && word[0] >= 'a' && word[0] <= 'z' {
		_, ok = lowerAbbrevs[string(w)]
	}
	return k, ok
}

// lowerAbbrevs are title-kind abbreviations also written in lower case.
var lowerAbbrevs = map[string]struct{}{
	"p": {}, "pp": {}, "vs": {}, "v": {}, "cf": {}, "ca": {}, "e.g": {}, "i.e": {}, "viz": {},
	"approx": {}, "est": {}, "vol": {}, "fig": {},
}

// starters are capitalised words that usually begin a sentence; after an
// ambiguous abbreviation they decide for a boundary.
var starters = map[string]struct{}{}

func init() {
	for _, w := range []string{
		"The", "A", "An", "This", "That", "These", "Those", "There", "Then", "Thus", "Still", "Yet",
		"He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your",
		"But", "And", "Or", "So", "If", "When", "While", "Although", "Though", "Because", "Since",
		"After", "Before", "As", "In", "On", "At", "For", "From", "With", "Without", "By", "To", "Of",
		"During", "Despite", "Meanwhile", "However", "Moreover", "Also", "Some", "Many", "Most",
		"Other", "Others", "Such", "No", "Not", "What", "Who", "Why", "How", "Where", "Which",
		"Officials", "Analysts", "Experts", "Critics", "Last", "Next", "Earlier", "Later", "Now",
		"Today", "Yesterday", "Tomorrow", "Both", "Each", "All", "Any", "One", "Two", "Three",
	} {
		starters[w] = struct{}{}
	}
}
