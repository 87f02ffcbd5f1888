package fonts

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// IndexDir is the folder where the index of the system's fonts is kept
// between runs (the command sets it beside its cache of font programs);
// "" means go-text's default, the user's cache folder.
//
// The index is go-text/typesetting's fontscan: it reads the font folders
// of the system (Linux: fontconfig's folders, /usr/share/fonts,
// ~/.local/share/fonts; Windows: %WINDIR%\Fonts and the user's fonts;
// macOS: /System/Library/Fonts, /Library/Fonts, ~/Library/Fonts) once,
// keeps each file's family, weight and coverage in one file, and on later
// runs reads only files that are new or changed. It is consulted only
// when a report needs a font by name, so a report in the embedded faces
// never touches the system's fonts.
var IndexDir string

var (
	systemOnce sync.Once
	system     []fontscan.Footprint
	systemErr  error
)

func systemFonts() ([]fontscan.Footprint, error) {
	systemOnce.Do(func() {
		system, systemErr = fontscan.SystemFonts(quiet{}, IndexDir)
	})
	return system, systemErr
}

// quiet drops fontscan's log lines: a package below cmd prints nothing.
type quiet struct{}

func (quiet) Printf(string, ...any) {}

// ErrNotFound is returned by Find when no system font has the family.
var ErrNotFound = errors.New("font not found")

// Find returns the system font of a family ("Noto Sans CJK HK",
// "Microsoft YaHei", "PingFang SC") nearest to weight (400 regular, 700
// bold, 900 black), upright. A weight the family lacks gives its nearest
// heavier one, else its nearest lighter one. When no installed font has
// the family the error wraps ErrNotFound.
func Find(family string, weight int) (*Face, error) {
	fps, err := systemFonts()
	if err != nil {
		return nil, fmt.Errorf("%w: the system's fonts could not be read: %v", ErrNotFound, err)
	}
	want := font.NormalizeFamily(family)
	var best *fontscan.Footprint
	score := func(fp *fontscan.Footprint) int {
		d := int(fp.Aspect.Weight) - weight
		if d < 0 {
			d = -d*2 + 1 // lighter than asked is worse than heavier
		}
		if fp.Aspect.Style != font.StyleNormal {
			d += 10000
		}
		return d
	}
	for i := range fps {
		fp := &fps[i]
		if fp.Family != want {
			continue
		}
		if best == nil || score(fp) < score(best) ||
			score(fp) == score(best) && (fp.Location.File < best.Location.File ||
				fp.Location.File == best.Location.File && fp.Location.Index < best.Location.Index) {
			best = fp
		}
	}
	if best == nil {
		return nil, fmt.Errorf("%w: no installed font has the family %q", ErrNotFound, family)
	}
	return openSpec(best.Location.File+"#"+strconv.Itoa(int(best.Location.Index)), true)
}

// Families lists the families of the installed fonts whose name contains
// part (case-insensitive), sorted: what an error can suggest.
func Families(part string) []string {
	fps, err := systemFonts()
	if err != nil {
		return nil
	}
	part = font.NormalizeFamily(part)
	var out []string
	for _, fp := range fps {
		if strings.Contains(fp.Family, part) {
			out = append(out, fp.Family)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
