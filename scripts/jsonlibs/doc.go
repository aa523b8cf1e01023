// Package jsonlibs holds one benchmark: the JSON decoders casebook could
// use, measured on the same synthetic reports, to record why casebook
// parses with its own strict scanner (internal/jsonscan). It is a separate
// module so that the candidate libraries never enter casebook's go.mod.
//
//	cd scripts/jsonlibs && go test -bench . -benchmem
package jsonlibs
