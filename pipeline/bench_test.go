package pipeline_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/openaesthetics/casebook/pipeline"
)

// count yields 0..n-1.
func count(n int) func(func(int, error) bool) {
	return func(yield func(int, error) bool) {
		for i := range n {
			if !yield(i, nil) {
				return
			}
		}
	}
}

// BenchmarkMapOverhead measures what Map costs per value around a function
// that does nothing: the hand-off to the workers and the reordering.
// Compare workers=1 (a plain loop) with the others.
func BenchmarkMapOverhead(b *testing.B) {
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			const n = 10_000
			for b.Loop() {
				sum := 0
				for v, err := range pipeline.Map(b.Context(), count(n), func(i int) int { return i + 1 }, pipeline.Options{Workers: workers}) {
					if err != nil {
						b.Fatal(err)
					}
					sum += v
				}
				if sum != n*(n+1)/2 {
					b.Fatal("wrong sum", sum)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/item")
		})
	}
}

// spin is CPU-bound work of about iters nanoseconds that the compiler
// cannot remove.
func spin(seed uint64, iters int) uint64 {
	x := seed | 1
	for range iters {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// itersFor calibrates spin to take about d.
func itersFor(d time.Duration) int {
	const probe = 2_000_000
	start := time.Now()
	sink := spin(1, probe)
	el := time.Since(start)
	if sink == 0 {
		panic("unreachable")
	}
	return max(1, int(float64(probe)*float64(d)/float64(el)))
}

// BenchmarkMapCPU runs a CPU-bound function of about 20 µs per value, the
// cost of anonymising a record, on 1 and 2 workers: the ratio of their
// ns/item is the speed-up (about 2 on two idle cores).
func BenchmarkMapCPU(b *testing.B) {
	iters := itersFor(20 * time.Microsecond)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			const n = 2000
			for b.Loop() {
				for _, err := range pipeline.Map(b.Context(), count(n), func(i int) uint64 { return spin(uint64(i), iters) }, pipeline.Options{Workers: workers}) {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/item")
		})
	}
}
