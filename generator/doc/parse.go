package doc

import "bytes"

// SplitParagraphs returns the paragraphs of text[start:end]: runs of
// non-blank lines separated by blank lines, each trimmed of surrounding white
// space and classified by Classify. Offsets are relative to text, not to
// start. CRLF line endings are treated like LF.
func SplitParagraphs(text []byte, start, end int) []Paragraph {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	var out []Paragraph
	paraStart, paraEnd := -1, -1
	flush := func() {
		if paraStart >= 0 {
			s := Span{paraStart, paraEnd}
			out = append(out, Paragraph{Span: s, Kind: Classify(text[s.Start:s.End])})
		}
		paraStart, paraEnd = -1, -1
	}
	for i := start; i < end; {
		j := bytes.IndexByte(text[i:end], '\n')
		lineEnd := end
		next := end
		if j >= 0 {
			lineEnd = i + j
			next = lineEnd + 1
		}
		ls, le := trimSpace(text, i, lineEnd)
		if ls == le {
			flush()
		} else {
			if paraStart < 0 {
				paraStart = ls
			}
			paraEnd = le
		}
		i = next
	}
	flush()
	return out
}

func trimSpace(text []byte, s, e int) (int, int) {
	for s < e && isSpace(text[s]) {
		s++
	}
	for e > s && isSpace(text[e-1]) {
		e--
	}
	return s, e
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

// Classify says whether a paragraph's text is a photo caption, a heading or
// body text. Captions are recognised by the wire-photo convention of a
// leading "FILE - " or "FILE – " (also "FILE PHOTO"), or a leading
// "Photo:"/"Caption:"; a heading is a single short line with no
// sentence-final punctuation.
func Classify(p []byte) Kind {
	for _, prefix := range captionPrefixes {
		if bytes.HasPrefix(p, []byte(prefix)) {
			return Caption
		}
	}
	if len(p) > 0 && len(p) <= 80 && bytes.IndexByte(p, '\n') < 0 {
		last := p[len(p)-1]
		if last != '.' && last != '?' && last != '!' && last != '"' && last != ':' &&
			!bytes.HasSuffix(p, []byte("”")) && !bytes.HasSuffix(p, []byte("’")) &&
			len(bytes.Fields(p)) <= 10 && (p[0] < 'a' || p[0] > 'z') {
			return Heading
		}
	}
	return Body
}

var captionPrefixes = []string{"FILE - ", "FILE – ", "FILE — ", "FILE PHOTO", "FILE: ", "Photo: ", "Caption: "}
