package data

import (
	"reflect"
	"testing"
)

func TestSplitLang(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []LangSpan
	}{
		{"团长说：“[안녕하세요]{ko}，很高兴。”", []LangSpan{{"团长说：“", ""}, {"안녕하세요", "ko"}, {"，很高兴。”", ""}}},
		{"[Smart City]{en}项目与[ありがとう]{ja-JP}", []LangSpan{{"Smart City", "en"}, {"项目与", ""}, {"ありがとう", "ja-JP"}}},
		{"无标记", []LangSpan{{"无标记", ""}}},
		{"", []LangSpan{{"", ""}}},
		// not spans: stay as written
		{"[注1]见附录 [x]{1a} [a]{e} [b] {en} [[c]]{en}", []LangSpan{{"[注1]见附录 [x]{1a} [a]{e} [b] {en} [[c]]{en}", ""}}},
	} {
		if got := SplitLang(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	s := Section{Body: "第一段[Hello]{en}，**[ありがとう]{ja}**\n\n第二段[注1]"}
	if got := s.Paragraphs(); !reflect.DeepEqual(got, []string{"第一段Hello，ありがとう", "第二段[注1]"}) {
		t.Errorf("Paragraphs: %q", got)
	}
	want := []Run{{Text: "第一段"}, {Text: "Hello", Lang: "en"}, {Text: "，"}, {Text: "ありがとう", Bold: true, Lang: "ja"}}
	if got := s.Parts()[0].Runs; !reflect.DeepEqual(got, want) {
		t.Errorf("Runs: %+v, want %+v", got, want)
	}
}
