package web

import (
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode"

	"github.com/labstack/echo/v4"

	"hashiya/db"
	"hashiya/db/codec"
)

// export streams a project's layer as JSONL; rows are written as they are
// read, so a large project never has to fit in memory or time out. An
// error once the first row is out cannot become a status any more:
// handleError breaks the connection off (abortResponse), so the client
// never takes a truncated export for a whole one.
func (h *handler) export(c echo.Context) error {
	p, err := h.managedProject(c)
	if err != nil {
		return err
	}
	format := c.QueryParam("format")
	if format == "" {
		format = "jsonl"
	}
	layer := c.QueryParam("layer")
	switch layer {
	case "":
		layer = "gold"
	case "mine": // as the span routes read it: the caller's own layer
		layer = currentUser(c).Name
	}
	res := c.Response()
	w, err := codec.NewWriter(res, format)
	if err != nil {
		return badRequest("format: %v", err)
	}
	if unit := c.QueryParam("offsets"); unit != "" {
		if err := w.CountIn(unit); err != nil {
			return badRequest("offsets: %v", err)
		}
	}
	if layer == db.AllLayers {
		if err := w.AllLayers(); err != nil {
			return badRequest("layer: %v", err)
		}
	}
	write, err := db.WithStatus(c.QueryParam("status"), w.Write)
	if err != nil {
		return err
	}
	part := c.QueryParam("part")
	if write, err = codec.PartFilter(c.QueryParam("split"), part, c.QueryParam("seed"), write); err != nil {
		return badRequest("%v", err)
	}
	name := fmt.Sprintf("%s-%s-%s", p.Name, layer, format)
	if part != "" {
		name += "-" + part
	}
	// The status goes out with the first line, not before: an error found
	// before any row (an unknown layer) must still become a 400.
	start := func() {
		ctype, ext := codec.MediaType(format)
		res.Header().Set(echo.HeaderContentType, ctype)
		res.Header().Set("Content-Disposition", attachment(name+"."+ext, fmt.Sprintf("project-%d.%s", p.ID, ext)))
		res.WriteHeader(http.StatusOK)
	}
	n := 0
	err = h.store.ExportLayers(c.Request().Context(), p.ID, layer, func(d codec.ExportDoc) error {
		if n == 0 {
			start()
		}
		if err := write(d); err != nil {
			return err
		}
		if n++; n%64 == 0 {
			res.Flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		start()
	}
	return w.Close()
}

// attachment is a Content-Disposition naming the download after the
// project (an Arabic name included, RFC 2231 encoded where it is not
// ASCII), or fallback when the name cannot be sent as a file name.
func attachment(name, fallback string) string {
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || unicode.IsControl(r) {
			return '_'
		}
		return r
	}, name)
	if v := mime.FormatMediaType("attachment", map[string]string{"filename": name}); v != "" {
		return v
	}
	return mime.FormatMediaType("attachment", map[string]string{"filename": fallback})
}
