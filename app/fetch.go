package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"parallax/data"
	"parallax/data/load"
	"parallax/views"
)

// Limits of a web page fetch.
const (
	FetchTimeout  = 15 * time.Second
	FetchMaxBytes = 10 << 20
)

// fetcher downloads web pages within a time and a size limit.
type fetcher struct {
	client   *http.Client
	timeout  time.Duration
	maxBytes int64
}

func defaultFetcher() fetcher {
	return fetcher{client: &http.Client{}, timeout: FetchTimeout, maxBytes: FetchMaxBytes}
}

// get downloads u, calling progress(read, total) as it goes (total is -1
// when the server does not say). It returns the body and a file name that
// tells the loader the format.
func (f fetcher) get(ctx context.Context, u string, progress func(read, total int64)) ([]byte, string, error) {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", errors.New("not a valid web address")
	}
	req.Header.Set("User-Agent", "Parallax/0.1 (news version comparison)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, "", fmt.Errorf("no answer within %s", f.timeout)
		}
		return nil, "", errors.New("cannot connect: " + shortErr(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("the server answered %s", resp.Status)
	}
	if resp.ContentLength > f.maxBytes {
		return nil, "", fmt.Errorf("the page is larger than %d MB", f.maxBytes>>20)
	}
	buf := make([]byte, 0, min(max(resp.ContentLength, 0), f.maxBytes)+1)
	chunk := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if int64(len(buf)) > f.maxBytes {
			return nil, "", fmt.Errorf("the page is larger than %d MB", f.maxBytes>>20)
		}
		if progress != nil && n > 0 {
			progress(int64(len(buf)), resp.ContentLength)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if ctx.Err() == context.DeadlineExceeded {
				return nil, "", fmt.Errorf("not complete within %s", f.timeout)
			}
			return nil, "", errors.New("the download failed: " + shortErr(err))
		}
	}
	return buf, pageName(u, resp.Header.Get("Content-Type")), nil
}

func shortErr(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return oneLine(err.Error())
}

// pageName makes a file name for a fetched page: host and last path
// segment, with an extension from the content type.
func pageName(u, contentType string) string {
	pu, err := url.Parse(u)
	if err != nil {
		return "page.html"
	}
	base := strings.TrimSuffix(path.Base(pu.Path), path.Ext(pu.Path))
	name := pu.Hostname()
	if base != "" && base != "." && base != "/" {
		name += "-" + base
	}
	ext := ".html"
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch mt {
		case "text/plain":
			ext = ".txt"
		case "text/markdown":
			ext = ".md"
		}
	}
	return name + ext
}

// fetchURL downloads a web address in a goroutine, showing progress, and
// adds the extracted article as a source.
func (a *App) fetchURL(u string) {
	host := u
	if pu, err := url.Parse(u); err == nil && pu.Host != "" {
		host = pu.Host
	}
	a.notices.SetProgress("Fetching "+host+"…", -1)
	opt := a.loadOpt
	go func() {
		var last time.Time
		b, name, err := a.fetch.get(context.Background(), u, func(read, total int64) {
			if time.Since(last) < 100*time.Millisecond {
				return
			}
			last = time.Now()
			frac := -1.0
			if total > 0 {
				frac = float64(read) / float64(total)
			}
			a.do(func() { a.notices.SetProgress(fmt.Sprintf("Fetching %s… %d kB", host, read>>10), frac) })
		})
		var src *data.Source
		if err == nil {
			src, err = loadPage(name, b, opt)
		}
		a.do(func() {
			a.safe("adding "+host, func() {
				if !a.busy {
					a.notices.SetProgress("", 0)
				}
				if err != nil {
					a.notices.Add(views.NoticeWarning, "Could not use "+u+": "+problemReason(err))
					return
				}
				a.addSources([]*data.Source{src})
			})
		})
	}()
}

// loadPage extracts the article of a fetched page like a saved one.
func loadPage(name string, b []byte, opt load.Options) (src *data.Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, fmt.Errorf("internal error while reading the page (please report it)")
		}
	}()
	src, err = load.Bytes(name, b, opt)
	if err != nil {
		return nil, err
	}
	src.Path = ""
	return src, nil
}

func problemReason(err error) string {
	var p *data.Problem
	if errors.As(err, &p) {
		return p.Reason
	}
	return err.Error()
}
