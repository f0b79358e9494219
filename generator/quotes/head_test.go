package quotes

import "testing"

// TestHeadPart checks the head word of descriptions, with connectives in
// any case, and that finding it allocates nothing.
func TestHeadPart(t *testing.T) {
	for _, c := range [][2]string{
		{"a fellow at Brookings", "fellow"},
		{"Danube Institute FOR Water Security", "Institute"},
		{"Dravia’s water minister", "minister"},
		{"Minister Of State", "Minister"},
		{"of", "of"},
		{"İnspector", "İnspector"},
	} {
		if got := headPart(c[0]); got != c[1] {
			t.Errorf("headPart(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	if n := testing.AllocsPerRun(100, func() { headPart("Senior Fellow At The Institute") }); n != 0 {
		t.Errorf("headPart allocates %v times", n)
	}
}
