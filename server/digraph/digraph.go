package digraph

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Digraphs, as screen's C-a C-v (and vim's C-k): two keys for a character
// the keyboard lacks, in RFC 1345's mnemonics. A letter and a mark compose
// (a: ä, e' é, e! è, o> ô, n? ñ, c, ç, s< š, u0 ů, a- ā); the others are
// listed. 0 and three octal digits, or U+ and hex digits, give any
// character by number.

// marks are the second keys that put a combining mark on a letter.
var marks = map[rune]rune{
	':': 0x308, '\'': 0x301, '!': 0x300, '>': 0x302, '?': 0x303, ',': 0x327,
	'0': 0x30a, '<': 0x30c, '-': 0x304, '(': 0x306, '.': 0x307, '"': 0x30b, ';': 0x328,
}

// table are the digraphs that are not a letter and a mark.
var table = map[string]rune{
	"ss": 'ß', "ae": 'æ', "AE": 'Æ', "o/": 'ø', "O/": 'Ø', "oe": 'œ', "OE": 'Œ', "aa": 'å', "AA": 'Å',
	"th": 'þ', "TH": 'Þ', "d-": 'ð', "D-": 'Ð', "ij": 'ĳ', "IJ": 'Ĳ',
	"Eu": '€', "Pd": '£', "Ye": '¥', "Ct": '¢', "Cu": '¤', "Co": '©', "Rg": '®', "SE": '§', "PI": '¶',
	"DG": '°', "+-": '±', "12": '½', "14": '¼', "34": '¾', "1S": '¹', "2S": '²', "3S": '³',
	"!I": '¡', "?I": '¿', "<<": '«', ">>": '»', "My": 'µ', "NO": '¬', "*X": '×', "-:": '÷',
	"NS": '\u00a0', "BB": '¦', "-a": 'ª', "-o": 'º', ".M": '·', "':": '¨', "TM": '™',
	"-N": '–', "-M": '—', "'6": '‘', "'9": '’', "\"6": '“', "\"9": '”', ".9": '‚', ":9": '„',
	"/-": '†', "/=": '‡', ",.": '…', "->": '→', "<-": '←', "-!": '↑', "-v": '↓', "OK": '✓', "XX": '✗',
}

func init() {
	// Greek: a letter and * (a* α, W* Ω).
	greek := "abgdezyhiklmncoprstufxqw"
	for i, r := range greek {
		lower := []rune("αβγδεζηθικλμνξοπρστυφχψω")[i]
		table[string(r)+"*"] = lower
		if upper := strings.ToUpper(string(lower)); upper != string(lower) {
			u, _ := utf8.DecodeRuneInString(upper)
			table[strings.ToUpper(string(r))+"*"] = u
		}
	}
}

// Lookup returns the character keys stands for: two keys, 0 and octal
// digits, or U+ and hex digits; user holds the ones defined with the
// digraph command.
func Lookup(keys string, user map[string]rune) (rune, bool) {
	switch {
	case strings.HasPrefix(keys, "U+") || strings.HasPrefix(keys, "u+"):
		n, err := strconv.ParseUint(keys[2:], 16, 32)
		return rune(n), err == nil && utf8.ValidRune(rune(n))
	case len(keys) > 1 && keys[0] == '0':
		n, err := strconv.ParseUint(keys[1:], 8, 32)
		return rune(n), err == nil
	}
	if r, ok := user[keys]; ok {
		return r, true
	}
	if r, ok := table[keys]; ok {
		return r, true
	}
	rs := []rune(keys)
	if len(rs) != 2 {
		return 0, false
	}
	for _, pair := range [][2]rune{{rs[0], rs[1]}, {rs[1], rs[0]}} {
		if mark, ok := marks[pair[1]]; ok {
			composed := []rune(norm.NFC.String(string([]rune{pair[0], mark})))
			if len(composed) == 1 {
				return composed[0], true
			}
		}
	}
	return 0, false
}

// Complete reports whether the keys typed at the digraph prompt are
// enough: two keys, or 0 and three octal digits; U+ waits for Enter.
func Complete(text string) bool {
	buf := []rune(text)
	switch {
	case len(buf) >= 2 && (buf[0] == 'U' || buf[0] == 'u') && buf[1] == '+':
		return false
	case len(buf) > 0 && buf[0] == '0':
		return len(buf) == 4
	}
	return len(buf) == 2
}
