package password

import (
	"errors"
	"fmt"
	"strings"

	"github.com/GehirnInc/crypt"
	_ "github.com/GehirnInc/crypt/md5_crypt"    // $1$
	_ "github.com/GehirnInc/crypt/sha256_crypt" // $5$
	"github.com/GehirnInc/crypt/sha512_crypt"   // $6$, and new passwords
	"golang.org/x/crypto/bcrypt"                // $2a$ $2b$ $2y$
)

// The session password (screen's password command) is kept as a crypt(3)
// hash, as a .screenrc holds it: SHA-512 ($6$, what openssl passwd -6 and
// mkpasswd give), SHA-256 ($5$), MD5 ($1$) or bcrypt ($2b$). The plain
// password is never stored.

// ErrUnsupported is returned for a hash gmux cannot check. In an rc
// file a hash must be quoted: unquoted, its $salt and $digest are read as
// variables and expanded away.
var ErrUnsupported = errors.New("not a hash gmux can check: use $6$ (openssl passwd -6), $5$, $1$ or bcrypt $2b$, in single quotes in an rc file")

// Check reports whether hash is one gmux can check.
func Check(hash string) error {
	switch {
	case isBcrypt(hash):
		if _, err := bcrypt.Cost([]byte(hash)); err != nil {
			return fmt.Errorf("bcrypt hash: %w", err)
		}
		return nil
	case strings.HasPrefix(hash, "$1$"), strings.HasPrefix(hash, "$5$"), strings.HasPrefix(hash, "$6$"):
		// $id$[rounds=N$]salt$digest, the digest of its length.
		parts := strings.Split(hash, "$")
		digest := map[string]int{"1": 22, "5": 43, "6": 86}[parts[1]]
		if len(parts) >= 4 && len(parts[len(parts)-1]) == digest && crypt.IsHashSupported(hash) {
			return nil
		}
	}
	return ErrUnsupported
}

func isBcrypt(hash string) bool {
	return strings.HasPrefix(hash, "$2a$") || strings.HasPrefix(hash, "$2b$") || strings.HasPrefix(hash, "$2y$")
}

// Matches reports whether pw is the password hash was made from.
func Matches(hash, pw string) bool {
	if Check(hash) != nil {
		return false
	}
	if isBcrypt(hash) {
		return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
	}
	return crypt.NewFromHash(hash).Verify(hash, []byte(pw)) == nil
}

// Hash makes a $6$ hash of pw with a random salt.
func Hash(pw string) (string, error) {
	return sha512_crypt.New().Generate([]byte(pw), nil)
}
