// Package pipeline runs a per-record stage on every core while keeping
// the records in their input order and memory bounded.
//
// Casebook's batch work (validate, anonymise, write) is a stream of
// independent per-record steps over inputs of millions of records. [Map]
// applies a function to each value of an [iter.Seq2] on a fixed number of
// goroutines and yields the results in the order the values came in, so
// the output of a parallel run is byte-identical to that of a sequential
// one. At most [Options].Window values are read and not yet yielded at
// any moment, whatever the length of the input.
//
// Values are handed to the workers in small chunks, so the cost of the
// hand-off is shared by several values; it is well under a microsecond per
// value, small beside validation or anonymisation, which take tens of
// microseconds per record.
//
// Every goroutine Map starts has exited by the time the range loop over
// its sequence ends, however it ends: at the end of the input, at an error
// from the input, when the loop breaks early, when the context is
// cancelled, or when the function panics (the panic is raised again on the
// goroutine ranging over the sequence). The package keeps no state of its
// own.
package pipeline
