//go:build unix

package load

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpecialFiles checks that pipes and devices are refused without being
// opened: reading a pipe nobody writes to would block forever.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	tests := []struct{ path, reason string }{
		{fifo, "not a regular file"},
		{os.DevNull, "not a regular file"},
	}
	for _, tc := range tests {
		_, err := File(tc.path, Options{})
		assert.EqualError(t, err, tc.path+": "+tc.reason)
	}
}
