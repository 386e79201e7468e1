package server

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gmux/gmux/server/settings"
)

// Every setting has its name in the hand-over, fixed by its json tag; a
// name once handed over is never dropped (testdata/settings-names lists
// them: a new setting is added there, none is renamed); and every field
// comes back from the hand-over as it went.
func TestSettingsHandOverByName(t *testing.T) {
	var names []string
	for _, typ := range []reflect.Type{reflect.TypeOf(settings.Settings{}), reflect.TypeOf(settings.KeyBinding{})} {
		for i := range typ.NumField() {
			f := typ.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if tag == "" || tag == "-" {
				t.Errorf("%s.%s has no json name: renaming it would drop it from upgrades", typ.Name(), f.Name)
				continue
			}
			names = append(names, typ.Name()+"."+tag)
		}
	}
	b, err := os.ReadFile("testdata/settings-names")
	if err != nil {
		t.Fatal(err)
	}
	for _, old := range strings.Fields(string(b)) {
		if !slices.Contains(names, old) {
			t.Errorf("%s was handed over by older servers and is gone: an upgrade would drop it", old)
		}
	}
	var set settings.Settings
	fill(reflect.ValueOf(&set).Elem(), 1)
	enc, err := json.Marshal(&set)
	if err != nil {
		t.Fatal(err)
	}
	var back settings.Settings
	if err := json.Unmarshal(enc, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(set, back) {
		t.Fatalf("settings changed through the hand-over:\n%+v\n%+v", set, back)
	}
}

// fill gives every field of v a value that is not its zero value.
func fill(v reflect.Value, n int) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n+i)
		}
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		if v.Type() == reflect.TypeOf(time.Duration(0)) {
			v.SetInt(int64(n) * int64(time.Millisecond))
		} else {
			v.SetInt(int64(n))
		}
	case reflect.Uint8:
		v.SetUint(uint64(n%250 + 1))
	case reflect.String:
		v.SetString("s" + strings.Repeat("x", n%5))
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		fill(s.Index(0), n)
		fill(s.Index(1), n+1)
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, n)
		fill(e, n+1)
		m.SetMapIndex(k, e)
		v.Set(m)
	}
}
