package pii

// firstIndex maps the first token of the Matcher's patterns to the head
// of their chain in Matcher.pats. It is an open-addressing hash table of
// pattern indexes, hashed on a key's length and three of its bytes.
//
// A map[string] would do, but Find looks up every token of every text it
// searches, nearly always in vain, and the builder adds a key for every
// few patterns. A miss here is usually one probe of a small array that
// holds no pointers, and the table costs the builder one allocation.
type firstIndex struct {
	// slots holds a chain head's index in Matcher.pats plus one; zero
	// marks a free slot. Its length is a power of two, at least twice
	// the number of keys.
	slots []int32
	n     int // keys held
}

// init sizes the table for about n patterns: a record's patterns share
// first tokens, a few per key on average.
func (x *firstIndex) init(n int) {
	size := 16
	for size < n {
		size *= 2
	}
	x.slots = make([]int32, size)
}

// tokenHash hashes a non-empty token key.
func tokenHash[T string | []byte](k T) uint32 {
	n := len(k)
	h := uint32(n)*0x9e3779b1 ^ uint32(k[0])*0x85ebca77 ^ uint32(k[n/2])*0xc2b2ae3d ^ uint32(k[n-1])*0x27d4eb2f
	return h ^ h>>15
}

// get returns the index of the first pattern whose first token is k, or
// -1 if there is none.
func (x *firstIndex) get(m *Matcher, k string) int32 {
	if x.n == 0 || k == "" {
		return -1
	}
	mask := uint32(len(x.slots) - 1)
	for i := tokenHash(k) & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return -1
		}
		if m.tokIs(int(m.pats[s-1].tok), k) {
			return s - 1
		}
	}
}

// put records m.pats[head] as the head of the chain of its first token,
// which the table must not hold yet.
func (x *firstIndex) put(m *Matcher, head int32) {
	if 2*(x.n+1) > len(x.slots) {
		old := x.slots
		x.slots = make([]int32, 2*len(old))
		for _, s := range old {
			if s != 0 {
				x.insert(m, s)
			}
		}
	}
	x.insert(m, head+1)
	x.n++
}

func (x *firstIndex) insert(m *Matcher, slot int32) {
	mask := uint32(len(x.slots) - 1)
	t := int(m.pats[slot-1].tok)
	i := tokenHash(m.text[m.bounds[t]:m.bounds[t+1]]) & mask
	for x.slots[i] != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = slot
}
