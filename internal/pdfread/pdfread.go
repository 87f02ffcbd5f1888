// Package pdfread opens any PDF — one that came from anywhere — within
// budgets: its pages found by one walk of the page tree (not by its
// /Count, which may lie), its streams decompressed through a limit per
// stream and for the whole document, and counters that preflight and
// impose charge for the content they interpret. A budget exceeded is a
// *LimitError that names the limit and the flag that raises it.
//
// Why: pdfcpu reads the objects, but trusts /Count (a 466-byte file made
// it allocate 137 GB), decodes streams up to 512 MB each however often
// they are used, and finds the n-th page by walking the tree from its root
// (10,000 pages: 50 million steps). Everything here is linear in the size
// of the file and the budgets.
package pdfread

import (
	"bytes"
	"errors"
	"fmt"
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Limits bound the work of reading one PDF. The zero value of a field is
// its default.
type Limits struct {
	MaxPages        int   // pages (leaves of the page tree); default 20,000
	MaxStreamBytes  int64 // one stream, decompressed; default 64 MB
	MaxDecodedBytes int64 // all streams, decompressed, each use counted; default 512 MB
	MaxXObjects     int   // XObject invocations (Do), over the whole walk; default 200,000
	MaxOperators    int   // content-stream operators interpreted, over the whole walk; default 20 million
}

// The defaults: a brochure of 200 pages has some 2,000 objects and 3 MB of
// content; a 10,000-page catalogue stays well inside them.
const (
	DefaultMaxPages        = 20_000
	DefaultMaxStreamBytes  = 64 << 20
	DefaultMaxDecodedBytes = 512 << 20
	DefaultMaxXObjects     = 200_000
	DefaultMaxOperators    = 20_000_000
	// maxTreeDepth bounds the nesting of /Pages nodes (writers use 2 to 5).
	maxTreeDepth = 64
	// maxCached is how many decompressed bytes are kept for streams used
	// again (a form on every page, a font's ToUnicode).
	maxCached = 64 << 20
	// MaxPageSide is the largest page side in PDF units (ISO 32000-1,
	// Annex C: 14,400 units, 200 inches, 5.08 m); MinPageSide the smallest.
	MaxPageSide = 14_400
	MinPageSide = 3
	// maxObjects bounds the objects a cross-reference stream may declare.
	maxObjects = 2_000_000
)

func (l Limits) orDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def64 := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.MaxPages, DefaultMaxPages)
	def64(&l.MaxStreamBytes, DefaultMaxStreamBytes)
	def64(&l.MaxDecodedBytes, DefaultMaxDecodedBytes)
	def(&l.MaxXObjects, DefaultMaxXObjects)
	def(&l.MaxOperators, DefaultMaxOperators)
	return l
}

// LimitError is a budget the file exceeded.
type LimitError struct {
	What  string // "pages", "one stream decompressed", …
	Limit string // "20000", "64 MB"
	Flag  string // the flag that raises it: "--max-pages"
	Found string // what the file has or asks for, if known
}

func (e *LimitError) Error() string {
	found := ""
	if e.Found != "" {
		found = " (" + e.Found + ")"
	}
	return fmt.Sprintf("%s: more than %s%s, the limit for a PDF from an unknown source; if you trust the file, raise the limit with %s", e.What, e.Limit, found, e.Flag)
}

func mb(n int64) string { return fmt.Sprintf("%d MB", n>>20) }

// Doc is an open PDF.
type Doc struct {
	Ctx   *model.Context
	Pages []Page
	Count int // what the root /Pages says in /Count (-1: nothing); may lie
	lim   Limits

	decoded    int64
	cache      map[int][]byte
	cached     int64
	ops, xobjs int
}

// Page is one leaf of the page tree with what it inherits.
type Page struct {
	Dict      types.Dict
	Resources types.Dict       // its own or inherited; nil: none
	Media     *types.Rectangle // inherited if need be; never nil after Open
	Crop      *types.Rectangle // nil: none
	Trim      *types.Rectangle // nil: none
	Bleed     *types.Rectangle // nil: none
	Rotate    int
}

// Open reads pdf and walks its page tree.
func Open(pdf []byte, lim Limits) (doc *Doc, err error) {
	lim = lim.orDefaults()
	defer func() {
		if e := recover(); e != nil { // pdfcpu on a malformed file
			doc, err = nil, fmt.Errorf("cannot read the PDF: %v", e)
		}
	}()
	api.DisableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Limits.MaxDecodeBytes = lim.MaxStreamBytes
	conf.Limits.MaxStreamBytes = max(int64(len(pdf)), 1)
	// objects and cross-reference entries: pdfcpu allows 10 million, a
	// table of some gigabytes; a 10,000-page file has some 30,000
	conf.Limits.MaxObjectCount = maxObjects
	conf.Limits.MaxXRefEntries = maxObjects
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		if errors.Is(err, filter.ErrDecodeLimitExceeded) {
			return nil, &LimitError{What: "one stream decompressed", Limit: mb(lim.MaxStreamBytes), Flag: "--max-stream-mb"}
		}
		return nil, fmt.Errorf("cannot read the PDF: %v", err)
	}
	d := &Doc{Ctx: ctx, lim: lim, cache: map[int][]byte{}}
	if err := d.walk(); err != nil {
		return nil, err
	}
	return d, nil
}

// walk collects the leaves of the page tree in order, each node once.
func (d *Doc) walk() error {
	root, err := d.Ctx.Catalog()
	if err != nil || root == nil {
		return fmt.Errorf("cannot read the PDF's catalog: %v", err)
	}
	type node struct {
		o     types.Object
		depth int
		inh   Page // inherited attributes
	}
	d.Count = -1
	if top, err := d.Ctx.DereferenceDict(root["Pages"]); err == nil && top != nil {
		if c, err := d.Ctx.DereferenceInteger(top["Count"]); err == nil && c != nil {
			d.Count = c.Value()
		}
	}
	seen := map[int]bool{}
	stack := []node{{o: root["Pages"]}}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ref, ok := n.o.(types.IndirectRef); ok {
			if seen[ref.ObjectNumber.Value()] {
				continue // a loop or a node listed twice
			}
			seen[ref.ObjectNumber.Value()] = true
		}
		dict, err := d.Ctx.DereferenceDict(n.o)
		if err != nil || dict == nil {
			continue
		}
		p := n.inh
		p.Dict = dict
		if r, err := d.Ctx.DereferenceDict(dict["Resources"]); err == nil && r != nil {
			p.Resources = r
		}
		if r := d.rect(dict, "MediaBox"); r != nil {
			p.Media = r
		}
		if r := d.rect(dict, "CropBox"); r != nil {
			p.Crop = r
		}
		if i, err := d.Ctx.DereferenceInteger(dict["Rotate"]); err == nil && i != nil {
			p.Rotate = i.Value()
		}
		kids, _ := d.Ctx.DereferenceArray(dict["Kids"])
		if t := dict.NameEntry("Type"); (t != nil && *t == "Page") || kids == nil {
			if len(d.Pages) >= d.lim.MaxPages {
				return &LimitError{What: "pages", Limit: fmt.Sprint(d.lim.MaxPages), Flag: "--max-pages"}
			}
			p.Trim, p.Bleed = d.rect(dict, "TrimBox"), d.rect(dict, "BleedBox")
			if p.Media == nil {
				p.Media = types.NewRectangle(0, 0, 612, 792) // the spec's default: Letter
			}
			if err := p.check(len(d.Pages) + 1); err != nil {
				return err
			}
			d.Pages = append(d.Pages, p)
			continue
		}
		if n.depth >= maxTreeDepth {
			return fmt.Errorf("the page tree is nested more than %d levels deep; no PDF writer does that: the file is damaged or made to hang readers", maxTreeDepth)
		}
		p.Trim, p.Bleed = nil, nil
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, node{o: kids[i], depth: n.depth + 1, inh: p})
		}
	}
	return nil
}

// rect reads a box; nil when absent or not four numbers.
func (d *Doc) rect(dict types.Dict, key string) *types.Rectangle {
	arr, err := d.Ctx.DereferenceArray(dict[key])
	if err != nil || len(arr) != 4 {
		return nil
	}
	var v [4]float64
	for i, e := range arr {
		f, err := d.Ctx.DereferenceNumber(e)
		if err != nil {
			return nil
		}
		v[i] = f
	}
	return types.NewRectangle(min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3]))
}

// check refuses boxes that are no page: not finite, or sides beyond what
// PDF allows.
func (p *Page) check(n int) error {
	for _, b := range []struct {
		name string
		r    *types.Rectangle
	}{{"MediaBox", p.Media}, {"CropBox", p.Crop}, {"TrimBox", p.Trim}, {"BleedBox", p.Bleed}} {
		if b.r == nil {
			continue
		}
		r := b.r
		w, h := r.Width(), r.Height()
		ok := true
		for _, x := range []float64{r.LL.X, r.LL.Y, r.UR.X, r.UR.Y, w, h} {
			if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e6 {
				ok = false
			}
		}
		if !ok || w > MaxPageSide || h > MaxPageSide || (b.name == "MediaBox" && (w < MinPageSide || h < MinPageSide)) {
			return fmt.Errorf("page %d: the %s [%g %g %g %g] is %s × %s pt; a PDF page side is %d to %d pt (1 mm to 5.08 m): the file is damaged or made to mislead",
				n, b.name, r.LL.X, r.LL.Y, r.UR.X, r.UR.Y, pt(w), pt(h), MinPageSide, MaxPageSide)
		}
	}
	return nil
}

func pt(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 1e7 {
		return fmt.Sprintf("%.3g", x)
	}
	return fmt.Sprintf("%.1f", x)
}

// Stream returns the stream object o and its decompressed data, charged
// to the document's budget each time (the caller reads it in full), but
// decoded once: a stream used again is kept, up to 64 MB of them.
func (d *Doc) Stream(o types.Object) (*types.StreamDict, []byte, error) {
	sd, _, err := d.Ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, nil, fmt.Errorf("not a stream")
	}
	num := -1
	if ref, ok := o.(types.IndirectRef); ok {
		num = ref.ObjectNumber.Value()
		if b, ok := d.cache[num]; ok {
			// decoded before, but read again in full by the caller: a
			// form drawn on every page costs on every page
			if d.decoded += int64(len(b)); d.decoded > d.lim.MaxDecodedBytes {
				return nil, nil, d.docLimit()
			}
			return sd, b, nil
		}
	}
	c := *sd
	left := d.lim.MaxDecodedBytes - d.decoded
	if left <= 0 {
		return nil, nil, d.docLimit()
	}
	if err := c.DecodeWithLimit(min(d.lim.MaxStreamBytes, left)); err != nil {
		if errors.Is(err, filter.ErrDecodeLimitExceeded) {
			if left < d.lim.MaxStreamBytes {
				return nil, nil, d.docLimit()
			}
			return nil, nil, &LimitError{What: "one stream decompressed", Limit: mb(d.lim.MaxStreamBytes), Flag: "--max-stream-mb"}
		}
		return nil, nil, err
	}
	d.decoded += int64(len(c.Content))
	if num >= 0 && d.cached+int64(len(c.Content)) <= maxCached {
		d.cache[num] = c.Content
		d.cached += int64(len(c.Content))
	}
	return &c, c.Content, nil
}

func (d *Doc) docLimit() error {
	return &LimitError{What: "all streams decompressed", Limit: mb(d.lim.MaxDecodedBytes), Flag: "--max-decoded-mb"}
}

// Contents returns the page's content, its streams decompressed and
// joined.
func (d *Doc) Contents(p *Page) ([]byte, error) {
	c, ok := p.Dict.Find("Contents")
	if !ok {
		return nil, nil
	}
	var parts []types.Object
	if arr, err := d.Ctx.DereferenceArray(c); err == nil && arr != nil {
		parts = arr
	} else {
		parts = []types.Object{c}
	}
	var out []byte
	for _, o := range parts {
		_, b, err := d.Stream(o)
		var le *LimitError
		if errors.As(err, &le) {
			return nil, err
		}
		if err != nil {
			continue // an unreadable part: skipped, as viewers do
		}
		if len(parts) == 1 {
			return b, nil
		}
		if int64(len(out)+len(b)) > d.lim.MaxStreamBytes {
			return nil, &LimitError{What: "one page's content, its streams joined", Limit: mb(d.lim.MaxStreamBytes), Flag: "--max-stream-mb"}
		}
		out = append(out, b...)
		out = append(out, '\n')
	}
	return out, nil
}

// Op charges one interpreted operator.
func (d *Doc) Op() error {
	d.ops++
	if d.ops > d.lim.MaxOperators {
		return &LimitError{What: "content operators drawn (forms counted each time)", Limit: fmt.Sprint(d.lim.MaxOperators), Flag: "--max-operators"}
	}
	return nil
}

// XObject charges one XObject invocation.
func (d *Doc) XObject() error {
	d.xobjs++
	if d.xobjs > d.lim.MaxXObjects {
		return &LimitError{What: "XObjects drawn (forms calling forms counted each time)", Limit: fmt.Sprint(d.lim.MaxXObjects), Flag: "--max-xobjects"}
	}
	return nil
}
