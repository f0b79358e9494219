// Package actors finds the people, organizations and places an article talks
// about: every mention of each, the fullest name, the other forms used
// (aliases), the roles the article gives them and, for people, the gender
// the text shows.
//
// It is rule-based and scans bytes. Each sentence is cut into words; runs of
// capitalized words are classified with the knowledge tables of package
// gazetteer (countries, capitals, provinces, demonyms, organizations and
// their head words, titles, given names) and with their context:
//
//   - a title before a name makes it a person's and gives a role: "German
//     Chancellor Olaf Scholtz", "his Russian counterpart Sergey Lavrov",
//     "Kremlin spokesperson Dmitry Peskov", "U.S. Secretary of State ...";
//   - so do descriptions after it (", a fellow at Brookings Institution
//     where ...", ", who served as the special envoy for ...", " of the
//     Danube Institute", " is a senior fellow at ...") and before it
//     ("Iowa's Republican governor, Kim Reynolds,");
//   - a speech verb after a full name ("... told VOA"), a common given name,
//     an East Asian family name followed by romanized syllables ("Xi
//     Jinping", "Kim Jong Un"), an initial ("George W. Bush") or a family
//     name used alone twice elsewhere also show a person;
//   - a transcript label opening a paragraph names its speaker ("ANCHOR
//     (NINA KOVAL):", "OKAFOR:" for the Okafor of the article, the same
//     person each time), and a photo credit its photographer and agency
//     ("(Atlas/Mirela Stan)"); a quotation in headline case is the title of
//     a work and names nobody; "Hurricane Lena" is a storm ("other").
//
// A role is a noun phrase with a title or role head, or the organization a
// person leads ("who heads the X Union" gives "X Union"); it ends before a
// relative clause, a second verb phrase ("... and spent four years"), a
// time ("on Friday", "in 2020") or a quotation. "Sworn in as", "named" and
// "appointed" give roles too.
//
// Organizations come from the gazetteer, head words ("Institute", "Farmers'
// Union", "Court of Justice"), appositives ("X, a left-wing organization"),
// advocacy names ("Americans for Peace Now") and company context: a name
// that no title, honorific or description makes a person's is an
// organization where a company's name stands ("Los Angeles based X",
// "aircraft manufacturer X", "X shares", "X CEO Jane Doe", "the X A380",
// "shares of X", "X's chief executive", "X, the Dutch chipmaker,"), a
// corporate suffix ("X PLC", "X GmbH"), "Air" ending a name ("X Air") or a
// web domain ("X.com"). Such context-only organizations yield to a person
// of the same name. Events ("X Developers Conference", "X Olympic Games")
// and model designations ("A380") are no organizations.
//
// Coreference stays within the article. A surname or first name alone, or
// any part of a full name, refers to a person named in full; spelling
// variants of a full name ("Luis"/"Luiz", with or without diacritics) merge
// with the other spelling kept as an alias. Two people who share a name
// part are never merged: a bare shared name goes to the person whose family
// name it is, never to one named in full in the same sentence, inside a
// quotation never to the person most recently named outside quotations
// (the probable speaker), and otherwise to the most recently mentioned.
// Definite descriptions ("the former president", "the Chinese leader") add
// a role, with its span, to the person they refer back to; they are not
// mentions. Names never include a possessive ’s, and every mention's bytes
// equal the actor's name or one of its aliases.
package actors

import "briefgen/generator/doc"

// Kind says what an actor is.
type Kind uint8

const (
	Person Kind = iota
	Organization
	Place
	Other
)

func (k Kind) String() string {
	switch k {
	case Person:
		return "person"
	case Organization:
		return "organization"
	case Place:
		return "place"
	}
	return "other"
}

// Gender is a person's grammatical gender as the article shows it.
type Gender uint8

const (
	Unknown Gender = iota
	Male
	Female
)

func (g Gender) String() string {
	switch g {
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return "unknown"
}

// Role is a title or description the article gives an actor, with the span
// of Doc.Text it came from.
type Role struct {
	Text string
	Span doc.Span
}

// Actor is one person, organization or place of an article.
type Actor struct {
	ID       string     // stable slug of Name: ^[a-z0-9]+(-[a-z0-9]+)*$, unique in the article
	Name     string     // fullest form used in the article
	Kind     Kind       //
	Aliases  []string   // other forms used ("Xi", "Luiz Inacio Lula da Silva")
	Roles    []Role     // titles/descriptions with the span they came from
	Mentions []doc.Span // every reference, pronouns excluded, in text order
	Gender   Gender     // from Mr./Mrs./pronoun evidence, when known
}
