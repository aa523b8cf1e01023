package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// output is where a subcommand writes its result: standard output, or a
// file written atomically, so that a failed run never leaves a
// half-written file in place of a good one.
type output struct {
	io.Writer
	tmp  *os.File
	path string
}

// openOutput opens path for writing, or standard output for "" and "-".
func openOutput(e *env, path string) (*output, error) {
	if path == "" || path == "-" {
		return &output{Writer: e.stdout}, nil
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &output{Writer: tmp, tmp: tmp, path: path}, nil
}

// commit puts a file output in place; for standard output it does
// nothing.
func (o *output) commit() error {
	if o.tmp == nil {
		return nil
	}
	tmp := o.tmp
	o.tmp = nil
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), o.path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// abort discards a file output that was not committed. It is safe to call
// after commit.
func (o *output) abort() {
	if o.tmp != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
		o.tmp = nil
	}
}

// marker names the file casebook leaves in every directory it writes, so
// that it replaces only directories it made itself.
const marker = ".casebook-output"

// outputDir is a directory written atomically: files go into a temporary
// directory beside the target, which replaces the target on commit.
type outputDir struct {
	tmp, path string
}

// openOutputDir prepares to write the directory path. An existing path
// must be empty or a directory casebook wrote before; anything else is
// refused rather than overwritten.
func openOutputDir(path string) (*outputDir, error) {
	if path == "" {
		return nil, fmt.Errorf("an output directory is required (-o DIR)")
	}
	if entries, err := os.ReadDir(path); err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(path, marker)); err != nil {
			return nil, fmt.Errorf("%s exists and was not written by casebook; choose another directory", path)
		}
	} else if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	parent := filepath.Dir(filepath.Clean(path))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, err
	}
	// MkdirTemp makes the directory private; the result is an ordinary
	// output directory.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, marker), []byte("written by casebook; safe to delete\n"), 0o644); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &outputDir{tmp: tmp, path: path}, nil
}

// file returns the temporary path of a file in the directory.
func (d *outputDir) file(name string) string { return filepath.Join(d.tmp, name) }

// commit replaces the target directory with the new one.
func (d *outputDir) commit() error {
	if d.tmp == "" {
		return nil
	}
	old := ""
	if _, err := os.Stat(d.path); err == nil {
		old = d.path + ".old-" + filepath.Base(d.tmp)
		if err := os.Rename(d.path, old); err != nil {
			return err
		}
	}
	if err := os.Rename(d.tmp, d.path); err != nil {
		if old != "" {
			os.Rename(old, d.path)
		}
		return err
	}
	d.tmp = ""
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// abort removes the temporary directory if it was not committed.
func (d *outputDir) abort() {
	if d.tmp != "" {
		os.RemoveAll(d.tmp)
		d.tmp = ""
	}
}
