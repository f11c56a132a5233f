package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// noteCall sends a JSON API request as a, with the CSRF cookie and header
// on writes, as the annotation page's script sends them.
func noteCall(a *queueActor, method, path, body string) *httptest.ResponseRecorder {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if method != http.MethodGet {
		req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
		req.Header.Set("X-CSRF-Token", apiCSRF)
	}
	req.AddCookie(&http.Cookie{Name: "hashiya_session", Value: a.session})
	return a.env.serve(req)
}

// noteJSON is a NOTE of the API, every field checked for its JSON type.
// It repeats db.Note's fields on purpose: it is the contract as scripts
// read it, so renaming a JSON tag in the store fails this test.
type noteJSON struct {
	ID         int64   `json:"id"`
	Author     string  `json:"author"`
	Body       string  `json:"body"`
	Start      *int    `json:"start"`
	End        *int    `json:"end"`
	Text       *string `json:"text"`
	CreatedAt  string  `json:"created_at"`
	Resolved   bool    `json:"resolved"`
	ResolvedBy *string `json:"resolved_by"`
	Mine       bool    `json:"mine"`
	CanResolve bool    `json:"can_resolve"`
	CanDelete  bool    `json:"can_delete"`
}

// noteFields are the keys of a NOTE, in the contract's order.
var noteFields = []string{"id", "author", "body", "start", "end", "text", "created_at", "resolved", "resolved_by", "mine", "can_resolve", "can_delete"}

// decodeNote checks a response is one NOTE with exactly the contract's
// keys and decodes it.
func decodeNote(t *testing.T, rec *httptest.ResponseRecorder) noteJSON {
	t.Helper()
	var raw map[string]json.RawMessage
	decodeJSON(t, rec, &raw)
	var keys []string
	for k := range raw {
		keys = append(keys, k)
	}
	want := slices.Clone(noteFields)
	slices.Sort(keys)
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Fatalf("note keys %v, want %v", keys, want)
	}
	var n noteJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &n); err != nil {
		t.Fatalf("note %s: %v", rec.Body, err)
	}
	return n
}

// listNotes is GET .../notes as a: the notes' bodies in order, and the notes.
func listNotes(t *testing.T, a *queueActor, docID int64) ([]string, []noteJSON) {
	t.Helper()
	rec := noteCall(a, http.MethodGet, fmt.Sprintf("/api/v1/documents/%d/notes", docID), "")
	expect(t, rec, http.StatusOK)
	var out struct {
		Notes []noteJSON `json:"notes"`
	}
	decodeJSON(t, rec, &out)
	if out.Notes == nil {
		t.Fatalf("notes is not a list: %s", rec.Body)
	}
	bodies := []string{}
	for _, n := range out.Notes {
		bodies = append(bodies, n.Body)
	}
	return bodies, out.Notes
}

// TestNotesAPI: notes through the router, as each member and a stranger.
func TestNotesAPI(t *testing.T) {
	te := newTeamEnv(t)
	notes := fmt.Sprintf("/api/v1/documents/%d/notes", te.doc.ID)
	start, end := cpSpan(t, apiText, "أحمد")

	rec := noteCall(te.layla, http.MethodPost, notes, fmt.Sprintf(`{"body":" Is this PER or ORG?\r\n ","start":%d,"end":%d}`, start, end))
	expect(t, rec, http.StatusCreated)
	t.Logf("a NOTE: %s", rec.Body)
	mine := decodeNote(t, rec)
	if mine.ID == 0 || mine.Author != "layla" || mine.Body != "Is this PER or ORG?" || *mine.Start != start || *mine.End != end ||
		*mine.Text != "أحمد" || mine.Resolved || mine.ResolvedBy != nil || !mine.Mine || !mine.CanResolve || !mine.CanDelete ||
		!strings.HasSuffix(mine.CreatedAt, "Z") || mine.CreatedAt[10] != 'T' {
		t.Errorf("layla's new note %s", rec.Body)
	}
	rec = noteCall(te.rana, http.MethodPost, notes, `{"body":"Titles stay outside PER spans."}`)
	expect(t, rec, http.StatusCreated)
	if raw := rec.Body.String(); !strings.Contains(raw, `"start":null,"end":null,"text":null`) || !strings.Contains(raw, `"resolved_by":null`) {
		t.Errorf("a note on the whole document: %s", raw)
	}
	ranas := decodeNote(t, rec)
	karims := decodeNote(t, noteCall(te.karim, http.MethodPost, notes, `{"body":"karim's own"}`))

	for _, tt := range []struct {
		who  *queueActor
		want []string
	}{
		{te.layla, []string{"Is this PER or ORG?", "Titles stay outside PER spans."}},
		{te.karim, []string{"Titles stay outside PER spans.", "karim's own"}},
		{te.rana, []string{"Is this PER or ORG?", "Titles stay outside PER spans.", "karim's own"}},
		{te.samir, []string{"Is this PER or ORG?", "Titles stay outside PER spans.", "karim's own"}},
		{te.amina, []string{"Is this PER or ORG?", "Titles stay outside PER spans.", "karim's own"}},
	} {
		if got, _ := listNotes(t, tt.who, te.doc.ID); !slices.Equal(got, tt.want) {
			t.Errorf("%s lists %q, want %q", tt.who.user.Name, got, tt.want)
		}
	}
	if _, list := listNotes(t, te.rana, te.doc.ID); list[0].Mine || !list[0].CanResolve || list[0].CanDelete || !list[1].Mine {
		t.Errorf("rana's flags on layla's and her own note: %+v", list[:2])
	}

	note := func(id int64) string { return fmt.Sprintf("%s/%d", notes, id) }
	for _, tt := range []struct {
		name          string
		who           *queueActor
		method, path  string
		body          string
		status        int
		errorContains string
	}{
		{"a non-member lists", te.omar, http.MethodGet, notes, "", 404, "not found"},
		{"a non-member writes", te.omar, http.MethodPost, notes, `{"body":"hi"}`, 404, "not found"},
		{"a non-member resolves", te.omar, http.MethodPatch, note(mine.ID), `{"resolved":true}`, 404, "not found"},
		{"an annotator resolves another's note", te.karim, http.MethodPatch, note(mine.ID), `{"resolved":true}`, 404, "not found"},
		{"an annotator deletes another's note", te.karim, http.MethodDelete, note(mine.ID), "", 404, "not found"},
		{"an annotator resolves the reviewer's note", te.layla, http.MethodPatch, note(ranas.ID), `{"resolved":true}`, 403, "may resolve"},
		{"an annotator deletes the reviewer's note", te.layla, http.MethodDelete, note(ranas.ID), "", 403, "may delete"},
		{"a reviewer deletes an annotator's note", te.rana, http.MethodDelete, note(mine.ID), "", 403, "may delete"},
		{"a note that does not exist", te.samir, http.MethodPatch, note(999999), `{"resolved":true}`, 404, "not found"},
		{"a note id that is no number", te.samir, http.MethodDelete, notes + "/abc", "", 400, `note id "abc"`},
		{"a document that does not exist", te.samir, http.MethodGet, "/api/v1/documents/999999/notes", "", 404, "not found"},
		{"another document's note", te.samir, http.MethodDelete, fmt.Sprintf("/api/v1/documents/%d/notes/%d", te.docs[1].ID, mine.ID), "", 404, "not found"},
		{"no resolved", te.rana, http.MethodPatch, note(mine.ID), `{}`, 400, "resolved: "},
		{"resolved not a bool", te.rana, http.MethodPatch, note(mine.ID), `{"resolved":"yes"}`, 400, "body: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := noteCall(tt.who, tt.method, tt.path, tt.body)
			expect(t, rec, tt.status)
			if msg := errorOf(t, rec); !strings.Contains(msg, tt.errorContains) {
				t.Errorf("error %q, want it to say %q", msg, tt.errorContains)
			}
		})
	}
	if got, _ := listNotes(t, te.samir, te.doc.ID); len(got) != 3 {
		t.Fatalf("after refused requests the notes are %q", got)
	}

	// The reviewer resolves the annotator's note; the author reopens it.
	rec = noteCall(te.rana, http.MethodPatch, note(mine.ID), `{"resolved":true}`)
	expect(t, rec, http.StatusOK)
	if n := decodeNote(t, rec); !n.Resolved || n.ResolvedBy == nil || *n.ResolvedBy != "rana" || n.Mine || n.Body != mine.Body {
		t.Errorf("resolved by rana: %s", rec.Body)
	}
	if _, list := listNotes(t, te.layla, te.doc.ID); !list[0].Resolved || *list[0].ResolvedBy != "rana" {
		t.Errorf("layla's list after rana resolved her note: %+v", list[0])
	}
	rec = noteCall(te.layla, http.MethodPatch, note(mine.ID), `{"resolved":false}`)
	expect(t, rec, http.StatusOK)
	if n := decodeNote(t, rec); n.Resolved || n.ResolvedBy != nil || !strings.Contains(rec.Body.String(), `"resolved_by":null`) {
		t.Errorf("reopened by layla: %s", rec.Body)
	}
	// The manager resolves the reviewer's; karim deletes his own; the
	// manager deletes layla's.
	expect(t, noteCall(te.samir, http.MethodPatch, note(ranas.ID), `{"resolved":true}`), http.StatusOK)
	for _, del := range []struct {
		who *queueActor
		id  int64
	}{{te.karim, karims.ID}, {te.samir, mine.ID}} {
		rec := noteCall(del.who, http.MethodDelete, note(del.id), "")
		expect(t, rec, http.StatusNoContent)
		if rec.Body.Len() != 0 {
			t.Errorf("204 with a body: %s", rec.Body)
		}
	}
	expect(t, noteCall(te.samir, http.MethodDelete, note(mine.ID), ""), http.StatusNotFound)
	if got, _ := listNotes(t, te.rana, te.doc.ID); !slices.Equal(got, []string{"Titles stay outside PER spans."}) {
		t.Errorf("left: %q", got)
	}
	for action, want := range map[string]int{"note.add": 3, "note.resolve": 2, "note.reopen": 1, "note.delete": 2} {
		if got := te.events(action); got != want {
			t.Errorf("%d %s events, want %d", got, action, want)
		}
	}
}

// TestNotesAPIValidation: a refused note is 400 naming its field, and
// writes nothing.
func TestNotesAPIValidation(t *testing.T) {
	te := newTeamEnv(t)
	notes := fmt.Sprintf("/api/v1/documents/%d/notes", te.doc.ID)
	thumb, _ := cpSpan(t, apiText, "👍🏽")
	n := len([]rune(apiText))
	for _, tt := range []struct {
		name, body, want string
	}{
		{"no body", `{"start":0,"end":3}`, "body: "},
		{"empty body", `{"body":""}`, "body: "},
		{"blank body", `{"body":" \n\t\r\n"}`, "body: "},
		{"body too long", `{"body":"` + strings.Repeat("ن", 2001) + `"}`, "body: 2001 characters"},
		{"control character", `{"body":"a\u0007b"}`, "body: control character U+0007"},
		{"bidi override", `{"body":"a\u202eb"}`, "body: control character U+202E"},
		{"not UTF-8", "{\"body\":\"a\xffb\"}", "body: not valid UTF-8: byte 0xff"},
		{"body not a string", `{"body":3}`, "body: "},
		{"unknown field", `{"body":"x","passage":"y"}`, "body: "},
		{"start without end", `{"body":"x","start":1}`, "start/end: "},
		{"end without start", `{"body":"x","end":1}`, "start/end: "},
		{"negative start", `{"body":"x","start":-1,"end":2}`, "start/end: "},
		{"start equals end", `{"body":"x","start":2,"end":2}`, "start/end: "},
		{"end past the text", fmt.Sprintf(`{"body":"x","start":0,"end":%d}`, n+1), "start/end: "},
		{"splits an emoji", fmt.Sprintf(`{"body":"x","start":%d,"end":%d}`, thumb, thumb+1), "start/end: "},
		{"not JSON", `body=x`, "body: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := noteCall(te.layla, http.MethodPost, notes, tt.body)
			expect(t, rec, http.StatusBadRequest)
			if msg := errorOf(t, rec); !strings.HasPrefix(msg, tt.want) {
				t.Errorf("error %q, want it to start %q", msg, tt.want)
			}
		})
	}
	if got, _ := listNotes(t, te.samir, te.doc.ID); len(got) != 0 || te.events("note.add") != 0 {
		t.Errorf("refused notes stored %q", got)
	}
	// The edges that hold.
	for _, body := range []string{
		`{"body":"` + strings.Repeat("ن", 2000) + `"}`,
		fmt.Sprintf(`{"body":"whole text","start":0,"end":%d}`, n),
		fmt.Sprintf(`{"body":"whole emoji","start":%d,"end":%d}`, thumb, thumb+2),
		`{"body":"null passage","start":null,"end":null}`,
	} {
		expect(t, noteCall(te.layla, http.MethodPost, notes, body), http.StatusCreated)
	}
}

// TestNotesOnActivityPage: the manager's activity page says what each
// note event did.
func TestNotesOnActivityPage(t *testing.T) {
	te := newTeamEnv(t)
	notes := fmt.Sprintf("/api/v1/documents/%d/notes", te.doc.ID)
	start, end := cpSpan(t, apiText, "أحمد")
	n := decodeNote(t, noteCall(te.layla, http.MethodPost, notes, fmt.Sprintf(`{"body":"PER?","start":%d,"end":%d}`, start, end)))
	expect(t, noteCall(te.rana, http.MethodPatch, fmt.Sprintf("%s/%d", notes, n.ID), `{"resolved":true}`), http.StatusOK)
	expect(t, noteCall(te.layla, http.MethodPatch, fmt.Sprintf("%s/%d", notes, n.ID), `{"resolved":false}`), http.StatusOK)
	expect(t, noteCall(te.samir, http.MethodDelete, fmt.Sprintf("%s/%d", notes, n.ID), ""), http.StatusNoContent)

	page := htmlPage(t, te.samir.get(fmt.Sprintf("/projects/%d/activity", te.proj.ID)), http.StatusOK)
	got := activityRows(page.Find("table.activity tbody tr").Slice(0, 4))
	id := n.ID
	want := []string{
		fmt.Sprintf("samir | doc-1 | deleted layla's note #%d on 13–17 “أحمد”: “PER?”", id),
		fmt.Sprintf("layla | doc-1 | reopened layla's note #%d: “PER?”", id),
		fmt.Sprintf("rana | doc-1 | resolved layla's note #%d: “PER?”", id),
		fmt.Sprintf("layla | doc-1 | added note #%d on 13–17 “أحمد”: “PER?”", id),
	}
	if !slices.Equal(got, want) {
		t.Errorf("activity rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOpenNotesFilter: the document list filters on open notes the caller
// may read (?notes=open, on the page and in the API, kept by the pager),
// and a reviewer's home counts a project's open notes, linking there.
func TestOpenNotesFilter(t *testing.T) {
	te := newTeamEnv(t)
	doc2 := te.docs[1]
	for _, c := range []struct {
		who  *queueActor
		doc  int64
		body string
	}{{te.layla, te.doc.ID, "layla asks"}, {te.karim, doc2.ID, "karim asks"}} {
		expect(t, noteCall(c.who, http.MethodPost, fmt.Sprintf("/api/v1/documents/%d/notes", c.doc), fmt.Sprintf(`{"body":%q}`, c.body)), http.StatusCreated)
	}
	ids := func(who *queueActor, query string) []string {
		t.Helper()
		rec := who.get(fmt.Sprintf("/api/v1/projects/%d/documents?%s", te.proj.ID, query))
		expect(t, rec, http.StatusOK)
		var out struct {
			Documents []struct {
				ExternalID string `json:"external_id"`
				OpenNotes  int    `json:"open_notes"`
			} `json:"documents"`
		}
		decodeJSON(t, rec, &out)
		var got []string
		for _, d := range out.Documents {
			got = append(got, fmt.Sprintf("%s:%d", d.ExternalID, d.OpenNotes))
		}
		return got
	}
	// layla reads only her own note; the reviewer reads both.
	if got := strings.Join(ids(te.layla, "notes=open"), " "); got != te.doc.ExternalID+":1" {
		t.Errorf("layla's documents with open notes: %q", got)
	}
	if got := strings.Join(ids(te.rana, "notes=open"), " "); got != te.doc.ExternalID+":1 "+doc2.ExternalID+":1" {
		t.Errorf("rana's documents with open notes: %q", got)
	}
	expect(t, te.rana.get(fmt.Sprintf("/api/v1/projects/%d/documents?notes=some", te.proj.ID)), http.StatusBadRequest)

	// The page: the box is ticked, the pager and forms keep the filter.
	d := htmlPage(t, te.rana.get(fmt.Sprintf("/projects/%d?notes=open", te.proj.ID)), http.StatusOK)
	if d.Find("#filter-notes[checked]").Length() != 1 || d.Find("tbody tr").Length() != 2 || d.Find("#filter-clear").Length() != 1 {
		t.Errorf("filtered page: %q", strings.Join(strings.Fields(d.Find("#documents-title").Parent().Text()), " "))
	}
	// The reviewer's home counts them and links to the filtered list.
	home := htmlPage(t, te.rana.get("/"), http.StatusOK)
	link := home.Find(".review-item a.notes-link")
	if link.Text() != "2 open notes" || link.AttrOr("href", "") != fmt.Sprintf("/projects/%d?notes=open#documents-title", te.proj.ID) {
		t.Errorf("home's notes link %q -> %q", link.Text(), link.AttrOr("href", ""))
	}
}

// TestNotePassageSnaps: a passage ending inside a grapheme cluster (the
// skin tone after 👍) is refused as sent, and widened to the whole
// cluster with "snap":"grapheme", as a span is.
func TestNotePassageSnaps(t *testing.T) {
	te := newTeamEnv(t)
	notes := fmt.Sprintf("/api/v1/documents/%d/notes", te.doc.ID)
	start, end := cpSpan(t, apiText, "👍🏽")
	split := fmt.Sprintf(`{"body":"this one","start":%d,"end":%d`, start, end-1)
	expect(t, noteCall(te.layla, http.MethodPost, notes, split+"}"), http.StatusBadRequest)
	expect(t, noteCall(te.layla, http.MethodPost, notes, split+`,"snap":"word"}`), http.StatusBadRequest)
	rec := noteCall(te.layla, http.MethodPost, notes, split+`,"snap":"grapheme"}`)
	expect(t, rec, http.StatusCreated)
	if n := decodeNote(t, rec); *n.Start != start || *n.End != end || *n.Text != "👍🏽" {
		t.Errorf("snapped note %s", rec.Body)
	}
}
