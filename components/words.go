package components

import "fmt"

// Plural is n things, in words: "1 span", "3 spans".
func Plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
