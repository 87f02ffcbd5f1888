package data

import (
	"fmt"
	"strings"
)

// Warnings returns what a valid report prints but should probably not go
// to press with: photos with no alternative text, a missing date (the PDF
// is then dated 2000-01-01), and what a chart's kind warns of (a bar chart
// of one bar: chartKind.warn). They never stop a build. A photo with no
// file is package layout's to warn of (layout.unset): whether it is left
// out or set as a frame depends on the build, not on the report.
func (r *Report) Warnings() Errors {
	var ws Errors
	add := func(path, format string, args ...any) {
		ws = append(ws, &Error{Pos: r.near(path), Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	if r.Date == "" {
		add("", `no date; the PDF is dated 2000-01-01 — add a line like "date: 2021-01-18"`)
	}
	for i, s := range r.Sections {
		if s.Headline == "" && len(s.Stats) == 0 && strings.TrimSpace(s.Body) == "" && len(s.Charts) == 0 && len(s.Photos) == 0 && len(s.Tables) == 0 && len(s.Timeline) == 0 {
			add(fmt.Sprintf("sections[%d]", i), `this section has only a title; add its headline, stats, body, charts or photos, or remove it`)
		}
		for j, c := range s.Charts {
			if k, ok := chartKindOf(c.Type); ok && k.warn != nil {
				if field, msg := k.warn(c); msg != "" {
					path := fmt.Sprintf("sections[%d].charts[%d]", i, j)
					if field != "" {
						path += "." + field
					}
					add(path, "%s", msg)
				}
			}
		}
		timelineOrder(fmt.Sprintf("sections[%d].timeline", i), s.Timeline, add)
		for j, p := range s.Photos {
			if p.File != "" && strings.TrimSpace(p.Alt) == "" {
				add(fmt.Sprintf("sections[%d].photos[%d]", i, j), `no alt: a screen reader can only read the caption; add "alt: …", what the photo shows (who, what, where), for readers who cannot see it`)
			}
		}
	}
	ws.sort()
	return ws
}
