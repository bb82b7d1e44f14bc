package align

import "fmt"

// SetParam sets a tunable by name for parameter sweeps in tests; it returns
// a function restoring the old value.
func SetParam(name string, v float64) func() {
	switch name {
	case "minLink":
		old := minLink
		minLink = float32(v)
		return func() { minLink = old }
	case "contextWeight":
		old := contextWeight
		contextWeight = float32(v)
		return func() { contextWeight = old }
	case "mutualBonus":
		old := mutualBonus
		mutualBonus = float32(v)
		return func() { mutualBonus = old }
	case "maxRun":
		old := maxRun
		maxRun = int32(v)
		return func() { maxRun = old }
	case "candidatesPer":
		old := candidatesPer
		candidatesPer = int(v)
		return func() { candidatesPer = old }
	case "weakLink":
		old := weakLink
		weakLink = float32(v)
		return func() { weakLink = old }
	case "attachMin":
		old := attachMin
		attachMin = float32(v)
		return func() { attachMin = old }
	case "attachOrder":
		old := attachOrder
		attachOrder = float32(v)
		return func() { attachOrder = old }
	case "sandwichMin":
		old := sandwichMin
		sandwichMin = float32(v)
		return func() { sandwichMin = old }
	case "maxPartners":
		old := maxPartners
		maxPartners = int(v)
		return func() { maxPartners = old }
	case "boostNumber":
		old := boostNumber
		boostNumber = v
		return func() { boostNumber = old }
	case "boostName":
		old := boostName
		boostName = v
		return func() { boostName = old }
	case "mergeMin":
		old := mergeMin
		mergeMin = float32(v)
		return func() { mergeMin = old }
	case "headingLinks":
		old := headingLinks
		headingLinks = v != 0
		return func() { headingLinks = old }
	case "stemLen":
		old := stemLen
		stemLen = int(v)
		return func() { stemLen = old }
	case "headingsFirst":
		old := headingsFirst
		headingsFirst = v != 0
		return func() { headingsFirst = old }
	case "boostApprox":
		old := boostApprox
		boostApprox = v
		return func() { boostApprox = old }
	case "approxStep":
		old := approxStep
		approxStep = v
		return func() { approxStep = old }
	case "headingRows":
		old := headingRows
		headingRows = v != 0
		return func() { headingRows = old }
	case "ctxCompete":
		old := ctxCompete
		ctxCompete = v != 0
		return func() { ctxCompete = old }
	case "competeShare":
		old := competeShare
		competeShare = float32(v)
		return func() { competeShare = old }
	case "ctxMinRaw":
		old := ctxMinRaw
		ctxMinRaw = float32(v)
		return func() { ctxMinRaw = old }
	case "strictSplits":
		old := strictSplits
		strictSplits = v != 0
		return func() { strictSplits = old }
	}
	panic(fmt.Sprintf("no parameter %q", name))
}
