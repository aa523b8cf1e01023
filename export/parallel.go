package export

import (
	"context"
	"errors"
	"io"
	"iter"

	"github.com/openaesthetics/casebook/pipeline"
	"github.com/openaesthetics/casebook/schema"
)

// ErrReaderClosed is returned by a reader's Next after its Close.
var ErrReaderClosed = errors.New("export: reader is closed")

// validating is the validation of a reader with ReadOptions.Workers above
// one: the reader's sequential part (reading lines or envelope elements,
// keeping positions) runs as the source of a [pipeline.Map] whose workers
// validate, and Next pulls the results in order. The source runs only
// while Next is pulling, on the goroutine that drives the pipeline, so
// the reader's state is never touched by two goroutines at once.
type validating struct {
	next func() (Result, error, bool)
	stop func()
}

// startValidating starts validating the records of src on workers
// goroutines.
func startValidating(src iter.Seq2[rawRecord, error], v *schema.Validator, workers int) *validating {
	validate := func(rr rawRecord) Result { return rr.validate(v) }
	next, stop := iter.Pull2(pipeline.Map(context.Background(), src, validate, pipeline.Options{Workers: workers}))
	return &validating{next: next, stop: stop}
}

// nextParallel is Next for an NDJSON reader with Workers above one.
func (nr *NDJSONReader) nextParallel() (Result, error) {
	if nr.par == nil {
		nr.par = startValidating(func(yield func(rawRecord, error) bool) {
			for {
				raw, err := nr.scan(true)
				if !yield(raw, err) || err != nil {
					return
				}
			}
		}, nr.opts.Validator, nr.opts.Workers)
	}
	res, err, ok := nr.par.next()
	if !ok { // cannot happen: the source ends with an error, io.EOF at least
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		nr.err = err
		nr.release()
		return Result{}, err
	}
	nr.tally.add(&res)
	return res, nil
}

// release stops the validation running ahead, if any.
func (nr *NDJSONReader) release() {
	if nr.par != nil {
		nr.par.stop()
		nr.par = nil
	}
}

// Close releases what the reader holds: with ReadOptions.Workers above
// one, the goroutines validating ahead of Next, which it stops and waits
// for. It does not close the underlying io.Reader. A reader whose Next has
// returned an error (io.EOF included) has released everything already;
// Close is needed only to stop early, and is safe to call more than once.
// Next after Close returns ErrReaderClosed.
func (nr *NDJSONReader) Close() error {
	nr.release()
	if nr.err == nil || nr.err == io.EOF {
		nr.err = ErrReaderClosed
	}
	return nil
}

// startParallel starts validating the records of the envelope's records
// array on ReadOptions.Workers goroutines; the header has been read.
func (er *EnvelopeReader) startParallel() {
	er.par = startValidating(func(yield func(rawRecord, error) bool) {
		for er.inRecords && er.pending == nil {
			raw, err := er.scanRecord(true)
			if !yield(raw, err) || err != nil {
				return
			}
		}
	}, er.opts.Validator, er.opts.Workers)
}

// nextParallel returns the next result of the records array from the
// validation running ahead, and false at the end of the array, where Next
// goes on with a pending separator error or the trailer.
func (er *EnvelopeReader) nextParallel() (Result, error, bool) {
	res, err, ok := er.par.next()
	if !ok {
		er.release()
		return Result{}, nil, false
	}
	if err != nil {
		er.err = err
		er.release()
		return Result{}, err, true
	}
	er.account(&res)
	return res, nil, true
}

// release stops the validation running ahead, if any.
func (er *EnvelopeReader) release() {
	if er.par != nil {
		er.par.stop()
		er.par = nil
	}
}

// Close releases what the reader holds, as [NDJSONReader.Close] does. It
// does not close the underlying io.Reader, and does not check the
// envelope's counts. Next after Close returns ErrReaderClosed.
func (er *EnvelopeReader) Close() error {
	er.release()
	if er.err == nil || er.err == io.EOF {
		er.err = ErrReaderClosed
	}
	return nil
}
