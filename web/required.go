package web

import "strings"

// field is a body field a request needs, and whether it was given (a
// null counts as not given, as does an empty string or a zero id).
type field struct {
	name  string
	given bool
}

// required refuses a body that lacks any of fields, naming exactly the
// ones it lacks: "body: end is required", "body: start and label are
// required".
func required(fields ...field) error {
	var missing []string
	for _, f := range fields {
		if !f.given {
			missing = append(missing, f.name)
		}
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return badRequest("body: %s is required", missing[0])
	}
	last := len(missing) - 1
	return badRequest("body: %s and %s are required", strings.Join(missing[:last], ", "), missing[last])
}
