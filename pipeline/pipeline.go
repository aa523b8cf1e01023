package pipeline

import (
	"context"
	"errors"
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
)

// Options configure [Map]. The zero value uses every core.
type Options struct {
	// Workers is the number of goroutines running the function. Zero (or
	// less) means runtime.GOMAXPROCS(0). One runs the function on the
	// goroutine ranging over the sequence, starting no goroutine at all.
	Workers int
	// Window is the most values read from the input and not yet yielded,
	// which bounds the memory a run holds. Zero (or less) means 64 per
	// worker. A window smaller than Workers lowers the number of workers
	// to the window's size, since no more values could run at once.
	Window int
}

// errGoexit is the panic value raised when fn calls runtime.Goexit.
var errGoexit = errors.New("pipeline: the function called runtime.Goexit")

// perWorker is the default window per worker.
const perWorker = 64

// maxChunk is the most values handed to a worker at once.
const maxChunk = 16

// sizes returns the number of workers, the window and the chunk size.
func (o Options) sizes() (workers, window, chunk int) {
	workers = o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window = o.Window
	if window <= 0 {
		window = perWorker * workers
	}
	workers = min(workers, window)
	// Four chunks per worker in the window keep every worker busy while
	// the consumer drains the oldest chunk.
	chunk = min(max(window/(4*workers), 1), maxChunk)
	return workers, window, chunk
}

// Map applies fn to each value of src on opts.Workers goroutines and
// yields the results in src's order, each with a nil error.
//
// fn is called concurrently from several goroutines (unless Workers is 1)
// and must be safe for that; it is never called twice for one value, and
// the values it is given are those of src, unchanged.
//
// src is read only from within the range loop over the returned sequence,
// never concurrently with itself, and is abandoned (its yield function
// returns false) when the sequence ends early. When src yields a non-nil
// error, Map yields the results of every value before it, then that error
// with a zero result, and ends; the value paired with the error is not
// given to fn.
//
// ctx is checked before each value is read and while waiting for a
// result: once it is done, Map yields a zero result with ctx.Err() and
// ends. A src blocked inside a read is not interrupted.
//
// If fn panics, Map yields the results of the values before the one that
// panicked, stops every worker, and panics again with the same value on
// the goroutine ranging over the sequence.
//
// The returned sequence may be ranged over more than once if src may; each
// range runs the whole pipeline again.
func Map[In, Out any](ctx context.Context, src iter.Seq2[In, error], fn func(In) Out, opts Options) iter.Seq2[Out, error] {
	workers, window, chunk := opts.sizes()
	if workers == 1 {
		return func(yield func(Out, error) bool) {
			var zero Out
			for in, err := range src {
				if err == nil {
					err = ctx.Err()
				}
				if err != nil {
					yield(zero, err)
					return
				}
				if !yield(fn(in), nil) {
					return
				}
			}
		}
	}
	return func(yield func(Out, error) bool) {
		r := newRun(src, fn, workers, window, chunk)
		defer r.close()
		r.loop(ctx, yield)
	}
}

// batch is a chunk of consecutive values and, once done is closed or
// signalled, their results.
type batch[In, Out any] struct {
	in  []In
	out []Out
	// done receives one token when the worker has finished the batch.
	done chan struct{}
	// panicked is set when fn panicked on in[len(out)]; pv is the value.
	panicked bool
	pv       any
}

// process runs fn over the batch, stopping at a panic or when quit is
// set.
func (b *batch[In, Out]) process(fn func(In) Out, quit *atomic.Bool) {
	finished := false
	defer func() {
		// panic(nil) recovers as a *runtime.PanicNilError, so a nil value
		// here with the batch unfinished is runtime.Goexit, re-raised as a
		// panic too rather than lost.
		if v := recover(); v != nil {
			b.panicked, b.pv = true, v
		} else if !finished && !quit.Load() {
			b.panicked, b.pv = true, errGoexit
		}
		b.done <- struct{}{}
	}()
	for _, in := range b.in {
		if quit.Load() {
			return
		}
		b.out = append(b.out, fn(in))
	}
	finished = true
}

// run is one range over a Map sequence: its workers, the batches in
// flight in input order, and the batch being filled.
type run[In, Out any] struct {
	next    func() (In, error, bool)
	stop    func()
	fn      func(In) Out
	window  int
	chunk   int
	work    chan *batch[In, Out]
	wg      sync.WaitGroup
	quit    atomic.Bool
	pending []*batch[In, Out] // dispatched, oldest first
	cur     *batch[In, Out]   // being filled, not dispatched
	free    []*batch[In, Out] // yielded, for reuse
	held    int               // values read and not yet yielded
	srcDone bool
	srcErr  error
}

func newRun[In, Out any](src iter.Seq2[In, error], fn func(In) Out, workers, window, chunk int) *run[In, Out] {
	next, stop := iter.Pull2(src)
	r := &run[In, Out]{next: next, stop: stop, fn: fn, window: window, chunk: chunk,
		work: make(chan *batch[In, Out], window)}
	for range workers {
		r.wg.Go(func() {
			for b := range r.work {
				b.process(r.fn, &r.quit)
			}
		})
	}
	return r
}

// close stops the workers, waits for them to exit and abandons src.
func (r *run[In, Out]) close() {
	r.quit.Store(true)
	close(r.work)
	r.wg.Wait()
	r.stop()
}

func (r *run[In, Out]) newBatch() *batch[In, Out] {
	if n := len(r.free); n > 0 {
		b := r.free[n-1]
		r.free = r.free[:n-1]
		return b
	}
	return &batch[In, Out]{in: make([]In, 0, r.chunk), out: make([]Out, 0, r.chunk), done: make(chan struct{}, 1)}
}

// dispatch hands the batch being filled to the workers.
func (r *run[In, Out]) dispatch() {
	if r.cur == nil || len(r.cur.in) == 0 {
		return
	}
	r.pending = append(r.pending, r.cur)
	r.work <- r.cur // never blocks: each batch holds a value of the window
	r.cur = nil
}

// fill reads values until the window is full or src ends, dispatching
// each full batch. It reports false when ctx is done.
func (r *run[In, Out]) fill(ctx context.Context) bool {
	for !r.srcDone && r.held < r.window {
		if ctx.Err() != nil {
			return false
		}
		in, err, ok := r.next()
		if !ok || err != nil {
			r.srcDone, r.srcErr = true, err
			break
		}
		if r.cur == nil {
			r.cur = r.newBatch()
		}
		r.cur.in = append(r.cur.in, in)
		r.held++
		if len(r.cur.in) == r.chunk {
			r.dispatch()
		}
	}
	// Nothing more can be read before a result is yielded, so the partial
	// batch must go too.
	r.dispatch()
	return true
}

func (r *run[In, Out]) loop(ctx context.Context, yield func(Out, error) bool) {
	var zero Out
	for {
		if !r.fill(ctx) {
			yield(zero, ctx.Err())
			return
		}
		if len(r.pending) == 0 {
			if r.srcErr != nil {
				yield(zero, r.srcErr)
			}
			return
		}
		b := r.pending[0]
		select {
		case <-b.done:
		case <-ctx.Done():
			yield(zero, ctx.Err())
			return
		}
		r.pending[0] = nil
		r.pending = r.pending[1:]
		for i := range b.out {
			if !yield(b.out[i], nil) {
				return
			}
			var o Out
			b.out[i] = o // let the result be collected once the consumer drops it
		}
		if b.panicked {
			panic(b.pv) // the deferred close stops the workers first
		}
		r.held -= len(b.in)
		clear(b.in)
		b.in, b.out = b.in[:0], b.out[:0]
		r.free = append(r.free, b)
	}
}
