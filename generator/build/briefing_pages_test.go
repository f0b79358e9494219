package build

import (
	"os"
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkBuildSite builds the site in $BRIEFGEN_BENCH_SITE (for example
// one made by shared/bench/gencorpus.py) into a temporary directory; it is
// skipped when the variable is not set. Profile it with -cpuprofile.
func BenchmarkBuildSite(b *testing.B) {
	src := os.Getenv("BRIEFGEN_BENCH_SITE")
	if src == "" {
		b.Skip("set BRIEFGEN_BENCH_SITE to a site directory")
	}
	for i := 0; i < b.N; i++ {
		dst := b.TempDir()
		if _, err := Build(afero.NewOsFs(), Options{Source: src, Destination: dst, Theme: theme, Quiet: true, NoSync: true}); err != nil {
			b.Fatal(err)
		}
	}
}
