package facts

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var verdictCases = []struct {
	a, b string
	want Verdict
}{
	{"at least 75 people", "75+ people", Agree},
	{"at least 75 people", "at least 75 people", Agree},
	{"nearly 70 people", "at least 75 people", Disagree},
	{"at least 75 people", "76 people", Compatible},
	{"at least 75 people", "75 people", Compatible},
	{"75 people", "76 people", Disagree},
	{"at least 1,020 people", "at least 980 people", Disagree},
	{"about 70 people", "72 people", Compatible},
	{"about 300,000 people", "roughly 300,000 people", Agree},
	{"more than 3,000 people", "over 3,000 people", Agree},
	{"up to 40 boats", "50 boats", Disagree},
	{"dozens of people", "75 people", Compatible},
	{"dozens of people", "5 people", Compatible},
	{"10 to 12 people", "11 people", Compatible},
	{"10 to 12 people", "15 people", Disagree},
	{"two days", "48 hours", Agree},
	{"210 mm", "21 cm", Agree},
	{"$1.2bn", "1,200 million dollars", Agree},
	{"$2.5 million", "$2,500,000", Agree},
	{"$2.5 million", "$2.47 million", Compatible},
	{"$85,000", "$850,000", Disagree},
	{"75 basis points", "0.75 percentage points", Agree},
	{"9.25%", "9.25 per cent", Agree},
	{"9.25%", "9.5%", Disagree},
	{"since August", "since August", Agree},
	{"since August", "since September", Disagree},
	{"on Tuesday", "on Tuesday", Agree},
	{"on Tuesday", "on Wednesday", Disagree},
	{"3:40 a.m.", "03:40", Agree},
	{"3:40 a.m.", "4:10 a.m.", Disagree},
	{"Nov. 12", "12 November 2025", Compatible},
	{"November 12, 2025", "2025-11-12", Agree},
	{"November 12, 2025", "November 13, 2025", Disagree},
	{"in 2025", "in 2025", Agree},
	{"45,000 fans", "44,812 fans", Compatible},
	{"12,000 soldiers", "10,000 soldiers", Disagree},
	{"1,200 jobs", "1,500 jobs", Disagree},
	{"1,234 cases", "1,243 cases", Disagree},
}

func claimFor(t *testing.T, s string) claim {
	t.Helper()
	ns := Extract(s, 0)
	require.Len(t, ns, 1, "%q: %v", s, texts(ns))
	return claimOf(ns[0])
}

func TestVerdicts(t *testing.T) {
	for _, c := range verdictCases {
		t.Run(c.a+" vs "+c.b, func(t *testing.T) {
			a, b := claimFor(t, c.a), claimFor(t, c.b)
			assert.Equal(t, c.want, compare(a, b))
			assert.Equal(t, c.want, compare(b, a), "symmetric")
		})
	}
}

// A fact's verdict, majority and outliers.
func TestFactVerdict(t *testing.T) {
	ms := func(texts ...string) []*mention {
		var out []*mention
		for i, s := range texts {
			n := Extract(s, 0)[0]
			n.Source, n.Sentence, n.Row = i, 0, 0
			out = append(out, &mention{Number: n, claim: claimOf(n)})
		}
		return out
	}
	w := &linker{w: map[string]float64{}}
	f := makeFact(ms("at least 75 people", "75+ people", "nearly 70 people", "at least 75 people"), w)
	assert.Equal(t, Disagree, f.Verdict)
	assert.Equal(t, "75+ people", f.Majority)
	var out []bool
	for _, m := range f.Mentions {
		out = append(out, m.Conflict)
	}
	assert.Equal(t, []bool{false, false, true, false}, out)

	f = makeFact(ms("eight warships", "8 warships"), w)
	assert.Equal(t, Agree, f.Verdict)
	assert.Equal(t, "warships", f.Label)

	f = makeFact(ms("at least 75 people", "76 people"), w)
	assert.Equal(t, Compatible, f.Verdict)

	one := ms("20 vessels")
	f = makeFact(one, w)
	assert.Equal(t, Single, f.Verdict)
}
