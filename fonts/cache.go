package fonts

import "sync"

// A Cache keeps compressed font programs (zlib, as a PDF's FontFile2
// stream holds them), by the SHA-256 of the uncompressed program. It is
// used from several goroutines at once.
type Cache interface {
	Get(key [32]byte) (z []byte, ok bool)
	Put(key [32]byte, z []byte)
}

// Programs is the cache Embedding consults before it compresses a face's
// subset. A report rebuilt after an edit mostly draws the characters it
// drew before, so its faces cut to the same programs, and compressing
// them is most of what embedding costs (5 of the sample's 40 ms). The
// default keeps the last 16 programs of the process (watch, batch
// builds); brochure's command line puts a cache on disk in front of it.
// nil means no cache.
var Programs Cache = &memory{}

// memory is a Cache of the last programs put, in memory.
type memory struct {
	mu   sync.Mutex
	keys [][32]byte // oldest first
	z    map[[32]byte][]byte
}

const memoryPrograms = 16

func (m *memory) Get(key [32]byte) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	z, ok := m.z[key]
	return z, ok
}

func (m *memory) Put(key [32]byte, z []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.z == nil {
		m.z = map[[32]byte][]byte{}
	}
	if _, ok := m.z[key]; ok {
		return
	}
	if len(m.keys) == memoryPrograms {
		delete(m.z, m.keys[0])
		m.keys = m.keys[1:]
	}
	m.keys = append(m.keys, key)
	m.z[key] = z
}
