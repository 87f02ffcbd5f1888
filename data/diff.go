package data

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
)

// What a Change is about.
const (
	ChangeCover     = "cover"     // a cover field: Label is the key (title, subtitle, …), Item its name (副标题)
	ChangeSection   = "section"   // a whole section added or removed
	ChangeTitle     = "title"     // a section's title
	ChangeHeadline  = "headline"  // a section's headline
	ChangeStat      = "stat"      // a figure: Label is its label; Item names a field other than the figure (its note)
	ChangeChart     = "chart"     // a whole chart, or its type: Label is its title
	ChangePoint     = "point"     // a chart's value: Label is the chart's title, Item the point's label
	ChangeParagraph = "paragraph" // Item is the paragraph's number, from 1
	ChangePhoto     = "photo"     // Label is the caption; Item names a field other than file and caption
	ChangeField     = "field"     // another field of a section: Item is its name
	ChangeTable     = "table"     // a table (Label its title): a field (Item its name), a cell (Item "row·column"), a row (Item "行"), or the whole table
	ChangeEvent     = "event"     // a timeline entry: Label is its date, Old and New its text
)

// Kinds of Change.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// Change is one difference between two versions of a report. Values are as
// written ("近50%", "14.98%"); for a photo they are its file, "" for a
// photo with no file (a photo to come).
type Change struct {
	Kind    string // Added, Removed or Changed
	Section int    // index of the section in the new report (the old one if removed); -1 for the cover
	Where   string // that section's title
	What    string // one of the Change constants
	Label   string
	Item    string
	Dir     string // for a stat: its change direction ("up", "down" or "")
	Old     string
	New     string

	key string // the field's key, for fieldChanges' callers
}

// Diff lists what changed from old to new: cover fields, sections added
// and removed, and in each section kept (matched by title, else by
// position) its title, headline, figures (matched by label), charts
// (matched by title) and their values, paragraphs and photos. The order is
// the new report's.
func Diff(old, new *Report) []Change {
	var cs []Change
	for _, c := range fieldChanges(&reportObj, reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem()) {
		c.Section, c.What, c.Label = -1, ChangeCover, c.key
		cs = append(cs, c)
	}
	for _, c := range optionalChanges(&qrObj, reflect.ValueOf(old.QR), reflect.ValueOf(new.QR)) {
		c.Section, c.What, c.Label = -1, ChangeCover, "qr."+c.key
		cs = append(cs, c)
	}
	for _, c := range optionalChanges(&logoObj, reflect.ValueOf(old.Logo), reflect.ValueOf(new.Logo)) {
		c.Section, c.What, c.Label = -1, ChangeCover, "logo."+c.key
		cs = append(cs, c)
	}
	walk(old.Sections, new.Sections, pairSections(old.Sections, new.Sections),
		func(j int, ns Section) {
			cs = append(cs, Change{Section: j, Where: ns.Title, What: ChangeSection, New: ns.Title})
		},
		func(j int, os, ns Section) { cs = append(cs, diffSection(j, os, ns)...) },
		func(i int, os Section) {
			cs = append(cs, Change{Section: i, Where: os.Title, What: ChangeSection, Old: os.Title})
		})
	for k := range cs {
		switch {
		case cs[k].Kind != "":
		case cs[k].Old == "":
			cs[k].Kind = Added
		case cs[k].New == "":
			cs[k].Kind = Removed
		default:
			cs[k].Kind = Changed
		}
	}
	return cs
}

// pair matches items of two lists (lengths n and m): first those the
// first of same reports equal, in order, then among the leftovers those
// the next reports equal, and so on, then the leftovers at equal
// positions. It returns new index → old index.
func pair(n, m int, same ...func(i, j int) bool) map[int]int {
	match := map[int]int{}
	taken := make([]bool, n)
	for _, s := range append(same, func(i, j int) bool { return i == j }) {
		for j := range m {
			if _, ok := match[j]; ok {
				continue
			}
			for i := range n {
				if !taken[i] && s(i, j) {
					match[j], taken[i] = i, true
					break
				}
			}
		}
	}
	return match
}

// walk goes through two versions of a list, paired by match (new index →
// old index, as pair makes it): in the new list's order, added(j, n) for
// an item with no old version and kept(j, o, n) for one with; then
// removed(i, o) for each old item no new one took.
func walk[T any](a, b []T, match map[int]int, added func(j int, n T), kept func(j int, o, n T), removed func(i int, o T)) {
	taken := make([]bool, len(a))
	for j, n := range b {
		i, ok := match[j]
		if !ok {
			added(j, n)
			continue
		}
		taken[i] = true
		kept(j, a[i], n)
	}
	for i, o := range a {
		if !taken[i] {
			removed(i, o)
		}
	}
}

// pairSections matches sections by title, then a retitled section by what
// it shares with its old version (figures, charts, paragraphs, headline);
// a section that shares nothing is taken as removed and a new one added.
// It returns new index → old index.
func pairSections(a, b []Section) map[int]int {
	match := map[int]int{}
	taken := map[int]bool{}
	for j := range b {
		for i := range a {
			if !taken[i] && a[i].Title == b[j].Title {
				match[j], taken[i] = i, true
				break
			}
		}
	}
	for {
		best, bi, bj := 0, -1, -1
		for j := range b {
			if _, ok := match[j]; ok {
				continue
			}
			for i := range a {
				if !taken[i] {
					if sc := shared(a[i], b[j]); sc > best {
						best, bi, bj = sc, i, j
					}
				}
			}
		}
		if bi < 0 {
			return match
		}
		match[bj], taken[bi] = bi, true
	}
}

// shared counts what two sections have in common.
func shared(a, b Section) int {
	n := 0
	if a.Headline != "" && a.Headline == b.Headline {
		n += 2
	}
	for _, x := range a.Stats {
		for _, y := range b.Stats {
			if x.Label == y.Label {
				n++
				break
			}
		}
	}
	for _, x := range a.Charts {
		for _, y := range b.Charts {
			if x.Title != "" && x.Title == y.Title {
				n++
				break
			}
		}
	}
	pb := map[string]bool{}
	for _, p := range b.Paragraphs() {
		pb[p] = true
	}
	for _, p := range a.Paragraphs() {
		if pb[p] {
			n += 2
		}
	}
	for _, x := range a.Photos {
		for _, y := range b.Photos {
			if x.Caption != "" && x.Caption == y.Caption {
				n++
				break
			}
		}
	}
	return n
}

func diffSection(at int, a, b Section) []Change {
	var cs []Change
	add := func(c Change) {
		c.Section, c.Where = at, b.Title
		cs = append(cs, c)
	}
	if a.Title != b.Title {
		add(Change{What: ChangeTitle, Old: a.Title, New: b.Title})
	}
	if a.Headline != b.Headline {
		add(Change{What: ChangeHeadline, Old: a.Headline, New: b.Headline})
	}
	for _, c := range fieldChanges(&sectionObj, reflect.ValueOf(a), reflect.ValueOf(b), "title", "headline", "body") {
		c.Kind, c.What = Changed, ChangeField
		add(c)
	}
	for _, c := range append(optionalChanges(&quoteObj, reflect.ValueOf(a.Quote), reflect.ValueOf(b.Quote)),
		optionalChanges(&qrObj, reflect.ValueOf(a.QR), reflect.ValueOf(b.QR))...) {
		c.What = ChangeField
		add(c)
	}

	walk(a.Stats, b.Stats, pair(len(a.Stats), len(b.Stats), func(i, j int) bool { return a.Stats[i].Label == b.Stats[j].Label }),
		func(_ int, s Stat) { add(Change{What: ChangeStat, Label: s.Label, Dir: s.Change, New: s.text()}) },
		func(_ int, o, s Stat) {
			if o.text() != s.text() || o.Change != s.Change || o.Label != s.Label {
				label := s.Label
				if o.Label != s.Label {
					label = o.Label + " → " + s.Label
				}
				add(Change{What: ChangeStat, Label: label, Dir: s.Change, Old: o.text(), New: s.text()})
				return
			}
			for _, c := range fieldChanges(&statObj, reflect.ValueOf(o), reflect.ValueOf(s), "value", "prefix", "unit", "label", "change") {
				c.Kind, c.What, c.Label = Changed, ChangeStat, s.Label
				add(c)
			}
		},
		func(_ int, s Stat) { add(Change{What: ChangeStat, Label: s.Label, Dir: s.Change, Old: s.text()}) })

	walk(a.Charts, b.Charts, pair(len(a.Charts), len(b.Charts), func(i, j int) bool { return a.Charts[i].Title == b.Charts[j].Title }),
		func(_ int, c Chart) { add(Change{What: ChangeChart, Label: c.Title, New: c.Type}) },
		func(_ int, o, c Chart) {
			for _, ch := range diffChart(o, c) {
				add(ch)
			}
		},
		func(_ int, c Chart) { add(Change{What: ChangeChart, Label: c.Title, Old: c.Type}) })

	for _, ch := range diffTables(a.Tables, b.Tables) {
		add(ch)
	}
	for _, ch := range diffTimeline(a.Timeline, b.Timeline) {
		add(ch)
	}
	for _, ch := range diffParagraphs(a.Paragraphs(), b.Paragraphs()) {
		add(ch)
	}

	walk(a.Photos, b.Photos, pair(len(a.Photos), len(b.Photos), func(i, j int) bool { return a.Photos[i].Caption == b.Photos[j].Caption }),
		func(_ int, p Photo) { add(Change{Kind: Added, What: ChangePhoto, Label: p.Caption, New: p.File}) },
		func(_ int, o, p Photo) {
			if o.File != p.File || o.Caption != p.Caption {
				label := p.Caption
				if o.Caption != p.Caption {
					label = o.Caption + " → " + p.Caption
				}
				add(Change{Kind: Changed, What: ChangePhoto, Label: label, Old: o.File, New: p.File})
				return
			}
			for _, c := range fieldChanges(&photoObj, reflect.ValueOf(o), reflect.ValueOf(p), "file", "caption") {
				c.Kind, c.What, c.Label = Changed, ChangePhoto, p.Caption
				add(c)
			}
		},
		func(_ int, p Photo) { add(Change{Kind: Removed, What: ChangePhoto, Label: p.Caption, Old: p.File}) })
	return cs
}

func (s Stat) text() string { return s.Prefix + s.Value.Text + s.Unit }

func diffChart(a, b Chart) []Change {
	var cs []Change
	if a.Type != b.Type {
		cs = append(cs, Change{What: ChangeChart, Label: b.Title, Old: a.Type, New: b.Type})
	}
	if a.Title != b.Title {
		cs = append(cs, Change{What: ChangeChart, Label: b.Title, Item: "title", Old: a.Title, New: b.Title})
	}
	unit := func(c Chart, p Point) string {
		if p.Unit != "" {
			return p.Unit
		}
		return c.Unit
	}
	walk(a.Data, b.Data, pair(len(a.Data), len(b.Data), func(i, j int) bool { return a.Data[i].Label == b.Data[j].Label }),
		func(_ int, p Point) {
			cs = append(cs, Change{What: ChangePoint, Label: b.Title, Item: p.Label, New: p.Value.Text + unit(b, p)})
		},
		func(_ int, o, p Point) {
			if ov, nv := o.Value.Text+unit(a, o), p.Value.Text+unit(b, p); ov != nv || o.Label != p.Label {
				item := p.Label
				if o.Label != p.Label {
					item = o.Label + " → " + p.Label
				}
				cs = append(cs, Change{What: ChangePoint, Label: b.Title, Item: item, Old: ov, New: nv})
			}
		},
		func(_ int, p Point) {
			cs = append(cs, Change{What: ChangePoint, Label: b.Title, Item: p.Label, Old: p.Value.Text + unit(a, p)})
		})
	if ov, nv := share(a), share(b); ov != nv {
		cs = append(cs, Change{What: ChangePoint, Label: b.Title, Old: ov, New: nv})
	}
	if len(cs) > 0 {
		return cs
	}
	for _, c := range fieldChanges(&chartObj, reflect.ValueOf(a), reflect.ValueOf(b), "type", "title", "value", "total", "percent") {
		c.Kind, c.What, c.Label = Changed, ChangeChart, b.Title
		cs = append(cs, c)
	}
	return cs
}

// share is a donut's or progress chart's figure as written: "49/78" or
// "40%".
func share(c Chart) string {
	switch {
	case c.Percent != nil:
		return c.Percent.Text + "%"
	case c.Value != nil && c.Total != nil:
		return c.Value.Text + "/" + c.Total.Text
	case c.Value != nil:
		return c.Value.Text
	}
	return ""
}

// diffParagraphs aligns the paragraphs (longest common subsequence of
// equal ones); between two equal ones, paragraphs in both versions are
// changed ones, the rest added or removed. Item is the paragraph's number
// in the new version (the old one if removed).
func diffParagraphs(a, b []string) []Change {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var cs []Change
	num := func(k int) string { return strconv.Itoa(k + 1) }
	gap := func(i0, i1, j0, j1 int) {
		k := 0
		for ; i0+k < i1 && j0+k < j1; k++ {
			cs = append(cs, Change{What: ChangeParagraph, Item: num(j0 + k), Old: a[i0+k], New: b[j0+k]})
		}
		for j := j0 + k; j < j1; j++ {
			cs = append(cs, Change{What: ChangeParagraph, Item: num(j), New: b[j]})
		}
		for i := i0 + k; i < i1; i++ {
			cs = append(cs, Change{What: ChangeParagraph, Item: num(i), Old: a[i]})
		}
	}
	i, j, gi, gj := 0, 0, 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			gap(gi, i, gj, j)
			i, j = i+1, j+1
			gi, gj = i, j
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	gap(gi, n, gj, m)
	return cs
}

// fieldChanges returns a change for each field of o marked diffed whose
// value differs between a and b, but for those in known (which the caller
// compares its own way): a field added to the table is reported by its
// name (Item) without a rule of its own.
func fieldChanges(o *object, a, b reflect.Value, known ...string) []Change {
	var cs []Change
	for i := range o.fields {
		f := &o.fields[i]
		if f.diffed != yes || slices.Contains(known, f.key) {
			continue
		}
		if av, bv := written(a.FieldByIndex(f.at)), written(b.FieldByIndex(f.at)); av != bv {
			cs = append(cs, Change{Item: f.name, Old: av, New: bv, key: f.key})
		}
	}
	return cs
}

// written is a value of a leaf field as the report writes it.
func written(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case string:
		return x
	case Number:
		return x.Text
	case *Number:
		if x != nil {
			return x.Text
		}
		return ""
	}
	return fmt.Sprint(v.Interface())
}
