package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefgen/generator/doc"
	"briefgen/generator/sentences"
)

func FuzzFind(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Mr. \xff\xfe Kim\x00 Jong Un said, \u201cKim\u2019s\u2019s \"\"\" \u201c Kim"))
	f.Add([]byte(strings.Repeat("\u201c", 10000)))
	f.Add([]byte(strings.Repeat("President ", 200) + "Xi Jinping said."))
	f.Add([]byte("al- bin- de . ’s 's ' Hamas' (EU) ( ) , , the of for and President-elect"))
	f.Add([]byte("U.S.-China Secretary of State of the of , who served as , a \n\n, Kim Jong Un"))
	f.Fuzz(func(t *testing.T, text []byte) {
		d := &doc.Doc{Text: text, Paragraphs: doc.SplitParagraphs(text, 0, len(text))}
		checkInvariants(t, d, Find(d, nil))
		checkInvariants(t, d, Find(d, sentences.Split(d)))
		// sentences out of range or overlapping must not break it either
		bad := []doc.Sentence{{Span: doc.Span{Start: -5, End: len(text) + 9}}, {Span: doc.Span{Start: len(text), End: 0}, Para: 99}}
		checkInvariants(t, d, Find(d, bad))
	})
}

func benchDocs(b *testing.B, pattern string) ([]*doc.Doc, [][]doc.Sentence, int64) {
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		b.Skip("no articles at " + pattern)
	}
	var ds []*doc.Doc
	var ss [][]doc.Sentence
	var n int64
	for _, file := range files {
		d := load(b, file)
		ds = append(ds, d)
		ss = append(ss, sentences.Split(d))
		n += int64(len(d.Text))
	}
	return ds, ss, n
}

// BenchmarkFind runs over this package's own test articles (short ones).
func BenchmarkFind(b *testing.B) { benchFind(b, "testdata/*.md") }

// BenchmarkFindDev runs over the project's development articles (news
// articles of realistic length), when the shared folder is beside the
// repository.
func BenchmarkFindDev(b *testing.B) { benchFind(b, "../../../shared/eval/dev/*.md") }

func benchFind(b *testing.B, pattern string) {
	ds, ss, n := benchDocs(b, pattern)
	Find(ds[0], ss[0]) // build the gazetteer outside the timing
	b.SetBytes(n)
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, d := range ds {
			Find(d, ss[k])
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ds))/1e3, "µs/article")
	b.ReportMetric(float64(len(ds)), "articles/op")
	// on a shared machine wall time varies with load; CPU time does not
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}
