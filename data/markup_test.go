package data

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestParts checks the Markdown subset of a body: what is markup, and
// that everything else, and every character of the text, stays as written.
func TestParts(t *testing.T) {
	b := func(s string) Run { return Run{Text: s, Bold: true} }
	r := func(s string) Run { return Run{Text: s} }
	for _, c := range []struct {
		name, body string
		want       []Part
	}{
		{"paragraphs", "第一段\n接着写\n\n第二段", []Part{{Runs: []Run{r("第一段接着写")}}, {Runs: []Run{r("第二段")}}}},
		{"bold", "全年**破案1234起**，同比上升", []Part{{Runs: []Run{r("全年"), b("破案1234起"), r("，同比上升")}}}},
		{"bold over a line end", "全年**破案\n1234起**。", []Part{{Runs: []Run{r("全年"), b("破案1234起"), r("。")}}}},
		{"bullets end the paragraph", "开展三项行动：\n- 打击电诈\n- 扫黑除恶\n  持续推进\n\n后记", []Part{
			{Runs: []Run{r("开展三项行动：")}},
			{Kind: Item, Runs: []Run{r("打击电诈")}},
			{Kind: Item, Runs: []Run{r("扫黑除恶持续推进")}},
			{Runs: []Run{r("后记")}},
		}},
		{"numbers as written", "1. 一\n2. **二**\n10. 十", []Part{
			{Kind: Item, Label: "1.", Runs: []Run{r("一")}},
			{Kind: Item, Label: "2.", Runs: []Run{b("二")}},
			{Kind: Item, Label: "10.", Runs: []Run{r("十")}},
		}},
		{"subheading", "### 打击犯罪\n全年破案", []Part{{Kind: Heading, Runs: []Run{r("打击犯罪")}}, {Runs: []Run{r("全年破案")}}}},
		{"English lines", "- Fewer burglaries\n  than ever\n- More patrols", []Part{
			{Kind: Item, Runs: []Run{r("Fewer burglaries than ever")}},
			{Kind: Item, Runs: []Run{r("More patrols")}},
		}},
		// literal: everything that is not exactly the subset
		{"lone marks", "*强调* _下划_ #话题 ## 二级 ####四 a*b 2*3=6", []Part{{Runs: []Run{r("*强调* _下划_ #话题 ## 二级 ####四 a*b 2*3=6")}}}},
		{"decimal at a line start", "1.5万人次\n2025.年\n1234. 四位数", []Part{{Runs: []Run{r("1.5万人次2025.年1234. 四位数")}}}},
		{"dash without space", "-5%\n—— 破折号\n-", []Part{{Runs: []Run{r("-5%—— 破折号-")}}}},
		{"unclosed bold", "**未闭合 与 ** 空格 ** 和 ****", []Part{{Runs: []Run{r("**未闭合 与 ** 空格 ** 和 ****")}}}},
		{"heading needs text", "### \n###", []Part{{Runs: []Run{r("######")}}}},
		{"triple stars", "***x**", []Part{{Runs: []Run{r("*"), b("x")}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := parts(c.body); !reflect.DeepEqual(got, c.want) {
				t.Errorf("parts(%q)\n got %+v\nwant %+v", c.body, got, c.want)
			}
		})
	}
}

// FuzzParts: whatever the body, parsing it loses no character but the
// markup's own (*, #, the "- " dash, an item's number and its dot) and
// white space, and invents none.
func FuzzParts(f *testing.F) {
	for _, s := range []string{"全年**破案**\n- 一\n1. 二\n### 三", "***x**", "** a **", "- \n-\n1.\n1. ", "#\n##\n### \n### x"} {
		f.Add(s)
	}
	markup := func(r rune) bool { return r == '*' || r == '#' || r == '-' || r == '.' || r >= '0' && r <= '9' }
	f.Add("他说[Hello]{en}，**[ありがとう]{ja}**[注1]")
	f.Fuzz(func(t *testing.T, body string) {
		markup := markup
		if strings.Contains(body, "]{") {
			// a language span's brackets, braces and tag
			markup = func(r rune) bool {
				return strings.ContainsRune("*#-.[]{}", r) || r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
			}
		}
		if !utf8.ValidString(body) {
			return // a report is UTF-8 (Load refuses or converts the rest)
		}
		count := map[rune]int{}
		for _, r := range strings.ReplaceAll(body, "\r", "") {
			if !unicode.IsSpace(r) {
				count[r]++
			}
		}
		for _, p := range parts(body) {
			for _, r := range p.Text() + p.Label {
				if !unicode.IsSpace(r) {
					count[r]--
				}
			}
		}
		for r, n := range count {
			if n < 0 || n > 0 && !markup(r) {
				t.Fatalf("%q: %q comes %d times more in the body than in its parts", body, r, n)
			}
		}
	})
}
