package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestMeter(t *testing.T) {
	var buf bytes.Buffer
	m := newMeter(&env{stderr: &buf}, false, 1000)
	m.tick(10, 100)
	assert.Empty(t, buf.String(), "silent when standard error is not a terminal")

	m = &meter{w: &buf, on: true, total: 1000, start: time.Now().Add(-2 * time.Second)}
	m.tick(500, 250)
	out := buf.String()
	assert.Contains(t, out, "500 records")
	assert.Contains(t, out, "records/s")
	assert.Contains(t, out, "25%")
	assert.Contains(t, out, "left")
	m.tick(600, 300)
	assert.Equal(t, out, buf.String(), "at most two updates a second")
	m.done()
	assert.True(t, strings.HasSuffix(buf.String(), "\r\033[K"), "the line is cleared at the end")
}
