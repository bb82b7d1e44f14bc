package facts

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var dateCases = []struct {
	name     string
	sentence string
	text     string
	kind     string
	value    float64
	rel      string
	display  string
}{
	{"abbreviated month", "It happened on Nov. 12.", "on Nov. 12", "date", 1112, "in", "12 Nov"},
	{"day first", "It happened on 12 November.", "on 12 November", "date", 1112, "in", "12 Nov"},
	{"day first with year", "It happened on 12 November 2025.", "on 12 November 2025", "date", 20251112, "in", "12 Nov 2025"},
	{"month first with year", "It happened on November 12, 2025.", "on November 12, 2025", "date", 20251112, "in", "12 Nov 2025"},
	{"ordinal day", "It happened on the 12th of November.", "12th of November", "date", 1112, "", "12 Nov"},
	{"ISO", "Filed 2025-11-12 in court.", "2025-11-12", "date", 20251112, "", "12 Nov 2025"},
	{"slashes day first", "Filed 12/11/2025 in court.", "12/11/2025", "date", 20251112, "", "12 Nov 2025"},
	{"slashes month first", "Filed 11/13/2025 in court.", "11/13/2025", "date", 20251113, "", "13 Nov 2025"},
	{"dotted", "Filed 12.11.2025 in court.", "12.11.2025", "date", 20251112, "", "12 Nov 2025"},
	{"month and year", "Since June 2025 it grew.", "Since June 2025", "date", 20250600, "since", "June 2025"},
	{"month since", "Deaths counted since August.", "since August", "month", 8, "since", "August"},
	{"month in", "In October, sanctions came.", "In October", "month", 10, "in", "October"},
	{"month mid", "It ends mid-August.", "mid-August", "month", 8, "in", "August"},
	{"May with time word", "It ends in May.", "in May", "month", 5, "in", "May"},
	{"weekday on", "He spoke on Tuesday.", "on Tuesday", "weekday", 2, "in", "Tuesday"},
	{"weekday bare", "He announced Tuesday that he would go.", "Tuesday", "weekday", 2, "", "Tuesday"},
	{"year in", "It was built in 1994.", "in 1994", "year", 1994, "in", "1994"},
	{"year since", "The worst since 2008.", "since 2008", "year", 2008, "since", "2008"},
	{"time a.m.", "It struck at 3:40 a.m.", "3:40 a.m.", "time", 340, "", "03:40"},
	{"time 24h", "It struck at 03:40 local time.", "03:40", "time", 340, "", "03:40"},
	{"time dotted glued", "It struck at 3.40am.", "3.40am", "time", 340, "", "03:40"},
	{"time pm", "It struck at 11:14 p.m. on Friday.", "11:14 p.m.", "time", 2314, "", "23:14"},
	{"time hour pm", "Doors open at 3pm.", "3pm", "time", 1500, "", "15:00"},
	{"time spaced pm", "Doors open at 3 p.m. sharp.", "3 p.m.", "time", 1500, "", "15:00"},
	{"midnight", "The wall fell shortly after midnight.", "shortly after midnight", "time", 0, "", "after 00:00"},
	{"around a time", "It gave way at about 2 a.m.", "about 2 a.m.", "time", 200, "", "about 02:00"},
	{"time 24h evening", "The fire broke out at 14:30 on Sunday.", "14:30", "time", 1430, "", "14:30"},
}

func TestDates(t *testing.T) {
	for _, c := range dateCases {
		t.Run(c.name, func(t *testing.T) {
			ns := Extract(c.sentence, 0)
			n, ok := mentionWith(ns, c.text)
			require.True(t, ok, "no mention %q in %q; got %v", c.text, c.sentence, texts(ns))
			assert.Equal(t, c.text, n.Text)
			assert.Equal(t, c.kind, n.Kind)
			assert.Equal(t, c.value, n.Value)
			assert.Equal(t, c.rel, n.Rel)
			assert.Equal(t, c.display, n.Display)
		})
	}
}

// Words that look like months or times but are not.
func TestDatesNothing(t *testing.T) {
	for _, s := range []string{
		"They may march later.",
		"April Ryan asked a question.",
		"The score was 3:99 at one point.",
	} {
		for _, n := range Extract(s, 0) {
			assert.NotContains(t, []string{"month", "date", "time"}, n.Kind, "%q: %q", s, n.Text)
		}
	}
}

func FuzzDates(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.sentence)
	}
	f.Add("32/13/2025 2025-13-45 99:99 0:00 a.m. Sept 31 May 0")
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range Extract(s, 0) {
			switch n.Kind {
			case "month":
				if n.Value < 1 || n.Value > 12 {
					t.Fatalf("%q: month %v", s, n.Value)
				}
			case "weekday":
				if n.Value < 1 || n.Value > 7 {
					t.Fatalf("%q: weekday %v", s, n.Value)
				}
			case "time":
				if n.Value < 0 || n.Value >= 2400 || int(n.Value)%100 >= 60 {
					t.Fatalf("%q: time %v", s, n.Value)
				}
			case "date":
				v := int(n.Value)
				if m := v / 100 % 100; m < 1 || m > 12 || v%100 > 31 {
					t.Fatalf("%q: date %v", s, n.Value)
				}
			}
		}
	})
}
