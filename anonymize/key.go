package anonymize

import (
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"hash"
	"regexp"
	"sync"
)

// MinKeyBytes is the shortest secret a [Key] accepts: 256 bits, the
// output size of HMAC-SHA-256.
const MinKeyBytes = 32

// Key is the caller-held secret that all keyed pseudonyms, re-keyed
// identifiers, date offsets and surrogate choices derive from, with the
// identifier that names it in every output. Use one key per recipient
// (registry, regulator, research project) so pseudonyms cannot be linked
// across them; rotating a key starts a new pseudonym universe.
//
// A Key never appears in any output, error or audit: only its ID does.
type Key struct {
	id     string
	secret []byte
	// macs holds idle HMAC states keyed with secret, so that a record's
	// handful of MACs do not each set the key up again. Copies of a Key
	// share it, which is safe: the pool is safe for concurrent use and
	// every state in it is keyed with the same secret.
	macs *sync.Pool
}

var keyIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$`)

// NewKey returns a key with the given ID and secret. The secret must be at
// least [MinKeyBytes] long and is copied. The ID is written into every
// de-identified record, so it must be a short token (letters, digits and
// _ . : -), never anything derived from the secret.
func NewKey(id string, secret []byte) (Key, error) {
	if !keyIDPattern.MatchString(id) {
		return Key{}, &KeyError{Reason: "key id must be 1 to 64 letters, digits or _ . : -"}
	}
	if len(secret) < MinKeyBytes {
		return Key{}, &KeyError{Reason: fmt.Sprintf("key secret has %d bytes; at least %d are required", len(secret), MinKeyBytes)}
	}
	k := Key{id: id, secret: append([]byte(nil), secret...)}
	k.macs = &sync.Pool{New: func() any { return &macState{h: hmac.New(sha256.New, k.secret)} }}
	return k, nil
}

// ID returns the key's identifier.
func (k Key) ID() string { return k.id }

// String returns the key ID only, so that printing a Key by mistake never
// shows the secret.
func (k Key) String() string { return "anonymize.Key(" + k.id + ")" }

// GoString is like String, for %#v.
func (k Key) GoString() string { return k.String() }

// mac returns HMAC-SHA-256 over the domain and the parts, each
// length-prefixed so that no two inputs share an encoding.
func (k Key) mac(domain string, parts ...string) [sha256.Size]byte {
	var st *macState
	if k.macs != nil {
		st = k.macs.Get().(*macState)
		st.h.Reset()
		defer k.macs.Put(st)
	} else {
		st = &macState{h: hmac.New(sha256.New, k.secret)}
	}
	// The message is assembled in the state's buffer and written once:
	// writing each part through the hash.Hash interface would copy it to
	// the heap first.
	write := func(prefix, s string) {
		l := len(prefix) + len(s)
		st.buf = append(st.buf, byte(l>>24), byte(l>>16), byte(l>>8), byte(l))
		st.buf = append(append(st.buf, prefix...), s...)
	}
	st.buf = st.buf[:0]
	write("casebook/v1/", domain)
	for _, p := range parts {
		write("", p)
	}
	st.h.Write(st.buf)
	var sum [sha256.Size]byte
	// Sum appends within st.sum's capacity, so nothing is allocated; the
	// copy takes what it returns, wherever that is.
	copy(sum[:], st.h.Sum(st.sum[:0]))
	clear(st.buf) // the parts can be identifiers
	return sum
}

// macState is one idle HMAC state of a Key's pool, with its buffers.
type macState struct {
	h   hash.Hash
	buf []byte
	sum [sha256.Size]byte
}

// KeyError reports an unusable key. It never contains the secret.
type KeyError struct {
	Reason string
}

func (e *KeyError) Error() string { return "anonymize: " + e.Reason }
