package ascii

import "testing"

// texts have letters, digits, punctuation, UTF-8 and bytes at the edges of
// the letter and digit ranges ('/', ':', '@', '[', '`', '{', 0x7f, 0x80, 0xff).
var texts = []string{
	"", "a", "Hello", "abcdefgh", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!",
	"word@mail [x] `y` {z}", "São Paulo’s mayor", "ab\x7fcdefghij", "abcdefg\x80hijk", "\xff\xffabcdefghijklmn\xff",
	"Tuesday, Nov. 20, 2024", "mid-2020s", "AZaz09@[`{/:", "zzzzzzzzzzzzzzzzz0", "12345678901234567890x",
}

// TestRuns compares the eight-byte scans with a byte loop at every offset
// and end of the texts, and after every byte value.
func TestRuns(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  func([]byte, int, int) int
		in   func(byte) bool
	}{
		{"AlnumRun", AlnumRun, IsAlnum},
		{"LetterRun", LetterRun, IsLetter},
	} {
		for _, s := range texts {
			b := []byte(s)
			for j := 0; j <= len(b); j++ {
				for end := j; end <= len(b); end++ {
					want := j
					for want < end && tc.in(b[want]) {
						want++
					}
					if got := tc.run(b, j, end); got != want {
						t.Errorf("%s(%q, %d, %d) = %d, want %d", tc.name, s, j, end, got, want)
					}
				}
			}
		}
		for c := 0; c < 256; c++ {
			b := []byte{byte(c), 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}
			want := 0
			if tc.in(byte(c)) {
				want = len(b)
			}
			if got := tc.run(b, 0, len(b)); got != want {
				t.Errorf("%s of byte %#x then letters = %d, want %d", tc.name, c, got, want)
			}
		}
	}
}

// TestClasses checks the byte classes against their definitions.
func TestClasses(t *testing.T) {
	for c := 0; c < 256; c++ {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if IsLetter(byte(c)) != letter || IsAlnum(byte(c)) != (letter || c >= '0' && c <= '9') {
			t.Errorf("byte %#x misclassified", c)
		}
	}
}

// FuzzRuns checks the scans against the byte loop on any input.
func FuzzRuns(f *testing.F) {
	for _, s := range texts {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, j int) {
		b := []byte(s)
		if j < 0 || j > len(b) {
			j = 0
		}
		want := j
		for want < len(b) && IsAlnum(b[want]) {
			want++
		}
		if got := AlnumRun(b, j, len(b)); got != want {
			t.Errorf("AlnumRun(%q, %d) = %d, want %d", s, j, got, want)
		}
		want = j
		for want < len(b) && IsLetter(b[want]) {
			want++
		}
		if got := LetterRun(b, j, len(b)); got != want {
			t.Errorf("LetterRun(%q, %d) = %d, want %d", s, j, got, want)
		}
	})
}
