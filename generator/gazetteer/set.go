package gazetteer

// table maps words to values of type V. A word is looked up by its bytes,
// string or []byte, with one FNV-1a hash and no allocation; the words are
// kept in one string and the slots hold no pointers, so a large table costs
// the garbage collector almost nothing to scan. It is built once and read
// only afterwards.
type table[V any] struct {
	data  string // the words, one after another
	slots []slot // open addressing, linear probing; n == 0 marks an empty slot
	vals  []V    // the value of each slot
	mask  uint32
}

type slot struct {
	off uint32 // offset of the word in data
	n   uint16 // length of the word
	tag uint16 // high bits of its hash
}

func hash[T ~string | ~[]byte](w T) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// newTable returns a table of the words of m. Words that are empty or longer
// than 65535 bytes are left out (lookups of them report nothing).
func newTable[V any](m map[string]V) *table[V] {
	size := 8
	for size < 2*len(m) {
		size *= 2
	}
	t := &table[V]{slots: make([]slot, size), vals: make([]V, size), mask: uint32(size - 1)}
	n := 0
	for w := range m {
		n += len(w)
	}
	data := make([]byte, 0, n)
	for w, v := range m {
		if w == "" || len(w) > 0xffff {
			continue
		}
		h := hash(w)
		i := h & t.mask
		for t.slots[i].n != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{off: uint32(len(data)), n: uint16(len(w)), tag: uint16(h >> 16)}
		t.vals[i] = v
		data = append(data, w...)
	}
	t.data = string(data)
	return t
}

// get returns the value of w and whether w is in the table.
func get[V any, T ~string | ~[]byte](t *table[V], w T) (V, bool) {
	h := hash(w)
	tag := uint16(h >> 16)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.n == 0 {
			var zero V
			return zero, false
		}
		if s.tag == tag && int(s.n) == len(w) && equalBytes(t.data[s.off:s.off+uint32(s.n)], w) {
			return t.vals[i], true
		}
	}
}

func equalBytes[T ~string | ~[]byte](a string, b T) bool {
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Set is a set of words looked up by their bytes, with one cheap hash and no
// allocation, for the word lists of other packages.
type Set struct {
	t *table[struct{}]
}

// NewSet returns the set of the given words (empty words are left out).
func NewSet(words ...string) *Set {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return &Set{newTable(m)}
}

// Has reports whether w is one of the words of s.
func (s *Set) Has(w string) bool {
	_, ok := get(s.t, w)
	return ok
}

// HasBytes reports whether the word w is one of the words of s.
func (s *Set) HasBytes(w []byte) bool {
	_, ok := get(s.t, w)
	return ok
}

// Len returns the number of words of s.
func (s *Set) Len() int {
	n := 0
	for _, sl := range s.t.slots {
		if sl.n != 0 {
			n++
		}
	}
	return n
}
