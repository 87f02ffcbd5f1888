package layout

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/locale"
)

// A language span of the body ("[ありがとう]{ja}", data.SplitLang) is set
// in its language's faces and rules: Japanese and Korean in their
// regional faces, Traditional Chinese in a Traditional face with centred
// punctuation, Simplified Chinese (in a Traditional or Japanese report) in
// the embedded Noto Sans SC, and each span's Latin words hyphenated by
// its language. English and any other language keep the report's faces.

// inLang is s in the language of tag: in the face of its role in that
// language, with its rules (Traditional Chinese centres its marks), and
// the tag on each glyph.
func (th Theme) inLang(s Span, tag string) Span {
	s.Lang = tag
	if f, loc, err := th.langFace(tag, s.Face); err == nil {
		s.Face = f
		s.Centred = loc.Traditional()
	}
	return s
}

// langFace is the face of the role of base (regular, bold, black or the
// serif body) in the language of tag, and the language; base itself for
// the report's language, for English and for a language brochure does not
// know.
func (th Theme) langFace(tag string, base *fonts.Face) (*fonts.Face, locale.Locale, error) {
	loc, err := locale.Parse(tag)
	if err != nil || loc.Tag == th.Locale.Tag || loc.English() {
		return base, loc, nil
	}
	weight, serif := 400, th.Serif != nil && base == th.Serif
	switch base {
	case th.Bold:
		weight = 700
	case th.Black:
		weight = 900
	}
	families := loc.Sans
	if serif {
		families = loc.Serif
	}
	if len(families) == 0 { // Simplified Chinese: the embedded faces
		switch weight {
		case 700:
			return fonts.Bold, loc, nil
		case 900:
			return fonts.Black, loc, nil
		}
		return fonts.Regular, loc, nil
	}
	f, tried := findFamily(families, weight)
	if f == nil {
		return nil, loc, fmt.Errorf("text marked {%s} is set in the glyph forms of %s, and none of its fonts is installed (looked for %s); %s",
			tag, loc.Name, strings.Join(tried, ", "), loc.Install())
	}
	return f, loc, nil
}

// checkLangs checks the language spans of every section's body: a tag
// must be a language (BCP 47), and a language with faces of its own needs
// them installed. One problem per section and language.
func checkLangs(r *data.Report, th Theme) error {
	var errs data.Errors
	for i, s := range r.Sections {
		seen := map[string]bool{}
		for _, p := range s.Parts() {
			for _, run := range p.Runs {
				if run.Lang == "" || seen[run.Lang] {
					continue
				}
				seen[run.Lang] = true
				path := fmt.Sprintf("sections[%d].body", i)
				if !locale.Valid(run.Lang) {
					errs = append(errs, &data.Error{Pos: r.Pos(path), Path: path,
						Msg: fmt.Sprintf("[%s]{%s}: %q is not a language tag; write one like en, ja, ko, zh-Hant or zh-HK", run.Text, run.Lang, run.Lang)})
					continue
				}
				if _, _, err := th.langFace(run.Lang, th.Body()); err != nil {
					errs = append(errs, &data.Error{Pos: r.Pos(path), Path: path, Msg: err.Error()})
				}
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
