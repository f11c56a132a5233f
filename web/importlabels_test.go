package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"hashiya/db"
)

// TestImportLabelsGoWhereChosen: the import form's "Labels in the file"
// sends a labelled file's spans into gold, into a member's layer
// (?layer=), or leaves them out (?texts_only=1), the documents coming in
// either way; the summary and the activity log say where they went. A
// user not in the project is refused naming the form's control in the
// page's language, nothing imported.
func TestImportLabelsGoWhereChosen(t *testing.T) {
	ps, pe := cpSpan(t, apiText, "أحمد")
	rs, re := cpSpan(t, apiText, "الرياض")
	file := fmt.Sprintf(`{"text":%q,"label":[[%d,%d,"PER"],[%d,%d,"LOC"]]}`+"\n", apiText+" ثانيًا", ps, pe, rs, re)
	tests := []struct {
		name, query, lang string
		member            bool // omar is a member of the project
		status            int
		gold, omars       int // spans stored in each layer
		says, logSays     string
	}{
		{"into gold", "", "", false, http.StatusCreated, 2, 0,
			"Imported 1 document with 2 spans into gold", "imported 1 document with 2 spans from corpus.jsonl into gold"},
		{"into a member's layer", "&layer=omar", "", true, http.StatusCreated, 0, 2,
			"Imported 1 document with 2 spans into \u2068omar\u2069's layer", "imported 1 document with 2 spans from corpus.jsonl into omar's layer"},
		{"texts only", "&texts_only=1", "", true, http.StatusCreated, 0, 0,
			"Imported 1 document; their 2 spans were left out", "imported 1 document from corpus.jsonl, texts only: their 2 spans were left out"},
		{"texts only, in Arabic", "&texts_only=1", "ar", true, http.StatusCreated, 0, 0,
			"استُورد مستند واحد دون ما في الملف من توسيم: مقطعان", ""},
		{"a user not in the project", "&layer=omar", "", false, http.StatusBadRequest, 0, 0,
			"Nothing was imported: \u2068omar\u2069 is not a member of this project. Choose a member under “Into a member's layer” in “Labels in the file”, or add them under Members first.", ""},
		{"a user not in the project, in Arabic", "&layer=omar", "ar", false, http.StatusBadRequest, 0, 0,
			"لم يُستورد شيء: \u2068omar\u2069 ليس عضوًا في هذا المشروع. اختر عضوًا في «إلى طبقة عضو» ضمن «الوسوم التي في الملف»، أو أضفه في قسم الأعضاء أولًا.", ""},
		{"texts only into a layer", "&texts_only=1&layer=omar", "", true, http.StatusBadRequest, 0, 0,
			"texts_only: a texts-only import writes no layer, so it takes no layer=omar", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newAPIEnv(t)
			ctx := context.Background()
			if tt.member {
				if err := env.store.SetMember(ctx, env.proj.ID, env.user, env.other, db.RoleAnnotator); err != nil {
					t.Fatal(err)
				}
			}
			req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/v1/projects/%d/documents?format=doccano&name=corpus.jsonl%s", env.proj.ID, tt.query), strings.NewReader(file))
			req.AddCookie(&http.Cookie{Name: "hashiya_csrf", Value: apiCSRF})
			req.Header.Set("X-CSRF-Token", apiCSRF)
			req.Header.Set("Content-Type", "application/octet-stream")
			req.Header.Set("Hashiya-Import-Form", "1")
			if tt.lang != "" {
				req.Header.Set("Accept-Language", tt.lang)
			}
			rec := env.serve(req)
			expect(t, rec, tt.status)
			list, err := env.store.Documents(ctx, env.proj.ID, env.user, db.DocumentPage{Limit: db.MaxPageLimit})
			if err != nil {
				t.Fatal(err)
			}
			if tt.status != http.StatusCreated {
				if msg := errorOf(t, rec); msg != tt.says {
					t.Errorf("refusal\n%s\nwant\n%s", msg, tt.says)
				}
				if len(list.Docs) != 1 {
					t.Errorf("%d documents after a refusal, want the 1 there was", len(list.Docs))
				}
				return
			}
			var body struct{ Summary string }
			decodeJSON(t, rec, &body)
			if body.Summary != tt.says {
				t.Errorf("summary %q, want %q", body.Summary, tt.says)
			}
			if len(list.Docs) != 2 {
				t.Fatalf("%d documents, want 2: the texts come in whatever happens to their labels", len(list.Docs))
			}
			doc, err := env.store.Document(ctx, list.Docs[1].ID)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(env.layer(doc, 0).Spans); n != tt.gold {
				t.Errorf("gold holds %d spans, want %d", n, tt.gold)
			}
			if n := len(env.layer(doc, env.other.ID).Spans); n != tt.omars {
				t.Errorf("omar's layer holds %d spans, want %d", n, tt.omars)
			}
			if tt.logSays == "" {
				return
			}
			page := env.serve(httptest.NewRequest(http.MethodGet, fmt.Sprintf("/projects/%d/activity", env.proj.ID), nil))
			expect(t, page, http.StatusOK)
			d, err := goquery.NewDocumentFromReader(page.Body)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(strings.NewReplacer("\u2068", "", "\u2069", "").Replace(d.Find("main").Text())), " ")
			if !strings.Contains(text, tt.logSays) {
				t.Errorf("the activity log does not say %q:\n%s", tt.logSays, text)
			}
		})
	}
}
