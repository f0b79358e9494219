package quotes

// Word tables for attribution. All entries are lower case.

type cueKind uint8

const (
	cueNone       cueKind = iota
	cueFinite             // said, told, warns: the subject or an inverted name is the speaker
	cueParticiple         // saying, adding: the speaker of the clause it hangs on
	cueQuoted             // quoted: the object is the speaker ("It quoted X saying")
	cueAccording          // according (to X)
	cuePointed            // pointed/points (out)
	cuePut                // put (it): "as X put it"
)

var cueWords = map[string]cueKind{}

// cueWordSet holds every cue word, for membership tests.
var cueWordSet = map[string]struct{}{}

// objectCues take the person spoken to as their object ("told VOA",
// "urged Xi"): a name after them is never the speaker.
var objectCues = set("told", "tell", "tells", "urged", "urge", "urges", "accused", "accuse", "accuses",
	"called", "calls", "described", "describe", "describes", "praised", "praises", "criticized",
	"criticised", "criticizes", "condemned", "condemns", "thanked", "denounced", "denounces",
	"hailed", "hails", "dubbed", "labeled", "labelled", "termed", "blasted", "slammed", "advised",
	"advises", "asked", "asks", "warned", "warns", "questioned", "reminded", "ordered", "orders",
	"directed", "instructed")

func init() {
	finite := []string{
		"say", "says", "said", "tell", "tells", "told", "add", "adds", "added",
		"warn", "warns", "warned", "ask", "asks", "asked", "suggest", "suggests", "suggested",
		"noted", "write", "writes", "wrote", "stresses", "stressed",
		"urge", "urges", "urged", "argue", "argues", "argued", "insist", "insists", "insisted",
		"acknowledge", "acknowledges", "acknowledged", "explain", "explains", "explained",
		"continued", "declare", "declares", "declared", "claimed",
		"stated", "reply", "replies", "replied", "respond", "responds", "responded",
		"tweeted", "posted", "recall", "recalls", "recalled",
		"concede", "concedes", "conceded", "cautions", "cautioned",
		"predict", "predicts", "predicted", "maintain", "maintains", "maintained",
		"emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised",
		"underscore", "underscores", "underscored", "underline", "underlines", "underlined",
		"announce", "announces", "announced", "vows", "vowed", "pledges", "pledged",
		"promises", "promised", "complain", "complains", "complained",
		"admit", "admits", "admitted", "observe", "observes", "observed", "remarked",
		"agree", "agrees", "agreed", "commented", "testify", "testifies", "testified",
		"assert", "asserts", "asserted", "contend", "contends", "contended", "countered",
		"laments", "lamented", "reiterate", "reiterates", "reiterated",
		"condemn", "condemns", "condemned", "criticize", "criticizes", "criticized",
		"criticise", "criticises", "criticised", "denounce", "denounces", "denounced",
		"accuse", "accuses", "accused", "praises", "praised", "hails", "hailed",
		"called", "describe", "describes", "described", "dubs", "dubbed",
		"labels", "labeled", "labelled", "termed", "quipped",
		"joked", "exclaim", "exclaimed", "shouted",
		"chanted", "demands", "demanded", "proclaim", "proclaimed",
		"reported", "confirm", "confirms", "confirmed", "deny", "denies", "denied",
		"blasted", "slams", "slammed", "questioned",
		"wonder", "wonders", "wondered", "pleads", "pleaded", "advise", "advises", "advised",
		"recommend", "recommends", "recommended", "propose", "proposes", "proposed",

		"write", "writes", "mention", "mentions", "mentioned", "reveal", "reveals", "revealed",
		"concluded", "concludes", "charged",
		"boasted", "boasts", "retorted", "snapped", "scoffed", "wrote", "explained",
		// courts and authorities: "The court ordered Dravia to “take all measures”"
		"ruled", "rules", "ordered", "orders", "directed", "instructed", "decreed",
	}
	for _, w := range finite {
		cueWords[w] = cueFinite
	}
	for _, w := range []string{
		"saying", "adding", "telling", "noting", "warning", "arguing", "insisting", "stressing",
		"explaining", "asking", "urging", "calling", "describing", "claiming", "writing",
		"declaring", "suggesting", "acknowledging", "emphasizing", "emphasising", "pointing",
		"underscoring", "calling", "referring", "citing", "vowing", "pledging", "promising",
		"complaining", "admitting", "reiterating", "repeating", "recalling", "predicting",
		"cautioning", "contending", "asserting", "demanding", "stating", "replying",
		"responding", "answering", "tweeting", "posting", "recounting", "conceding", "announcing",
		"observing", "remarking", "commenting", "lamenting", "quipping", "joking", "writing",
	} {
		cueWords[w] = cueParticiple
	}
	defer func() {
		for w := range cueWords {
			cueWordSet[w] = struct{}{}
		}
	}()
	cueWords["quoted"] = cueQuoted
	cueWords["quotes"] = cueQuoted
	cueWords["according"] = cueAccording
	cueWords["pointed"] = cuePointed
	cueWords["put"] = cuePut
	cueWords["puts"] = cuePut
	cueWords["points"] = cuePointed
	for w := range cueWords {
		if len(w) < 2 || len(w) > 15 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' {
			cueFilterOff = true // not a word the filter can speak for
			continue
		}
		cueFilter[w[0]-'a'][w[1]-'a'] |= 1 << len(w)
	}
}

// cueFilter[first letter][second letter] has bit n set when some cue word
// of n bytes starts with those letters: most words are no cue and need no
// map lookup. cueFilterOff disables it.
var (
	cueFilter    [26][26]uint16
	cueFilterOff bool
)

// maybeCue reports whether the lower-case word b may be in cueWords.
func maybeCue(b []byte) bool {
	if cueFilterOff || len(b) < 2 || len(b) > 15 || b[0] < 'a' || b[0] > 'z' || b[1] < 'a' || b[1] > 'z' {
		return true
	}
	return cueFilter[b[0]-'a'][b[1]-'a']&(1<<len(b)) != 0
}

func set(ws ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(ws))
	for _, w := range ws {
		m[w] = struct{}{}
	}
	return m
}

// skipBeforeVerb are words that may stand between a subject and its verb.
var skipBeforeVerb = set("also", "later", "then", "has", "have", "had", "was", "is", "were", "are",
	"will", "would", "could", "should", "may", "might", "must", "can", "did", "does", "do",
	"once", "recently", "previously", "further", "again", "repeatedly", "first", "subsequently",
	"separately", "reportedly", "quickly", "publicly", "privately", "earlier", "not", "never",
	"often", "frequently", "still", "been", "already", "even", "only", "just", "yet", "too",
	"however", "though", "simply", "flatly", "openly", "bluntly", "candidly", "explicitly",
	"directly", "personally", "additionally", "similarly", "likewise", "meanwhile", "instead",
	"angrily", "firmly", "strongly", "sharply", "last", "week", "yesterday", "today", "on",
	"itself", "himself", "herself", "themselves",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "now")

// nounDeterminers before a cue word make it a noun ("mounting calls").
var nounDeterminers = set("the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
	"mounting", "many", "recent", "new", "these", "those", "this", "such", "repeated",
	"several", "multiple", "any", "no", "some", "growing", "earlier", "public", "official")

var prepositions = set("of", "for", "at", "from", "with", "in", "by", "to", "on", "about",
	"against", "between", "among", "over", "under", "into", "toward", "towards", "near",
	"than", "like", "without", "within", "after", "before", "during", "through")

// introWords open an introductory phrase that ends at the first comma.
var introWords = set("in", "at", "on", "during", "after", "before", "since", "while", "as", "with",
	"despite", "following", "regarding", "although", "though", "because", "if", "when", "under",
	"amid", "over", "for", "from", "by", "like", "unlike", "beyond", "besides", "given", "once",
	"until", "unless", "whether", "whereas", "throughout", "ahead", "asked", "speaking", "according",
	"to", "earlier", "later", "last", "next", "this", "on", "within", "without", "upon", "among",
	"between", "against", "instead", "rather", "even", "still", "yet", "now", "today", "yesterday",
	"back", "here", "there", "elsewhere", "outside", "inside", "nearby", "overall", "afterward",
	"afterwards", "upstream", "downstream", "abroad", "online", "separately", "nationwide")

// leadWords may open a sentence before its subject without a comma.
var leadWords = set("but", "and", "yet", "so", "still", "however", "meanwhile", "instead", "also",
	"moreover", "furthermore", "separately", "similarly", "then", "thus", "now")

var pronounMale = set("he", "him")

// subjectPronouns can open a clause as its subject.
var subjectPronouns = set("he", "she", "it", "they", "we", "i")

var pronounPossessive = set("his", "her", "its", "their")

// documentHeads are nouns for texts that speak for whoever issued them ("the
// ruling said", "according to the statement").
var documentHeads = set("ruling", "statement", "decision", "opinion", "order", "filing", "complaint",
	"lawsuit", "suit", "indictment", "motion", "verdict", "judgment", "judgement", "memo", "memorandum",
	"letter", "release", "announcement", "communique", "communiqué", "declaration", "notice", "report",
	"petition", "affidavit", "email", "e-mail", "post", "tweet", "message")

// spokesHeads are jobs of people who speak for an organization.
var spokesHeads = set("spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative",
	"lawyer", "attorney", "counsel")
var pronounFemale = set("she", "her")

// nameWordsBeforeName are lower-case words allowed between a cue and the
// name it introduces ("said the former minister X").
var nameLead = set("the", "a", "an", "former", "then", "late", "acting", "deputy", "senior", "outgoing",
	"incoming", "current", "longtime", "veteran", "lead", "principal", "study", "chief", "head",
	"assistant", "associate", "managing", "executive", "vice", "interim", "founding", "co", "team",
	"club", "party", "campaign", "district", "county", "state", "federal", "city", "defense", "defence",
	"prosecuting", "presiding", "trial", "appeals", "general")

// jobWords are lower-case job nouns that may stand before a name
// ("spokesperson Dmitry Peskov", "coach Helen Marsh").
var jobWords = set("spokesperson", "spokesman", "spokeswoman", "president", "minister", "ambassador",
	"envoy", "secretary", "chairman", "chairwoman", "chair", "director", "official", "leader",
	"analyst", "professor", "lawmaker", "senator", "governor", "mayor", "chief", "general",
	"commander", "adviser", "advisor", "lawyer", "attorney", "economist", "activist", "candidate",
	"author", "co-author", "researcher", "scientist", "epidemiologist", "physician", "doctor",
	"coach", "manager", "captain", "striker", "forward", "midfielder", "defender", "goalkeeper",
	"quarterback", "pitcher", "player", "judge", "justice", "prosecutor", "counsel", "trustee",
	"councillor", "councilor", "councilman", "councilwoman", "commissioner", "superintendent",
	"sheriff", "inspector", "detective", "sergeant", "officer", "founder", "co-founder", "owner",
	"executive", "strategist", "historian", "novelist", "writer", "editor", "columnist", "host",
	"anchor", "correspondent", "reporter", "expert", "consultant", "engineer", "teacher",
	"principal", "dean", "chancellor", "provost", "rabbi", "pastor", "bishop", "priest", "imam",
	"nurse", "surgeon", "pilot", "farmer", "resident", "student", "witness", "survivor",
	"organizer", "organiser", "campaigner", "volunteer", "treasurer", "pollster", "diplomat",
	"negotiator", "mediator", "rapporteur", "auditor", "regulator", "ceo", "cfo", "coo", "cto")

// plural heads that are not group names
func isPluralHead(w string) bool {
	if len(w) < 4 || w[len(w)-1] != 's' {
		return w == "people" || w == "police" || w == "officials" || w == "men" || w == "women"
	}
	switch {
	case len(w) > 2 && (w[len(w)-2] == 's' || w[len(w)-2] == 'u' || w[len(w)-2] == 'i'):
		return false // "press", "status", "analysis"
	case w == "news" || w == "series" || w == "species":
		return false
	}
	return true
}

// roleSynonyms maps a description head to the words a matching role may use.
var roleSynonyms = map[string][]string{
	"spokesperson":   {"spokesperson", "spokesman", "spokeswoman"},
	"spokesman":      {"spokesperson", "spokesman", "spokeswoman"},
	"spokeswoman":    {"spokesperson", "spokesman", "spokeswoman"},
	"envoy":          {"envoy", "ambassador"},
	"ambassador":     {"ambassador", "envoy"},
	"chief":          {"chief", "head", "chairman", "chairwoman", "director"},
	"head":           {"head", "chief", "chairman", "chairwoman", "director"},
	"leader":         {"leader", "head", "chairman", "president"},
	"senator":        {"senator", "sen"},
	"congressman":    {"congressman", "congresswoman", "rep", "representative"},
	"congresswoman":  {"congressman", "congresswoman", "rep", "representative"},
	"representative": {"representative", "rep", "congressman", "congresswoman"},
	"lawmaker":       {"lawmaker", "sen", "senator", "rep", "representative", "congressman", "congresswoman", "legislator"},
	"governor":       {"governor", "gov"},
	"general":        {"general", "gen"},
	"professor":      {"professor", "prof"},
	"lawyer":         {"lawyer", "attorney"},
	"attorney":       {"attorney", "lawyer"},
	"minister":       {"minister"},
	"official":       {"official"},
}

// genericHeads are description heads too vague to pick an actor by role.
var genericHeads = set("statement", "report", "letter", "release", "article", "document", "study",
	"survey", "poll", "post", "message", "note", "one", "country", "nation", "sign", "banner",
	"headline", "title", "book", "film", "song", "slogan")

// orgHeads are nouns that refer back to the organization last named when no
// organization's name contains them ("Acme … the company said").
var orgHeads = set("company", "firm", "group", "organization", "organisation", "agency", "carrier",
	"airline", "automaker", "retailer", "manufacturer", "bank", "network", "startup", "party",
	"campaign", "union", "team", "club", "charity", "coalition",
	"alliance", "broadcaster", "newspaper", "publisher", "insurer", "lender", "developer",
	"operator", "producer", "maker", "giant", "conglomerate", "nonprofit")
