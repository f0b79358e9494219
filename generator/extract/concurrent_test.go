package extract

import (
	"encoding/json"
	"sync"
	"testing"
)

// TestRunConcurrent runs the extraction of every corpus article from
// several goroutines at once (the stages keep pooled buffers) and checks
// that each result equals the one computed alone.
func TestRunConcurrent(t *testing.T) {
	docs := corpus(t)
	want := make([]string, len(docs))
	for i, d := range docs {
		b, err := json.Marshal(Run(d).Contract("x", "t", d))
		if err != nil {
			t.Fatal(err)
		}
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < 3; r++ {
				for k := range docs {
					i := (k + g*5) % len(docs)
					b, _ := json.Marshal(Run(docs[i]).Contract("x", "t", docs[i]))
					if string(b) != want[i] {
						t.Errorf("article %d: concurrent result differs from the sequential one", i)
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
}
