// Package structure is the logical structure of a tagged PDF (PDF 32000
// §14.7–14.8, PDF/UA-1): a tree of elements (Document, Sect, H1, P,
// Figure…) whose content is the marked-content sequences of the pages and
// the link annotations, in reading order.
//
// The drawing side says what it draws: Mark gives the element it is
// drawing a new marked-content identifier (MCID) on a page, and Link adds a
// link annotation as an element's content. An element takes its place among
// its parent's children when the first of its content is drawn, so the
// tree's order is the order in which things are printed, a paragraph
// continued on the next page stays one element, and an element that was
// made but never drawn (a layout tried and given up) is not in the file.
// Write then adds the tree, the parent tree, the annotations and the
// catalog's entries to the finished file.
//
// Why by hand: fpdf writes no structure, and neither does any Go PDF
// library that could be given fpdf's pages; the tree is a few hundred
// small dictionaries.
package structure

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/brochure-dev/brochure/internal/pdffile"
)

// Role is a standard structure type (PDF 32000 §14.8.4).
type Role string

// The roles brochures use.
const (
	Document Role = "Document"
	Sect     Role = "Sect"
	H1       Role = "H1"
	H2       Role = "H2"
	H3       Role = "H3"
	P        Role = "P"
	Span     Role = "Span"
	L        Role = "L"
	LI       Role = "LI"
	Lbl      Role = "Lbl"
	LBody    Role = "LBody"
	Link     Role = "Link"
	Figure   Role = "Figure"
	Caption  Role = "Caption"
	Table    Role = "Table"
	THead    Role = "THead"
	TBody    Role = "TBody"
	TR       Role = "TR"
	TH       Role = "TH"
	TD       Role = "TD"
	Quote    Role = "BlockQuote"
)

// Elem is one structure element. Its fields are what a reader is told
// about it besides its content.
type Elem struct {
	Role   Role
	Alt    string // the alternate description: what a figure shows
	Actual string // the text of the content, where the glyphs drawn say it otherwise
	Lang   string // its language, when not the document's (BCP 47)
	Scope  string // of a TH: "Row", "Column" or "Both"; "" for none

	parent *Elem
}

// kid is a child element, a marked-content sequence (page, mcid) or a link
// annotation (annot ≥ 0).
type kid struct {
	elem  *Elem
	page  int
	mcid  int
	annot int
}

// NewDocument returns the root of a document's structure.
func NewDocument() *Elem { return &Elem{Role: Document} }

// Add returns a new child of e. It joins e's children (and e its parent's)
// in a Tree when something of it is drawn.
func (e *Elem) Add(r Role) *Elem { return &Elem{Role: r, parent: e} }

// Parent is the element e belongs to (nil for the root).
func (e *Elem) Parent() *Elem { return e.parent }

// Tree is the structure of one drawing of a document: its root and, for
// each element drawn, its kids in the order drawn, and what each page and
// annotation refers back to. The elements themselves may be drawn again
// into another Tree.
type Tree struct {
	root   *Elem
	kids   map[*Elem][]kid
	pages  [][]*Elem // per page, the element of each MCID
	annots []annot
	placed map[*Elem]bool
	obj    map[*Elem]int // object numbers, while writing
}

// place makes e a kid of its parent, and the parent of its own, up to
// the first element placed already.
func (t *Tree) place(e *Elem) {
	for x := e; x.parent != nil && !t.placed[x]; x = x.parent {
		t.placed[x] = true
		t.kids[x.parent] = append(t.kids[x.parent], kid{elem: x, annot: -1})
	}
}

// annot is a link annotation: its page, its rectangle in PDF coordinates
// and where it goes.
type annot struct {
	page   int
	rect   [4]float64
	target Target
	elem   *Elem
}

// Target is where a link goes: a URI, or a place on a page (index from 0,
// Y from the page's foot).
type Target struct {
	URI  string
	Page int
	Y    float64
	Text string // what the link says, for the annotation's Contents
}

// New returns an empty tree of the document root.
func New(root *Elem) *Tree {
	return &Tree{root: root, kids: map[*Elem][]kid{}, placed: map[*Elem]bool{root: true}, obj: map[*Elem]int{}}
}

// Mark returns the next MCID of page (from 0) for content of e.
func (t *Tree) Mark(page int, e *Elem) int {
	for len(t.pages) <= page {
		t.pages = append(t.pages, nil)
	}
	id := len(t.pages[page])
	t.pages[page] = append(t.pages[page], e)
	t.kids[e] = append(t.kids[e], kid{page: page, mcid: id, annot: -1})
	t.place(e)
	return id
}

// Link adds a link annotation on page over rect (x0, y0, x1, y1 in PDF
// coordinates) as content of e, which should be a Link element.
func (t *Tree) Link(page int, e *Elem, rect [4]float64, to Target) {
	t.annots = append(t.annots, annot{page: page, rect: rect, target: to, elem: e})
	t.kids[e] = append(t.kids[e], kid{page: page, annot: len(t.annots) - 1})
	t.place(e)
}

// Write adds the tree to pf, whose page objects are pages (pf.Pages, which
// the caller has read already): an object per element, the annotations,
// the parent tree, and in the catalog the StructTreeRoot, MarkInfo and
// ViewerPreferences (DisplayDocTitle); each page gets its StructParents,
// its annotations and /Tabs /S (tab order follows the structure).
func (t *Tree) Write(pf *pdffile.File, pages []int) error {
	if len(t.pages) > len(pages) {
		return fmt.Errorf("structure: content marked on page %d of %d", len(t.pages), len(pages))
	}
	root := pf.Add(nil)
	t.obj[t.root] = pf.Add(nil)
	var elems []*Elem
	var number func(e *Elem)
	number = func(e *Elem) {
		elems = append(elems, e)
		for _, k := range t.kids[e] {
			if k.elem != nil {
				t.obj[k.elem] = pf.Add(nil)
				number(k.elem)
			}
		}
	}
	number(t.root)
	annots := make([]int, len(t.annots))
	perPage := make([][]int, len(pages))
	for i, a := range t.annots {
		annots[i] = pf.Add(nil)
		perPage[a.page] = append(perPage[a.page], annots[i])
	}
	parent := func(e *Elem) int {
		if e.parent == nil {
			return root
		}
		return t.obj[e.parent]
	}
	for _, e := range elems {
		pf.Objects[t.obj[e]] = t.dict(e, parent(e), pages, annots)
	}
	for i, a := range t.annots {
		var b bytes.Buffer
		fmt.Fprintf(&b, "<</Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /F 4 /StructParent %d /Contents %s",
			num(a.rect[0]), num(a.rect[1]), num(a.rect[2]), num(a.rect[3]), len(pages)+i, pdffile.Text(a.target.Text))
		if a.target.URI != "" {
			fmt.Fprintf(&b, " /A <</S /URI /URI %s>>", pdffile.Literal(a.target.URI))
		} else if a.target.Page >= 0 && a.target.Page < len(pages) {
			fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ 0 %s null]", pages[a.target.Page], num(a.target.Y))
		}
		b.WriteString(">>\n")
		pf.Objects[annots[i]] = b.Bytes()
	}
	// the parent tree: each page's array of the elements of its MCIDs,
	// then each annotation's element
	var nums bytes.Buffer
	nums.WriteString("<</Nums [")
	for p := range pages {
		fmt.Fprintf(&nums, "%d [", p)
		if p < len(t.pages) {
			for i, e := range t.pages[p] {
				if i > 0 {
					nums.WriteByte(' ')
				}
				nums.WriteString(strconv.Itoa(t.obj[e]))
				nums.WriteString(" 0 R")
			}
		}
		nums.WriteString("] ")
	}
	for i, a := range t.annots {
		fmt.Fprintf(&nums, "%d %d 0 R ", len(pages)+i, t.obj[a.elem])
	}
	nums.WriteString("]>>\n")
	ptree := pf.Add(nums.Bytes())
	pf.Objects[root] = fmt.Appendf(nil, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>\n",
		t.obj[t.root], ptree, len(pages)+len(t.annots))
	for p, n := range pages {
		extra := fmt.Sprintf("/StructParents %d /Tabs /S", p)
		if len(perPage[p]) > 0 {
			var refs []string
			for _, a := range perPage[p] {
				refs = append(refs, fmt.Sprintf("%d 0 R", a))
			}
			extra += " /Annots [" + strings.Join(refs, " ") + "]"
		}
		pf.Insert(n, "\n"+extra+"\n")
	}
	pf.Insert(pf.Root, fmt.Sprintf("\n/StructTreeRoot %d 0 R /MarkInfo <</Marked true>> /ViewerPreferences <</DisplayDocTitle true>>\n", root))
	return nil
}

// dict is the element's dictionary: its kids are MCIDs (with an MCR where
// the page is not the element's /Pg), OBJRs for annotations, and elements.
func (t *Tree) dict(e *Elem, parent int, pages, annots []int) []byte {
	b := make([]byte, 0, 96)
	ref := func(n int) {
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " 0 R"...)
	}
	b = append(b, "<</Type /StructElem /S /"...)
	b = append(b, e.Role...)
	b = append(b, " /P "...)
	ref(parent)
	kids := t.kids[e]
	pg := -1
	for _, k := range kids {
		if k.elem == nil && k.annot < 0 {
			pg = k.page
			break
		}
	}
	if pg >= 0 {
		b = append(b, " /Pg "...)
		ref(pages[pg])
	}
	if len(kids) > 0 {
		b = append(b, " /K "...)
		if len(kids) > 1 {
			b = append(b, '[')
		}
		for i, k := range kids {
			if i > 0 {
				b = append(b, ' ')
			}
			switch {
			case k.elem != nil:
				ref(t.obj[k.elem])
			case k.annot >= 0:
				b = append(b, "<</Type /OBJR /Pg "...)
				ref(pages[k.page])
				b = append(b, " /Obj "...)
				ref(annots[k.annot])
				b = append(b, ">>"...)
			case k.page == pg:
				b = strconv.AppendInt(b, int64(k.mcid), 10)
			default:
				b = append(b, "<</Type /MCR /Pg "...)
				ref(pages[k.page])
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, ">>"...)
			}
		}
		if len(kids) > 1 {
			b = append(b, ']')
		}
	}
	if e.Alt != "" {
		b = append(b, " /Alt "...)
		b = append(b, pdffile.Text(e.Alt)...)
	}
	if e.Actual != "" {
		b = append(b, " /ActualText "...)
		b = append(b, pdffile.Text(e.Actual)...)
	}
	if e.Lang != "" {
		b = append(b, " /Lang "...)
		b = append(b, pdffile.Literal(e.Lang)...)
	}
	if e.Scope != "" {
		b = append(b, " /A <</O /Table /Scope /"...)
		b = append(b, e.Scope...)
		b = append(b, ">>"...)
	}
	return append(b, ">>\n"...)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
