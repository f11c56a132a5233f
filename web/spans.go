package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"hashiya/db"
	"hashiya/db/codec"
	"hashiya/offsets"
)

// decodeJSON reads a request body strictly: one JSON object, whose unknown
// fields, wrong types, keys given twice or in another case ("Start"), and
// text encoding/json would repair (bytes that are not UTF-8, half a
// surrogate pair) are errors naming the field in JSON's words. The body
// limit bounds what is read. Numbers in free-form values (attributes)
// stay as written (json.Number). A body that says it is something else
// (a form, as curl -d labels what it sends) is refused, not guessed at;
// one that says nothing is read as JSON.
func decodeJSON(c echo.Context, v any) error {
	if err := jsonContentType(c.Request().Header.Get(echo.HeaderContentType)); err != nil {
		return err
	}
	body, err := io.ReadAll(c.Request().Body)
	var he *echo.HTTPError
	if errors.As(err, &he) { // the body limit's 413, from reading the body
		return err
	}
	if err == nil {
		err = decodeOne(body, v)
	}
	if err != nil {
		return badRequest("body: %s", jsonProblem(err))
	}
	if problem := codec.TextProblem(body); problem != "" {
		return badRequest("body: %s", problem)
	}
	if dup := codec.DuplicateKey(body); dup != "" {
		return badRequest("body: %s; send each key once", dup)
	}
	return exactKeys(body, v)
}

// jsonContentType refuses a Content-Type other than application/json
// (with parameters, such as charset=utf-8; JSON is UTF-8, so another
// charset is refused too); an absent one passes.
func jsonContentType(ct string) error {
	if ct == "" {
		return nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return badRequest("body: Content-Type is %s; send application/json", ct)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return badRequest("body: Content-Type is %s; send UTF-8 as application/json", ct)
	}
	return nil
}

// decodeOne decodes the one JSON value body holds into v, refusing
// unknown fields.
func decodeOne(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if err := dec.Decode(&json.RawMessage{}); !errors.Is(err, io.EOF) {
		if err == nil {
			err = errors.New("holds more than one JSON value")
		}
		return err
	}
	return nil
}

// exactKeys refuses a key that names one of v's fields in another case:
// encoding/json matches "START" to "start" whatever DisallowUnknownFields
// says, so {"start": 4, "START": 1} would quietly start at 1.
func exactKeys(body []byte, v any) error {
	var keys map[string]json.RawMessage
	if json.Unmarshal(body, &keys) != nil {
		return nil // not an object: decodeOne has refused it already
	}
	t := reflect.TypeOf(v).Elem()
	var names []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	for _, key := range slices.Sorted(maps.Keys(keys)) {
		if !slices.Contains(names, key) {
			return badRequest("body: unknown field %q (the fields are %s, in lower case)", key, strings.Join(names, ", "))
		}
	}
	return nil
}

// jsonProblem says what is wrong with a request body without Go's names.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field == "":
		return fmt.Sprintf("want a JSON object, not %s", te.Value)
	case errors.As(err, &te):
		return fmt.Sprintf("field %q must be %s, not %s", te.Field, jsonKind(te.Type), te.Value)
	case errors.As(err, &se):
		return fmt.Sprintf("not valid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	case errors.Is(err, io.EOF):
		return "empty; want a JSON object"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "JSON ends too soon"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonKind names a Go type as the JSON value that decodes into it.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return "a JSON value"
}

// listSpans answers a layer with its project's label set and relation
// rules, which the annotation page reads after a save its own answer
// does not account for (setWriteTags): a page loaded before a manager
// changed them sees it, redraws its label bar and offers the links the
// rules now allow. The answer carries its ETag (layerTag). A client
// that names the tag it holds in If-None-Match, and holds the layer as it
// is, is answered 304 Not Modified from the layer's version alone, its
// spans unread.
func (h *handler) listSpans(c echo.Context) error {
	t, owner, err := h.readTarget(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	p, err := h.store.Project(ctx, t.doc.ProjectID)
	if err != nil {
		return err
	}
	name := t.layerLabel(owner)
	if held := c.Request().Header.Get("If-None-Match"); held != "" {
		v, err := h.store.LayerVersion(ctx, t.doc.ID, t.owner)
		if err != nil {
			return err
		}
		tag, err := layerTag(name, t.owner, v, p)
		if err != nil {
			return err
		}
		if tagMatches(held, tag) {
			c.Response().Header().Set("ETag", tag)
			return c.NoContent(http.StatusNotModified)
		}
	}
	l, err := h.store.LayerOf(ctx, t.doc, t.owner)
	if err != nil {
		return err
	}
	tag, err := layerTag(name, t.owner, l.Version, p)
	if err != nil {
		return err
	}
	c.Response().Header().Set("ETag", tag)
	return c.JSON(http.StatusOK, map[string]any{"layer": name, "status": l.Status,
		"spans": l.Spans, "relations": l.Relations, "labels": p.Labels,
		"relation_types": relationTypesJSON(p.RelationTypes)})
}

// relationTypesJSON writes every rule's sides as arrays, an empty one
// (any label) as [] rather than null, so a script reads both alike.
func relationTypesJSON(types []db.RelationType) []db.RelationType {
	out := make([]db.RelationType, len(types))
	for i, rt := range types {
		out[i] = db.RelationType{Name: rt.Name, From: rt.From, To: rt.To}
		if out[i].From == nil {
			out[i].From = []string{}
		}
		if out[i].To == nil {
			out[i].To = []string{}
		}
	}
	return out
}

// snapSpan checks offsets against the text and widens them when asked:
// "word" to whole words, "grapheme" (and "word") to whole grapheme
// clusters. Without snap the offsets are taken as given, and the store
// refuses those that split a letter from its diacritics or an emoji from
// its modifiers: a script is told, never silently corrected.
func snapSpan(doc db.Document, start, end int, snap string) (int, int, error) {
	var err error
	switch snap {
	case "":
		err = offsets.Check(doc.Text, start, end)
	case "grapheme", "word":
		start, end, err = offsets.Snap(doc.Text, start, end, snap == "word")
	default:
		if err = offsets.Check(doc.Text, start, end); err == nil {
			return 0, 0, badRequest("snap: %q is not word or grapheme", snap)
		}
	}
	if err != nil {
		return 0, 0, badRequest("start/end: %v", err)
	}
	return start, end, nil
}

func (h *handler) createSpan(c echo.Context) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	var in struct {
		Start      *int           `json:"start"`
		End        *int           `json:"end"`
		Label      string         `json:"label"`
		Snap       string         `json:"snap"`
		Attributes map[string]any `json:"attributes"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if err := required(field{"start", in.Start != nil}, field{"end", in.End != nil}, field{"label", in.Label != ""}); err != nil {
		return err
	}
	start, end, err := snapSpan(t.doc, *in.Start, *in.End, in.Snap)
	if err != nil {
		return err
	}
	sp, w, err := h.store.CreateSpanVersioned(c.Request().Context(), t.doc, t.owner, t.user.ID, db.SpanInput{Start: start, End: end, Label: in.Label, Attributes: in.Attributes}, ifMatch(c, t))
	if err != nil {
		return err
	}
	if err := setWriteTags(c, t, w); err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, sp)
}

// labelOccurrences gives every other whole-word occurrence of a span's
// text the span's label, in the layer the caller may write, and answers
// with the spans made (201; an empty list when there were none to make).
func (h *handler) labelOccurrences(c echo.Context) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	spanID, err := idParam(c, "s")
	if err != nil {
		return err
	}
	made, err := h.store.LabelOccurrences(c.Request().Context(), t.doc, t.owner, t.user.ID, spanID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string][]db.Span{"spans": made})
}

// updateSpan changes a span's label, offsets or attributes; with
// "unlink_speaker" true, it marks a quotation "speaker not in the text"
// in place of the speaker it has.
func (h *handler) updateSpan(c echo.Context) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	spanID, err := idParam(c, "s")
	if err != nil {
		return err
	}
	var in struct {
		Start         *int           `json:"start"`
		End           *int           `json:"end"`
		Label         *string        `json:"label"`
		Attributes    map[string]any `json:"attributes"`
		UnlinkSpeaker bool           `json:"unlink_speaker"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if (in.Start == nil) != (in.End == nil) || in.Start == nil && in.Label == nil && in.Attributes == nil {
		return badRequest("body: give label, attributes, or start and end together")
	}
	p := db.SpanPatch{Label: in.Label, Attributes: in.Attributes}
	if in.UnlinkSpeaker {
		if err := ifMatchNotHere(c, "unlink_speaker"); err != nil {
			return err
		}
		// The mark in place of the speaker, in one transaction: the answer
		// names the link taken off, which a redo gives back.
		p.Start, p.End = in.Start, in.End // refused: the store names unlink_speaker
		u, err := h.store.UnlinkSpeaker(c.Request().Context(), t.doc, t.owner, t.user.ID, spanID, p)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, u)
	}
	if in.Start != nil {
		start, end, err := snapSpan(t.doc, *in.Start, *in.End, "")
		if err != nil {
			return err
		}
		p.Start, p.End = &start, &end
	}
	sp, w, err := h.store.UpdateSpanVersioned(c.Request().Context(), t.doc, t.owner, t.user.ID, spanID, p, ifMatch(c, t))
	if err != nil {
		return err
	}
	if err := setWriteTags(c, t, w); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sp)
}

func (h *handler) deleteSpan(c echo.Context) error {
	return h.deleteOwned(c, "s", func(ctx context.Context, doc db.Document, owner, by, id int64, check db.LayerCheck) (db.LayerWrite, error) {
		_, w, err := h.store.DeleteSpanVersioned(ctx, doc, owner, by, id, check)
		return w, err
	})
}

// deleteSpans deletes the spans named in the body, with their relations,
// in one transaction: how the page undoes an accept of many suggestions.
func (h *handler) deleteSpans(c echo.Context) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	var in struct {
		IDs []int64 `json:"ids"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	n, w, err := h.store.DeleteSpansVersioned(c.Request().Context(), t.doc, t.owner, t.user.ID, in.IDs, ifMatch(c, t))
	if err != nil {
		return err
	}
	if err := setWriteTags(c, t, w); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]int{"deleted": n})
}

func (h *handler) deleteRelation(c echo.Context) error {
	return h.deleteOwned(c, "r", h.store.DeleteRelationVersioned)
}

// deleteOwned deletes the span or relation named by path parameter param
// from the layer the caller may write; the store's query finds it only
// there, so another layer's id is 404. The answer names the layer's tags
// around the write (setWriteTags).
func (h *handler) deleteOwned(c echo.Context, param string, del func(ctx context.Context, doc db.Document, owner, by, id int64, check db.LayerCheck) (db.LayerWrite, error)) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	id, err := idParam(c, param)
	if err != nil {
		return err
	}
	w, err := del(c.Request().Context(), t.doc, t.owner, t.user.ID, id, ifMatch(c, t))
	if err != nil {
		return err
	}
	if err := setWriteTags(c, t, w); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// createRelation links two spans; with "replace" true, in place of the
// link of that type the quotation (or span) has, in one transaction.
func (h *handler) createRelation(c echo.Context) error {
	t, err := h.writeTarget(c)
	if err != nil {
		return err
	}
	var in struct {
		Type    string `json:"type"`
		From    int64  `json:"from"`
		To      int64  `json:"to"`
		Replace bool   `json:"replace"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if err := required(field{"type", in.Type != ""}, field{"from", in.From != 0}, field{"to", in.To != 0}); err != nil {
		return err
	}
	rel := db.RelationInput{Type: in.Type, From: in.From, To: in.To}
	if in.Replace {
		if err := ifMatchNotHere(c, "replace"); err != nil {
			return err
		}
		rep, err := h.store.ReplaceRelation(c.Request().Context(), t.doc, t.owner, t.user.ID, rel)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, rep)
	}
	r, w, err := h.store.CreateRelationVersioned(c.Request().Context(), t.doc, t.owner, t.user.ID, rel, ifMatch(c, t))
	if err != nil {
		return err
	}
	if err := setWriteTags(c, t, w); err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, r)
}
