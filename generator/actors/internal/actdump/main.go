// Command actdump prints the actors of articles, as text or (-json) in the
// shape of the extract contract, for scoring during development.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/sentences"
)

type jactor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles"`
	Gender   string   `json:"gender"`
	Mentions int      `json:"mentions"`
}

func main() {
	js := flag.Bool("json", false, "contract-shaped JSON")
	flag.String("published", "", "ignored")
	flag.Parse()
	var arts []map[string]any
	for _, p := range flag.Args() {
		b, _ := os.ReadFile(p)
		start := 0
		if bytes.HasPrefix(b, []byte("---\n")) {
			if k := bytes.Index(b[4:], []byte("\n---\n")); k >= 0 {
				start = 4 + k + 5
			}
		}
		d := &doc.Doc{Text: b, Paragraphs: doc.SplitParagraphs(b, start, len(b))}
		as := actors.Find(d, sentences.Split(d))
		if !*js {
			fmt.Println("==", p)
		}
		var ja []jactor
		for _, a := range as {
			var roles []string
			for _, r := range a.Roles {
				roles = append(roles, r.Text)
			}
			if !*js {
				fmt.Printf("%-13s %-30s %q roles=%q g=%v n=%d\n", a.Kind, a.Name, a.Aliases, roles, a.Gender, len(a.Mentions))
			}
			ja = append(ja, jactor{a.ID, a.Name, a.Kind.String(), a.Aliases, roles, a.Gender.String(), len(a.Mentions)})
		}
		arts = append(arts, map[string]any{"file": p, "actors": ja})
	}
	if *js {
		json.NewEncoder(os.Stdout).Encode(map[string]any{"version": 1, "articles": arts})
	}
}
