package quotes

import (
	"os"
	"strings"
)

var benchActors = []fixtureActor{
	{ID: "marta-quintero", Kind: "person", Gender: "female", Forms: []string{"Marta Quintero", "Quintero"}, Roles: []string{"The mayor of Port Ellis"}},
	{ID: "tomas-brandt", Kind: "person", Gender: "male", Forms: []string{"Tomas Brandt", "Brandt"}, Roles: []string{"a spokesman for the Dockworkers Union"}},
	{ID: "dockworkers-union", Kind: "organization", Forms: []string{"Dockworkers Union"}},
	{ID: "olaf-halvorsen", Kind: "person", Gender: "male", Forms: []string{"Olaf Halvorsen", "Halvorsen"}},
	{ID: "ines-okafor", Kind: "person", Gender: "female", Forms: []string{"Ines Okafor", "Okafor"}, Roles: []string{"Governor"}},
	{ID: "lars-vedder", Kind: "person", Gender: "male", Forms: []string{"Lars Vedder", "Vedder"}},
	{ID: "agriculture-ministry", Kind: "organization", Forms: []string{"Agriculture Ministry"}},
	{ID: "sofia-lund", Kind: "person", Gender: "female", Forms: []string{"Sofia Lund", "Lund"}},
	{ID: "teodor-marek", Kind: "person", Gender: "male", Forms: []string{"Teodor Marek"}, Roles: []string{"Ambassador"}},
}

// readBenchArticle concatenates the test articles into one realistic
// article-sized text (about 5 KB).
func readBenchArticle() (string, error) {
	var sb strings.Builder
	for _, n := range []string{"dialogue", "partial", "marks", "descriptions", "british"} {
		b, err := os.ReadFile("testdata/" + n + ".txt")
		if err != nil {
			return "", err
		}
		sb.Write(b)
		sb.WriteString("\n\n")
	}
	return sb.String(), nil
}
