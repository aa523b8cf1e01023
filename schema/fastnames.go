package schema

// nameTable finds a value by a name from a fixed set while decoding: an
// object plan's members by member name, a code type's codes by their
// text. It is a perfect hash over the names, chosen when the plan is
// built: a name's slot comes from its length and three of its bytes, and
// one string comparison then settles it, where a map would hash every
// byte of the name. When no multiplier separates the names (two of them
// alike in all four), it falls back to the map.
type nameTable[T any] struct {
	slots []nameSlot[T] // nil when byName is used instead
	mul   uint32
	shift uint32
	// byName is the fallback, and holds the empty name, which has no
	// bytes to hash.
	byName map[string]T
}

// nameSlot holds the name beside its value, so that a lookup reads one
// slot and the name's bytes.
type nameSlot[T any] struct {
	name string
	v    T
	used bool
}

// nameKey packs what the hash reads of a non-empty name.
func nameKey(name string) uint32 {
	n := len(name)
	return uint32(name[0]) | uint32(name[n/2])<<8 | uint32(name[n-1])<<16 | uint32(n)<<24
}

func newNameTable[T any](byName map[string]T) nameTable[T] {
	t := nameTable[T]{byName: byName}
	if len(byName) == 0 {
		return t
	}
	bits := uint32(1)
	for 1<<bits < 2*len(byName) {
		bits++
	}
	for ; bits <= 12; bits++ {
		slots := make([]nameSlot[T], 1<<bits)
		// Odd multipliers from a fixed sequence: the table, like the plan,
		// is the same on every run.
		mul := uint32(0x9E3779B1)
	search:
		for range 1000 {
			mul += 0x6A09E666
			mul |= 1
			clear(slots)
			for name, v := range byName {
				if name == "" {
					continue
				}
				i := nameKey(name) * mul >> (32 - bits)
				if slots[i].used {
					continue search
				}
				slots[i] = nameSlot[T]{name, v, true}
			}
			t.slots, t.mul, t.shift = slots, mul, 32-bits
			return t
		}
	}
	return t
}

// lookup returns the value of name, and whether there is one.
func (t *nameTable[T]) lookup(name string) (T, bool) {
	if t.slots == nil || name == "" {
		v, ok := t.byName[name]
		return v, ok
	}
	slot := &t.slots[nameKey(name)*t.mul>>t.shift]
	if !slot.used || slot.name != name {
		var zero T
		return zero, false
	}
	return slot.v, true
}
