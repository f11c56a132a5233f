package components

// The Arabic of Compare in the text's chips, where the room is a phone's
// line: gold by a short name, the layer's line naming it in full.
func init() {
	addArabic(map[string]string{
		"gold, as a chip names it": "الذهبية",
	}, nil)
}
