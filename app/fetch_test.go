package app

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const page = `<!doctype html><html><head><title>Flood closes river road</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Flood closes river road</h1>
<p>Heavy rain flooded the river road on Monday, and about 40 homes were evacuated, officials said on Tuesday.</p>
<p>"We acted quickly," the mayor said. The road is expected to reopen at the end of the week, the council said.</p>
<p>Engineers will inspect the bridge before traffic returns, a spokesperson for the regional authority added.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>`

// server is a loopback server: /story serves the page, /big more than the
// size limit, /slow answers only after the test is over.
func server(t *testing.T) *httptest.Server {
	stop := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>filler text</p>\n", 1000)
		for i := 0; i < 200; i++ { // about 3.8 MB, no Content-Length
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bigdeclared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "50000000")
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/missing", http.NotFound)
	s := httptest.NewServer(mux) // listens on 127.0.0.1
	t.Cleanup(func() { close(stop); s.Close() })
	return s
}

func TestFetcherLimits(t *testing.T) {
	s := server(t)
	f := fetcher{client: s.Client(), timeout: 300 * time.Millisecond, maxBytes: 1 << 20}
	tests := []struct {
		path    string
		errPart string
		name    string
	}{
		{"/story", "", "127.0.0.1-story.html"},
		{"/big", "larger than 1 MB", ""},
		{"/bigdeclared", "larger than 1 MB", ""},
		{"/slow", "within 300ms", ""},
		{"/missing", "404", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var calls int
			b, name, err := f.get(context.Background(), s.URL+tt.path, func(read, total int64) { calls++ })
			if tt.errPart != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.errPart)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, page, string(b))
			assert.Equal(t, tt.name, name)
			assert.Positive(t, calls, "progress reported")
		})
	}
}

func TestDroppedWebAddressIsFetched(t *testing.T) {
	s := server(t)
	h := newHarness(t)
	h.fetch = fetcher{client: s.Client(), timeout: 5 * time.Second, maxBytes: 1 << 20}
	u, err := storage.ParseURI(s.URL + "/story")
	require.NoError(t, err)
	h.onDropped([]fyne.URI{u})
	for len(h.srcs) == 0 {
		h.next() // progress, then the page, then the comparison
	}
	require.Len(t, h.srcs, 1)
	src := h.srcs[0]
	assert.Equal(t, "127.0.0.1-story.html", src.Name)
	assert.Contains(t, src.Text, "about 40 homes were evacuated")
	assert.NotContains(t, src.Text, "Subscribe to our newsletter")

	bad, _ := storage.ParseURI(s.URL + "/missing")
	h.onDropped([]fyne.URI{bad})
	h.next()
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "/missing: the server answered 404 Not Found")
}

// A browser drags a link as a text/uri-list line; GLFW hands it on as a
// path and Fyne makes it a file URI under the working directory.
func TestDroppedWebAddressAsAFilePath(t *testing.T) {
	cases := []struct {
		path, want string
		ok         bool
	}{
		{"/home/me/https:/example.com/news/a?b=1", "https://example.com/news/a?b=1", true},
		{"/tmp/http:/127.0.0.1:8080/story.html", "http://127.0.0.1:8080/story.html", true},
		{"/x/HTTPS:/Example.com/", "https://Example.com/", true},
		{"/home/me/notes/https-guide.txt", "", false},
		{"/home/me/myhttps:/x", "", false},
		{"/home/me/story.txt", "", false},
	}
	for _, c := range cases {
		got, ok := droppedWebAddress(c.path)
		assert.Equal(t, c.ok, ok, c.path)
		assert.Equal(t, c.want, got, c.path)
	}

	s := server(t)
	h := newHarness(t)
	h.fetch = fetcher{client: s.Client(), timeout: 5 * time.Second, maxBytes: 1 << 20}
	h.onDropped([]fyne.URI{storage.NewFileURI(s.URL + "/story")}) // as the GLFW driver builds it
	for len(h.srcs) == 0 {
		h.next()
	}
	assert.Contains(t, h.srcs[0].Text, "about 40 homes were evacuated")
}
