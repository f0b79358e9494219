package render

import "testing"

func TestPageClass(t *testing.T) {
	for _, c := range []struct{ n, class int }{
		{0, -1}, {1, 0}, {4096, 0}, {4097, 1}, {8192, 1}, {100_000, 5}, {262_144, 6}, {262_145, -1},
	} {
		if got := pageClass(c.n); got != c.class {
			t.Errorf("pageClass(%d) = %d, want %d", c.n, got, c.class)
		}
	}
}

func TestPageBytes(t *testing.T) {
	for _, n := range []int{0, 1, 5000, 70_000, 300_000} {
		b := pageBytes(n)
		if len(b) != n {
			t.Fatalf("pageBytes(%d): %d bytes", n, len(b))
		}
		if c := pageClass(n); c >= 0 && cap(b) != 1<<(c+minPageClass) {
			t.Errorf("pageBytes(%d): cap %d, not its class's", n, cap(b))
		}
		Recycle(b)
	}
	// Bytes not made by pageBytes are not pooled: a later page never
	// gets memory its owner still uses.
	foreign := make([]byte, 5000, 6000)
	Recycle(foreign)
	for range 100 {
		b := pageBytes(5000)
		if &b[0] == &foreign[0] {
			t.Fatal("a foreign slice was handed out as a page")
		}
	}
}
