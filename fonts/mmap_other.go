//go:build !unix

package fonts

import (
	"errors"
	"os"
)

// mapFile is mmap where the system has it; elsewhere the file is read.
func mapFile(*os.File, int64) ([]byte, error) { return nil, errors.ErrUnsupported }
