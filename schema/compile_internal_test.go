package schema

import (
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompilerRefusesOtherDocuments checks the loader: a schema that
// refers to anything but an embedded document does not compile.
func TestCompilerRefusesOtherDocuments(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.LoadURL = refuseLoad
	for _, ref := range []string{"https://example.com/evil.schema.json", "file:///etc/passwd", "other.schema.json"} {
		doc := `{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://openaesthetics.github.io/casebook/schema/v1/probe.json", "$ref": "` + ref + `"}`
		require.NoError(t, c.AddResource("https://openaesthetics.github.io/casebook/schema/v1/probe.json", strings.NewReader(doc)))
		_, err := c.Compile("https://openaesthetics.github.io/casebook/schema/v1/probe.json")
		require.Error(t, err, ref)
		assert.Contains(t, err.Error(), "refusing to load")
		c = jsonschema.NewCompiler()
		c.LoadURL = refuseLoad
	}
	_, err := refuseLoad("https://example.com/x")
	assert.Error(t, err)
}

func TestCompileOnce(t *testing.T) {
	a, err := compileOnce()
	require.NoError(t, err)
	b, err := compileOnce()
	require.NoError(t, err)
	assert.Same(t, a, b, "schemas are compiled once per process")
	for _, s := range Shapes() {
		assert.NotNil(t, a.shapes[s], s)
	}
}
