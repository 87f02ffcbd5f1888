package layout

import (
	"path/filepath"
	"testing"

	"github.com/brochure-dev/brochure/theme"
)

// TestTemplates holds the templates of brochure init (the first pages a
// new user builds) to the corpus's checks (see example): read in order by
// every reader, no Han–space–Han, and no page but the last with a blank
// band over blankCeiling — in every look.
func TestTemplates(t *testing.T) {
	paths, err := filepath.Glob("../cmd/brochure/templates/*.yaml")
	if err != nil || len(paths) < 2 {
		t.Fatalf("%d templates (%v)", len(paths), err)
	}
	for _, style := range theme.Names() {
		for _, path := range paths {
			t.Run(style+"/"+filepath.Base(path), func(t *testing.T) { example(t, path, style) })
		}
	}
}
