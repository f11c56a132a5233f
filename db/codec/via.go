package codec

import "fmt"

// Via is where an import was asked for, so that a refusal names the
// control to use there: the command line's flag, the API's parameter,
// or the import form's field by the words it shows. One hint naming all
// three would leave each reader to pick theirs out.
type Via int

const (
	ViaAny         Via = iota // not said: a refusal names every way
	ViaCommandLine            // hashiya import
	ViaAPI                    // a script with an API token
	ViaForm                   // the project page's import form
)

// utf16Control says, in brackets, where to ask for a doccano file's
// offsets to be read as UTF-16 units.
func (v Via) utf16Control() string {
	switch v {
	case ViaCommandLine:
		return "(--offsets utf16)"
	case ViaAPI:
		return "(offsets=utf16)"
	case ViaForm:
		return "(“UTF-16 units” for “doccano offsets count” on the import form)"
	}
	return "(--offsets utf16 on the command line, offsets=utf16 in the API, “UTF-16 units” on the import form)"
}

// layerControl says how to import into layer (a name, or NAME for any):
// "with" and the control: on the import form, its choice of where the
// file's labels go.
func (v Via) layerControl(layer string) string {
	switch v {
	case ViaCommandLine:
		return "with --layer " + layer
	case ViaAPI:
		return "with layer=" + layer
	case ViaForm:
		return fmt.Sprintf("with “Into a member's layer: %s” under “Labels in the file” on the import form", layer)
	}
	return fmt.Sprintf("with --layer %s (layer=%s in the API)", layer, layer)
}
