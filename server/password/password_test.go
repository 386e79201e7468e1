package password

import (
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// Hashes as openssl passwd -1, -5 and -6 make them, bcrypt's, and gmux's
// own all check; anything else is refused when set.
func TestPasswordHashes(t *testing.T) {
	b, err := bcrypt.GenerateFromPassword([]byte("s3cret"), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	own, err := Hash("s3cret")
	if err != nil {
		t.Fatal(err)
	}
	for _, hash := range []string{
		"$1$xy$Xyayek0k82dUrxDxHwya5.",
		"$5$xy$6vojc4Bj75rrjmsskspvx.hxiOZrHV7AzfKaa3JQmID",
		"$6$xy$zHqftQ/t7qbLMv/CwvWQ4wAQp3kAERxg0eSOahK5cyX5vjHuN3M6l6N/7iENlu5WcRirCZfsnIXe2inRmpo/l.",
		string(b), own,
	} {
		if err := Check(hash); err != nil {
			t.Errorf("%s: %v", hash, err)
		}
		if !Matches(hash, "s3cret") {
			t.Errorf("%s: the right password does not match", hash)
		}
		if Matches(hash, "s3cres") {
			t.Errorf("%s: a wrong password matches", hash)
		}
	}
	for _, bad := range []string{"s3cret", "abJnggxhB/yWI", "$6$", ""} {
		if Check(bad) == nil {
			t.Errorf("%q is taken as a hash", bad)
		}
	}
}
