// Package cachedir says where brochure keeps what it caches between runs
// (compressed font programs, compiled PDFium).
package cachedir

import (
	"os"
	"path/filepath"
)

// Dir returns BROCHURE_CACHE (a folder), by default brochure's folder in
// the user's cache folder (~/.cache/brochure on Linux), or "" when
// BROCHURE_CACHE is "off" or there is no user cache folder.
func Dir() string {
	dir := os.Getenv("BROCHURE_CACHE")
	switch dir {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "brochure")
	}
	return dir
}
