package data

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The engine must build and run without Fyne: nothing under data/ may import it.
func TestDataDoesNotImportFyne(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not on PATH")
	}
	out, err := exec.Command("go", "list", "-deps", "./...").CombinedOutput()
	require.NoError(t, err, string(out))
	var fyne []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "fyne.io/") {
			fyne = append(fyne, p)
		}
	}
	assert.Empty(t, fyne, "data/ depends on Fyne packages")
	assert.Contains(t, string(out), "parallax/data/engine", "the listing must cover the engine")
}
