package components

import (
	"context"
	"fmt"
	"strings"
)

// Lang is a language of the interface. Documents keep their own
// language and direction whatever the interface's.
type Lang string

const (
	English Lang = "en" // the default, and every message's key
	Arabic  Lang = "ar"
)

// Langs are the interface languages, in the order Settings offers them.
var Langs = []Lang{English, Arabic}

// ParseLang is the interface language named code ("en", "ar"), false
// when there is none of that name.
func ParseLang(code string) (Lang, bool) {
	for _, l := range Langs {
		if string(l) == code {
			return l, true
		}
	}
	return "", false
}

// Dir is the direction of the interface's text in l.
func (l Lang) Dir() string {
	if l == Arabic {
		return "rtl"
	}
	return "ltr"
}

// Name is l's name in l itself, as a language menu shows it.
func (l Lang) Name() string {
	if l == Arabic {
		return "العربية"
	}
	return "English"
}

type langKey struct{}

// WithLang is ctx rendering the interface in l.
func WithLang(ctx context.Context, l Lang) context.Context {
	return context.WithValue(ctx, langKey{}, l)
}

// LangOf is the interface language ctx renders in, English when none was
// set.
func LangOf(ctx context.Context) Lang {
	if l, ok := ctx.Value(langKey{}).(Lang); ok {
		return l
	}
	return English
}

// T is the message msg, written in English in the code, in ctx's
// language. A message without an Arabic entry shows in English rather
// than not at all; a test lists every message the code uses that has
// none.
func T(ctx context.Context, msg string) string {
	if LangOf(ctx) == Arabic {
		if s, ok := arabic[msg]; ok {
			return s
		}
	}
	return msg
}

// Tf is T of a format, filled with args. An Arabic entry may take the
// arguments in another order with explicit indexes (%[2]s).
func Tf(ctx context.Context, format string, args ...any) string {
	return fmt.Sprintf(T(ctx, format), args...)
}

// Tn is a count of things: one (with a %d or not: "%d span", "one span")
// for n = 1, other ("%d spans") otherwise, in English. Arabic has six
// forms, by n (zero, one, two, a few: 3 to 10, many: 11 to 99, and the
// rest, by n's last two digits), entered under the English other form; a
// form without %d does not print n (Arabic says "مقطعان", two spans,
// without the 2).
func Tn(ctx context.Context, n int, one, other string) string {
	form := other
	if n == 1 {
		form = one
	}
	if LangOf(ctx) == Arabic {
		if forms, ok := arabicCounts[other]; ok {
			form = forms[arabicPlural(n)]
		}
	}
	if !strings.Contains(form, "%") {
		return form
	}
	return fmt.Sprintf(form, n)
}

// arabicPlural is which of Arabic's six forms a count of n takes, as
// CLDR's plural rules for Arabic give it: 0 zero, 1 one, 2 two, 3..10
// few, 11..99 many, other; few and many by n mod 100, so 103 is few.
func arabicPlural(n int) int {
	if n < 0 {
		n = -n
	}
	switch m := n % 100; {
	case n == 0:
		return 0
	case n == 1:
		return 1
	case n == 2:
		return 2
	case m >= 3 && m <= 10:
		return 3
	case m >= 11:
		return 4
	}
	return 5
}

// arabic holds the Arabic of each message, by its English; arabicCounts
// the six forms of each count, by its English other form. Each page's
// messages are added in a file of their own (i18n_ar_*.go), so a key
// entered twice is found when the program starts.
var (
	arabic       = map[string]string{}
	arabicCounts = map[string][6]string{}
)

// addArabic enters a file's messages, panicking on a message entered
// before: two entries for one message would leave which one shows to
// the order files are read in.
func addArabic(msgs map[string]string, counts map[string][6]string) {
	for k, v := range msgs {
		if _, dup := arabic[k]; dup {
			panic(fmt.Sprintf("components: Arabic message %q entered twice", k))
		}
		arabic[k] = v
	}
	for k, v := range counts {
		if _, dup := arabicCounts[k]; dup {
			panic(fmt.Sprintf("components: Arabic count %q entered twice", k))
		}
		arabicCounts[k] = v
	}
}

// Msg marks msg as a message shown later through T, where the code
// keeps it in a variable (a map of refusals, a flash message), so the
// test that finds messages without an Arabic entry finds it too.
func Msg(msg string) string { return msg }
