package data

import "regexp"

// A language span marks text of another language inside a paragraph of
// the body: the text in square brackets, the language's tag in braces
// right after it — "团长说：“[안녕하세요]{ko}”", "[Smart City]{en}",
// "[ありがとう]{ja}". The span keeps its language's faces (Korean and
// Japanese glyph forms, a Traditional face for zh-Hant) and line-breaking
// rules (hyphenation of English), and layout keeps its language with each
// character, for a tagged PDF's /Lang.
// Anything else in brackets stays as written.

// LangSpan is a run of a paragraph in one language: Lang is a BCP 47 tag,
// or "" for the report's language.
type LangSpan struct {
	Text, Lang string
}

// langSpanRE is a span: text without brackets or braces, and a tag of
// letters, digits and hyphens that starts with two or three letters.
var langSpanRE = regexp.MustCompile(`\[([^\[\]{}]+)\]\{([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\}`)

// SplitLang splits a paragraph at its language spans.
func SplitLang(text string) []LangSpan {
	var out []LangSpan
	at := 0
	for _, m := range langSpanRE.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > at {
			out = append(out, LangSpan{Text: text[at:m[0]]})
		}
		out = append(out, LangSpan{Text: text[m[2]:m[3]], Lang: text[m[4]:m[5]]})
		at = m[1]
	}
	if at < len(text) || len(out) == 0 {
		out = append(out, LangSpan{Text: text[at:]})
	}
	return out
}
