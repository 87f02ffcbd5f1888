//go:build ignore

// gen.go cuts the curated icons (curated.txt) out of the pinned npm package
// of Tabler Icons into tabler.txt, which the icons package embeds. Run it
// with `go generate ./icons` after editing curated.txt; it needs npm and
// the npm registry. The package is fetched with npm pack at the pinned
// version and refused unless its SHA-512 is the pinned one, so the same
// curated.txt always gives the same tabler.txt.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const (
	pkg       = "@iconify-json/tabler"
	version   = "1.2.41"
	integrity = "sha512-GHg+H/cnr0anaCoV383JONiOMxZQOdojWYNLgL3x0fRE07YW7c+AHiYmIhXet//oq26T830qitdP7l43ojiCXw=="
)

func main() {
	log.SetFlags(0)
	names := curated()
	set := icons(fetch())
	var b strings.Builder
	fmt.Fprintf(&b, "# %d icons of Tabler Icons (MIT, see LICENSE) from the npm package %s@%s\n", len(names), pkg, version)
	fmt.Fprintf(&b, "# (%s), cut by gen.go from curated.txt. Do not edit: run go generate ./icons.\n", integrity)
	b.WriteString("# A line is a name, then its paths: S stroked, F filled, B both; 24×24, stroke width 2, round caps and joins.\n")
	for _, n := range names {
		body, ok := set[n]
		if !ok {
			log.Fatalf("curated.txt names %q, which %s@%s does not have", n, pkg, version)
		}
		paths, err := flatten(body)
		if err != nil {
			log.Fatalf("%s: %v", n, err)
		}
		b.WriteString(n)
		for _, p := range paths {
			b.WriteString("\t" + p)
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile("tabler.txt", []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("tabler.txt: %d icons, %d KB", len(names), b.Len()>>10)
}

// curated reads the names of curated.txt, in order, each once.
func curated() []string {
	f, err := os.Open("curated.txt")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var names []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		for _, n := range strings.Fields(line) {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return names
}

// fetch runs npm pack and returns the tarball, checked against integrity.
func fetch() []byte {
	dir, err := os.MkdirTemp("", "tabler")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command("npm", "pack", pkg+"@"+version, "--pack-destination", dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		log.Fatalf("npm pack: %v", err)
	}
	tgz, err := os.ReadFile(filepath.Join(dir, strings.TrimSpace(lastLine(string(out)))))
	if err != nil {
		log.Fatal(err)
	}
	sum := sha512.Sum512(tgz)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != integrity {
		log.Fatalf("%s@%s has %s, not the pinned %s", pkg, version, got, integrity)
	}
	return tgz
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// icons reads package/icons.json of the tarball: name → SVG body.
func icons(tgz []byte) map[string]string {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		log.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			log.Fatal("the package has no package/icons.json")
		}
		if err != nil {
			log.Fatal(err)
		}
		if h.Name != "package/icons.json" {
			continue
		}
		var set struct {
			Icons map[string]struct{ Body string }
		}
		if err := json.NewDecoder(tr).Decode(&set); err != nil {
			log.Fatal(err)
		}
		out := map[string]string{}
		for n, i := range set.Icons {
			out[n] = i.Body
		}
		return out
	}
}

// flatten turns an icon's body (paths in groups that set fill and stroke)
// into its paths, each "S d", "F d" or "B d".
func flatten(body string) ([]string, error) {
	dec := xml.NewDecoder(strings.NewReader("<svg>" + body + "</svg>"))
	type paint struct{ fill, stroke bool }
	stack := []paint{{fill: true}}
	var out []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p := stack[len(stack)-1]
			d := ""
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "fill":
					p.fill = a.Value != "none"
				case "stroke":
					p.stroke = a.Value != "none"
				case "d":
					d = a.Value
				case "stroke-width":
					if a.Value != "2" {
						return nil, fmt.Errorf("stroke width %s", a.Value)
					}
				case "stroke-linecap", "stroke-linejoin", "fill-rule", "clip-rule":
				default:
					return nil, fmt.Errorf("attribute %s", a.Name.Local)
				}
			}
			switch t.Name.Local {
			case "svg", "g":
			case "path":
				mode := map[paint]string{{false, true}: "S", {true, false}: "F", {true, true}: "B"}[p]
				if mode != "" && d != "" {
					out = append(out, mode+" "+d)
				}
			default:
				return nil, fmt.Errorf("element <%s>", t.Name.Local)
			}
			stack = append(stack, p)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}
