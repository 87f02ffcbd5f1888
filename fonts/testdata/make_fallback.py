"""Builds fallback.ttf, a tiny TrueType font for tests: a square glyph for
U+E000 (private use) and U+2E80 (⺀), which Noto Sans SC's subset lacks.
Run with Debian's python3-fonttools: /usr/bin/python3 make_fallback.py"""
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen


def square():
    pen = TTGlyphPen(None)
    pen.moveTo((100, -100))
    pen.lineTo((100, 800))
    pen.lineTo((900, 800))
    pen.lineTo((900, -100))
    pen.closePath()
    return pen.glyph()


fb = FontBuilder(1000, isTTF=True)
names = [".notdef", "uniE000", "uni2E80"]
fb.setupGlyphOrder(names)
fb.setupCharacterMap({0xE000: "uniE000", 0x2E80: "uni2E80"})
fb.setupGlyf({n: square() for n in names})
fb.setupHorizontalMetrics({n: (1000, 100) for n in names})
fb.setupHorizontalHeader(ascent=880, descent=-120)
fb.setupNameTable({"familyName": "BrochureTestFallback", "styleName": "Regular"})
fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
fb.setupPost()
fb.updateHead(created=0, modified=0)
fb.save("fallback.ttf")
