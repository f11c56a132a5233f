package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hashiya/db"
)

// labelsAnswer is what PUT /api/v1/projects/:p/labels answers.
type labelsAnswer struct {
	db.LabelSet
	Changed bool     `json:"changed"`
	Changes []string `json:"changes"`
}

func (env *apiEnv) labelsURL() string { return fmt.Sprintf("/api/v1/projects/%d/labels", env.proj.ID) }

// replaceCount is how many times the log says the label set was replaced.
func (env *apiEnv) replaceCount() int {
	env.t.Helper()
	n, err := env.store.EventCount(env.t.Context(), "labels.replace")
	if err != nil {
		env.t.Fatal(err)
	}
	return n
}

// TestAPIPutLabelsRoundTrip: what GET answers, sent back by PUT, changes
// nothing, logs nothing and says so; the answer is the set as GET gives it.
func TestAPIPutLabelsRoundTrip(t *testing.T) {
	env := newAPIEnv(t)
	got := env.do(http.MethodGet, env.labelsURL(), nil)
	expect(t, got, http.StatusOK)
	before := got.Body.String()
	put := env.do(http.MethodPut, env.labelsURL(), before)
	expect(t, put, http.StatusOK)
	var a labelsAnswer
	decodeJSON(t, put, &a)
	if a.Changed || a.Changes == nil || len(a.Changes) != 0 {
		t.Errorf("sending the set back answers changed=%v, changes %q; want false and []", a.Changed, a.Changes)
	}
	var want db.LabelSet
	if err := json.Unmarshal([]byte(before), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.LabelSet, want) {
		t.Errorf("answered the set\n%+v\nwant\n%+v", a.LabelSet, want)
	}
	if n := env.replaceCount(); n != 0 {
		t.Errorf("a set that changes nothing was logged %d times", n)
	}
	if after := env.do(http.MethodGet, env.labelsURL(), nil).Body.String(); after != before {
		t.Errorf("GET after the round trip reads\n%s\nwant\n%s", after, before)
	}
}

// TestAPIPutLabelsReplaces: a manager's PUT replaces labels and rules in
// one go, answers the new set with a line per change, and is logged.
func TestAPIPutLabelsReplaces(t *testing.T) {
	env := newAPIEnv(t)
	body := `{"labels": [
	  {"name": "PER", "color": "#112233", "hotkey": "1"},
	  {"name": "ORG", "color": "#0090ff", "hotkey": "2"},
	  {"name": "QUOTE", "color": "#ffc53d", "hotkey": "6"},
	  {"name": "WORK", "color": "#123456", "hotkey": "8", "description": "a book or a film"}
	], "relation_types": [{"name": "speaker", "from": ["QUOTE"], "to": ["PER"]}]}`
	rec := env.do(http.MethodPut, env.labelsURL(), body)
	expect(t, rec, http.StatusOK)
	var a labelsAnswer
	decodeJSON(t, rec, &a)
	names := func(labels []db.Label) (out []string) {
		for _, l := range labels {
			out = append(out, l.Name)
		}
		return out
	}
	if !a.Changed || !slices.Equal(names(a.Labels), []string{"PER", "ORG", "QUOTE", "WORK"}) || len(a.RelationTypes) != 1 {
		t.Errorf("answered changed=%v, labels %q, rules %+v", a.Changed, names(a.Labels), a.RelationTypes)
	}
	for _, want := range []string{"added label WORK (#123456, hotkey 8)", "removed label LOC (#30a46c, hotkey 3)",
		"changed label PER: colour #e5484d → #112233", "removed relation rule cue: QUOTE → CUE",
		"changed relation rule speaker: QUOTE → PER (was speaker: QUOTE → PER/ORG)"} {
		if !slices.Contains(a.Changes, want) {
			t.Errorf("the changes %q lack %q", a.Changes, want)
		}
	}
	p, err := env.store.Project(t.Context(), env.proj.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(db.LabelSetOf(p), a.LabelSet) {
		t.Errorf("the store holds\n%+v\nthe answer says\n%+v", db.LabelSetOf(p), a.LabelSet)
	}
	if n := env.replaceCount(); n != 1 {
		t.Errorf("the replacement was logged %d times, want once", n)
	}
	activity := env.do(http.MethodGet, fmt.Sprintf("/projects/%d/activity", env.proj.ID), nil).Body.String()
	if !strings.Contains(activity, "replaced the label set with") || strings.Contains(activity, "from the file") {
		t.Error("the activity log does not say the label set was replaced, not from a file")
	}
	// Sent again, it changes nothing more.
	again := env.do(http.MethodPut, env.labelsURL(), body)
	expect(t, again, http.StatusOK)
	decodeJSON(t, again, &a)
	if a.Changed || env.replaceCount() != 1 {
		t.Errorf("the same set sent twice changed the project again: %q", a.Changes)
	}
}

// TestAPIPutLabelsRefusals: a set that leaves out labels spans use, names
// a label it lacks in a rule, or is not a labels file is refused naming
// what is wrong, and changes nothing; only managers may send one.
func TestAPIPutLabelsRefusals(t *testing.T) {
	env := newAPIEnv(t)
	env.addSpan(env.user.ID, "أحمد", "PER")
	gold := env.addSpan(0, "الوزير", "PER")
	env.addSpan(env.user.ID, "الرياض", "LOC")
	quote := env.addSpan(0, "«الاقتصاد ينمو»", "QUOTE")
	if _, err := env.store.CreateRelation(t.Context(), env.doc, 0, env.user.ID, db.RelationInput{Type: "speaker", From: quote.ID, To: gold.ID}); err != nil {
		t.Fatal(err)
	}
	only := func(labels string) string { return `{"labels": [` + labels + `]}` }
	var current db.LabelSet
	decodeJSON(t, env.do(http.MethodGet, env.labelsURL(), nil), &current)
	withRules := func(rules ...db.RelationType) string {
		set := current
		set.RelationTypes = rules
		body, err := json.Marshal(set)
		if err != nil {
			t.Fatal(err)
		}
		return string(body)
	}
	withLabels := func(l ...db.Label) string {
		set := current
		set.Labels = append(slices.Clone(current.Labels), l...)
		body, err := json.Marshal(set)
		if err != nil {
			t.Fatal(err)
		}
		return string(body)
	}
	org := `{"name": "ORG", "color": "#0090ff", "hotkey": "2"}`
	for _, tc := range []struct {
		name, body string
		status     int
		want       string
	}{
		{"labels in use left out", only(org), 400,
			"labels: label PER is used by 2 spans, label LOC by 1 span and label QUOTE by 1 span; they cannot be removed or renamed"},
		{"a rule naming a label the set lacks", `{"labels": [` + org + `], "relation_types": [{"name": "speaker", "from": ["QUOTE"], "to": ["ORG"]}]}`, 400,
			"relation type speaker names label QUOTE, which the label set does not have"},
		{"a rule relations use left out", withRules(db.RelationType{Name: "cue", From: []string{"QUOTE"}, To: []string{"CUE"}}), 400,
			"relation_types: relation type speaker is used by 1 relation (QUOTE -> PER); it cannot be removed or renamed"},
		{"a rule narrowed past its relations", withRules(db.RelationType{Name: "speaker", From: []string{"QUOTE"}, To: []string{"ORG"}}), 400,
			"1 speaker relations join QUOTE -> PER, which the rule QUOTE -> ORG would leave out"},
		{"an Arabic letter on a view's key", withLabels(db.Label{Name: "WORK", Color: "#123456", Hotkey: "س"}), 400,
			`labels[7].hotkey: hotkey "س" of label WORK is on the S key of an Arabic keyboard, the annotation view's "Pick speaker" (of a quotation); choose another`},
		{"an Arabic letter on another label's key", withLabels(db.Label{Name: "WORK", Color: "#123456", Hotkey: "q"}, db.Label{Name: "EVENT", Color: "#654321", Hotkey: "ض"}), 400,
			`labels[8].hotkey: hotkey "ض" of label EVENT is on the Q key of an Arabic keyboard, which label WORK's hotkey "q" also names; choose another`},
		{"not JSON", "{\n\"labels\": [\n}", 400, "body: line 3: not valid JSON"},
		{"an unknown key", `{"labels": [` + org + `], "rules": []}`, 400, `body: unknown key "rules" (want labels, relation_types)`},
		{"no labels", only(""), 400, "body: no labels: want at least one"},
		{"too large", only(strings.Repeat(" ", 1<<20)), 413, "larger than 1024 KiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := env.do(http.MethodGet, env.labelsURL(), nil).Body.String()
			rec := env.do(http.MethodPut, env.labelsURL(), tc.body)
			expect(t, rec, tc.status)
			if msg := errorOf(t, rec); !strings.Contains(msg, tc.want) {
				t.Errorf("refused with %q, want it to say %q", msg, tc.want)
			}
			if after := env.do(http.MethodGet, env.labelsURL(), nil).Body.String(); after != before {
				t.Errorf("a refused set changed the labels to\n%s", after)
			}
		})
	}
	if n := env.replaceCount(); n != 0 {
		t.Errorf("refusals were logged %d times", n)
	}
}

// TestAPIPutLabelsWho: a manager's API token replaces the set without a
// CSRF token; a reviewer's is refused, and a session without the CSRF
// token too.
func TestAPIPutLabelsWho(t *testing.T) {
	env := newAPIEnv(t)
	body := env.do(http.MethodGet, env.labelsURL(), nil).Body.String()
	changed := strings.Replace(body, `"#e5484d"`, `"#112233"`, 1)
	for _, tc := range []struct {
		role   db.Role
		status int
	}{{db.RoleReviewer, http.StatusForbidden}, {db.RoleManager, http.StatusOK}} {
		u := newFormUser(t, env, "layla"+string(tc.role), "a password of layla's")
		if err := env.store.SetMember(t.Context(), env.proj.ID, env.user, u.user, tc.role); err != nil {
			t.Fatal(err)
		}
		secret, _, err := env.store.CreateToken(t.Context(), u.user, "script")
		if err != nil {
			t.Fatal(err)
		}
		req := httptestRequest(http.MethodPut, env.labelsURL(), changed)
		req.Header.Set("Authorization", "Bearer "+secret)
		expect(t, env.serve(req), tc.status)
	}
	if n := env.replaceCount(); n != 1 {
		t.Errorf("the manager's token replaced the set %d times, want once", n)
	}
	// A session's write without the CSRF token is refused.
	req := httptestRequest(http.MethodPut, env.labelsURL(), body)
	if rec := env.serve(req); rec.Code != http.StatusForbidden && rec.Code != http.StatusBadRequest {
		t.Errorf("a session's PUT without the CSRF token: %d", rec.Code)
	}
	if n := env.replaceCount(); n != 1 {
		t.Errorf("the set was replaced without a CSRF token")
	}
}

// httptestRequest is a JSON request with no session, CSRF token or token.
func httptestRequest(method, target, body string) *http.Request {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}
