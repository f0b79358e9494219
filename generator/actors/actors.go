// Package actors finds the people, organizations and places an article talks
// about: every mention of each, the fullest name, the other forms used
// (aliases), the roles the article gives them (titles before a name,
// appositives after it) and, for people, the grammatical gender when the text
// shows it.
//
// It is rule-based: capitalized-token runs are classified with the knowledge
// tables of package gazetteer (countries, demonyms, organizations, titles)
// and with the context around them (a title before, a speech cue or an
// appositive after). Coreference is resolved within the article only.
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
