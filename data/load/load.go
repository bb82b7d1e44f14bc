package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"parallax/data"
)

// Options bounds what Load accepts.
type Options struct {
	MaxBytes int64 // files larger than this are refused without being read; 0 means DefaultMaxBytes
}

// DefaultMaxBytes is the largest input file accepted by default (50 MiB).
// News articles are a few tens of kilobytes; even a saved web page with
// inline images rarely passes a few megabytes.
const DefaultMaxBytes = 50 << 20

// ReasonInternal is the reason given when reading a file hit a bug in
// Parallax (a recovered panic). It is never a user's fault.
const ReasonInternal = "internal error while reading (please report this)"

// testHook, when set by a test, is called before a file's bytes are
// decoded; tests use it to check that a panic becomes a Problem.
var testHook func(name string)

func (o Options) max() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// File reads one file into a Source (Text decoded; no paragraphs yet). The
// error is a *data.Problem naming the file with a one-line reason.
//
// The file is opened read-only, its size is checked before it is read, and
// it is read through a limit so a file that grows meanwhile is never read
// whole. File never panics: a bug in a parser is reported as a Problem.
func File(path string, opt Options) (src *data.Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, &data.Problem{Path: path, Reason: ReasonInternal}
		}
	}()
	b, p := readFile(path, opt.max())
	if p != nil {
		return nil, p
	}
	base := filepath.Base(path)
	if testHook != nil {
		testHook(path)
	}
	s, p := decodeDocument(base, b, opt.max())
	if p != nil {
		p.Path = path
		return nil, p
	}
	s.Path = path
	return s, nil
}

// Bytes makes a Source of b as if it were a file called name: pasted text,
// a fetched page, a dropped attachment. The name's extension chooses the
// format ("page.html", "notes.docx"); without a known one the content is
// sniffed. Source.Path stays empty. Errors are *data.Problem with Path = name.
func Bytes(name string, b []byte, opt Options) (src *data.Source, err error) {
	if name == "" {
		name = "pasted"
	}
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, &data.Problem{Path: name, Reason: ReasonInternal}
		}
	}()
	if int64(len(b)) > opt.max() {
		return nil, &data.Problem{Path: name, Reason: tooLarge(int64(len(b)), opt.max())}
	}
	if len(b) == 0 {
		return nil, &data.Problem{Path: name, Reason: "empty file"}
	}
	if testHook != nil {
		testHook(name)
	}
	s, p := decodeDocument(name, b, opt.max())
	if p != nil {
		p.Path = name
		return nil, p
	}
	return s, nil
}

// Text makes a Source of text that is already a string, such as text pasted
// from the clipboard: line ends, control characters and Unicode form are
// normalised as for files (invalid UTF-8 becomes U+FFFD). Format is "paste".
// Unlike Bytes it never refuses the text, even when it is empty.
func Text(name, text string) *data.Source {
	if name == "" {
		name = "pasted"
	}
	return &data.Source{
		ID:       idOf(name),
		Name:     name,
		Format:   "paste",
		Encoding: "utf-8",
		Text:     normalize(text),
	}
}

// readFile checks path and reads it whole, up to max bytes.
func readFile(path string, max int64) ([]byte, *data.Problem) {
	prob := func(reason string) ([]byte, *data.Problem) {
		return nil, &data.Problem{Path: path, Reason: reason}
	}
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if _, lerr := os.Lstat(path); lerr == nil {
				return prob("broken symbolic link")
			}
		}
		return prob(osReason(err))
	}
	if fi.IsDir() {
		return prob("is a directory")
	}
	if !fi.Mode().IsRegular() {
		return prob("not a regular file")
	}
	if fi.Size() > max {
		return prob(tooLarge(fi.Size(), max))
	}
	f, err := os.Open(path) // read-only
	if err != nil {
		return prob(osReason(err))
	}
	defer f.Close()
	// The path may have changed between Stat and Open.
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return prob("not a regular file")
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return prob(osReason(err))
	}
	if int64(len(b)) > max {
		return prob(fmt.Sprintf("too large (more than %s, the limit; see --max-size)", size(max)))
	}
	if len(b) == 0 {
		return prob("empty file")
	}
	return b, nil
}

// osReason turns an error from the file system into a short reason.
func osReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, syscall.ELOOP):
		return "symbolic link loop"
	case errors.Is(err, syscall.EISDIR):
		return "is a directory"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "file name too long"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := strings.ToLower(strings.ReplaceAll(err.Error(), "\n", " "))
	return "cannot read: " + msg
}

func tooLarge(n, max int64) string {
	return fmt.Sprintf("too large (%s; the limit is %s, see --max-size)", size(n), size(max))
}

// size formats a byte count the way the reasons show it: "212 MB", "1.5 MB", "3 KB".
func size(n int64) string {
	const mb = 1 << 20
	switch {
	case n >= 100*mb:
		return fmt.Sprintf("%d MB", (n+mb/2)/mb)
	case n >= mb:
		s := fmt.Sprintf("%.1f", float64(n)/mb)
		return strings.TrimSuffix(s, ".0") + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// idOf is a file name without its extension. Only what looks like an
// extension is removed (up to 8 letters and digits, at least one letter),
// so "Dr. Smith" and "report 21.11.2026" stay whole.
func idOf(name string) string {
	base := name
	if i := strings.LastIndexAny(base, `/\`); i >= 0 && i < len(base)-1 {
		base = base[i+1:]
	}
	id := base
	if ext := filepath.Ext(base); isExt(ext) && len(ext) < len(base) {
		id = strings.TrimSuffix(base, ext)
	}
	if strings.TrimSpace(id) == "" {
		id = "source"
	}
	return id
}

func isExt(ext string) bool {
	if len(ext) < 2 || len(ext) > 9 {
		return false
	}
	letter := false
	for _, c := range ext[1:] {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letter
}

// UniqueIDs makes the IDs of srcs unique in place ("a", "a-2", "a-3"), keeping the first as it is.
func UniqueIDs(srcs []*data.Source) {
	seen := map[string]bool{}
	for _, s := range srcs {
		id := s.ID
		for n := 2; seen[id]; n++ {
			id = s.ID + "-" + itoa(n)
		}
		seen[id] = true
		if s.ID != id { // sources already unique are only read: other work may share them
			s.ID = id
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
