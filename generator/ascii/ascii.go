// Package ascii holds the fast paths the extraction stages' tokenizers
// (actors, quotes, timex, events) share for ASCII words: runs of letters and
// digits scanned eight bytes at a time (words in news text are short, but a
// loop per byte pays a branch per letter), and lower-casing without
// allocating.
package ascii

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"
)

const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// IsLetter reports whether c is an ASCII letter.
func IsLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// IsAlnum reports whether c is an ASCII letter or digit.
func IsAlnum(c byte) bool { return IsLetter(c) || '0' <= c && c <= '9' }

// AlnumRun returns the offset of the first byte of b[j:end] that is not an
// ASCII letter or digit, or end.
func AlnumRun(b []byte, j, end int) int {
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
	for j < end && IsAlnum(b[j]) {
		j++
	}
	return j
}

// LetterRun returns the offset of the first byte of b[j:end] that is not an
// ASCII letter, or end.
func LetterRun(b []byte, j, end int) int {
	for j+8 <= end {
		x := binary.LittleEndian.Uint64(b[j : j+8])
		// As in AlnumRun, without the digits.
		y := x | 0x2020202020202020
		letters := (y + (0x80-0x61)*ones) &^ (y + (0x80-0x7b)*ones) &^ x & high
		if stop := ^letters & high; stop != 0 {
			return j + bits.TrailingZeros64(stop)/8
		}
		j += 8
	}
	for j < end && IsLetter(b[j]) {
		j++
	}
	return j
}

// AppendLower appends the lower case of w to dst: an ASCII word folded byte
// by byte, any other as strings.ToLower folds it. With a stack buffer for
// dst, a word is looked up or switched on without allocating.
func AppendLower[T ~string | ~[]byte](dst []byte, w T) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(string(w))...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
