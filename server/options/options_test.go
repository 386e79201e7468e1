package options

import (
	"strings"
	"testing"
	"time"
)

type testSettings struct {
	Bell    bool
	NoWrap  bool
	Mode    string
	Size    int
	Lines   int
	Wait    time.Duration
	Paste   time.Duration
	Message string
}

func testTable() *Table[testSettings] {
	return NewTable(
		Switch("vbell", "visual bell", func(s *testSettings) *bool { return &s.Bell }).
			Toggles(func(v string) string { return "bell is " + v }),
		SwitchOff("defwrap", "wrap new windows", func(s *testSettings) *bool { return &s.NoWrap }).ForNewWindows(),
		Choice("truecolor", "direct colour", func(s *testSettings) *string { return &s.Mode }, "auto", "on", "off", "auto").Shows(nil),
		Enum("windowsize", "sizing", func(s *testSettings) *int { return &s.Size }, "smallest", "largest"),
		Number("maxwin", "n", "window numbers", func(s *testSettings) *int { return &s.Lines }, 1, 100),
		Duration("msgwait", "message time", func(s *testSettings) *time.Duration { return &s.Wait }, time.Second, 0, 0),
		Duration("slowpaste", "paste pause", func(s *testSettings) *time.Duration { return &s.Paste }, time.Millisecond, 0, time.Second).Shows(nil),
		Text("bell_msg", "message", "bell message", func(s *testSettings) *string { return &s.Message }, nil).
			Shows(func(v string) string { return "bell_msg is '" + v + "'" }),
	)
}

func run(t *testing.T, tab *Table[testSettings], s *testSettings, line ...string) (string, bool, error) {
	t.Helper()
	o, ok := tab.Lookup(line[0])
	if !ok {
		t.Fatalf("no option %s", line[0])
	}
	return o.Run(s, line[1:])
}

func TestKindsSetAndRead(t *testing.T) {
	tab := testTable()
	var s testSettings
	for _, c := range []struct {
		line []string
		want string // the value read back
	}{
		{[]string{"vbell", "on"}, "on"},
		{[]string{"defwrap", "off"}, "off"},
		{[]string{"truecolor", "on"}, "on"},
		{[]string{"windowsize", "largest"}, "largest"},
		{[]string{"maxwin", "42"}, "42"},
		{[]string{"msgwait", "1.5"}, "1.5"},
		{[]string{"slowpaste", "20"}, "20"},
		{[]string{"bell_msg", "Bell in %n"}, "Bell in %n"},
	} {
		if _, changed, err := run(t, tab, &s, c.line...); err != nil || !changed {
			t.Fatalf("%v: changed %v, %v", c.line, changed, err)
		}
		o, _ := tab.Lookup(c.line[0])
		if got := o.Value(&s); got != c.want {
			t.Errorf("%v reads back %q, want %q", c.line, got, c.want)
		}
	}
	want := testSettings{Bell: true, NoWrap: true, Mode: "on", Size: 1, Lines: 42, Wait: 1500 * time.Millisecond, Paste: 20 * time.Millisecond, Message: "Bell in %n"}
	if s != want {
		t.Errorf("settings %+v, want %+v", s, want)
	}
}

func TestBadValuesChangeNothing(t *testing.T) {
	tab := testTable()
	var s testSettings
	for _, line := range [][]string{
		{"vbell", "yes"}, {"truecolor", "maybe"}, {"windowsize", "big"},
		{"maxwin", "0"}, {"maxwin", "101"}, {"maxwin", "x"},
		{"msgwait", "-1"}, {"msgwait", "NaN"}, {"msgwait", "Inf"},
		{"slowpaste", "1.5"}, {"slowpaste", "1001"},
		{"defwrap"}, {"maxwin"}, {"vbell", "on", "off"},
	} {
		_, changed, err := run(t, tab, &s, line...)
		if err == nil || changed {
			t.Errorf("%v: accepted (changed %v)", line, changed)
			continue
		}
		if !strings.HasPrefix(err.Error(), line[0]+" wants ") && !strings.HasPrefix(err.Error(), "usage: "+line[0]) {
			t.Errorf("%v: the error does not name the setting: %v", line, err)
		}
	}
	if s != (testSettings{}) {
		t.Errorf("a refused value changed the settings: %+v", s)
	}
}

func TestNameAlone(t *testing.T) {
	tab := testTable()
	var s testSettings
	if out, changed, _ := run(t, tab, &s, "vbell"); out != "bell is on" || !changed || !s.Bell {
		t.Errorf("vbell alone: %q %v %v", out, changed, s.Bell)
	}
	if out, _, _ := run(t, tab, &s, "vbell"); out != "bell is off" || s.Bell {
		t.Errorf("vbell again: %q %v", out, s.Bell)
	}
	if out, changed, _ := run(t, tab, &s, "truecolor"); out != "truecolor auto" || changed {
		t.Errorf("truecolor alone: %q %v (the empty value reads as the default)", out, changed)
	}
	if out, _, _ := run(t, tab, &s, "bell_msg"); out != "bell_msg is ''" {
		t.Errorf("bell_msg alone: %q", out)
	}
	if out, _, _ := run(t, tab, &s, "slowpaste"); out != "slowpaste 0" {
		t.Errorf("slowpaste alone: %q", out)
	}
}

func TestUsageAndWords(t *testing.T) {
	tab := testTable()
	for name, want := range map[string]string{
		"vbell": "[on|off]", "defwrap": "on|off", "truecolor": "[on|off|auto]",
		"maxwin": "n", "msgwait": "seconds", "slowpaste": "[msec]", "bell_msg": "[message]",
	} {
		o, _ := tab.Lookup(name)
		if got := o.Usage(); got != want {
			t.Errorf("%s usage %q, want %q", name, got, want)
		}
	}
	o, _ := tab.Lookup("truecolor")
	if w := o.Words(); strings.Join(w, " ") != "on off auto" {
		t.Errorf("truecolor words %v", w)
	}
	if o, _ := tab.Lookup("maxwin"); o.Words() != nil {
		t.Errorf("a number has words: %v", o.Words())
	}
}

func TestListReadsBack(t *testing.T) {
	tab := testTable()
	s := testSettings{Message: `say "hi" $HOME ^G`}
	list := tab.List(&s)
	if !strings.Contains(list, `bell_msg           "say \"hi\" \$HOME \^G"`) {
		t.Errorf("a value with quotes is not written so that it reads back:\n%s", list)
	}
	if !strings.Contains(list, "defwrap            on") || !strings.Contains(list, "# new windows; wrap new windows") {
		t.Errorf("list:\n%s", list)
	}
	if got := strings.Count(list, "\n") + 1; got != len(tab.Names()) {
		t.Errorf("%d lines for %d settings", got, len(tab.Names()))
	}
}

func TestTableRefusesTwins(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a name given twice was accepted")
		}
	}()
	f := func(s *testSettings) *bool { return &s.Bell }
	NewTable(Switch("a", "x", f), Switch("a", "y", f))
}
