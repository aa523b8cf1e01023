package anonymize

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
	"github.com/openaesthetics/casebook/internal/typedtree"
)

// KReport is the result of making a batch k-anonymous: the risk before and
// after, and what it cost. It holds counts only.
type KReport struct {
	K                int      `json:"k"`
	QuasiIdentifiers []string `json:"quasi_identifiers"`
	Sensitive        string   `json:"sensitive"`
	Before           KStats   `json:"before"`
	After            KStats   `json:"after"`
	// ValuesSuppressed counts quasi-identifier values removed (or, for
	// dates, generalised to the year) by local suppression.
	ValuesSuppressed int `json:"values_suppressed"`
	// RecordsWithheld counts records left out because no suppression of
	// their values put them in a class of at least K.
	RecordsWithheld int `json:"records_withheld"`
}

// KStats describes the equivalence classes of a batch over the
// quasi-identifiers.
type KStats struct {
	Records       int `json:"records"`
	Classes       int `json:"classes"`
	MinClassSize  int `json:"min_class_size"`  // the batch's k
	RecordsBelowK int `json:"records_below_k"` // records in classes smaller than K
	SampleUniques int `json:"sample_uniques"`  // records alone in their class
	// MinDiversity is the smallest number of distinct sensitive values
	// (complication terms) in any class: the batch's ℓ.
	MinDiversity int `json:"min_diversity"`
	// ClassesBelow2 counts classes whose records all share one sensitive
	// value, so membership alone discloses it.
	ClassesBelow2 int `json:"classes_below_diversity_2"`
}

// Summary returns the report as readable lines.
func (k *KReport) Summary() string {
	return fmt.Sprintf("k-anonymity: target k=%d over %s\n"+
		"  before: %d records, %d classes, smallest %d, %d records below k, %d unique; l-diversity of %s: min %d, %d classes below 2\n"+
		"  after:  %d records, %d classes, smallest %d, %d records below k, %d unique; l-diversity: min %d, %d classes below 2\n"+
		"  cost: %d values suppressed, %d records withheld\n",
		k.K, strings.Join(k.QuasiIdentifiers, ", "),
		k.Before.Records, k.Before.Classes, k.Before.MinClassSize, k.Before.RecordsBelowK, k.Before.SampleUniques, k.Sensitive, k.Before.MinDiversity, k.Before.ClassesBelow2,
		k.After.Records, k.After.Classes, k.After.MinClassSize, k.After.RecordsBelowK, k.After.SampleUniques, k.After.MinDiversity, k.After.ClassesBelow2,
		k.ValuesSuppressed, k.RecordsWithheld)
}

// SuppressionError reports that reaching K would withhold more records
// than the policy allows. The batch stops for a human decision.
type SuppressionError struct {
	Withheld, Records int
	Max               float64
}

func (e *SuppressionError) Error() string {
	return fmt.Sprintf("anonymize: reaching k would withhold %d of %d records, more than the policy's %.1f%%", e.Withheld, e.Records, 100*e.Max)
}

// ErrNoKAnonymity is returned when the policy sets no k-anonymity target.
var ErrNoKAnonymity = errors.New("anonymize: the policy sets no k-anonymity target")

// KAnonymizer makes a batch of de-identified records k-anonymous in two
// passes, holding only each record's quasi-identifier values (not the
// records) in between: [KAnonymizer.Observe] every record, then
// [KAnonymizer.Plan], then [Plan.Apply] to every record in the same order.
// It is not safe for concurrent use.
type KAnonymizer struct {
	cfg  KAnonymity
	rows []row
	// fixed marks quasi-identifiers that cannot be suppressed: required
	// fields that are not dates (a date can still go to its year). A
	// record must keep them to stay a valid submission.
	fixed []bool
	trees *typedtree.Codec
}

type row struct {
	qi        []string // published value per quasi-identifier; "" absent
	sensitive []string
}

// KAnonymizer returns a KAnonymizer for the policy's target.
func (a *Anonymizer) KAnonymizer() (*KAnonymizer, error) {
	if a.policy.KAnonymity == nil {
		return nil, ErrNoKAnonymity
	}
	k := &KAnonymizer{cfg: *a.Policy().KAnonymity, trees: a.trees}
	k.fixed = make([]bool, len(k.cfg.QuasiIdentifiers))
	for i, p := range k.cfg.QuasiIdentifiers {
		f := a.report.fields[p]
		k.fixed[i] = f.Required && f.Kind != complication.KindPartialDate
	}
	return k, nil
}

// Observe records a de-identified record's quasi-identifiers and
// sensitive values. Records are numbered from 0 in the order observed.
func (k *KAnonymizer) Observe(r *complication.Report) error {
	tree, err := toTree(k.trees, r, nil)
	if err != nil {
		return err
	}
	rw := row{qi: make([]string, len(k.cfg.QuasiIdentifiers))}
	for i, p := range k.cfg.QuasiIdentifiers {
		rw.qi[i] = classValue(values(tree, p))
	}
	rw.sensitive = values(tree, k.cfg.Sensitive)
	slices.Sort(rw.sensitive)
	rw.sensitive = slices.Compact(rw.sensitive)
	k.rows = append(k.rows, rw)
	return nil
}

// classValue is the value a quasi-identifier contributes to a class:
// dates count at month precision, multi-valued fields as their sorted set.
func classValue(vs []string) string {
	for i, v := range vs {
		if d, err := complication.ParsePartialDate(v); err == nil {
			vs[i] = d.Truncate(complication.PrecisionMonth).String()
		}
	}
	slices.Sort(vs)
	return strings.Join(vs, ";")
}

// values returns the string forms of every value at a pointer pattern.
func values(v any, pattern string) []string {
	tokens, err := jsonscan.Tokens(strings.ReplaceAll(pattern, "*", "\x00"))
	if err != nil {
		return nil
	}
	var out []string
	var walk func(v any, toks []string)
	walk = func(v any, toks []string) {
		if len(toks) == 0 {
			switch v := v.(type) {
			case nil:
			case map[string]any, []any:
			default:
				out = append(out, fmt.Sprint(v))
			}
			return
		}
		switch v := v.(type) {
		case map[string]any:
			walk(v[toks[0]], toks[1:])
		case []any:
			if toks[0] == "\x00" {
				for _, x := range v {
					walk(x, toks[1:])
				}
			}
		}
	}
	walk(v, tokens)
	return out
}

// Plan is the suppression a KAnonymizer decided on.
type Plan struct {
	suppress [][]bool // per record, per quasi-identifier
	withhold []bool
	cfg      KAnonymity
	report   KReport
	trees    *typedtree.Codec
}

// Plan decides the suppression: while some records sit in classes
// smaller than K, it suppresses, in those records only, the
// quasi-identifier with the most distinct values among them (local
// suppression, greedy). A required field that is not a date is never
// suppressed, since the record would no longer be a valid submission; a
// date is generalised to its year. Records still in too-small classes when nothing is
// left to suppress are withheld. If that withholds more than the policy's
// budget, Plan returns a [*SuppressionError].
func (k *KAnonymizer) Plan() (*Plan, error) {
	n, q := len(k.rows), len(k.cfg.QuasiIdentifiers)
	p := &Plan{suppress: make([][]bool, n), withhold: make([]bool, n), cfg: k.cfg, trees: k.trees}
	for i := range p.suppress {
		p.suppress[i] = make([]bool, q)
	}
	p.report = KReport{K: k.cfg.K, QuasiIdentifiers: slices.Clone(k.cfg.QuasiIdentifiers), Sensitive: k.cfg.Sensitive}
	p.report.Before = k.stats(p)
	for {
		small := k.smallRecords(p)
		if len(small) == 0 {
			break
		}
		best, bestDistinct := -1, 0
		for j := 0; j < q; j++ {
			if k.fixed[j] {
				continue
			}
			distinct := map[string]bool{}
			for _, i := range small {
				if !p.suppress[i][j] && k.rows[i].qi[j] != "" {
					distinct[k.rows[i].qi[j]] = true
				}
			}
			if len(distinct) > bestDistinct {
				best, bestDistinct = j, len(distinct)
			}
		}
		if best < 0 {
			for _, i := range small {
				p.withhold[i] = true
				p.report.RecordsWithheld++
			}
			break
		}
		for _, i := range small {
			if !p.suppress[i][best] && k.rows[i].qi[best] != "" {
				p.suppress[i][best] = true
				p.report.ValuesSuppressed++
			}
		}
	}
	p.report.After = k.stats(p)
	if n > 0 && float64(p.report.RecordsWithheld)/float64(n) > k.cfg.MaxSuppressed {
		return p, &SuppressionError{Withheld: p.report.RecordsWithheld, Records: n, Max: k.cfg.MaxSuppressed}
	}
	return p, nil
}

// key is a record's class under the plan so far.
func (k *KAnonymizer) key(p *Plan, i int) string {
	var b strings.Builder
	for j, v := range k.rows[i].qi {
		if p.suppress[i][j] {
			v = suppressedValue(v)
		}
		b.WriteString(v)
		b.WriteByte(0)
	}
	return b.String()
}

// suppressedValue is what a suppressed quasi-identifier publishes: a date
// keeps its year, anything else is removed.
func suppressedValue(v string) string {
	if d, err := complication.ParsePartialDate(v); err == nil {
		return d.Truncate(complication.PrecisionYear).String()
	}
	return ""
}

func (k *KAnonymizer) classes(p *Plan) map[string][]int {
	m := map[string][]int{}
	for i := range k.rows {
		if !p.withhold[i] {
			key := k.key(p, i)
			m[key] = append(m[key], i)
		}
	}
	return m
}

func (k *KAnonymizer) smallRecords(p *Plan) []int {
	var out []int
	for _, members := range k.classes(p) {
		if len(members) < k.cfg.K {
			out = append(out, members...)
		}
	}
	slices.Sort(out)
	return out
}

func (k *KAnonymizer) stats(p *Plan) KStats {
	var s KStats
	classes := k.classes(p)
	s.Classes = len(classes)
	s.MinDiversity = -1
	for _, key := range slices.Sorted(maps.Keys(classes)) {
		members := classes[key]
		s.Records += len(members)
		if s.MinClassSize == 0 || len(members) < s.MinClassSize {
			s.MinClassSize = len(members)
		}
		if len(members) < k.cfg.K {
			s.RecordsBelowK += len(members)
		}
		if len(members) == 1 {
			s.SampleUniques++
		}
		distinct := map[string]bool{}
		for _, i := range members {
			for _, v := range k.rows[i].sensitive {
				distinct[v] = true
			}
		}
		if s.MinDiversity < 0 || len(distinct) < s.MinDiversity {
			s.MinDiversity = len(distinct)
		}
		if len(distinct) < 2 {
			s.ClassesBelow2++
		}
	}
	if s.MinDiversity < 0 {
		s.MinDiversity = 0
	}
	return s
}

// Report returns the k-anonymity report of the plan.
func (p *Plan) Report() KReport {
	r := p.report
	r.QuasiIdentifiers = slices.Clone(r.QuasiIdentifiers)
	return r
}

// Apply carries out the plan on the i-th observed record (counting from
// 0), which must be the same record given to Observe. It suppresses the
// planned values in place and returns false if the record is to be
// withheld.
func (p *Plan) Apply(i int, r *complication.Report) (keep bool, err error) {
	if i < 0 || i >= len(p.suppress) {
		return false, fmt.Errorf("anonymize: record %d was not observed", i)
	}
	if p.withhold[i] {
		return false, nil
	}
	if !slices.Contains(p.suppress[i], true) {
		return true, nil
	}
	tree, err := toTree(p.trees, r, nil)
	if err != nil {
		return false, err
	}
	for j, ptr := range p.cfg.QuasiIdentifiers {
		if p.suppress[i][j] {
			suppressAt(tree, ptr)
		}
	}
	out := new(complication.Report)
	if err := fromTree(p.trees, tree, out); err != nil {
		return false, err
	}
	*r = *out
	return true, nil
}

// suppressAt removes the value at a pointer, or for a date generalises it
// to its year (required dates cannot be removed).
func suppressAt(tree map[string]any, ptr string) {
	tokens, err := jsonscan.Tokens(ptr)
	if err != nil || len(tokens) == 0 {
		return
	}
	cur := tree
	for _, t := range tokens[:len(tokens)-1] {
		next, ok := cur[t].(map[string]any)
		if !ok {
			return
		}
		cur = next
	}
	last := tokens[len(tokens)-1]
	if s, ok := cur[last].(string); ok {
		if d, err := complication.ParsePartialDate(s); err == nil {
			cur[last] = d.Truncate(complication.PrecisionYear).String()
			return
		}
	}
	delete(cur, last)
}

// KAnonymize makes an in-memory batch of de-identified records
// k-anonymous under the policy's target and returns the records kept (in
// order) and the report, which is also added to the audit. The records
// are modified in place.
func (a *Anonymizer) KAnonymize(records []*complication.Report) ([]*complication.Report, KReport, error) {
	k, err := a.KAnonymizer()
	if err != nil {
		return nil, KReport{}, err
	}
	for _, r := range records {
		if err := k.Observe(r); err != nil {
			return nil, KReport{}, err
		}
	}
	plan, err := k.Plan()
	if err != nil {
		return nil, plan.Report(), err
	}
	kept := make([]*complication.Report, 0, len(records))
	for i, r := range records {
		ok, err := plan.Apply(i, r)
		if err != nil {
			return nil, plan.Report(), err
		}
		if ok {
			kept = append(kept, r)
		}
	}
	a.RecordKAnonymity(plan.Report())
	return kept, plan.Report(), nil
}

// RecordKAnonymity adds a k-anonymity report to the audit, for callers
// that run the two passes themselves.
func (a *Anonymizer) RecordKAnonymity(r KReport) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.audit.KAnonymity = &r
}
