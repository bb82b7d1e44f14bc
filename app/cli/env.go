package cli

import "os"

var getenv = os.Getenv
