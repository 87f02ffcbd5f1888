#!/usr/bin/env bash
# build.sh — regenerate the pattern files in this directory from the npm
# registry. Not run by the build or the tests: the files are committed.
#
# Produces (the same bytes on every run):
#   en-us.pat.txt  one Liang pattern a line (hyph-en-us, 4938 patterns)
#   en-us.hyp.txt  the exceptions, hyphenated ("as-so-ciate"), one a line
#   en-gb.pat.txt, en-gb.hyp.txt  the same for hyph-en-gb
#
# Source: the npm package hyphen@1.14.1 (ISC; its patterns/*.js are TeX's
#   hyph-utf8 patterns stored as a trie), tarball integrity
#   sha512-kvL8xYl5QMTh+LwohVN72ciOxC0OEV79IPdJSTwEXok9y9QHebXGdFgrED4sWfiax/ODx++CAMk3hMy4XPJPOw==
# The trie is walked back into TeX's plain pattern notation by node.
#
# Needs: npm and node. Usage: hyphen/build.sh (from anywhere).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
want='sha512-kvL8xYl5QMTh+LwohVN72ciOxC0OEV79IPdJSTwEXok9y9QHebXGdFgrED4sWfiax/ODx++CAMk3hMy4XPJPOw=='
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent hyphen@1.14.1 >/dev/null
got="sha512-$(openssl dgst -sha512 -binary hyphen-1.14.1.tgz | base64 -w0)"
if [ "$got" != "$want" ]; then
	echo "hyphen-1.14.1.tgz: integrity $got, want $want" >&2
	exit 1
fi
tar xzf hyphen-1.14.1.tgz
cat >dump.js <<'JS'
// A pattern file's trie node is a level index, a subtrie, or [subtrie,
// level index]; levels[i][k] is the digit before the pattern's k-th letter
// (counted after the leading dot of a pattern that starts a word).
const [levels, trie, exceptions] = require(process.argv[2]);
const pats = [];
(function walk(node, path) {
  for (const k of Object.keys(node)) {
    const v = node[k];
    const sub = Array.isArray(v) ? v[0] : typeof v === "number" ? null : v;
    const idx = Array.isArray(v) ? v[1] : typeof v === "number" ? v : -1;
    const p = path + k;
    if (idx >= 0) {
      // a pattern that starts a word (".ach4") has no digit before its
      // dot: its levels start at the gap after the dot, one letter on
      // (hyphen.js's hyphenateWord sets such a pattern one place back)
      const o = p[0] === "." ? 1 : 0;
      let s = o ? "." : "";
      for (let i = o; i <= p.length; i++) {
        if (levels[idx][i - o]) s += levels[idx][i - o];
        if (i < p.length) s += p[i];
      }
      pats.push(s);
    }
    if (sub) walk(sub, p);
  }
})(trie, "");
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
require("fs").writeFileSync(process.argv[3], pats.sort(cmp).join("\n") + "\n");
const hyp = Object.keys(exceptions || {}).sort(cmp).map((w) => {
  // a marker is where a hyphen stands in the hyphenated word
  let s = w;
  for (const m of exceptions[w]) s = s.slice(0, m) + "-" + s.slice(m);
  return s;
});
require("fs").writeFileSync(process.argv[4], hyp.join("\n") + "\n");
JS
for lang in en-us en-gb; do
	node dump.js "$tmp/package/patterns/$lang.js" "$here/$lang.pat.txt" "$here/$lang.hyp.txt"
done
