package pii

// firstIndex maps the first token of the Matcher's patterns to the head
// of their chain in Matcher.pats. It is an open-addressing hash table of
// pattern indexes, hashed on a key's length and four of its bytes.
//
// A map[string] would do, but Find looks up every token of every text it
// searches, nearly always in vain, and the builder adds a key for every
// few patterns. A miss here is usually one probe of a small array that
// holds no pointers, and the table costs the builder one allocation.
type firstIndex struct {
	// slots holds, for a key, its hash in the upper half and the index
	// of its chain's head in Matcher.pats plus one in the lower half.
	// Zero marks a free slot. Its length is a power of two, at least
	// twice the number of keys.
	slots []uint64
	n     int // keys held
}

// init sizes the table for about n patterns: a record's patterns share
// first tokens, three or so per key.
func (x *firstIndex) init(n int) {
	size := 16
	for size < n/2 {
		size *= 2
	}
	x.slots = make([]uint64, size)
}

// tokenHash hashes a non-empty token key.
func tokenHash[T string | []byte](k T) uint32 {
	n := len(k)
	x := uint64(n) | uint64(k[0])<<8 | uint64(k[min(1, n-1)])<<16 | uint64(k[n/2])<<24 | uint64(k[n-1])<<32
	return uint32(x * 0x9e3779b97f4a7c15 >> 32)
}

// get returns the index of the first pattern whose first token is k, or
// -1 if there is none.
func (x *firstIndex) get(m *Matcher, k string) int32 {
	if x.n == 0 || k == "" {
		return -1
	}
	h := tokenHash(k)
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return -1
		}
		if uint32(s>>32) == h {
			if head := int32(uint32(s)) - 1; m.tokIs(int(m.pats[head].tok), k) {
				return head
			}
		}
	}
}

// put records m.pats[head] as the head of the chain of its first token,
// which the table must not hold yet.
func (x *firstIndex) put(m *Matcher, head int32) {
	if 2*(x.n+1) > len(x.slots) {
		old := x.slots
		x.slots = make([]uint64, 2*len(old))
		for _, s := range old {
			if s != 0 {
				x.insert(s)
			}
		}
	}
	t := int(m.pats[head].tok)
	k := m.text[m.bounds[t]:m.bounds[t+1]]
	x.insert(uint64(tokenHash(k))<<32 | uint64(head+1))
	x.n++
	if b := firstKeyBit(len(k), k[0]); b >= 0 {
		m.firstKeys[b>>6] |= 1 << (b & 63)
	}
}

// firstKeyBit returns the bit of Matcher.firstKeys for a key of length n
// starting with the byte c, or -1 if the set does not cover the length.
func firstKeyBit(n int, c byte) int {
	if n >= 16 {
		return -1
	}
	return n<<8 | int(c)
}

// mayStart reports whether k may be the first token of a pattern, so
// that find can pass over most tokens of a text without a lookup. Keys
// of 16 bytes or more are always looked up.
func (m *Matcher) mayStart(k string) bool {
	if k == "" {
		return false
	}
	b := firstKeyBit(len(k), k[0])
	return b < 0 || m.firstKeys[b>>6]&(1<<(b&63)) != 0
}

// insert puts the slot value s in the first free slot from its hash on.
func (x *firstIndex) insert(s uint64) {
	mask := uint32(len(x.slots) - 1)
	i := uint32(s>>32) & mask
	for x.slots[i] != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = s
}
