package annotate

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"testing"

	"briefgen/generator/doc"
)

// naiveSplit is split without the sweep: every mark that starts before
// end is looked at.
func naiveSplit(marks []Mark, start, end int) []piece {
	n := sort.Search(len(marks), func(i int) bool { return marks[i].Span.Start >= end })
	cuts := []int{start, end}
	var active []int
	for i := 0; i < n; i++ {
		m := marks[i].Span
		if m.End <= start || m.Start >= m.End {
			continue
		}
		active = append(active, i)
		if m.Start > start {
			cuts = append(cuts, m.Start)
		}
		if m.End < end {
			cuts = append(cuts, m.End)
		}
	}
	if len(active) == 0 {
		return []piece{{start, end, nil}}
	}
	sort.Ints(cuts)
	var out []piece
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a == b {
			continue
		}
		p := piece{start: a, end: b}
		for _, i := range active {
			if marks[i].Span.Start <= a && b <= marks[i].Span.End {
				p.marks = append(p.marks, i)
			}
		}
		out = append(out, p)
	}
	return out
}

// The sweep that keeps split linear on long documents gives the same
// pieces as looking at every mark, for random nested, overlapping, empty
// and long marks, asked for in document order and out of it.
func TestSplitMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 500; round++ {
		var marks []Mark
		for i := r.Intn(30); i > 0; i-- {
			s := r.Intn(200)
			e := s + r.Intn(40)
			if r.Intn(10) == 0 {
				e = s + r.Intn(200) // long
			}
			if r.Intn(20) == 0 {
				e = s // empty
			}
			marks = append(marks, Mark{Span: doc.Span{Start: s, End: e}, Tag: "span"})
		}
		Sort(marks)
		wr := newWriter(marks)
		s, e := 0, 0
		for q := 0; q < 40; q++ {
			if q%2 == 0 {
				s = r.Intn(220) // anywhere: restarts the sweep
			} else {
				s = e + r.Intn(5) // in document order
			}
			e = s + 1 + r.Intn(30)
			got, want := wr.split(s, e), naiveSplit(marks, s, e)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("marks %v, split(%d, %d) = %v, want %v", marks, s, e, got, want)
			}
		}
	}
}

// BenchmarkManyMarks renders a long plain text paragraph by paragraph
// (as render does), with a mark on every sentence and one mark around all
// of it: linear since split sweeps.
func BenchmarkManyMarks(b *testing.B) {
	var text bytes.Buffer
	var marks []Mark
	var paras []doc.Span
	for i := 0; i < 20000; i++ {
		if i%100 == 0 {
			if len(paras) > 0 {
				paras[len(paras)-1].End = text.Len()
			}
			paras = append(paras, doc.Span{Start: text.Len()})
		}
		s := text.Len()
		fmt.Fprintf(&text, "Sentence %d says the talks resume. ", i)
		marks = append(marks, Mark{Span: doc.Span{Start: s, End: text.Len() - 1}, Tag: "span", ID: fmt.Sprintf("s-%d", i)})
	}
	paras[len(paras)-1].End = text.Len()
	marks = append(marks, Mark{Span: doc.Span{Start: 0, End: text.Len()}, Tag: "span"})
	Sort(marks)
	data := text.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		p := NewPlain(data, marks)
		var out bytes.Buffer
		for _, sp := range paras {
			p.Write(&out, sp)
		}
	}
}

// TestSortIsStable checks Sort against a stable sort of the same order on
// marks with many equal spans: marks with the same span keep their order.
// Some rounds have offsets on both sides of 2^24, where Sort stops packing
// keys into integers.
func TestSortIsStable(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	for round := 0; round < 200; round++ {
		n := rng.Intn(60)
		marks := make([]Mark, n)
		for i := range marks {
			s := rng.Intn(10)
			if round%4 == 1 {
				s += 1<<24 - 6 // around the packed keys' limit
			}
			marks[i] = Mark{Span: doc.Span{Start: s, End: s + rng.Intn(4)}, ID: strconv.Itoa(i)}
		}
		want := slices.Clone(marks)
		slices.SortStableFunc(want, compareMarks)
		Sort(marks)
		for i := range marks {
			if marks[i].ID != want[i].ID || marks[i].Span != want[i].Span {
				t.Fatalf("round %d: mark %d is %+v, want %+v", round, i, marks[i], want[i])
			}
		}
	}
}
