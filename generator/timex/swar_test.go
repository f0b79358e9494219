package timex

import "testing"

// TestLetterRun compares the eight-byte scan with a byte loop at every
// offset of texts with letters, digits, punctuation, UTF-8 and bytes at the
// edges of the letter ranges ('@', '[', '`', '{', 0x7f, 0x80, 0xff).
func TestLetterRun(t *testing.T) {
	texts := []string{
		"", "a", "Hello", "abcdefgh", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!",
		"word@mail [x] `y` {z}", "São Paulo’s mayor", "ab\x7fcdefghij", "abcdefg\x80hijk", "\xff\xffabcdefghijklmn\xff",
		"Tuesday, Nov. 20, 2024", "mid-2020s", "AZaz@[`{", "zzzzzzzzzzzzzzzzz0",
	}
	for _, s := range texts {
		b := []byte(s)
		for j := 0; j <= len(b); j++ {
			for end := j; end <= len(b); end++ {
				want := j
				for want < end && isASCIILetter(b[want]) {
					want++
				}
				if got := letterRun(b, j, end); got != want {
					t.Errorf("letterRun(%q, %d, %d) = %d, want %d", s, j, end, got, want)
				}
			}
		}
	}
	for c := 0; c < 256; c++ {
		b := []byte{byte(c), 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
		want := 0
		if isASCIILetter(byte(c)) {
			want = len(b)
		}
		if got := letterRun(b, 0, len(b)); got != want {
			t.Errorf("letterRun of byte %#x then letters = %d, want %d", c, got, want)
		}
	}
}
