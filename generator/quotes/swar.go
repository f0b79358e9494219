package quotes

import (
	"encoding/binary"
	"math/bits"
)

// alnumRun returns the offset of the first byte of b[j:end] that is not an
// ASCII letter or digit, or end. It tests eight bytes at a time: words are
// short, but a loop per byte pays a branch per letter.
func alnumRun(b []byte, j, end int) int {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	for j+8 <= end {
		x := binary.LittleEndian.Uint64(b[j : j+8])
		// Folded to lower case, a letter is 0x61-0x7a; a digit is
		// 0x30-0x39. For bytes below 0x80 the sums carry into no other
		// byte; a byte at or above 0x80 is neither, and what its carry
		// does to the bytes after it does not matter, as the run ends there.
		y := x | 0x2020202020202020
		letters := (y + (0x80-0x61)*ones) &^ (y + (0x80-0x7b)*ones)
		digits := (x + (0x80-0x30)*ones) &^ (x + (0x80-0x3a)*ones)
		if stop := ^((letters | digits) &^ x) & high; stop != 0 {
			return j + bits.TrailingZeros64(stop)/8
		}
		j += 8
	}
	for j < end && asciiWord[b[j]] {
		j++
	}
	return j
}
