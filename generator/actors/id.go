package actors

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug returns the ID form of a name: lower-case ASCII letters and digits
// in words joined by hyphens ("Luiz Inácio Lula da Silva" ->
// "luiz-inacio-lula-da-silva"). Possessives and apostrophes are dropped
// ("O'Leary" -> "oleary"). It returns "actor" when nothing is left.
func Slug(name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return asciiSlug(name)
	}
	name = norm.NFD.String(name)
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
			continue
		default:
			if r < 0x80 || unicode.IsSpace(r) || unicode.IsPunct(r) {
				dash = b.Len() > 0
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "actor"
	}
	return b.String()
}

// assignIDs gives every actor the slug of its name, made unique with -2, -3
// suffixes in order of first mention. The slugs share one string.
func assignIDs(as []Actor) {
	n := 0
	for i := range as {
		n += len(as[i].Name) + 1
	}
	buf := make([]byte, 0, n)
	var stack [64]int
	offs := stack[:0]
	if len(as)+1 > len(stack) {
		offs = make([]int, 0, len(as)+1)
	}
	offs = append(offs, 0)
	for i := range as {
		buf = appendSlug(buf, as[i].Name)
		offs = append(offs, len(buf))
	}
	all := string(buf)
	var used map[string]bool
	if len(as) > 64 {
		used = make(map[string]bool, len(as))
	}
	taken := func(id string, upto int) bool {
		if used != nil {
			return used[id]
		}
		for k := 0; k < upto; k++ {
			if as[k].ID == id {
				return true
			}
		}
		return false
	}
	for i := range as {
		base := all[offs[i]:offs[i+1]]
		id := base
		for n := 2; taken(id, i); n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		as[i].ID = id
		if used != nil {
			used[id] = true
		}
	}
}

// appendSlug appends the slug of name to b.
func appendSlug(b []byte, name string) []byte {
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			return append(b, Slug(name)...)
		}
	}
	start := len(b)
	b = appendASCIISlug(b, name)
	if len(b) == start {
		b = append(b, "actor"...)
	}
	return b
}

// asciiSlug is Slug for a name in ASCII, with one allocation.
func asciiSlug(name string) string {
	var stack [64]byte
	b := appendASCIISlug(stack[:0], name)
	if len(b) == 0 {
		return "actor"
	}
	return string(b)
}

func appendASCIISlug(b []byte, name string) []byte {
	start := len(b)
	dash := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '\'':
			continue
		default:
			dash = len(b) > start
			continue
		}
		if dash {
			b = append(b, '-')
			dash = false
		}
		b = append(b, c)
	}
	return b
}
