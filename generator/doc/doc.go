// Package doc defines the text model that extraction reads: an article's
// bytes exactly as read from disk, and the spans (half-open byte ranges into
// those bytes) of its title, paragraphs and sentences.
//
// Every fact briefgen extracts points back into Doc.Text through a Span, so
// the site can link any fact to the sentence it came from.
package doc

import (
	"slices"
	"strconv"
	"time"
)

// Span is a half-open range [Start, End) of byte offsets into Doc.Text.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether t lies entirely inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// Kind says what a paragraph is.
type Kind uint8

const (
	Body    Kind = iota // the writer's running text
	Caption             // a photo caption ("FILE - A man walks past ...")
	Heading             // a section heading or subhead ("Balancing act")
)

func (k Kind) String() string {
	switch k {
	case Caption:
		return "caption"
	case Heading:
		return "heading"
	}
	return "body"
}

// Paragraph is one block of text, as separated by blank lines in the source.
type Paragraph struct {
	Span
	Kind Kind
}

// Sentence is one sentence of a paragraph.
type Sentence struct {
	Span
	Para int // index into Doc.Paragraphs
}

// Doc is one article ready for extraction.
type Doc struct {
	// Text is the file exactly as read from disk (front matter included), so
	// offsets are offsets into the file.
	Text []byte
	// Title is the span of the title in Text when the title is part of the
	// text (a .txt file's first line, or the front matter's title value);
	// zero when the title is not in the text.
	Title Span
	// Paragraphs are the body's paragraphs in order. Their spans exclude the
	// front matter and the blank lines between paragraphs, and are trimmed of
	// surrounding white space.
	Paragraphs []Paragraph
	// Published is the publication date; the zero Time when unknown.
	Published time.Time
}

// Slice returns the text of s. It clamps s to the bounds of Text, so it
// never panics.
func (d *Doc) Slice(s Span) string {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(d.Text) {
		s.End = len(d.Text)
	}
	if s.Start >= s.End {
		return ""
	}
	return string(d.Text[s.Start:s.End])
}

// SentenceID is the HTML id of the n-th sentence (counted from 0) of an
// article on its page: "s-1", "s-2", ... Everything that links to the
// sentence a fact came from uses it.
func SentenceID(n int) string { return "s-" + strconv.Itoa(n+1) }

// SentenceAt returns the index of the sentence of sents (in text order)
// that contains byte offset pos, or of the nearest sentence before it; 0
// when there is none.
func SentenceAt(sents []Sentence, pos int) int {
	i, found := slices.BinarySearchFunc(sents, pos, func(s Sentence, p int) int {
		switch {
		case s.End <= p:
			return -1
		case s.Start > p:
			return 1
		}
		return 0
	})
	if !found && i > 0 {
		i--
	}
	return min(i, max(len(sents)-1, 0))
}
