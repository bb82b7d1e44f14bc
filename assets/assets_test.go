package assets

import (
	"bytes"
	"image"
	"image/png"
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIconIs512PNG(t *testing.T) {
	require.NotEmpty(t, Icon)
	cfg, format, err := image.DecodeConfig(bytes.NewReader(Icon))
	require.NoError(t, err)
	assert.Equal(t, "png", format)
	assert.Equal(t, 512, cfg.Width)
	assert.Equal(t, 512, cfg.Height)
	_, err = png.Decode(bytes.NewReader(Icon))
	assert.NoError(t, err, "the whole icon decodes, not only its header")
}

func TestSampleFiles(t *testing.T) {
	files := SampleFiles()
	require.Len(t, files, 5, "five outlets' versions")

	exts := map[string]int{}
	for i, f := range files {
		t.Run(f.Name, func(t *testing.T) {
			assert.NotEmpty(t, bytes.TrimSpace(f.Bytes))
			assert.True(t, utf8.Valid(f.Bytes), "valid UTF-8")
			assert.False(t, bytes.HasPrefix(f.Bytes, []byte("\xef\xbb\xbf")), "no BOM")
			assert.NotContains(t, string(f.Bytes), "\r", "LF line ends")
			words := len(strings.Fields(string(f.Bytes)))
			assert.GreaterOrEqual(t, words, 350, "words")
			assert.LessOrEqual(t, words, 700, "words")
			if i > 0 {
				assert.Less(t, files[i-1].Name, f.Name, "sorted by name")
			}
		})
		exts[path.Ext(f.Name)]++
	}
	assert.GreaterOrEqual(t, exts[".txt"], 1)
	assert.GreaterOrEqual(t, exts[".md"], 1)
	assert.GreaterOrEqual(t, exts[".html"], 1)
}

func TestSampleFilesAreCopies(t *testing.T) {
	a := SampleFiles()
	a[0].Bytes[0] ^= 0xff
	b := SampleFiles()
	assert.NotEqual(t, a[0].Bytes[0], b[0].Bytes[0])
}

// The README documents every version, and the versions hold the facts it
// says they exercise (a guard against the two drifting apart).
func TestSampleReadmeMatchesFiles(t *testing.T) {
	readme, err := Sample.ReadFile(path.Join(SampleDir, "README.md"))
	require.NoError(t, err)
	for _, f := range SampleFiles() {
		assert.Contains(t, string(readme), f.Name)
	}

	text := map[string]string{}
	for _, f := range SampleFiles() {
		text[f.Name] = string(f.Bytes)
	}
	tests := []struct {
		file, want string
	}{
		{"harbor-daily.txt", "3:40 a.m."},
		{"northern-post.html", "4:10 a.m."},
		{"coastline-wire.md", "03:40"},
		{"evening-star.txt", "3.40am"},
		{"harbor-daily.txt", "at least 40 people"},
		{"evening-star.txt", "Nearly 35 people"},
		{"harbor-daily.txt", "12 fire engines"},
		{"evening-star.txt", "twelve engines"},
		{"bayside-gazette.txt", "A dozen fire engines"},
		{"harbor-daily.txt", "$2.5 million"},
		{"northern-post.html", "$2,500,000"},
		{"coastline-wire.md", "$2.5m"},
		{"harbor-daily.txt", "for 48 hours"},
		{"evening-star.txt", "two days"},
		{"harbor-daily.txt", "at least 75 households"},
		{"northern-post.html", "75+ households"},
		{"harbor-daily.txt", "since March"},
		{"northern-post.html", "since April"},
		{"harbor-daily.txt", "$85,000"},
		{"evening-star.txt", "$850,000"},
		{"harbor-daily.txt", "1,500 metres"},
		{"northern-post.html", "1.5 kilometres"},
		{"harbor-daily.txt", `"We were very lucky the wind turned when it did. Another hour`},
		{"bayside-gazette.txt", "“We were very lucky the wind turned when it did. Another hour"},
		{"coastline-wire.md", `"We were very lucky the wind turned when it did," Fire Chief`},
		{"evening-star.txt", `Mayor Oren Castellane said: "We were very lucky the wind turned`},
		{"northern-post.html", "“We got lucky when the wind changed direction."},
		{"harbor-daily.txt", `"The facility was inspected," said Mara Quill`},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.want, func(t *testing.T) {
			assert.Contains(t, text[tt.file], tt.want)
		})
	}
}
