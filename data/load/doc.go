// Package load reads the files a user hands to Parallax and turns each into
// a data.Source whose Text is clean UTF-8: the text every offset in the
// engine refers to. It reads plain text, Markdown, HTML pages and Word
// documents, in any common encoding, and refuses everything else with a
// one-line reason.
//
// # Reading
//
// File checks the path with os.Stat before opening it: a missing path, a
// directory, a special file (a pipe or a device), a symbolic-link loop or a
// dangling link, and a file larger than the size limit are refused without
// reading a byte. The limit is Options.MaxBytes, DefaultMaxBytes (50 MiB)
// when zero; the command line sets it with --max-size (in MiB). The file is
// opened read-only and read through an io.LimitReader of limit+1 bytes, so a
// file that grows after the check is refused too, never read whole. Input
// files are never written. Bytes does the same for bytes in memory (pasted
// text, a fetched page) and Text for a string from the clipboard.
//
// # Formats
//
// The extension chooses the format: .txt/.text, .md/.markdown, .html/.htm/
// .xhtml, .mht/.mhtml (web archives: a browser's "save as single file")
// and .docx. Before that, the first bytes are compared with the
// signatures of binary formats a user may drop by mistake (PNG, JPEG, GIF,
// WebP, PDF, RTF, old Office files, zip, gzip, programs, audio and video),
// which are refused as "binary file (looks like PNG image)" and the like.
// Any zip is tried as a Word document, so a .docx saved under another name
// still loads; a .docx that is not one is "not a Word document". A file with
// an unknown or no extension is HTML when it starts like an HTML document
// (<!doctype html, <html, <head or <body, after comments) or like a page
// fragment (a tag, and a closing </p>, </div>... early on), and text
// otherwise. A file named .txt is always text, even when it holds tags.
//
// Plain text is kept as it is, apart from the normalisation below, so its
// offsets match the file. Markdown loses its markup (heading hashes, setext
// underlines, emphasis, link and image syntax, code fences, quote markers,
// table rules, escapes, front matter) but keeps its lines; headings get a
// block of their own and bullet items become "- " lines. HTML pages go through
// go-readability, which finds the article; its tree is then written as
// blocks separated by blank lines: the page title first, headings, paragraphs
// and captions each on their own, list items as "- " lines, <br> as a line
// break. Scripts, styles, frames, images, navigation, form controls and
// hidden elements give no text. When readability finds nothing that reads
// like prose (letters outside links), fails (a panic in it included), or
// the page has more than 100,000 tags, the page body is walked the same way
// without headers, footers and asides; if that fails too, the page is "no
// article text found". Pages nested deeper than 512 elements are refused by
// the HTML parser. Word documents are unzipped with archive/zip and
// word/document.xml (or the main part the package relationships name) is
// streamed through encoding/xml: each paragraph is a block, runs' text is
// joined, tabs and breaks kept, deleted text, field codes and fallback
// copies of text boxes left out; paragraphs whose style (or outline level)
// makes them headings stand alone, numbered paragraphs become "- " lines.
// The title comes from docProps/core.xml. Every part is unpacked through
// the same size limit, so a zip bomb is refused. A web archive is a MIME
// message (net/textproto, mime/multipart): its first text/html part is
// decoded from quoted-printable or base64, in the charset the part
// declares, and read like an HTML page.
//
// # Encodings
//
// A byte order mark decides first (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
// Without one, UTF-16 is recognised by its NUL bytes: ASCII text in UTF-16
// has a zero in every other byte. Bytes that are not 8-bit text (too many
// control bytes) are also tried as UTF-16 in both byte orders, which finds
// Chinese, Japanese or Korean UTF-16 without a byte order mark. An HTML
// page's <meta charset> (or XML declaration) is honoured next. Then valid
// UTF-8 is UTF-8. Invalid UTF-8 in which valid multi-byte sequences
// outnumber the invalid bytes is UTF-8 with some legacy text pasted in
// ("utf-8+windows-1252": the stray bytes are read as Windows-1252).
// Anything else is a legacy encoding. A statistical detector (ICU's, via
// github.com/gogs/chardet) names non-Western ones it is sure of: Cyrillic
// (Windows-1251, KOI8-R), Central European (Windows-1250), Greek, Chinese
// (GB18030, Big5), Japanese (Shift_JIS, EUC-JP), Korean (EUC-KR) and more.
// Otherwise the text is Western: Windows-1252 when bytes 0x80-0x9F (curly
// quotes, dashes, the euro sign) occur, Latin-1 otherwise.
// Source.Encoding names the choice: "utf-8", "utf-8-bom", "utf-16le",
// "windows-1252", "iso-8859-1"... Data with more than 5% control bytes that
// is not UTF-16 either is a "binary file"; text that decodes to more than
// 10% replacement or control characters is "invalid text encoding".
//
// Decoded text is normalised: CRLF, lone CR, NEL, U+2028, U+2029, vertical
// tab and form feed become "\n"; NUL and other C0 and C1 control characters
// but tab are removed, as are stray byte order marks; the result is Unicode
// NFC. Non-breaking spaces stay: they are text. A text with nothing but
// white space is "only whitespace".
//
// # Problems
//
// Every refusal is a *data.Problem holding the path as given and a short
// lower-case reason, so a caller can print "path: reason" and go on with
// the other files. A panic in any parser is recovered and reported as
// ReasonInternal rather than crashing the program.
package load
