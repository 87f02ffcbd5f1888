package data

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// locator is Locate's place in its last walk, and the source lines as
// runes (made once, when first needed).
type locator struct {
	mu    sync.Mutex
	runes [][]rune
	path  string
	i     int // bytes of the value walked
	l, c  int // the source position after them
}

func (lo *locator) walk(r *Report, path string, sp span, offset int) Pos {
	lo.mu.Lock()
	defer lo.mu.Unlock()
	if lo.runes == nil {
		lo.runes = make([][]rune, len(r.src))
		for i, s := range r.src {
			lo.runes[i] = []rune(s)
		}
	}
	if lo.path != path || lo.i > offset {
		lo.path, lo.i, lo.l, lo.c = path, 0, sp.line, sp.col
		if sp.quoted {
			lo.c++
		}
	}
	at := func(l, c int) (rune, bool) {
		if l < 1 || l > len(lo.runes) {
			return 0, false
		}
		if rs := lo.runes[l-1]; c-1 < len(rs) {
			return rs[c-1], true
		}
		return '\n', true
	}
	next := func(l, c int) (int, int) {
		if c-1 < len(lo.runes[l-1]) {
			return l, c + 1
		}
		return l + 1, 1
	}
	l, c, start := lo.l, lo.c, lo.i
	for i, v := range sp.value[start:] {
		i += start
		lo.i, lo.l, lo.c = i, l, c // the state before this character
		if !unicode.IsSpace(v) {
			sl, sc := l, c
			for n := 0; n < 64; n++ {
				s, ok := at(sl, sc)
				if !ok {
					break
				}
				if s == v {
					l, c = sl, sc
					break
				}
				sl, sc = next(sl, sc)
			}
		}
		if i+utf8.RuneLen(v) > offset {
			break
		}
		if _, ok := at(l, c); ok {
			l, c = next(l, c)
		}
		lo.i, lo.l, lo.c = i+utf8.RuneLen(v), l, c
	}
	return Pos{File: r.pos[path].File, Line: l, Col: c}
}
