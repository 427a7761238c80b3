// Package digest computes the fingerprints an incremental build compares:
// of a file's bytes, of a project folder, of everything a page is made
// from. They are deterministic, so that they may also name generated files
// (the same input gives the same name on every machine), and cheap to mix:
// a Hash takes its input eight bytes at a time, each word multiplied in
// and folded as in FNV and xxHash, over length-prefixed parts.
package digest

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
)

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Hash accumulates parts. The zero value is not ready; use New.
type Hash struct{ h uint64 }

// New returns a Hash that starts with a label saying what is hashed.
func New(label string) *Hash {
	h := &Hash{h: offset64}
	return h.Str(label)
}

func (h *Hash) word(w uint64) {
	h.h ^= w
	h.h *= prime64
	h.h ^= h.h >> 29
}

// Num adds a number.
func (h *Hash) Num(n uint64) *Hash {
	h.word(n)
	return h
}

// Int adds an int.
func (h *Hash) Int(n int) *Hash { return h.Num(uint64(n)) }

// Str adds a string, with its length, so that ("ab", "c") and ("a", "bc")
// differ.
func (h *Hash) Str(s string) *Hash {
	h.word(uint64(len(s)))
	for len(s) >= 8 {
		h.word(binary.LittleEndian.Uint64([]byte(s[:8])))
		s = s[8:]
	}
	var tail uint64
	for i := 0; i < len(s); i++ {
		tail |= uint64(s[i]) << (8 * i)
	}
	h.word(tail)
	return h
}

// Sum returns the fingerprint.
func (h *Hash) Sum() uint64 { return h.h }

// Hex returns the first n hex digits of the fingerprint, for a file name.
func (h *Hash) Hex(n int) string {
	s := strconv.FormatUint(h.h|1<<63, 16) // always 16 digits
	return s[:min(n, len(s))]
}

// Bytes returns the fingerprint of a file's contents. Files may be large,
// so this uses SHA-256, which the processor computes fast, not FNV.
func Bytes(b []byte) uint64 {
	sum := sha256.Sum256(b)
	return binary.LittleEndian.Uint64(sum[:8])
}
