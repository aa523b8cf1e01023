package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/openaesthetics/casebook/schema"
)

// shapeFlag parses --shape: a shape name, or auto.
func shapeFlag(s string) (schema.Shape, bool) {
	if s == "" || s == "auto" {
		return "", true
	}
	sh := schema.Shape(s)
	return sh, sh.Valid()
}

func shapeNames() string {
	var names []string
	for _, s := range schema.Shapes() {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}

func runValidate(e *env, args []string) int {
	fs := newFlags(e, "validate")
	format := fs.String("format", "text", "text (file:line: /pointer: code: message) or json (one object per finding)")
	strict := fs.Bool("strict", false, "treat warnings as failures (exit status 1)")
	shapeName := fs.String("shape", "auto", "the records' shape: auto (detect each record), "+shapeNames())
	quiet := fs.Bool("quiet", false, "no progress and no summary")
	maxRecords := maxRecordsFlag(fs)
	workers := workersFlag(fs)
	files, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if code, ok := e.checkWorkers(*workers); !ok {
		return code
	}
	if len(files) == 0 {
		fs.Usage()
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		return e.failf("--format must be text or json")
	}
	shape, ok := shapeFlag(*shapeName)
	if !ok {
		return e.failf("--shape must be auto or one of %s", shapeNames())
	}
	v, err := schema.New(schema.Options{})
	if err != nil {
		return e.failf("%v", err)
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	m := newMeter(e, *quiet, 0)
	rd := &reader{e: e, v: v, shape: shape, meter: m, maxRecords: *maxRecords, workers: *workers}
	var read, accepted, rejected, warnings int
	enc := json.NewEncoder(out)
	err = rd.each(files, func(r *record) error {
		read++
		if r.accepted() {
			accepted++
		} else {
			rejected++
		}
		warnings += r.findings.Warnings()
		for _, f := range r.findings {
			line := f.Line
			if line == 0 {
				line = r.line
			}
			if *format == "json" {
				if err := enc.Encode(map[string]any{
					"file": r.file, "record": r.index, "line": line, "shape": r.shape,
					"pointer": f.Pointer, "code": f.Code, "level": f.Level, "message": f.Message,
				}); err != nil {
					return err
				}
				continue
			}
			ptr := f.Pointer
			if ptr == "" {
				ptr = "/"
			}
			suffix := ""
			if f.Level != "error" {
				suffix = " (" + string(f.Level) + ")"
			}
			if _, err := fmt.Fprintf(out, "%s:%d: %s: %s: %s%s\n", r.file, line, ptr, f.Code, f.Message, suffix); err != nil {
				return err
			}
		}
		return nil
	})
	m.done()
	if err != nil {
		out.Flush()
		return e.failf("%v", err)
	}
	if err := out.Flush(); err != nil {
		return e.failf("writing findings: %v", err)
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "read %d, accepted %d, rejected %d, warnings %d\n", read, accepted, rejected, warnings)
	}
	switch {
	case rejected > 0:
		return exitRejected
	case *strict && warnings > 0:
		return exitRejected
	}
	return exitOK
}
