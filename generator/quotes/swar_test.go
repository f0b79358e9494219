package quotes

import "testing"

// TestAlnumRun compares the eight-byte scan with a byte loop at every
// offset of texts with letters, digits, punctuation, UTF-8 and bytes at the
// edges of the letter and digit ranges ('/', ':', '@', '[', '`', '{', 0x7f,
// 0x80, 0xff).
func TestAlnumRun(t *testing.T) {
	texts := []string{
		"", "a", "Hello", "abcdefgh", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!",
		"word@mail [x] `y` {z}", "São Paulo’s mayor", "ab\x7fcdefghij", "abcdefg\x80hijk", "\xff\xffabcdefghijklmn\xff",
		"Tuesday, Nov. 20, 2024", "mid-2020s", "AZaz09@[`{/:", "zzzzzzzzzzzzzzzzz0", "12345678901234567890x",
	}
	for _, s := range texts {
		b := []byte(s)
		for j := 0; j <= len(b); j++ {
			for end := j; end <= len(b); end++ {
				want := j
				for want < end && asciiWord[b[want]] {
					want++
				}
				if got := alnumRun(b, j, end); got != want {
					t.Errorf("alnumRun(%q, %d, %d) = %d, want %d", s, j, end, got, want)
				}
			}
		}
	}
	for c := 0; c < 256; c++ {
		b := []byte{byte(c), 'a', 'b', '1', 'd', 'e', 'f', 'g', 'h'}
		want := 0
		if asciiWord[c] {
			want = len(b)
		}
		if got := alnumRun(b, 0, len(b)); got != want {
			t.Errorf("alnumRun of byte %#x then letters = %d, want %d", c, got, want)
		}
	}
}
