package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"parallax/data"
	"parallax/data/structure"
)

func analysed(id, text string) *data.Source {
	s := &data.Source{ID: id, Text: text}
	structure.Analyze(s)
	return s
}

func TestSimilarity(t *testing.T) {
	story := "The harbour closed on Monday after a storm damaged the pier.\n\nThree boats sank and two fishermen were rescued by the coast guard.\n\nRepairs will cost about 2 million euros, the mayor said.\n"
	paraphrase := "A storm wrecked the pier and the port shut on Monday.\n\nThe coast guard pulled two fishermen from the water after three boats went down.\n\nThe mayor put the repair bill at roughly 2 million euros.\n"
	other := "Tickets for the summer concert series go on sale next week.\n\nThe orchestra will play twelve evenings in the park.\n"
	srcs := []*data.Source{analysed("a", story), analysed("b", story), analysed("c", paraphrase), analysed("d", other)}
	c := Compare(srcs, Options{Base: "a"})
	sim := c.Similarity
	for i := range sim {
		assert.Equal(t, Similarity{1, 1}, sim[i][i])
		for j := range sim {
			assert.Equal(t, sim[i][j], sim[j][i], "symmetric %d %d", i, j)
			assert.True(t, sim[i][j].Aligned >= 0 && sim[i][j].Aligned <= 1)
			assert.True(t, sim[i][j].Identical >= 0 && sim[i][j].Identical <= 1)
		}
	}
	// a copy: all aligned, all identical
	assert.InDelta(t, 1, sim[0][1].Aligned, 1e-9)
	assert.InDelta(t, 1, sim[0][1].Identical, 1e-9)
	// a paraphrase: aligned, worded differently
	assert.Greater(t, sim[0][2].Aligned, 0.5)
	assert.Less(t, sim[0][2].Identical, 0.5)
	assert.Greater(t, sim[0][1].Identical, sim[0][2].Identical)
	// another story: nothing aligned
	assert.Zero(t, sim[0][3].Aligned)
	assert.Zero(t, sim[0][3].Identical)
}
