package layout

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdfread"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/theme"
)

// TestTagged builds every example (the sample, the gallery and the
// corpus) and checks the tagged PDF against the Matterhorn Protocol's
// machine-checkable failure conditions that apply to what brochure
// writes (the README lists them), reading the file back with pdfcpu:
//   - 01-004/005: every text, path and image is inside a marked-content
//     sequence with an MCID of an element or an /Artifact, never both
//     nested; every MCID is one element's, and the parent tree says so;
//   - 06-001/002/003, 07-001: the catalog's /Metadata has pdfuaid:part 1
//     and dc:title, /ViewerPreferences DisplayDocTitle true, /MarkInfo
//     Marked true; 11-006: the catalog has /Lang;
//   - 13-004: every Figure has /Alt (one per chart and real photo);
//   - 14-002/003: headings start at H1 and skip no level;
//   - 19-003 (TH), 15: tables' cells are in TR, TR in Table;
//   - 28-002/004/008, 28-011: each link annotation has /Contents, a
//     /StructParent that is a Link element with an OBJR for it, and its page
//     /Tabs /S; 31-009/027: every font is embedded and has a ToUnicode map.
//
// With poppler installed, pdfinfo says Tagged: yes and -struct-text reads
// every paragraph of the report as a P of its own (a list item as an
// LBody, a subheading as an H3), in order, the title as H1, and no running
// head or folio.
func TestTagged(t *testing.T) {
	paths, err := filepath.Glob("../examples/*/report.yaml")
	if err != nil || len(paths) < 8 {
		t.Fatalf("%d example reports (%v), want the corpus", len(paths), err)
	}
	paths = append(paths, "testdata/tagged-toc.yaml") // contents page, links
	for _, path := range paths {
		name := filepath.Base(filepath.Dir(path))
		if filepath.Base(path) != "report.yaml" {
			name = strings.TrimSuffix(filepath.Base(path), ".yaml")
		}
		t.Run(name, func(t *testing.T) {
			r := load(t, path)
			d, pdf := buildExample(t, r, Options{Draft: true}, false)
			tree := readTree(t, pdf)
			tree.check(t, r, heroes(d))
			if phrase, ok := cardPhrases[name]; ok && !tree.hasActual(phrase) {
				t.Errorf("no stat card reads %q", phrase)
			}
			if name == "tagged-toc" {
				tree.links(t, r)
			}
			file := filepath.Join(t.TempDir(), name+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Run("poppler", func(t *testing.T) { popplerTree(t, file, r, d) })
		})
	}
}

// TestTaggedLooks: the sample in every look (their covers, openers and
// cards differ) passes the same checks.
func TestTaggedLooks(t *testing.T) {
	for _, look := range theme.Names() {
		t.Run(look, func(t *testing.T) {
			r := load(t, samplePath)
			r.Theme.Style = look
			d, pdf := build(t, r, Options{})
			readTree(t, pdf).check(t, r, heroes(d))
			file := filepath.Join(t.TempDir(), look+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Run("poppler", func(t *testing.T) { popplerTree(t, file, r, d) })
		})
	}
}

// TestTaggedPDFA: with --pdfa the document claims PDF/A-2a, and declares
// the pdfuaid schema as PDF/A asks.
func TestTaggedPDFA(t *testing.T) {
	_, pdf := build(t, load(t, samplePath), Options{PDFA: true})
	tree := readTree(t, pdf)
	for _, want := range []string{"<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>", "<pdfuaid:part>1</pdfuaid:part>", "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"} {
		if !strings.Contains(tree.xmp, want) {
			t.Errorf("the metadata lacks %s", want)
		}
	}
}

// TestTaggingChangesNoPixel renders every page of the sample and of five
// reports of the corpus (photos, English phrases and hyphens in Chinese
// text; lists, a pull quote, QR codes; marked language spans) with and
// without the structure: tagging must not change what is printed.
func TestTaggingChangesNoPixel(t *testing.T) {
	for _, path := range []string{samplePath, "../examples/photo-essay/report.yaml", "../examples/hong-kong-bilingual/report.yaml", "../examples/district-review-2025/report.yaml", "../examples/language-spans/report.yaml", "../examples/showcase-2025/report.yaml"} {
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		r := load(t, path)
		tagged, plain := write(t, r, false), write(t, r, true)
		if bytes.Equal(tagged, plain) {
			t.Fatalf("%s: the tagged and the untagged PDF are the same bytes", path)
		}
		if bytes.Contains(plain, []byte("BDC")) || bytes.Contains(pdftest.Inflate(plain), []byte("BDC")) || !bytes.Contains(pdftest.Inflate(tagged), []byte("BDC")) {
			t.Fatalf("%s: marked content where it should not be, or none where it should", path)
		}
		n := len(pdftest.Open(t, plain).Pages)
		if m := len(pdftest.Open(t, tagged).Pages); m != n {
			t.Fatalf("%s: %d pages tagged, %d untagged", path, m, n)
		}
		for i := range n {
			a, b := pdftest.Render(t, plain, i, 72), pdftest.Render(t, tagged, i, 72)
			if !samePixels(a, b) {
				t.Errorf("%s: page %d renders differently once tagged", path, i+1)
			}
		}
	}
}

func write(t *testing.T, r *data.Report, untagged bool) []byte {
	t.Helper()
	_, pdf := buildExample(t, r, Options{Draft: true}, untagged)
	return pdf
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// elem is a structure element as read back.
type elem struct {
	role   string
	alt    string
	actual string // ActualText
	depth  int
	obj    int // object number
	kids   []*elem
}

// tagTree is what a test reads of a tagged PDF.
type tagTree struct {
	doc    *pdfread.Doc
	xmp    string
	cat    types.Dict
	elems  []*elem        // in document order
	mcids  map[[2]int]int // (page, MCID) -> element object
	objrs  map[int]int    // annotation object -> element object
	byObj  map[int]*elem  // element object -> element
	pageOf map[int]int    // page object -> page index
	errs   []string
}

func readTree(t *testing.T, pdf []byte) *tagTree {
	t.Helper()
	doc, err := pdfread.Open(pdf, pdfread.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := doc.Ctx
	cat, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	tr := &tagTree{doc: doc, cat: cat, mcids: map[[2]int]int{}, objrs: map[int]int{}, byObj: map[int]*elem{}, pageOf: map[int]int{}}
	if ref := cat.IndirectRefEntry("Metadata"); ref != nil {
		if _, b, err := doc.Stream(*ref); err == nil {
			tr.xmp = string(b)
		}
	}
	for i := range doc.Pages {
		if ref := pageRef(doc, i); ref > 0 {
			tr.pageOf[ref] = i
		}
	}
	root, err := ctx.DereferenceDict(cat["StructTreeRoot"])
	if err != nil || root == nil {
		t.Fatalf("no StructTreeRoot: %v", err)
	}
	tr.walk(root)
	return tr
}

// walk reads the tree from the root's kids, in document order: an MCID
// belongs to the element whose /K holds it, on the page of its /Pg (or
// its parent's).
func (tr *tagTree) walk(root types.Dict) {
	ctx := tr.doc.Ctx
	var visit func(o types.Object, owner *elem, depth, page int)
	visit = func(o types.Object, owner *elem, depth, page int) {
		switch v := o.(type) {
		case types.Integer:
			if owner == nil {
				tr.errs = append(tr.errs, "an MCID under the root")
				return
			}
			tr.mcid(page, int(v), owner)
			return
		case types.Array:
			for _, k := range v {
				visit(k, owner, depth, page)
			}
			return
		}
		d, err := ctx.DereferenceDict(o)
		if err != nil || d == nil {
			tr.errs = append(tr.errs, fmt.Sprintf("a kid %v is not a dictionary", o))
			return
		}
		if typ := d.NameEntry("Type"); typ != nil && (*typ == "MCR" || *typ == "OBJR") {
			if owner == nil {
				tr.errs = append(tr.errs, "a "+*typ+" under the root")
				return
			}
			if *typ == "MCR" {
				if m := d.IntEntry("MCID"); m != nil {
					tr.mcid(tr.page(d, page), *m, owner)
				}
			} else if a := d.IndirectRefEntry("Obj"); a != nil {
				tr.objrs[a.ObjectNumber.Value()] = owner.obj
			}
			return
		}
		ref, ok := o.(types.IndirectRef)
		if !ok {
			tr.errs = append(tr.errs, "a structure element that is not an indirect object")
			return
		}
		s := d.NameEntry("S")
		if s == nil {
			tr.errs = append(tr.errs, fmt.Sprintf("element %d has no /S", ref.ObjectNumber.Value()))
			return
		}
		e := &elem{role: *s, depth: depth, obj: ref.ObjectNumber.Value()}
		if a, ok := d.Find("Alt"); ok {
			if s, err := types.StringOrHexLiteral(a); err == nil && s != nil {
				e.alt = *s
			}
		}
		if a, ok := d.Find("ActualText"); ok {
			if s, err := types.StringOrHexLiteral(a); err == nil && s != nil {
				e.actual = *s
			}
		}
		if owner != nil {
			owner.kids = append(owner.kids, e)
		}
		tr.elems = append(tr.elems, e)
		tr.byObj[e.obj] = e
		if k, ok := d.Find("K"); ok {
			visit(k, e, depth+1, tr.page(d, page))
		}
	}
	if k, ok := root.Find("K"); ok {
		visit(k, nil, 0, -1)
	}
}

func (tr *tagTree) mcid(page, id int, e *elem) {
	if page < 0 {
		tr.errs = append(tr.errs, fmt.Sprintf("MCID %d of element %s has no page", id, e.role))
		return
	}
	k := [2]int{page, id}
	if o, ok := tr.mcids[k]; ok {
		tr.errs = append(tr.errs, fmt.Sprintf("page %d MCID %d belongs to elements %d and %d", page+1, id, o, e.obj))
	}
	tr.mcids[k] = e.obj
}

// page is the index of the page d's /Pg names, or page (inherited).
func (tr *tagTree) page(d types.Dict, page int) int {
	if ref := d.IndirectRefEntry("Pg"); ref != nil {
		if i, ok := tr.pageOf[ref.ObjectNumber.Value()]; ok {
			return i
		}
		tr.errs = append(tr.errs, fmt.Sprintf("/Pg %v is not a page", ref))
	}
	return page
}

// pageRef is the object number of page i: brochure's page tree is one
// node over all the pages.
func pageRef(doc *pdfread.Doc, i int) int {
	cat, _ := doc.Ctx.Catalog()
	pages, _ := doc.Ctx.DereferenceDict(cat["Pages"])
	kids, _ := doc.Ctx.DereferenceArray(pages["Kids"])
	if i >= len(kids) {
		return 0
	}
	if ref, ok := kids[i].(types.IndirectRef); ok {
		return ref.ObjectNumber.Value()
	}
	return 0
}

// heroes counts the photos on d's cover (see hero): each a Figure too.
func heroes(d *Document) int {
	n := 0
	d.walkFigures(func(b Block, page int, _, _, _ float64) {
		if _, ok := b.(*photoBlock); ok && page == 0 {
			n++
		}
	})
	return n
}

// check runs the checks the doc comment of TestTagged lists; the cover
// holds cover photos besides the report's.
func (tr *tagTree) check(t *testing.T, r *data.Report, cover int) {
	t.Helper()
	for _, e := range tr.errs {
		t.Error(e)
	}
	ctx, cat := tr.doc.Ctx, tr.cat
	if l := cat.StringEntry("Lang"); l == nil || *l == "" {
		t.Error("the catalog has no /Lang")
	}
	if mi := cat.DictEntry("MarkInfo"); mi == nil || mi.BooleanEntry("Marked") == nil || !*mi.BooleanEntry("Marked") {
		t.Error("the catalog has no /MarkInfo <</Marked true>>")
	}
	if vp := cat.DictEntry("ViewerPreferences"); vp == nil || vp.BooleanEntry("DisplayDocTitle") == nil || !*vp.BooleanEntry("DisplayDocTitle") {
		t.Error("the catalog has no /ViewerPreferences <</DisplayDocTitle true>>")
	}
	if !strings.Contains(tr.xmp, "<pdfuaid:part>1</pdfuaid:part>") || !strings.Contains(tr.xmp, "<dc:title>") {
		t.Error("the XMP metadata lacks pdfuaid:part 1 or dc:title")
	}
	if len(tr.elems) == 0 || tr.elems[0].role != "Document" {
		t.Fatalf("the tree does not start with a Document")
	}

	// headings: the first is H1, none skips a level
	level := 0
	for _, e := range tr.elems {
		if len(e.role) == 2 && e.role[0] == 'H' && e.role[1] >= '1' && e.role[1] <= '6' {
			n := int(e.role[1] - '0')
			if n > level+1 {
				t.Errorf("heading %s after H%d", e.role, level)
			}
			level = n
		}
	}
	if level == 0 {
		t.Error("no heading")
	}

	// figures: one per chart, real photo (and its repeat on the cover)
	// and QR code, each with Alt
	want := cover
	if r.QR != nil {
		want++
	}
	for _, s := range r.Sections {
		want += len(s.Charts)
		if s.QR != nil {
			want++
		}
		for _, p := range s.Photos {
			if p.File != "" {
				want++
			}
		}
	}
	figures := 0
	for _, e := range tr.elems {
		switch e.role {
		case "Figure":
			figures++
			if strings.TrimSpace(e.alt) == "" {
				t.Errorf("Figure %d has no /Alt", e.obj)
			}
		case "TR":
			for _, k := range e.kids {
				if k.role != "TH" && k.role != "TD" {
					t.Errorf("a %s in a TR", k.role)
				}
			}
		case "L":
			for _, k := range e.kids {
				if k.role != "LI" && k.role != "Caption" {
					t.Errorf("a %s in an L", k.role)
				}
			}
		case "LI":
			for _, k := range e.kids {
				if k.role != "Lbl" && k.role != "LBody" {
					t.Errorf("a %s in an LI", k.role)
				}
			}
		}
	}
	if figures != want {
		t.Errorf("%d Figures, want %d (charts, photos and QR codes)", figures, want)
	}

	// tables: one Table per table of the report, in order, each with a
	// Caption, one THead row of THs and a TR per row (and its total row)
	var rows []int
	for _, s := range r.Sections {
		for _, tb := range s.Tables {
			n := len(tb.Rows)
			if tb.Total {
				n++
			}
			rows = append(rows, n)
		}
	}
	var got []int
	for _, e := range tr.elems {
		if e.role != "Table" {
			continue
		}
		n, heads := 0, 0
		for _, k := range e.kids {
			for _, row := range k.kids {
				switch {
				case k.role == "THead" && row.role == "TR":
					heads++
				case k.role == "TBody" && row.role == "TR":
					n++
				}
			}
		}
		if heads != 1 {
			t.Errorf("Table %d has %d header rows, want 1", e.obj, heads)
		}
		got = append(got, n)
	}
	if !slices.Equal(got, rows) {
		t.Errorf("Tables with %v body rows, want %v", got, rows)
	}

	// the parent tree: each page's MCIDs are the elements that claim them
	nums := parentTree(t, ctx, tr.cat)
	for i, p := range tr.doc.Pages {
		if tabs := p.Dict.NameEntry("Tabs"); tabs == nil || *tabs != "S" {
			t.Errorf("page %d has no /Tabs /S", i+1)
		}
		sp := p.Dict.IntEntry("StructParents")
		if sp == nil {
			t.Errorf("page %d has no /StructParents", i+1)
			continue
		}
		arr, _ := ctx.DereferenceArray(nums[*sp])
		content, err := tr.doc.Contents(&tr.doc.Pages[i])
		if err != nil {
			t.Fatal(err)
		}
		ids, problems := markedContent(content)
		for _, m := range problems {
			t.Errorf("page %d: %s", i+1, m)
		}
		for _, id := range ids {
			owner, ok := tr.mcids[[2]int{i, id}]
			if !ok {
				t.Errorf("page %d: MCID %d is no element's", i+1, id)
				continue
			}
			if id >= len(arr) {
				t.Errorf("page %d: MCID %d is not in the parent tree", i+1, id)
				continue
			}
			if ref, ok := arr[id].(types.IndirectRef); !ok || ref.ObjectNumber.Value() != owner {
				t.Errorf("page %d: the parent tree gives MCID %d to %v, the tree to %d", i+1, id, arr[id], owner)
			}
		}
		for k := range tr.mcids {
			if k[0] == i && !containsInt(ids, k[1]) {
				t.Errorf("page %d: the tree names MCID %d, which the page does not have", i+1, k[1])
			}
		}
		// annotations: links with Contents, in the structure
		annots, _ := ctx.DereferenceArray(p.Dict["Annots"])
		for _, a := range annots {
			ref, ok := a.(types.IndirectRef)
			d, err := ctx.DereferenceDict(a)
			if !ok || err != nil {
				t.Errorf("page %d: an annotation that is not an indirect dictionary", i+1)
				continue
			}
			if c := d["Contents"]; c == nil {
				t.Errorf("page %d: link annotation %d has no /Contents", i+1, ref.ObjectNumber.Value())
			}
			owner, ok := tr.objrs[ref.ObjectNumber.Value()]
			if !ok || tr.byObj[owner].role != "Link" {
				t.Errorf("page %d: annotation %d is not a Link element's OBJR", i+1, ref.ObjectNumber.Value())
			}
			if sp := d.IntEntry("StructParent"); sp == nil {
				t.Errorf("page %d: annotation %d has no /StructParent", i+1, ref.ObjectNumber.Value())
			} else if r, ok := nums[*sp].(types.IndirectRef); !ok || r.ObjectNumber.Value() != owner {
				t.Errorf("page %d: the parent tree gives annotation %d to %v", i+1, ref.ObjectNumber.Value(), nums[*sp])
			}
		}
		checkFonts(t, ctx, p.Resources, i)
	}
}

// links: the contents' lines and the cover's list link to their
// sections, and each address in the text is a Link; a phrase in English is
// a Span with /Lang.
func (tr *tagTree) links(t *testing.T, r *data.Report) {
	t.Helper()
	links, spans := 0, 0
	for _, e := range tr.elems {
		switch e.role {
		case "Link":
			links++
		case "Span":
			spans++
		}
	}
	// two lists of the sections (the cover's, the contents page), and an
	// e-mail and a web address in each section
	if want := 4 * len(r.Sections); links != want {
		t.Errorf("%d Link elements, want %d", links, want)
	}
	if spans != len(r.Sections) {
		t.Errorf("%d Spans, want %d (the English sentence of each section)", spans, len(r.Sections))
	}
	if len(tr.objrs) < links {
		t.Errorf("%d link annotations for %d links", len(tr.objrs), links)
	}
}

// cardPhrases are stat cards as a screen reader gets them (ActualText):
// label, change and figure in Chinese; figure, label and change in English.
var cardPhrases = map[string]string{
	"year-in-review-2020": "死亡人数 下降 44.86%",
	"english-2025":        "14.98% fewer accidents, down",
}

func (tr *tagTree) hasActual(s string) bool {
	for _, e := range tr.elems {
		if e.actual == s {
			return true
		}
	}
	return false
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// parentTree is the parent tree's /Nums as a map (brochure writes one
// flat array).
func parentTree(t *testing.T, ctx interface {
	DereferenceDict(types.Object) (types.Dict, error)
	DereferenceArray(types.Object) (types.Array, error)
}, cat types.Dict) map[int]types.Object {
	t.Helper()
	root, _ := ctx.DereferenceDict(cat["StructTreeRoot"])
	pt, err := ctx.DereferenceDict(root["ParentTree"])
	if err != nil || pt == nil {
		t.Fatalf("no ParentTree: %v", err)
	}
	arr, _ := ctx.DereferenceArray(pt["Nums"])
	out := map[int]types.Object{}
	for i := 0; i+1 < len(arr); i += 2 {
		k, ok := arr[i].(types.Integer)
		if !ok {
			t.Fatalf("ParentTree key %v", arr[i])
		}
		out[int(k)] = arr[i+1]
	}
	return out
}

// checkFonts: every font of the page is embedded, with a ToUnicode map.
func checkFonts(t *testing.T, ctx interface {
	DereferenceDict(types.Object) (types.Dict, error)
	DereferenceArray(types.Object) (types.Array, error)
}, res types.Dict, page int) {
	t.Helper()
	fs, _ := ctx.DereferenceDict(res["Font"])
	for name, o := range fs {
		f, err := ctx.DereferenceDict(o)
		if err != nil || f == nil {
			t.Errorf("page %d: font %s unreadable", page+1, name)
			continue
		}
		if f["ToUnicode"] == nil {
			t.Errorf("page %d: font %s has no ToUnicode", page+1, name)
		}
		desc := f
		if ds, _ := ctx.DereferenceArray(f["DescendantFonts"]); len(ds) > 0 {
			desc, _ = ctx.DereferenceDict(ds[0])
		}
		fd, _ := ctx.DereferenceDict(desc["FontDescriptor"])
		if fd == nil || fd["FontFile"] == nil && fd["FontFile2"] == nil && fd["FontFile3"] == nil {
			t.Errorf("page %d: font %s is not embedded", page+1, name)
		}
	}
}

// markedContent reads a content stream's marked content: the MCIDs of its
// sequences in order, and what is wrong — a text, path or image outside
// any sequence, one in a sequence that is neither an element's (MCID) nor
// an artifact, a tagged sequence inside an artifact or the reverse, an
// unbalanced EMC.
func markedContent(b []byte) (ids []int, problems []string) {
	type seq struct {
		artifact bool
		mcid     int
	}
	var stack []seq
	var operands []string
	paints := map[string]bool{"Tj": true, "TJ": true, "'": true, "\"": true, "f": true, "F": true, "f*": true, "S": true, "s": true, "B": true, "B*": true, "b": true, "b*": true, "Do": true, "sh": true}
	lx := &contentLexer{b: b}
	for {
		tok, isOp, ok := lx.next()
		if !ok {
			break
		}
		if !isOp {
			operands = append(operands, tok)
			continue
		}
		switch tok {
		case "BMC", "BDC":
			s := seq{mcid: -1}
			if len(operands) >= 1 {
				tag := operands[0]
				if tok == "BDC" {
					tag = operands[len(operands)-2]
				}
				s.artifact = tag == "/Artifact"
			}
			if tok == "BDC" {
				if m := mcidRE.FindStringSubmatch(operands[len(operands)-1]); m != nil {
					s.mcid, _ = strconv.Atoi(m[1])
					ids = append(ids, s.mcid)
				}
			}
			for _, o := range stack {
				if o.artifact != s.artifact || o.mcid >= 0 && s.mcid >= 0 {
					problems = append(problems, "marked content nested in another kind")
				}
			}
			stack = append(stack, s)
		case "EMC":
			if len(stack) == 0 {
				problems = append(problems, "EMC without BMC/BDC")
			} else {
				stack = stack[:len(stack)-1]
			}
		default:
			if paints[tok] {
				tagged := false
				for _, s := range stack {
					if s.artifact || s.mcid >= 0 {
						tagged = true
					}
				}
				if !tagged && len(problems) < 5 {
					problems = append(problems, fmt.Sprintf("%s drawn outside marked content (neither tagged nor an artifact)", tok))
				}
			}
		}
		operands = operands[:0]
	}
	if len(stack) > 0 {
		problems = append(problems, fmt.Sprintf("%d marked-content sequences not closed", len(stack)))
	}
	return ids, problems
}

var mcidRE = regexp.MustCompile(`/MCID\s+(\d+)`)

// contentLexer splits a content stream into operands (as their source
// text) and operators; strings and dictionaries are one operand each.
type contentLexer struct {
	b []byte
	i int
}

func (l *contentLexer) next() (tok string, op, ok bool) {
	b := l.b
	for l.i < len(b) && (strings.IndexByte(" \t\r\n\f\x00", b[l.i]) >= 0 || b[l.i] == '%') {
		if b[l.i] == '%' {
			for l.i < len(b) && b[l.i] != '\n' && b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		l.i++
	}
	if l.i >= len(b) {
		return "", false, false
	}
	start := l.i
	switch c := b[l.i]; {
	case c == '(':
		depth := 0
		for ; l.i < len(b); l.i++ {
			switch b[l.i] {
			case '\\':
				l.i++
			case '(':
				depth++
			case ')':
				depth--
			}
			if depth == 0 {
				l.i++
				break
			}
		}
	case c == '<' && l.i+1 < len(b) && b[l.i+1] == '<':
		depth := 0
		for l.i+1 < len(b) {
			if b[l.i] == '<' && b[l.i+1] == '<' {
				depth++
				l.i += 2
			} else if b[l.i] == '>' && b[l.i+1] == '>' {
				depth--
				l.i += 2
				if depth == 0 {
					break
				}
			} else {
				l.i++
			}
		}
	case c == '<':
		for l.i < len(b) && b[l.i] != '>' {
			l.i++
		}
		l.i++
	case c == '[' || c == ']' || c == '{' || c == '}':
		l.i++
	case c == '/':
		l.i++
		for l.i < len(b) && strings.IndexByte(" \t\r\n\f\x00()<>[]{}/%", b[l.i]) < 0 {
			l.i++
		}
	default:
		for l.i < len(b) && strings.IndexByte(" \t\r\n\f\x00()<>[]{}/%", b[l.i]) < 0 {
			l.i++
		}
		s := string(b[start:l.i])
		if s == "" {
			l.i++
			return s, false, true
		}
		if c := s[0]; c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9' || s == "true" || s == "false" || s == "null" {
			return s, false, true
		}
		return s, true, true
	}
	return string(b[start:l.i]), false, true
}

// popplerTree checks the tree as poppler reads it: Tagged: yes, the
// report's paragraphs each a P of its own in order, the title an H1,
// and no folio or running head as an element's text.
func popplerTree(t *testing.T, file string, r *data.Report, d *Document) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("poppler-utils is not installed")
	}
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(info) {
		t.Errorf("pdfinfo does not say Tagged: yes:\n%s", info)
	}
	out, err := exec.Command("pdfinfo", "-struct-text", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	// an element's line is indented two spaces a level; its text (and
	// its descendants') follows in quotes
	type node struct {
		role, text string
		indent     int
	}
	var nodes []*node
	var open []*node
	for _, l := range strings.Split(string(out), "\n") {
		s := strings.TrimSpace(l)
		indent := len(l) - len(strings.TrimLeft(l, " "))
		switch {
		case s == "":
		case strings.HasPrefix(s, `"`):
			if t := strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`); t == "-" && len(open) > 0 && open[len(open)-1].role == "Span" {
				continue // a hyphen the breaker added: a Span whose ActualText is a soft hyphen
			}
			for _, n := range open {
				n.text += strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`)
			}
		default:
			for len(open) > 0 && open[len(open)-1].indent >= indent {
				open = open[:len(open)-1]
			}
			n := &node{role: strings.Fields(s)[0], indent: indent}
			nodes = append(nodes, n)
			open = append(open, n)
		}
	}
	var ps []string
	h1 := 0
	folio := regexp.MustCompile(`^\d+/\d+$`)
	head := flat(d.runningHead())
	for _, n := range nodes {
		f := flat(n.text)
		switch n.role {
		case "P", "LBody", "H3": // a paragraph, a list item, a subheading
			ps = append(ps, f)
		case "H1":
			h1++
			if f != flat(r.Title) {
				t.Errorf("H1 %q, want the title %q", n.text, r.Title)
			}
		}
		if folio.MatchString(f) {
			t.Errorf("a folio in the tree: %s %q", n.role, n.text)
		}
		if f == head && n.role != "H1" {
			t.Errorf("the running head in the tree: %s %q", n.role, n.text)
		}
	}
	if h1 != 1 {
		t.Errorf("%d H1, want 1 (the title)", h1)
	}
	at := 0
	for i, p := range paragraphs(r) {
		k := at
		for k < len(ps) && ps[k] != p {
			k++
		}
		if k == len(ps) {
			t.Errorf("paragraph %d is not a P (LBody, H3) of its own after the one before it: %.60s…", i+1, p)
			continue
		}
		at = k + 1
	}
}
