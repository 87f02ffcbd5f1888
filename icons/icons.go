// Package icons is the icon set brochure draws by name (icon: shield): 377
// outline icons of Tabler Icons (MIT, see LICENSE), curated for the reports
// of public offices — safety, people, government, figures and trends,
// economy, transport, health, education, environment, housing,
// technology and marks — out of its 6,000 (whose path data, 1.2 MB, would
// be most of the program's source for icons no report uses).
//
// tabler.txt is cut from the npm package at a pinned version and checksum
// by gen.go; curated.txt lists the names.
package icons

//go:generate go run gen.go

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
)

//go:embed tabler.txt
var tabler string

// Size is the side of an icon's box, in its own units; strokes are Stroke
// wide, with round caps and joins.
const (
	Size   = 24.0
	Stroke = 2.0
)

// Icon is one icon: its paths, in the order drawn.
type Icon struct {
	Name  string
	Paths []Path
}

// Path is SVG path data in the icon's 24 × 24 box, stroked, filled or both
// in the colour the icon is drawn in.
type Path struct {
	D            string
	Fill, Stroke bool
}

var set = sync.OnceValue(func() map[string]Icon {
	m := map[string]Icon{}
	for _, line := range strings.Split(tabler, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		ic := Icon{Name: f[0]}
		for _, p := range f[1:] {
			mode, d, _ := strings.Cut(p, " ")
			ic.Paths = append(ic.Paths, Path{D: d, Fill: mode != "S", Stroke: mode != "F"})
		}
		m[ic.Name] = ic
	}
	return m
})

// Get returns the icon called name.
func Get(name string) (Icon, bool) {
	ic, ok := set()[name]
	return ic, ok
}

// Names returns the names of every icon, sorted. It reads only the names,
// not the paths: the format's field table asks for them when the program
// starts, whatever the command, and parsing every icon then cost about
// 1.5 ms a process.
var Names = sync.OnceValue(func() []string {
	var names []string
	for line := range strings.Lines(tabler) {
		if line == "\n" || line[0] == '#' {
			continue
		}
		name, _, _ := strings.Cut(line, "\t")
		names = append(names, strings.TrimSuffix(name, "\n"))
	}
	slices.Sort(names)
	return names
})
