package schema

// memberTable finds an object plan's member by name while decoding. It
// is a perfect hash over the member names, chosen when the plan is built:
// a name's slot comes from its length and three of its bytes, and one
// string comparison then settles it, where a map would hash every byte
// of the name. When no multiplier separates the names, it falls back to
// the map.
type memberTable struct {
	slots []memberSlot // nil when byName is used instead
	mul   uint32
	shift uint32
	// byName is the fallback, and holds the empty name, which has no
	// bytes to hash.
	byName map[string]*planMember
}

// memberSlot holds the name beside the member, so that a lookup reads
// one slot and the name's bytes.
type memberSlot struct {
	name string
	m    *planMember
}

// memberKey packs what the hash reads of a non-empty name.
func memberKey(name string) uint32 {
	n := len(name)
	return uint32(name[0]) | uint32(name[n/2])<<8 | uint32(name[n-1])<<16 | uint32(n)<<24
}

func newMemberTable(members map[string]*planMember) memberTable {
	t := memberTable{byName: members}
	if len(members) == 0 {
		return t
	}
	bits := uint32(1)
	for 1<<bits < 2*len(members) {
		bits++
	}
	for ; bits <= 10; bits++ {
		slots := make([]memberSlot, 1<<bits)
		// Odd multipliers from a fixed sequence: the table, like the plan,
		// is the same on every run.
		mul := uint32(0x9E3779B1)
	search:
		for range 2000 {
			mul += 0x6A09E666
			mul |= 1
			clear(slots)
			for name, m := range members {
				if name == "" {
					continue
				}
				i := memberKey(name) * mul >> (32 - bits)
				if slots[i].m != nil {
					continue search
				}
				slots[i] = memberSlot{name, m}
			}
			t.slots, t.mul, t.shift = slots, mul, 32-bits
			return t
		}
	}
	return t
}

// lookup returns the member called name, or nil.
func (t *memberTable) lookup(name string) *planMember {
	if t.slots == nil || name == "" {
		return t.byName[name]
	}
	slot := &t.slots[memberKey(name)*t.mul>>t.shift]
	if slot.name != name {
		return nil // also when the slot is empty: name is not ""
	}
	return slot.m
}
