package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDebugPages(t *testing.T) {
	dir := os.Getenv("PAGES")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	var tot time.Duration
	fails := 0
	for _, f := range files {
		st := time.Now()
		s, err := File(f, Options{})
		d := time.Since(st)
		tot += d
		name := filepath.Base(filepath.Dir(f))
		if err != nil {
			fails++
			fmt.Printf("%-40s %v ERR %v\n", name, d, err)
			continue
		}
		if d > 300*time.Millisecond || os.Getenv("SHOW") == name {
			fmt.Printf("%-40s %v %s %q %d\n", name, d, s.Encoding, s.Title, len(s.Text))
		}
		if os.Getenv("SHOW") == name {
			fmt.Println(s.Text)
		}
		_ = strings.TrimSpace
	}
	fmt.Println("pages", len(files), "fails", fails, "total", tot)
}
