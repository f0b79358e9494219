package actors

import (
	"strings"
	"testing"
	"unicode"
)

// TestNameMask checks that mayShare never rules out a pair of names that
// equalToks, sub or variant would match, and that it does rule out some.
func TestNameMask(t *testing.T) {
	names := []string{"Joe Biden", "Biden", "biden", "Donald Trump", "Trump", "Ursula von der Leyen",
		"Von der Leyen", "von der Leyen", "Leyen", "Recep Tayyip Erdoğan", "Erdogan", "Erdoğan", "Recep Erdogan",
		"Luis Inacio Lula da Silva", "Luiz Inacio Lula da Silva", "Lula", "Ölaf Scholz", "Olaf Scholz", "Olaf",
		"László Varga", "Laszlo Varga", "Varga", "Łukasz Nowak", "Lukasz Nowak", "Xi Jinping", "Xi", "Kim Jong Un",
		"Jong Un", "Martin Luther King Jr.", "King", "3M", "O'Leary", "Ørsted", "Orsted"}
	ruled := 0
	for _, x := range names {
		for _, y := range names {
			a, b := strings.Fields(x), strings.Fields(y)
			match := equalToks(a, b) || sub(a, b) || variant(a, b)
			if !mayShare(nameMask(a), nameMask(b)) {
				ruled++
				if match {
					t.Errorf("mayShare(%q, %q) = false, but the names match", x, y)
				}
			}
		}
	}
	if ruled == 0 {
		t.Error("mayShare ruled out no pair")
	}
}

// TestGeneralPunct checks the shortcut of isWordRune and tokenize against
// the unicode tables.
func TestGeneralPunct(t *testing.T) {
	for r := rune(0x2000); r < 0x2070; r++ {
		if !generalPunct(r) {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.IsSpace(r) {
			t.Errorf("%U is taken for punctuation but is a letter, digit, mark or space", r)
		}
	}
	if !generalPunct('’') || !generalPunct('“') || !generalPunct('—') || generalPunct('a') {
		t.Error("generalPunct misses common marks")
	}
}

// TestAbbrevsShape checks what tokenize assumes of the abbreviations.
func TestAbbrevsShape(t *testing.T) {
	for _, w := range strings.Fields(abbrevWords) {
		if len(w) > 4 || w[0] < 'A' || w[0] > 'Z' {
			t.Errorf("abbreviation %q is not capitalized or longer than four letters", w)
		}
	}
}

// TestFoldTable checks the table spelling of foldASCII against the
// decomposition of whole strings.
func TestFoldTable(t *testing.T) {
	var words []string
	for r := rune(0xA0); r < 0x250; r++ {
		words = append(words, string(r), "a"+string(r)+"b", string(r)+string(r), "X"+string(r)+"\u0301")
	}
	words = append(words, "László", "Erdoğan", "Łukasz", "Ørsted", "Straße", "Ærø", "São Paulo", "Nguyễn", "e\u0301", "\xff", "Mañana\u0327")
	for _, w := range words {
		if got, want := foldASCII(w), foldSlow(w); got != want {
			t.Errorf("foldASCII(%q) = %q, want %q", w, got, want)
		}
	}
}
