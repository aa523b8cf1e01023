package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/openaesthetics/casebook/anonymize"
)

// keyEnv names the environment variable that may give the key file.
const keyEnv = "CASEBOOK_KEY_FILE"

var keyIDChars = regexp.MustCompile(`[^A-Za-z0-9_.:-]+`)

// loadKey reads a pseudonym key from a file holding the secret as
// hexadecimal or base64 text, or as raw bytes. The key ID defaults to the
// file's name without its extension. Neither the secret nor any part of it
// is ever printed. A key file that users other than its owner may read
// gets a warning on warn, which names the file and its mode only.
func loadKey(warn io.Writer, path, id string) (anonymize.Key, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return anonymize.Key{}, fmt.Errorf("reading the key file: %w", err)
	}
	if st, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(warn, "casebook: warning: the key file %s can be read by other users (mode %04o); make it private with chmod 600\n", path, st.Mode().Perm())
	}
	secret := raw
	text := strings.TrimSpace(string(raw))
	if b, err := hex.DecodeString(text); err == nil && len(text) >= 2*anonymize.MinKeyBytes {
		secret = b
	} else if b, err := base64.StdEncoding.DecodeString(text); err == nil && len(b) >= anonymize.MinKeyBytes {
		secret = b
	} else if bytes.HasSuffix(raw, []byte("\n")) && !bytes.Contains(bytes.TrimSuffix(raw, []byte("\n")), []byte("\n")) {
		// A one-line text key: the trailing newline an editor adds is not
		// part of it.
		secret = bytes.TrimSuffix(raw, []byte("\n"))
	}
	if id == "" {
		base := filepath.Base(path)
		id = keyIDChars.ReplaceAllString(strings.TrimSuffix(base, filepath.Ext(base)), "-")
		id = strings.Trim(id, "-.")
		if id == "" {
			id = "key"
		}
	}
	return anonymize.NewKey(id, secret)
}
