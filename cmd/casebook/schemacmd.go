package main

import (
	"fmt"
	"strings"

	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/schema"
)

func runSchema(e *env, args []string) int {
	fs := newFlags(e, "schema")
	names, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	switch len(names) {
	case 0:
		fmt.Fprintf(e.stdout, "Published schemas (cite by $id, under %s):\n", schema.BaseURL)
		for _, n := range schema.Names() {
			fmt.Fprintf(e.stdout, "  %s\n", strings.TrimSuffix(n, ".schema.json"))
		}
		return exitOK
	case 1:
		doc, ok := schema.Document(names[0])
		if !ok {
			return e.failf("no published schema named %q; run 'casebook schema' to list them", names[0])
		}
		if _, err := e.stdout.Write(doc); err != nil {
			return e.failf("writing the schema: %v", err)
		}
		return exitOK
	}
	return e.failf("schema takes at most one NAME")
}

func runCodebook(e *env, args []string) int {
	fs := newFlags(e, "codebook")
	layout := fs.String("layout", "tables", "the CSV layout to describe: tables or flat")
	format := fs.String("format", "redcap", "redcap (a REDCap-style data dictionary, CSV) or datapackage (Frictionless datapackage.json)")
	spreadsheet := fs.Bool("spreadsheet", false, "describe files written with the spreadsheet profile")
	out := fs.String("o", "-", "output file")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return e.failf("codebook takes no file arguments")
	}
	opts := export.CodebookOptions{Profile: export.ProfileMachine}
	if *spreadsheet {
		opts.Profile = export.ProfileSpreadsheet
	}
	switch *layout {
	case "tables":
		opts.Layout = export.LayoutTables
	case "flat":
		opts.Layout = export.LayoutFlat
	default:
		return e.failf("--layout must be tables or flat")
	}
	o, err := openOutput(e, *out)
	if err != nil {
		return e.failf("%v", err)
	}
	defer o.abort()
	switch *format {
	case "redcap":
		err = export.WriteDictionary(o, opts)
	case "datapackage":
		err = export.WriteDataPackage(o, opts)
	default:
		return e.failf("--format must be redcap or datapackage")
	}
	if err == nil {
		err = o.commit()
	}
	if err != nil {
		return e.failf("writing the codebook: %v", err)
	}
	return exitOK
}
