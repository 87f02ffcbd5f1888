package main

import (
	"fmt"
	"io"
	"os"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/printable"
)

// diffCmd prints what changed between two versions of a report, in
// Chinese, section by section: a draft for the release note.
func diffCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) != 2 {
		return usageErr(stderr, "diff", fmt.Errorf("want two reports, the old version and the new one; got %d", len(args)))
	}
	old, code := loadForDiff(args[0], stderr)
	if old == nil {
		return code
	}
	new, code := loadForDiff(args[1], stderr)
	if new == nil {
		return code
	}
	writeDiff(stdout, data.Diff(old, new))
	return exitOK
}

// loadForDiff reads a report for diff: one that has problems but could be
// read (a photo missing, a bad chart) is compared all the same, with a
// note; one that cannot be read at all stops the diff.
func loadForDiff(path string, stderr io.Writer) (*data.Report, int) {
	if fi, err := os.Stat(path); err != nil || fi.IsDir() {
		return load(path, stderr, settings{}) // the usual message
	}
	r, err := data.Load(path)
	if r == nil {
		return nil, report(stderr, err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "note: %s has problems (brochure validate %s lists them); it is compared as far as it could be read\n", printable.String(path), printable.String(path))
	}
	return r, exitOK
}

// writeDiff prints the changes grouped under their section.
func writeDiff(w io.Writer, cs []data.Change) {
	if len(cs) == 0 {
		fmt.Fprintln(w, "两个版本的内容相同。")
		return
	}
	var removed []data.Change
	head := ""
	for _, c := range cs {
		if c.What == data.ChangeSection {
			if c.Kind == data.Removed {
				removed = append(removed, c)
				continue
			}
			fmt.Fprintf(w, "%s新增章节：第%d节 %s\n", sep(&head, "+"), c.Section+1, printable.String(c.New))
			continue
		}
		h := "封面"
		if c.Section >= 0 {
			h = fmt.Sprintf("第%d节 %s", c.Section+1, c.Where)
		}
		if h != head {
			if head != "" {
				fmt.Fprintln(w)
			}
			fmt.Fprintln(w, printable.String(h))
			head = h
		}
		fmt.Fprintf(w, "  %s\n", printable.String(describeChange(c)))
	}
	for _, c := range removed {
		fmt.Fprintf(w, "%s删除章节：%s（原第%d节）\n", sep(&head, "-"), printable.String(c.Old), c.Section+1)
	}
}

// sep returns the blank line that separates a one-line entry from a
// group before it.
func sep(head *string, mark string) string {
	s := ""
	if *head != "" && *head != "+" && *head != "-" {
		s = "\n"
	}
	*head = mark
	return s
}

func arrow(old, new string) string { return old + " → " + new }

// describeChange is one line of the diff.
func describeChange(c data.Change) string {
	verb := map[string]string{data.Added: "新增", data.Removed: "删除", data.Changed: ""}[c.Kind]
	value := func() string {
		switch c.Kind {
		case data.Added:
			return c.New
		case data.Removed:
			return c.Old
		}
		return arrow(c.Old, c.New)
	}
	switch c.What {
	case data.ChangeCover:
		return fmt.Sprintf("%s%s：%s", verb, c.Item, value())
	case data.ChangeTitle:
		return "标题：" + value()
	case data.ChangeHeadline:
		return verb + "导语：" + value()
	case data.ChangeField:
		return fmt.Sprintf("%s：%s", c.Item, arrow(orNone(c.Old), orNone(c.New)))
	case data.ChangeStat:
		if c.Item != "" {
			return fmt.Sprintf("数字「%s」%s：%s", c.Label, c.Item, arrow(orNone(c.Old), orNone(c.New)))
		}
		label := c.Label
		switch c.Dir {
		case "down":
			label += " 降幅"
		case "up":
			label += " 增幅"
		}
		return fmt.Sprintf("%s数字：%s %s", verb, label, value())
	case data.ChangeChart:
		if c.Item == "title" {
			return "图表标题：" + value()
		}
		if c.Item != "" {
			return fmt.Sprintf("图表「%s」%s：%s", c.Label, c.Item, arrow(orNone(c.Old), orNone(c.New)))
		}
		if c.Kind == data.Changed {
			return fmt.Sprintf("图表「%s」类型：%s", c.Label, value())
		}
		return fmt.Sprintf("%s图表：「%s」", verb, c.Label)
	case data.ChangePoint:
		if c.Item == "" {
			return fmt.Sprintf("图表「%s」：%s", c.Label, value())
		}
		return fmt.Sprintf("图表「%s」%s：%s %s", c.Label, verb, c.Item, value())
	case data.ChangeParagraph:
		switch c.Kind {
		case data.Added:
			return fmt.Sprintf("新增正文第%s段：“%s”", c.Item, clip(c.New, 40))
		case data.Removed:
			return fmt.Sprintf("删除原正文第%s段：“%s”", c.Item, clip(c.Old, 40))
		}
		o, n := excerpt(c.Old, c.New)
		return fmt.Sprintf("正文第%s段：“%s” → “%s”", c.Item, o, n)
	case data.ChangeTable:
		switch {
		case c.Item == "行":
			return fmt.Sprintf("表格「%s」%s行：%s", c.Label, verb, value())
		case c.Item != "":
			return fmt.Sprintf("表格「%s」%s：%s", c.Label, c.Item, arrow(orNone(c.Old), orNone(c.New)))
		}
		return fmt.Sprintf("%s表格：「%s」", verb, c.Label)
	case data.ChangeEvent:
		return fmt.Sprintf("%s大事记 %s：%s", verb, c.Label, value())
	case data.ChangePhoto:
		if c.Item != "" {
			return fmt.Sprintf("图片「%s」%s：%s", c.Label, c.Item, arrow(orNone(c.Old), orNone(c.New)))
		}
		file := func(f string) string {
			if f == "" {
				return "占位框"
			}
			return f
		}
		switch c.Kind {
		case data.Added:
			return fmt.Sprintf("新增图片：%s（%s）", c.Label, file(c.New))
		case data.Removed:
			return fmt.Sprintf("删除图片：%s", c.Label)
		}
		return fmt.Sprintf("图片「%s」：%s", c.Label, arrow(file(c.Old), file(c.New)))
	}
	return fmt.Sprintf("%s %s %s", c.What, c.Label, value())
}

// orNone is a value as the diff shows it: 无 when there is none.
func orNone(s string) string {
	if s == "" {
		return "无"
	}
	return s
}

// clip shortens s to n characters with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "……"
}

// excerpt returns the part of two versions of a paragraph that differs,
// with a few characters of context on each side, "……" where cut.
func excerpt(a, b string) (string, string) {
	ra, rb := []rune(a), []rune(b)
	p := 0
	for p < len(ra) && p < len(rb) && ra[p] == rb[p] {
		p++
	}
	s := 0
	for s < len(ra)-p && s < len(rb)-p && ra[len(ra)-1-s] == rb[len(rb)-1-s] {
		s++
	}
	const ctx, most = 12, 40
	numeric := func(c rune) bool { return c >= '0' && c <= '9' || c == '.' || c == '%' }
	from := max(0, p-ctx)
	for k := 0; k < 6 && from > 0 && numeric(ra[from]) && numeric(ra[from-1]); k++ {
		from-- // do not cut a figure
	}
	cut := func(r []rune) string {
		end := len(r) - s // end of the difference
		to := min(len(r), end+ctx)
		for k := 0; k < 6 && to < len(r) && to > 0 && numeric(r[to-1]) && numeric(r[to]); k++ {
			to++
		}
		mid := r[from:to]
		out := string(mid)
		if len(mid) > most+2*ctx {
			out = string(mid[:ctx+most]) + "……" + string(mid[len(mid)-ctx:])
		}
		if from > 0 {
			out = "……" + out
		}
		if to < len(r) {
			out += "……"
		}
		return out
	}
	return cut(ra), cut(rb)
}
