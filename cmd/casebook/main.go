// Command casebook validates, anonymises and exports complication and
// complaint records for non-surgical aesthetic treatments. It is a thin
// layer over the casebook packages: every behaviour lives in a package, and
// the command reads files, parses flags, reports progress and sets the exit
// status.
//
// Usage:
//
//	casebook validate  [--format text|json] [--strict] [--shape S] [--workers N] FILE...
//	casebook anonymize --key-file F [--key-id ID] [--profile registry|research] [-o OUT] [--audit FILE] [--workers N] FILE...
//	casebook export    --to json|ndjson|csv|csv-tables|fhir|sdtm [--spreadsheet] [-o OUT] [--workers N] FILE...
//	casebook schema    [NAME]
//	casebook codebook  [--layout tables|flat] [--format redcap|datapackage] [--spreadsheet] [-o OUT]
//	casebook synth     [-n N] [--seed S] [--kind report|complaint] [--invalid-rate R]
//	casebook demo      [-o DIR]
//
// FILE may be "-" for standard input. --workers N (default: the number of
// CPUs) validates and de-identifies records on N goroutines; the output is
// byte-identical for any N.
//
// FILE may be "-" for standard input. Exit status: 0 when every record is
// accepted (warnings allowed unless --strict), 1 when some record is
// rejected, 2 for a usage or I/O error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// Exit statuses.
const (
	exitOK       = 0
	exitRejected = 1
	exitUsage    = 2
)

func main() {
	tuneGC(os.Getenv)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// gcPercent is the garbage collector's target when GOGC is not set. The
// commands stream: their live heap is a few MiB whatever the input size,
// and Go's default of 100 collects it every few MiB allocated. On 40,000
// reports de-identified with 2 workers, 200 cut CPU time by about 13% for
// 10 MiB more peak RSS (43 MiB); 400 saved 21% but doubled the RSS, too
// close to the 100 MB budget for records with long narratives
// (BENCHMARKS.md).
const gcPercent = 200

// tuneGC applies gcPercent unless the user chose with GOGC.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// env is what a subcommand may touch: its streams and the environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

type command struct {
	name, args, summary string
	run                 func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"validate", "[--format text|json] [--strict] [--shape S] [--workers N] FILE...", "check records against the published schema and the domain rules", runValidate},
		{"anonymize", "--key-file F [--profile registry|research] [-o OUT] [--audit FILE] [--workers N] FILE...", "de-identify records for a registry or researchers (NDJSON out)", runAnonymize},
		{"export", "--to json|ndjson|csv|csv-tables|fhir|sdtm [--spreadsheet] [-o OUT] [--workers N] FILE...", "convert de-identified records to a registry or research format", runExport},
		{"schema", "[NAME]", "print a published schema, or list them", runSchema},
		{"codebook", "[--layout tables|flat] [--format redcap|datapackage] [-o OUT]", "write the data dictionary of the CSV exports", runCodebook},
		{"synth", "[-n N] [--seed S] [--kind report|complaint] [--invalid-rate R]", "generate synthetic identified records (reserved-range identifiers only)", runSynth},
		{"demo", "[-o DIR]", "the whole job on built-in sample data, with a demo key", runDemo},
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "casebook: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "casebook: complication and complaint records for non-surgical aesthetic treatments")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  casebook %-9s %s\n", c.name, c.args)
	}
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'casebook COMMAND -h' for a command's flags. FILE may be - for standard input.")
	fmt.Fprintln(w, "Exit status: 0 all records accepted, 1 some record rejected, 2 usage or I/O error.")
}

// newFlags returns a flag set for a subcommand that prints its own usage.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("casebook "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		for _, c := range commands() {
			if c.name == name {
				fmt.Fprintf(e.stderr, "Usage: casebook %s %s\n\n%s.\n\nFlags:\n", name, c.args, upperFirst(c.summary))
			}
		}
		fs.PrintDefaults()
	}
	return fs
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parse parses flags that may come before, between or after the file
// arguments ("casebook validate a.json --strict"), as people type them.
// Everything after a lone "--" is a file. It returns the file arguments,
// or false and the exit status when parsing ends the command (an error, or
// -h).
func parse(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return append(files, tail...), 0, true
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// workersFlag defines --workers on a subcommand's flags.
func workersFlag(fs *flag.FlagSet) *int {
	return fs.Int("workers", runtime.NumCPU(), "goroutines validating (and de-identifying) records; the output is the same for any number")
}

// checkWorkers reports a --workers value below one.
func (e *env) checkWorkers(n int) (int, bool) {
	if n < 1 {
		return e.failf("--workers must be at least 1"), false
	}
	return 0, true
}

// failf reports a usage or I/O error and returns its exit status. Messages
// name files and flags, never record content.
func (e *env) failf(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "casebook: "+format+"\n", args...)
	return exitUsage
}
