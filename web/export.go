package web

import (
	"context"
	"fmt"
	"maps"
	"mime"
	"net/http"
	"slices"
	"strings"
	"unicode"

	"github.com/labstack/echo/v4"

	"hashiya/components"
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
	if err := onlyExportParams(c); err != nil {
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
	out := &startOnWrite{res: res}
	w, err := codec.NewWriter(out, format)
	if err != nil {
		return badRequest("format: %v", err)
	}
	if unit := c.QueryParam("offsets"); unit != "" {
		if err := w.CountIn(unit); err != nil {
			return badRequest("offsets: %v", err)
		}
	}
	if tokens := c.QueryParam("tokens"); tokens != "" {
		if err := w.TokensAt(tokens); err != nil {
			return badRequest("tokens: %v", err)
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
	// The status goes out with the first byte the format writes, not
	// before: an error found before any row (an unknown layer) must still
	// become a 400, and an export that writes nothing must still be able
	// to say so.
	out.start = func() {
		ctype, ext := codec.MediaType(format)
		res.Header().Set(echo.HeaderContentType, ctype)
		res.Header().Set("Content-Disposition", attachment(name+"."+ext, fmt.Sprintf("project-%d.%s", p.ID, ext)))
		res.WriteHeader(http.StatusOK)
	}
	n := 0
	err = h.store.ExportLayers(c.Request().Context(), p.ID, layer, func(d codec.ExportDoc) error {
		if err := write(d); err != nil {
			return err
		}
		if n++; n%64 == 0 && out.started {
			res.Flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !out.started {
		return h.emptyExport(c, w, out, p, exportQuery{format, layer, c.QueryParam("status"), part})
	}
	return w.Close()
}

// exportParams are the query parameters an export reads.
var exportParams = []string{"format", "layer", "status", "offsets", "tokens", "part", "split", "seed"}

// onlyExportParams refuses a parameter the export does not read: a
// script asking for ?lyaer=karim would otherwise get gold, the default,
// and take it for karim's layer.
func onlyExportParams(c echo.Context) error {
	for _, name := range slices.Sorted(maps.Keys(c.QueryParams())) {
		if !slices.Contains(exportParams, name) {
			return badRequest("%s: an export reads no such parameter; it reads %s", name, strings.Join(exportParams, ", "))
		}
	}
	return nil
}

// startOnWrite passes an export on to the response, sending its headers
// (start) with the first byte. Nothing is held back: the export still
// streams.
type startOnWrite struct {
	res     *echo.Response
	start   func()
	started bool
}

func (s *startOnWrite) Write(b []byte) (int, error) {
	if len(b) == 0 { // a document with no line in this format (quotes)
		return 0, nil
	}
	if !s.started {
		s.started = true
		s.start()
	}
	return s.res.Write(b)
}

// exportQuery is what an export was asked for, to say what it found.
type exportQuery struct{ format, layer, status, part string }

// emptyExport answers an export that wrote nothing (no documents pass its
// filters, or no quotations in the quotes format). A script gets what it
// asked for, an empty 200 download (or Label Studio's empty array), with
// a Hashiya-Export: empty header; a person who pressed Download on the
// project page gets a page saying there was nothing to export and why,
// rather than an empty file that looks like a failed download.
func (h *handler) emptyExport(c echo.Context, w *codec.Writer, out *startOnWrite, p db.Project, q exportQuery) error {
	c.Response().Header().Set("Hashiya-Export", "empty")
	if c.Request().Header.Get("Sec-Fetch-Mode") != "navigate" {
		out.start()
		out.started = true
		return w.Close()
	}
	counts, err := h.store.ExportCounts(c.Request().Context(), p.ID, currentUser(c))
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	reason := emptyExportReason(ctx, p, q)
	if q.status != "" || q.part != "" || q.format == "quotes" {
		// In the export form's words, what the layer holds without them.
		reason += " " + components.Tf(ctx, "At any status and in every part, %s holds %s.", layerName(ctx, q.layer), components.LayerHoldsIn(ctx, counts[db.ExportFilter{}], q.layer))
	}
	return render(c, http.StatusOK, components.ErrorPage(h.page(c, "Nothing to export"), http.StatusOK, reason))
}

// layerName is the export layer as the export form names it.
func layerName(ctx context.Context, layer string) string {
	switch layer {
	case db.AllLayers:
		return components.T(ctx, "every layer")
	case "gold":
		return components.T(ctx, "gold")
	}
	return layer
}

// emptyExportReason says what an empty export held none of: "No
// quotations in gold of news, with status reviewed, in the test part:
// the file would be empty."
func emptyExportReason(ctx context.Context, p db.Project, q exportQuery) string {
	things := components.T(ctx, "No documents")
	if q.format == "quotes" {
		things = components.T(ctx, "No quotations")
	}
	where := components.T(ctx, "in gold")
	switch q.layer {
	case "gold":
	case db.AllLayers:
		where = components.T(ctx, "in any layer")
	default:
		where = components.Tf(ctx, "in %s's layer", q.layer)
	}
	s := components.Tf(ctx, "%s %s of %s", things, where, p.Name)
	if q.status != "" {
		s += components.Tf(ctx, ", with status %s", components.T(ctx, strings.ReplaceAll(q.status, "_", " ")))
	}
	if q.part != "" {
		s += components.Tf(ctx, ", in the %s part", q.part)
	}
	return s + components.T(ctx, ": the file would be empty, so none was downloaded. A script asking for it gets an empty file.")
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
