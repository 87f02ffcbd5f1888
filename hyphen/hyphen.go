// Package hyphen finds where a word may be hyphenated at the end of a
// line, by Frank Liang's algorithm (the one TeX uses) over TeX's
// hyphenation patterns for English: hyph-en-us and hyph-en-gb, taken from
// the npm package hyphen@1.14.1 by build.sh (see LICENSE for the
// patterns' notices).
//
// Both read local.hyp.txt after their own exceptions: the few words
// both pattern sets divide where a reader stumbles, as the dictionaries
// divide them (TeX's \hyphenation{} of a document).
//
// Why by hand: no Go module on the proxy carries the patterns
// (github.com/speedata/hyphenation is not there), and the algorithm is a
// page of code; the patterns are data, kept as TeX writes them.
package hyphen

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Patterns are one language's Liang patterns and exceptions.
type Patterns struct {
	levels     map[string][]uint8 // letters of a pattern -> its digits, one per gap (len(letters)+1)
	longest    int                // letters in the longest pattern
	exceptions map[string][]int   // a word -> its hyphenation points
	// Left and Right are the fewest letters kept before the first
	// hyphen and after the last one (TeX's lefthyphenmin and
	// righthyphenmin). Both are 3 for English, one more than TeX's 2
	// before: a line that ends with two letters and a hyphen ("in-/
	// stitutional", "es-/tablishments") saves under an em and reads as a
	// stutter, which a designer's review of the English reports marked.
	Left, Right int
}

// Parse reads patterns in TeX's notation, one or more a line ("a1b",
// ".ach4", "4ab."), and exceptions written with their hyphens
// ("as-so-ciate", "present" for a word never hyphenated). Lines starting
// with % are comments.
func Parse(patterns, exceptions string) (*Patterns, error) {
	p := &Patterns{levels: map[string][]uint8{}, exceptions: map[string][]int{}, Left: 3, Right: 3}
	for n, line := range strings.Split(patterns, "\n") {
		if strings.HasPrefix(line, "%") {
			continue
		}
		for _, pat := range strings.Fields(line) {
			var letters []rune
			digits := []uint8{0}
			for _, r := range pat {
				if r >= '0' && r <= '9' {
					if digits[len(digits)-1] != 0 {
						return nil, fmt.Errorf("line %d: pattern %q has two digits in a row", n+1, pat)
					}
					digits[len(digits)-1] = uint8(r - '0')
					continue
				}
				letters = append(letters, unicode.ToLower(r))
				digits = append(digits, 0)
			}
			if len(letters) == 0 {
				return nil, fmt.Errorf("line %d: pattern %q has no letters", n+1, pat)
			}
			p.levels[string(letters)] = digits
			p.longest = max(p.longest, len(letters))
		}
	}
	for _, line := range strings.Split(exceptions, "\n") {
		if strings.HasPrefix(line, "%") {
			continue
		}
		for _, w := range strings.Fields(line) {
			var word strings.Builder
			points := []int{}
			n := 0
			for _, r := range w {
				if r == '-' {
					points = append(points, n)
					continue
				}
				word.WriteRune(unicode.ToLower(r))
				n++
			}
			p.exceptions[word.String()] = points
		}
	}
	return p, nil
}

//go:embed en-us.pat.txt
var enUSPatterns string

//go:embed en-us.hyp.txt
var enUSExceptions string

//go:embed en-gb.pat.txt
var enGBPatterns string

//go:embed en-gb.hyp.txt
var enGBExceptions string

//go:embed local.hyp.txt
var localExceptions string

var (
	american = sync.OnceValue(func() *Patterns { return must(Parse(enUSPatterns, enUSExceptions+localExceptions)) })
	british  = sync.OnceValue(func() *Patterns { return must(Parse(enGBPatterns, enGBExceptions+localExceptions)) })
)

func must(p *Patterns, err error) *Patterns {
	if err != nil {
		panic("hyphen: embedded patterns: " + err.Error()) // a build defect, caught by the tests
	}
	return p
}

// For returns the patterns of a BCP 47 tag: British for en-GB and the
// other regions that spell as Britain does (en-AU, en-IE, en-NZ, en-ZA,
// en-IN, en-HK, en-SG), American for any other English; nil for a
// language it has no patterns for.
func For(tag string) *Patterns {
	tag = strings.ToLower(strings.ReplaceAll(tag, "_", "-"))
	base, region, _ := strings.Cut(tag, "-")
	if base != "en" {
		return nil
	}
	switch region {
	case "gb", "uk", "au", "ie", "nz", "za", "in", "hk", "sg":
		return british()
	}
	return american()
}

// Points returns where word may take a hyphen: the number of runes before
// each point, in order. Only words of letters the patterns know (a to z,
// either case) are hyphenated; anything else (a figure, an accent, an
// apostrophe) gives nil, as does a word too short for Left+Right.
func (p *Patterns) Points(word string) []int {
	n := utf8.RuneCountInString(word)
	if p == nil || n < p.Left+p.Right {
		return nil
	}
	low := make([]byte, 0, n+2)
	low = append(low, '.')
	for _, r := range word {
		switch {
		case r >= 'a' && r <= 'z':
			low = append(low, byte(r))
		case r >= 'A' && r <= 'Z':
			low = append(low, byte(r-'A'+'a'))
		default:
			return nil
		}
	}
	low = append(low, '.')
	if points, ok := p.exceptions[string(low[1:n+1])]; ok {
		return p.within(points, n)
	}
	// gap k of the dotted word is before its k-th byte; the word's
	// point i (before rune i) is gap i+1.
	gaps := make([]uint8, len(low)+1)
	for s := range low {
		for e := s + 1; e <= len(low) && e-s <= p.longest; e++ {
			if d, ok := p.levels[string(low[s:e])]; ok {
				for k, v := range d {
					gaps[s+k] = max(gaps[s+k], v)
				}
			}
		}
	}
	var points []int
	for i := 1; i < n; i++ {
		if gaps[i+1]%2 == 1 {
			points = append(points, i)
		}
	}
	return p.within(points, n)
}

// within drops the points closer to an end than Left and Right.
func (p *Patterns) within(points []int, n int) []int {
	var out []int
	for _, i := range points {
		if i >= p.Left && n-i >= p.Right {
			out = append(out, i)
		}
	}
	return out
}

// Hyphenate returns word with a hyphen at every point, for reading:
// "hy-phen-ation".
func (p *Patterns) Hyphenate(word string) string {
	points := p.Points(word)
	var b strings.Builder
	i := 0
	for _, r := range word {
		if len(points) > 0 && points[0] == i {
			b.WriteByte('-')
			points = points[1:]
		}
		b.WriteRune(r)
		i++
	}
	return b.String()
}
