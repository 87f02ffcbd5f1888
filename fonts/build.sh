#!/usr/bin/env bash
# build.sh — rebuild the embedded Noto Sans SC subsets in this directory.
#
# Produces (byte-identically on every run with the same tool versions):
#   NotoSansSC-Regular.ttf  (weight 400)
#   NotoSansSC-Bold.ttf     (weight 700)
#   NotoSansSC-Black.ttf    (weight 900)
#   OFL.txt                 (SIL Open Font License 1.1, with the copyright line)
#
# Source: static TrueType (glyf) Noto Sans SC from the npm package
#   @expo-google-fonts/noto-sans-sc@0.4.3
#   tarball sha256 0d69d0f4971d2ff574e3d93cbc218dc950bf3f3f8f8e2c008d97687ed53aee59
#
# Character set (BMP only: a Simplified Chinese report needs nothing past it;
# Hong Kong and Taiwan reports, whose HKSCS and Extension B characters lie
# past it, are set in the system's Noto Sans CJK faces, see package locale):
#   GB2312 (every valid 2-byte code decoded with Python's gb2312 codec)
#   ∪ BMP part of 通用规范汉字表 (Unihan kTGH field, Debian unicode-data)
#   ∪ ASCII, Latin-1, general punctuation U+2000–206F, letterlike symbols,
#     number forms, arrows U+2190–21FF, enclosed alphanumerics U+2460–24FF
#     (①–⒇ …), geometric shapes, CJK symbols and punctuation U+3000–303F,
#     full-width forms U+FF00–FFEF, and a few extras (· ‧ — … ※ ℃ …).
#   Code points the font lacks are silently skipped by the subsetter.
# Layout features, hinting and glyph names are dropped; the name table is
# kept whole; outlines stay TrueType glyf. head.modified is NOT restamped
# (--no-recalc-timestamp, SOURCE_DATE_EPOCH unset), so output is reproducible.
#
# Needs: npm (registry access), Debian python3-fonttools (tested 4.38.0, run via
# /usr/bin/python3), Debian unicode-data (tested 15.0.0; reads
# /usr/share/unicode/Unihan_OtherMappings.txt.bz2), sha256sum, tar.
#
# Usage: fonts/build.sh   (from anywhere; writes next to this script)
set -euo pipefail

PKG='@expo-google-fonts/noto-sans-sc'
VERSION='0.4.3'
SHA256='0d69d0f4971d2ff574e3d93cbc218dc950bf3f3f8f8e2c008d97687ed53aee59'
PY=/usr/bin/python3
UNIHAN=/usr/share/unicode/Unihan_OtherMappings.txt.bz2

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
unset SOURCE_DATE_EPOCH

cd "$WORK"
npm pack --silent "$PKG@$VERSION" >/dev/null
TGZ="expo-google-fonts-noto-sans-sc-$VERSION.tgz"
echo "$SHA256  $TGZ" | sha256sum -c --quiet -
tar xzf "$TGZ" package/400Regular package/700Bold package/900Black package/LICENSE_FONT

# The code point list, one hex value per line, sorted.
"$PY" - "$UNIHAN" >unicodes.txt <<'EOF'
import bz2, sys

cps = set()
# GB2312: every valid 2-byte EUC-CN code.
for hi in range(0xA1, 0xFF):
    for lo in range(0xA1, 0xFF):
        try:
            s = bytes([hi, lo]).decode('gb2312')
        except UnicodeDecodeError:
            continue
        cps.update(ord(c) for c in s)
# 通用规范汉字表 (kTGH), BMP part.
with bz2.open(sys.argv[1], 'rt', encoding='utf-8') as f:
    for line in f:
        if line.startswith('U+'):
            cp, field, _ = line.rstrip('\n').split('\t', 2)
            if field == 'kTGH':
                v = int(cp[2:], 16)
                if v <= 0xFFFF:
                    cps.add(v)
ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation
    (0x2100, 0x214F),  # letterlike symbols (℃ № ™ …)
    (0x2150, 0x218F),  # number forms (Ⅰ Ⅱ …)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics (① … ⒇ …)
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ▲ ● ○ …)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # half-/full-width forms
]
for a, b in ranges:
    cps.update(range(a, b + 1))
cps.update(ord(c) for c in '·‧—–…※℃℉‰§¶†‡•′″°±×÷√∞≈≠≤≥∑∏∈∵∴★☆♀♂✓✔✕✗・〇')
cps.discard(0xFFFF)
for v in sorted(cps):
    print('%04X' % v)
EOF

for spec in 400Regular:Regular 700Bold:Bold 900Black:Black; do
	dir=${spec%%:*}
	name=${spec##*:}
	"$PY" -m fontTools.subset "package/$dir/NotoSansSC_$dir.ttf" \
		--unicodes-file=unicodes.txt \
		--layout-features='' \
		--no-hinting \
		--notdef-outline \
		--notdef-glyph \
		--name-IDs='*' --name-languages='*' --name-legacy \
		--no-recalc-timestamp \
		--no-glyph-names \
		--output-file="$WORK/NotoSansSC-$name.ttf"
done

# Sanity: TrueType outlines, head.modified untouched, and every hanzi of
# GB2312 and of the BMP part of 通用规范汉字表 present in each subset.
"$PY" - "$UNIHAN" package/400Regular/NotoSansSC_400Regular.ttf "$WORK"/NotoSansSC-*.ttf <<'EOF'
import bz2, sys, unicodedata
from fontTools.ttLib import TTFont
need = set()
for hi in range(0xB0, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            need.add(ord(bytes([hi, lo]).decode('gb2312')))
        except UnicodeDecodeError:
            pass
with bz2.open(sys.argv[1], 'rt', encoding='utf-8') as f:
    for line in f:
        if line.startswith('U+') and line.split('\t')[1] == 'kTGH':
            v = int(line.split('\t')[0][2:], 16)
            if v <= 0xFFFF:
                need.add(v)
modified = TTFont(sys.argv[2], lazy=True)['head'].modified
for p in sys.argv[3:]:
    f = TTFont(p)
    assert 'glyf' in f and 'CFF ' not in f, p
    assert f.sfntVersion == '\x00\x01\x00\x00', p
    assert f['head'].modified == modified, (p, 'head.modified restamped')
    missing = sorted(need - set(f.getBestCmap()))
    assert not missing, (p, 'missing', ''.join(map(chr, missing[:20])))
EOF

cp "$WORK"/NotoSansSC-Regular.ttf "$WORK"/NotoSansSC-Bold.ttf "$WORK"/NotoSansSC-Black.ttf "$OUT"/
cp package/LICENSE_FONT "$OUT"/OFL.txt
cd "$OUT"
sha256sum NotoSansSC-Regular.ttf NotoSansSC-Bold.ttf NotoSansSC-Black.ttf OFL.txt
