package build

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

func TestParallel(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 100} {
		var calls atomic.Int64
		seen := make([]atomic.Int32, n)
		if err := parallel(n, func(i int) error {
			calls.Add(1)
			seen[i].Add(1)
			return nil
		}); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if calls.Load() != int64(n) {
			t.Errorf("n=%d: %d calls", n, calls.Load())
		}
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Errorf("n=%d: item %d called %d times", n, i, seen[i].Load())
			}
		}
	}
	// Every item fails: whatever the schedule, the error is item 0's.
	err := parallel(50, func(i int) error { return fmt.Errorf("item %d", i) })
	if err == nil || err.Error() != "item 0" {
		t.Errorf("all failing: %v, want item 0", err)
	}
	// One failure stops the work: far fewer calls than items.
	var calls atomic.Int64
	boom := errors.New("boom")
	err = parallel(100000, func(i int) error {
		calls.Add(1)
		if i == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want boom", err)
	}
	if calls.Load() == 100000 {
		t.Errorf("a failure did not stop the remaining calls")
	}
}
