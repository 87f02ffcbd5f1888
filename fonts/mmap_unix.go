//go:build unix

package fonts

import (
	"os"
	"syscall"
)

// mapFile maps size bytes of f read-only into memory: the pages a build
// touches are read from the disk when touched, the rest never.
func mapFile(f *os.File, size int64) ([]byte, error) {
	return syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
}
