package complication_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	c "github.com/openaesthetics/casebook/complication"
)

func TestFindingsSort(t *testing.T) {
	fs := c.Findings{
		{Pointer: "/events/10/term", Code: "enum", Level: c.LevelError},
		{Pointer: "/events/2/term", Code: "enum", Level: c.LevelError},
		{Pointer: "/events/2", Code: "required", Level: c.LevelError},
		{Pointer: "", Code: "syntax", Level: c.LevelError},
		{Pointer: "/events/2/term", Code: "enum", Level: c.LevelError},
		{Pointer: "/a~1b", Code: "type", Level: c.LevelWarning},
		{Pointer: "/events/2/onset", Code: "date_order", Level: c.LevelError},
	}
	fs.Sort()
	var got []string
	for _, f := range fs {
		got = append(got, f.Pointer+" "+string(f.Code))
	}
	assert.Equal(t, []string{
		" syntax",
		"/a~1b type",
		"/events/2 required",
		"/events/2/onset date_order",
		"/events/2/term enum",
		"/events/10/term enum",
	}, got, "document order, numeric indices, duplicates removed")
}

func TestFindingsCounts(t *testing.T) {
	fs := c.Findings{{Code: "a", Level: c.LevelError}, {Code: "b", Level: c.LevelWarning}, {Code: "c", Level: c.LevelWarning}}
	assert.Equal(t, 1, fs.Errors())
	assert.Equal(t, 2, fs.Warnings())
	assert.True(t, fs.Rejected())
	assert.True(t, fs.Has("b"))
	assert.False(t, fs.Has("d"))
	assert.False(t, fs[1:].Rejected())
	assert.NoError(t, fs[1:].Err())
}

func TestValidationError(t *testing.T) {
	fs := c.Findings{
		{Pointer: "/events/0/onset", Code: c.CodeDateOrder, Level: c.LevelError, Message: "m"},
		{Pointer: "/treatment/sites", Code: c.CodeMissingUnexplained, Level: c.LevelWarning, Message: "m"},
	}
	err := fmt.Errorf("clinic import: %w", fs.Err())
	var verr *c.ValidationError
	require.True(t, errors.As(err, &verr))
	assert.Len(t, verr.Findings, 2)
	assert.Contains(t, err.Error(), "/events/0/onset: date_order")
	fs = append(fs, c.Finding{Pointer: "/x", Code: "y", Level: c.LevelError})
	assert.Contains(t, fs.Err().Error(), "2 errors")
}

func TestFindingString(t *testing.T) {
	f := c.Finding{Pointer: "/events/0/onset", Line: 12, Code: c.CodeDateOrder, Level: c.LevelError, Message: "onset must not be before the treatment date"}
	assert.Equal(t, "line 12: /events/0/onset: date_order: onset must not be before the treatment date", f.String())
	w := c.Finding{Code: "syntax", Level: c.LevelWarning, Message: "m"}
	assert.Equal(t, "/: syntax: m (warning)", w.String())
}
