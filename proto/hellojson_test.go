package proto

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
)

// helloViaJSON is what the server reads from a hello encoding/json wrote.
func helloViaJSON(t testing.TB, h Hello) Hello {
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	var back Hello
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	return back
}

// checkHello holds the hand-written hello to encoding/json's: valid JSON
// that decodes to the same value.
func checkHello(t testing.TB, h Hello) {
	t.Helper()
	b := h.appendJSON(nil)
	var got Hello
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("hello %+v written as %q: %v", h, b, err)
	}
	if want := helloViaJSON(t, h); !reflect.DeepEqual(got, want) {
		t.Fatalf("hello written as %q decodes to\n%+v\nencoding/json's to\n%+v", b, got, want)
	}
}

// TestHelloJSONEveryField sets every field of Hello through reflection, so
// a field added to Hello but not to appendJSON fails here.
func TestHelloJSONEveryField(t *testing.T) {
	var h Hello
	v := reflect.ValueOf(&h).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("v-" + v.Type().Field(i).Name)
		case reflect.Int:
			f.SetInt(int64(i + 1))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"x", v.Type().Field(i).Name}))
		default:
			t.Fatalf("field %s: kind %s is not written by appendJSON", v.Type().Field(i).Name, f.Kind())
		}
	}
	h.Version = 0 // not in the JSON: the payload's prefix
	checkHello(t, h)
	checkHello(t, Hello{}) // and every omission
}

func TestHelloJSONStrings(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quo"te`, `back\slash`, "\x00\x01\x1f\x7f", "tab\tnl\nret\r",
		"é日本語🎉", "\xff\xfe bad", "half \xe6\x97", "<&>", "\u2028\u2029", "TERM=xterm-256color",
	} {
		checkHello(t, Hello{Mode: ModeAttach, Term: s, Env: []string{s, "K=" + s}, Exe: s})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		checkHello(t, Hello{
			MaxVersion: rng.IntN(5), Mode: randomString(rng), Term: randomString(rng), Locale: randomString(rng),
			Cols: rng.IntN(1 << 16), Rows: -rng.IntN(3), PID: rng.IntN(1 << 22), TTY: rng.IntN(2) == 0,
			Stream: rng.IntN(2) == 0, Features: randomStrings(rng), Env: randomStrings(rng), Exe: randomString(rng),
		})
	}
}

func randomString(rng *rand.Rand) string {
	b := make([]byte, rng.IntN(12))
	for i := range b {
		switch rng.IntN(4) {
		case 0:
			b[i] = byte(rng.IntN(256)) // any byte, UTF-8 or not
		case 1:
			b[i] = byte(rng.IntN(0x20)) // control
		default:
			b[i] = byte(0x20 + rng.IntN(0x5f))
		}
	}
	return string(b)
}

func randomStrings(rng *rand.Rand) []string {
	var v []string
	for range rng.IntN(4) {
		v = append(v, randomString(rng))
	}
	return v
}

func FuzzHelloJSON(f *testing.F) {
	f.Add("xterm", "LANG=C.UTF-8", "/usr/bin/gmux")
	f.Add("\xff", "\x00\"\\", "\u2028")
	f.Fuzz(func(t *testing.T, term, env, exe string) {
		checkHello(t, Hello{Mode: ModeCommand, Term: term, Env: []string{env}, Exe: exe, Features: []string{term}})
	})
}

// BenchmarkEncodeHello is the hello of an attach with a login's
// environment; encoding/json's is beside it for comparison.
func BenchmarkEncodeHello(b *testing.B) {
	h := Hello{Mode: ModeAttach, Term: "xterm-256color", Locale: "C.UTF-8", Cols: 200, Rows: 50, PID: 4242, TTY: true,
		Features: []string{"a", "b"}, Env: []string{"HOME=/home/u", "PATH=/usr/local/bin:/usr/bin:/bin", "SSH_AUTH_SOCK=/tmp/ssh-x/agent.1"}}
	b.Run("hand", func(b *testing.B) {
		for range b.N {
			EncodeHello(h)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for range b.N {
			encodeVersioned(MinVersion, h)
		}
	})
}
