module github.com/openaesthetics/casebook/scripts/jsonlibs

go 1.26.0

require (
	github.com/go-json-experiment/json v1.27.2
	github.com/openaesthetics/casebook v0.0.0
)

require (
	github.com/google/uuid v1.6.0 // indirect
	github.com/santhosh-tekuri/jsonschema/v5 v5.3.1 // indirect
)

replace github.com/openaesthetics/casebook => ../..
