package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/typedtree"
)

// compiled holds the schemas compiled from the embedded documents. They are
// immutable after compilation, and jsonschema's Schema.Validate is safe for
// concurrent use, so every Validator shares one set.
type compiled struct {
	shapes map[Shape]*jsonschema.Schema
	fast   map[Shape]*fastNode // the fast path; see fastpath.go
	plans  map[Shape]*fastPlan // the fast decoder; see fastdecode.go
	trees  *typedtree.Codec    // fill record types from parsed documents
	docs   map[string]any      // decoded documents by $id, for reading keywords
}

var compileOnce = sync.OnceValues(compile)

func compile() (*compiled, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.Formats["partial-date"] = isPartialDate
	c.Formats["nhs-number"] = isNHSNumber
	// Only the embedded documents may be loaded: never the file system or
	// the network, whatever a $ref says.
	c.LoadURL = refuseLoad
	out := &compiled{shapes: map[Shape]*jsonschema.Schema{}, docs: map[string]any{}}
	for _, name := range Names() {
		raw, _ := Document(name)
		var doc any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			return nil, fmt.Errorf("schema: embedded %s: %w", name, err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if id != BaseURL+name {
			return nil, fmt.Errorf("schema: embedded %s has $id %q, want %q", name, id, BaseURL+name)
		}
		out.docs[id] = doc
		if err := c.AddResource(id, bytes.NewReader(raw)); err != nil {
			return nil, fmt.Errorf("schema: embedded %s: %w", name, err)
		}
	}
	for _, s := range Shapes() {
		sch, err := c.Compile(s.ID())
		if err != nil {
			return nil, fmt.Errorf("schema: compile %s: %w", s, err)
		}
		out.shapes[s] = sch
	}
	fast, err := compileFast(out.docs, fastFormats())
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	out.fast = fast
	if out.plans, err = compileFastDecoders(fast); err != nil {
		return nil, err
	}
	out.trees = typedtree.New(typedtree.Options{}, reflect.TypeFor[complication.Report](), reflect.TypeFor[complication.Complaint]())
	return out, nil
}

// refuseLoad is the compiler's loader: every embedded document is added as
// a resource before compiling, so any load request is for something else.
func refuseLoad(u string) (io.ReadCloser, error) {
	return nil, fmt.Errorf("schema: refusing to load %s: not an embedded casebook schema", u)
}

func isPartialDate(v any) bool {
	s, ok := v.(string)
	if !ok {
		return true // format applies to strings only
	}
	_, err := complication.ParsePartialDate(s)
	return err == nil
}

func isNHSNumber(v any) bool {
	s, ok := v.(string)
	if !ok {
		return true
	}
	return complication.ValidNHSNumber(s)
}

// keywordNode returns the schema object that holds the keyword at an
// absolute keyword location such as
// "https://…/defs.schema.json#/$defs/patient/required", and the keyword.
func (c *compiled) keywordNode(absLoc string) (node map[string]any, keyword string, err error) {
	id, frag, _ := strings.Cut(absLoc, "#")
	doc, ok := c.docs[id]
	if !ok {
		return nil, "", errors.New("unknown schema document")
	}
	tokens := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	if len(tokens) == 0 || frag == "" {
		return nil, "", errors.New("empty keyword location")
	}
	keyword = tokens[len(tokens)-1]
	cur := doc
	for _, t := range tokens[:len(tokens)-1] {
		t = strings.NewReplacer("~1", "/", "~0", "~").Replace(t)
		switch v := cur.(type) {
		case map[string]any:
			cur = v[t]
		case []any:
			var i int
			if _, err := fmt.Sscan(t, &i); err != nil || i < 0 || i >= len(v) {
				return nil, "", errors.New("bad keyword location")
			}
			cur = v[i]
		default:
			return nil, "", errors.New("bad keyword location")
		}
	}
	node, ok = cur.(map[string]any)
	if !ok {
		return nil, "", errors.New("keyword location is not in an object schema")
	}
	return node, keyword, nil
}
