package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/pipeline"
)

// ints yields 0..n-1, failing with err at index errAt (if errAt >= 0).
func ints(n, errAt int, err error) iter.Seq2[int, error] {
	return func(yield func(int, error) bool) {
		for i := range n {
			if i == errAt {
				yield(0, err)
				return
			}
			if !yield(i, nil) {
				return
			}
		}
	}
}

// noLeak fails the test if goroutines started after before are still
// running a while later.
func noLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("goroutines leaked: %d before, %d after\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
}

// collect ranges over seq and returns the values and the first error.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

func TestMapOrder(t *testing.T) {
	square := func(i int) int { return i * i }
	for _, workers := range []int{0, 1, 2, 3, 8} {
		for _, window := range []int{0, 1, 2, 5, 64, 1000} {
			for _, n := range []int{0, 1, 7, 100, 2000} {
				t.Run(fmt.Sprintf("workers=%d/window=%d/n=%d", workers, window, n), func(t *testing.T) {
					before := runtime.NumGoroutine()
					got, err := collect(pipeline.Map(t.Context(), ints(n, -1, nil), square, pipeline.Options{Workers: workers, Window: window}))
					require.NoError(t, err)
					require.Len(t, got, n)
					for i, v := range got {
						require.Equal(t, i*i, v, "result %d", i)
					}
					noLeak(t, before)
				})
			}
		}
	}
}

// TestMapRandomDelays makes later values finish first, so only the
// reordering keeps the output in input order.
func TestMapRandomDelays(t *testing.T) {
	for _, workers := range []int{2, 4, 16} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			const n = 500
			delays := make([]time.Duration, n)
			rng := rand.New(rand.NewPCG(1, uint64(workers)))
			for i := range delays {
				delays[i] = time.Duration(rng.IntN(200)) * time.Microsecond
			}
			fn := func(i int) string {
				time.Sleep(delays[i])
				return fmt.Sprint("record ", i)
			}
			got, err := collect(pipeline.Map(t.Context(), ints(n, -1, nil), fn, pipeline.Options{Workers: workers, Window: 8 * workers}))
			require.NoError(t, err)
			require.Len(t, got, n)
			for i, v := range got {
				require.Equal(t, fmt.Sprint("record ", i), v)
			}
		})
	}
}

// TestMapWindow checks that no more than Window values are ever read and
// not yet yielded, however slow the consumer.
func TestMapWindow(t *testing.T) {
	for _, tc := range []struct{ workers, window int }{{2, 1}, {2, 3}, {4, 10}, {3, 64}, {2, 0}} {
		t.Run(fmt.Sprintf("workers=%d/window=%d", tc.workers, tc.window), func(t *testing.T) {
			var held, most atomic.Int64
			src := func(yield func(int, error) bool) {
				for i := range 3000 {
					most.Store(max(most.Load(), held.Add(1)))
					if !yield(i, nil) {
						return
					}
				}
			}
			want := tc.window
			if want == 0 {
				want = 64 * tc.workers
			}
			i := 0
			for v, err := range pipeline.Map(t.Context(), src, func(i int) int { return i }, pipeline.Options{Workers: tc.workers, Window: tc.window}) {
				require.NoError(t, err)
				require.Equal(t, i, v)
				held.Add(-1)
				i++
			}
			assert.Equal(t, 3000, i)
			assert.LessOrEqual(t, most.Load(), int64(want))
			assert.Positive(t, most.Load())
		})
	}
}

func TestMapEarlyBreak(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			before := runtime.NumGoroutine()
			var read atomic.Int64
			src := func(yield func(int, error) bool) {
				for i := 0; ; i++ { // endless: only the break ends it
					read.Add(1)
					if !yield(i, nil) {
						return
					}
				}
			}
			var got []int
			for v, err := range pipeline.Map(t.Context(), src, func(i int) int { return i }, pipeline.Options{Workers: workers, Window: 32}) {
				require.NoError(t, err)
				got = append(got, v)
				if len(got) == 10 {
					break
				}
			}
			assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, got)
			assert.LessOrEqual(t, read.Load(), int64(10+32), "reading stops at the window")
			noLeak(t, before)
		})
	}
}

func TestMapSourceError(t *testing.T) {
	errBroken := errors.New("broken input")
	for _, workers := range []int{1, 2, 4} {
		for _, at := range []int{0, 1, 17, 499} {
			t.Run(fmt.Sprintf("workers=%d/at=%d", workers, at), func(t *testing.T) {
				before := runtime.NumGoroutine()
				var calls atomic.Int64
				fn := func(i int) int { calls.Add(1); return -i }
				var got []int
				var errs []error
				for v, err := range pipeline.Map(t.Context(), ints(500, at, errBroken), fn, pipeline.Options{Workers: workers, Window: 16}) {
					if err != nil {
						errs = append(errs, err)
						continue
					}
					require.Empty(t, errs, "no result after the error")
					got = append(got, v)
				}
				require.Len(t, errs, 1)
				assert.ErrorIs(t, errs[0], errBroken)
				require.Len(t, got, at, "every value before the error, none after")
				for i, v := range got {
					assert.Equal(t, -i, v)
				}
				assert.Equal(t, int64(at), calls.Load(), "fn ran on exactly the values before the error")
				noLeak(t, before)
			})
		}
	}
}

func TestMapContextCancel(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			before := runtime.NumGoroutine()
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			src := func(yield func(int, error) bool) {
				for i := 0; ; i++ {
					if !yield(i, nil) {
						return
					}
				}
			}
			var got []int
			var errs []error
			for v, err := range pipeline.Map(ctx, src, func(i int) int { return i }, pipeline.Options{Workers: workers, Window: 8}) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				got = append(got, v)
				if len(got) == 100 {
					cancel()
				}
			}
			require.Len(t, errs, 1)
			assert.ErrorIs(t, errs[0], context.Canceled)
			assert.GreaterOrEqual(t, len(got), 100)
			for i, v := range got {
				require.Equal(t, i, v)
			}
			noLeak(t, before)
		})
	}
	t.Run("while waiting for a result", func(t *testing.T) {
		before := runtime.NumGoroutine()
		ctx, cancel := context.WithCancel(t.Context())
		release := make(chan struct{})
		fn := func(i int) int {
			if i == 0 {
				cancel()
				<-release // the first result never comes until the test is over
			}
			return i
		}
		go func() { <-ctx.Done(); time.Sleep(10 * time.Millisecond); close(release) }()
		got, err := collect(pipeline.Map(ctx, ints(100, -1, nil), fn, pipeline.Options{Workers: 2}))
		assert.Empty(t, got)
		assert.ErrorIs(t, err, context.Canceled)
		noLeak(t, before)
	})
}

func TestMapPanic(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			before := runtime.NumGoroutine()
			fn := func(i int) int {
				if i == 37 {
					panic("record 37 is cursed")
				}
				return i
			}
			var got []int
			recovered := func() (v any) {
				defer func() { v = recover() }()
				for r, err := range pipeline.Map(t.Context(), ints(1000, -1, nil), fn, pipeline.Options{Workers: workers, Window: 16}) {
					require.NoError(t, err)
					got = append(got, r)
				}
				return nil
			}()
			assert.Equal(t, "record 37 is cursed", recovered, "the panic reaches the consumer with its value")
			require.Len(t, got, 37, "the results before the panic are yielded")
			noLeak(t, before)
		})
	}
	t.Run("runtime error", func(t *testing.T) {
		var zero int
		recovered := func() (v any) {
			defer func() { v = recover() }()
			for range pipeline.Map(t.Context(), ints(10, -1, nil), func(i int) int { return i / zero }, pipeline.Options{Workers: 2}) {
			}
			return nil
		}()
		var re runtime.Error
		require.ErrorAs(t, recovered.(error), &re)
	})
	t.Run("Goexit is not lost", func(t *testing.T) {
		recovered := func() (v any) {
			defer func() { v = recover() }()
			for range pipeline.Map(t.Context(), ints(10, -1, nil), func(i int) int { runtime.Goexit(); return i }, pipeline.Options{Workers: 2}) {
			}
			return nil
		}()
		assert.NotNil(t, recovered)
	})
}

// TestMapOneWorker checks that Workers 1 starts no goroutine: fn runs on
// the consumer's goroutine, in order, interleaved with the loop body.
func TestMapOneWorker(t *testing.T) {
	before := runtime.NumGoroutine()
	var log []string
	fn := func(i int) int {
		log = append(log, fmt.Sprint("fn ", i))
		assert.Equal(t, before, runtime.NumGoroutine(), "no goroutine started")
		return i
	}
	for v, err := range pipeline.Map(t.Context(), ints(3, -1, nil), fn, pipeline.Options{Workers: 1}) {
		require.NoError(t, err)
		log = append(log, fmt.Sprint("got ", v))
	}
	assert.Equal(t, []string{"fn 0", "got 0", "fn 1", "got 1", "fn 2", "got 2"}, log)

	// A window of one runs one value at a time, so it needs no worker.
	log = nil
	for v, err := range pipeline.Map(t.Context(), ints(3, -1, nil), fn, pipeline.Options{Workers: 8, Window: 1}) {
		require.NoError(t, err)
		log = append(log, fmt.Sprint("got ", v))
	}
	assert.Equal(t, []string{"fn 0", "got 0", "fn 1", "got 1", "fn 2", "got 2"}, log)
}

// TestMapParallel checks that the workers really run at once: two values
// each wait for the other to start.
func TestMapParallel(t *testing.T) {
	started := make(chan int, 2)
	fn := func(i int) int {
		started <- i
		deadline := time.After(5 * time.Second)
		for len(started) < 2 {
			select {
			case <-deadline:
				return -1
			default:
				runtime.Gosched()
			}
		}
		return i
	}
	got, err := collect(pipeline.Map(t.Context(), ints(2, -1, nil), fn, pipeline.Options{Workers: 2, Window: 2}))
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1}, got, "both values ran at the same time")
}

// TestMapRangeTwice checks that a sequence may be ranged over again.
func TestMapRangeTwice(t *testing.T) {
	seq := pipeline.Map(t.Context(), ints(50, -1, nil), func(i int) int { return i + 1 }, pipeline.Options{Workers: 3})
	a, err := collect(seq)
	require.NoError(t, err)
	b, err := collect(seq)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Len(t, a, 50)
}
