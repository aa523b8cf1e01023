package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// meter reports progress on standard error while a long run goes on:
// records read, records per second, and a percentage and estimate when the
// input's size is known. It is silent unless standard error is a terminal,
// and with --quiet.
type meter struct {
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	total   int64 // bytes of input, 0 if unknown
	printed bool
}

func newMeter(e *env, quiet bool, total int64) *meter {
	m := &meter{w: e.stderr, total: total, start: time.Now()}
	if f, ok := e.stderr.(*os.File); ok && !quiet {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			m.on = true
		}
	}
	return m
}

// tick notes progress: records so far and bytes of input consumed.
func (m *meter) tick(records int, consumed int64) {
	if !m.on {
		return
	}
	now := time.Now()
	if now.Sub(m.last) < 500*time.Millisecond {
		return
	}
	m.last = now
	elapsed := now.Sub(m.start).Seconds()
	rate := float64(records) / max(elapsed, 1e-9)
	line := fmt.Sprintf("%d records, %.0f records/s", records, rate)
	if m.total > 0 && consumed > 0 {
		frac := float64(consumed) / float64(m.total)
		eta := time.Duration(elapsed*(1-frac)/max(frac, 1e-9)) * time.Second
		line += fmt.Sprintf(", %.0f%%, about %s left", 100*frac, eta.Round(time.Second))
	}
	fmt.Fprintf(m.w, "\r\033[K%s", line)
	m.printed = true
}

// done clears the progress line.
func (m *meter) done() {
	if m.printed {
		fmt.Fprint(m.w, "\r\033[K")
	}
}
