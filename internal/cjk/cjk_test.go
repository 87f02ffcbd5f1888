package cjk

import (
	"reflect"
	"testing"
)

func TestRuns(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"683起", []string{"683", "起"}},
		{"14.98%", []string{"14.98%"}},
		{"同比下降14.98%", []string{"同比下降", "14.98%"}},
		{"2020年3月", []string{"2020", "年", "3", "月"}},
		{"下降 14", []string{"下降 14"}},
		{"", []string{""}},
	}
	for _, tt := range tests {
		if got := Runs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Runs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
