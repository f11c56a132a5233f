package web_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"hashiya/db"
)

// roleStatuses is the status each actor gets, in the column order of roleActor:
// admin, manager, reviewer, annotator, annotator-not-assigned, non-member,
// anonymous, api-token.
type roleStatuses [roleActorCount]int

// Shorthands for the common columns.
var (
	rolesAll  = func(s int) roleStatuses { return roleStatuses{s, s, s, s, s, s, s, s} }
	rolesPage = func(s int) roleStatuses { return roleStatuses{s, s, s, s, s, s, 303, 401} } // pages
	rolesForm = func(s int) roleStatuses { return roleStatuses{s, s, s, s, s, s, 401, 401} } // page forms
)

// authzRow is one line of the matrix: a route as Echo lists it, the URL
// and body sent (placeholders filled per actor by roleWorld.fill) and what
// each actor gets.
type authzRow struct {
	method, route string
	url           string
	body          string
	contentType   string
	want          roleStatuses
}

// authzNoop are rows whose accepted request changes nothing by design:
// taking back an assignment nobody has (the project of the first four
// columns must assign nothing), accepting into gold what it holds.
var authzNoop = map[string]bool{
	"/projects/{p}/assignments/remove": true,
	// The login page's language is a cookie of the browser, nothing stored.
	"/language": true,
	// Accepting into gold spans gold already holds: every layer and gold
	// hold the same spans in this world.
	"/documents/{d}/review/accept":        true,
	"/documents/{d}/review/accept-agreed": true,
	"/projects/{p}/review/accept-agreed":  true,
	// The label set sent is the one the project has.
	"/api/v1/projects/{p}/labels?unchanged": true,
	// The first post of a deletion only asks for confirmation.
	"/projects/{p}/documents/delete?status=new": true,
	// A wrong project name deletes nothing: back to the page, saying so.
	"/projects/{p}/delete?wrong-name": true,
	// The PER's name stands once in the text: no other occurrence to label.
	"/api/v1/documents/{d}/spans/{s}/occurrences":             true,
	"/api/v1/documents/{d}/spans/{gs}/occurrences?layer=gold": true,
}

const (
	authzForm  = "application/x-www-form-urlencoded"
	authzJSON  = "application/json"
	authzJSONL = "application/x-ndjson"
)

// authzMatrix is who may do what. Rules: anonymous callers get 401 from
// the API and a 303 to the login page from pages (401 for page forms); API
// tokens work on the API only; a project the caller is not a member of is
// 404, as is a document an annotator of a project that assigns documents
// was not given; annotators read and write their own layer only (gold or
// another's layer: 403); reviewers read every layer and write gold;
// managers import and export; the admin is a manager everywhere.
var authzMatrix = []authzRow{
	{"GET", "/static/:hash/*", "/static/0/app.css", "", "", roleStatuses{200, 200, 200, 200, 200, 200, 200, 401}},
	{"GET", "/healthz", "/healthz", "", "", roleStatuses{200, 200, 200, 200, 200, 200, 200, 401}},
	{"GET", "/favicon.ico", "/favicon.ico", "", "", roleStatuses{200, 200, 200, 200, 200, 200, 200, 401}},
	{"GET", "/login", "/login", "", "", roleStatuses{303, 303, 303, 303, 303, 303, 200, 401}},
	{"POST", "/login", "/login", "username=annotator&password=wrong", authzForm, rolesAll(401)},
	{"POST", "/language", "/language", "lang=ar", authzForm, roleStatuses{303, 303, 303, 303, 303, 303, 303, 401}},
	{"GET", "/csrf-token", "/csrf-token", "", "", roleStatuses{200, 200, 200, 200, 200, 200, 200, 401}},
	{"POST", "/logout", "/logout", "", authzForm, rolesForm(303)},
	{"GET", "/settings", "/settings", "", "", rolesPage(200)},
	{"POST", "/settings/password", "/settings/password", "current=role+password+1234&new=another+password&confirm=another+password", authzForm, rolesForm(303)},
	{"POST", "/settings/language", "/settings/language", "lang=ar", authzForm, rolesForm(303)},
	{"POST", "/settings/tokens", "/settings/tokens", "name=matrix", authzForm, rolesForm(201)},
	{"POST", "/settings/tokens/:id/revoke", "/settings/tokens/{tok}/revoke", "", authzForm, rolesForm(303)},
	{"GET", "/admin/users", "/admin/users", "", "", roleStatuses{200, 403, 403, 403, 403, 403, 303, 401}},
	{"POST", "/admin/users", "/admin/users", "name=newbie&password=long+enough+pw", authzForm, roleStatuses{303, 403, 403, 403, 403, 403, 401, 401}},
	{"POST", "/admin/users/disable", "/admin/users/disable", "user=annotator", authzForm, roleStatuses{303, 403, 403, 403, 403, 403, 401, 401}},
	{"POST", "/admin/users/enable", "/admin/users/enable", "user=annotator", authzForm, roleStatuses{303, 403, 403, 403, 403, 403, 401, 401}},
	// The new password is shown in the answer itself, once: 200, not a redirect.
	{"POST", "/admin/users/password", "/admin/users/password", "user=annotator", authzForm, roleStatuses{200, 403, 403, 403, 403, 403, 401, 401}},

	{"GET", "/", "/", "", "", rolesPage(200)},
	{"POST", "/projects", "/projects", "name=matrix", authzForm, roleStatuses{303, 403, 403, 403, 403, 403, 401, 401}},
	{"GET", "/projects/:p", "/projects/{p}", "", "", roleStatuses{200, 200, 200, 200, 200, 404, 303, 401}},
	{"GET", "/projects/:p/activity", "/projects/{p}/activity", "", "", roleStatuses{200, 200, 403, 403, 403, 404, 303, 401}},
	{"GET", "/projects/:p/agreement", "/projects/{p}/agreement", "", "", roleStatuses{200, 200, 200, 403, 403, 404, 303, 401}},
	{"GET", "/projects/:p/agreement/confusion", "/projects/{p}/agreement/confusion?row=PER&col=PER", "", "", roleStatuses{200, 200, 200, 403, 403, 404, 303, 401}},
	{"GET", "/projects/:p/consistency", "/projects/{p}/consistency", "", "", roleStatuses{200, 200, 200, 403, 403, 404, 303, 401}},
	{"GET", "/projects/:p/progress", "/projects/{p}/progress", "", "", roleStatuses{200, 200, 200, 403, 403, 404, 303, 401}},
	{"GET", "/projects/:p/delete", "/projects/{p}/delete", "", "", roleStatuses{200, 200, 403, 403, 403, 404, 303, 401}},
	{"POST", "/projects/:p/delete", "/projects/{p}/delete", "name=open", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/delete", "/projects/{p}/delete?wrong-name", "name=opeN", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/review/accept-agreed", "/projects/{p}/review/accept-agreed", "", authzForm, roleStatuses{303, 303, 303, 403, 403, 404, 401, 401}},
	{"GET", "/documents/:d", "/documents/{d}", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 303, 401}},
	{"GET", "/documents/:d", "/documents/{d}?layer=gold", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 303, 401}},
	{"GET", "/documents/:d", "/documents/{d}?layer=manager", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 303, 401}},
	{"GET", "/documents/:d/view", "/documents/{d}/view", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 303, 401}},
	{"GET", "/documents/:d/view", "/documents/{d}/view?layer=gold", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 303, 401}},
	{"GET", "/documents/:d/review", "/documents/{d}/review", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 303, 401}},
	{"GET", "/documents/:d/review/compare", "/documents/{d}/review/compare", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 303, 401}},
	{"GET", "/documents/:d/review/compare", "/documents/{d}/review/compare?show=all", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 303, 401}},
	{"POST", "/documents/:d/review/accept", "/documents/{d}/review/accept", "layer=annotator&span={as}&{PERKEY}", authzForm, roleStatuses{303, 303, 303, 403, 404, 404, 401, 401}},
	// Gold holds the PER already: rejecting it is a conflict for whoever
	// may review, and there is no rejection of it to take back.
	{"POST", "/documents/:d/review/reject", "/documents/{d}/review/reject", "{PERKEY}", authzForm, roleStatuses{409, 409, 409, 403, 404, 404, 401, 401}},
	{"POST", "/documents/:d/review/unreject", "/documents/{d}/review/unreject", "{PERKEY}", authzForm, roleStatuses{404, 404, 404, 403, 404, 404, 401, 401}},
	{"POST", "/documents/:d/review/accept-agreed", "/documents/{d}/review/accept-agreed", "", authzForm, roleStatuses{303, 303, 303, 403, 404, 404, 401, 401}},
	// No accept in place of gold's label was made in this world: nothing
	// to take back, for those who may review.
	{"POST", "/documents/:d/review/undo-replace", "/documents/{d}/review/undo-replace", "replace=1", authzForm, roleStatuses{404, 404, 404, 403, 404, 404, 401, 401}},
	{"POST", "/documents/:d/review/remove", "/documents/{d}/review/remove", "span={gs}", authzForm, roleStatuses{303, 303, 303, 403, 404, 404, 401, 401}},
	{"POST", "/documents/:d/review/done", "/documents/{d}/review/done", "", authzForm, roleStatuses{303, 303, 303, 403, 404, 404, 401, 401}},
	// Gold of the first document is open: reopening it is a conflict for
	// whoever may try.
	{"POST", "/documents/:d/review/reopen", "/documents/{d}/review/reopen", "", authzForm, roleStatuses{409, 409, 403, 403, 404, 404, 401, 401}},
	{"GET", "/next", "/next", "", "", rolesPage(303)},
	{"POST", "/documents/:d/done", "/documents/{d}/done", "", authzForm, roleStatuses{303, 303, 303, 303, 404, 404, 401, 401}},
	{"POST", "/documents/:d/reopen", "/documents/{dd}/reopen", "user={ddowner}", authzForm, roleStatuses{303, 303, 403, 403, 404, 404, 401, 401}},
	{"POST", "/projects/:p/relation-types", "/projects/{p}/relation-types", "rel_name=speaker&rel_from=QUOTE&rel_to=PER+ORG&rel_name=cue&rel_from=QUOTE&rel_to=CUE&rel_name=segment&rel_from=QUOTE&rel_to=QUOTE&rel_name=refers_to&rel_from=PER+ORG&rel_to=PER+ORG&rel_name=located_in&rel_from=ORG&rel_to=LOC", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	// Confirmed, the file replaces the label set: the default one, and WORK.
	{"POST", "/projects/:p/labels/file", "/projects/{p}/labels/file", "confirm=yes&file_name=l.json&body=%5B%7B%22name%22%3A%22PER%22%2C%22color%22%3A%22%23e5484d%22%2C%22hotkey%22%3A%221%22%7D%2C%7B%22name%22%3A%22ORG%22%2C%22color%22%3A%22%230090ff%22%2C%22hotkey%22%3A%222%22%7D%2C%7B%22name%22%3A%22LOC%22%2C%22color%22%3A%22%2330a46c%22%2C%22hotkey%22%3A%223%22%7D%2C%7B%22name%22%3A%22GPE%22%2C%22color%22%3A%22%238e4ec6%22%2C%22hotkey%22%3A%224%22%7D%2C%7B%22name%22%3A%22DATE%22%2C%22color%22%3A%22%23f76b15%22%2C%22hotkey%22%3A%225%22%7D%2C%7B%22name%22%3A%22QUOTE%22%2C%22color%22%3A%22%23ffc53d%22%2C%22hotkey%22%3A%226%22%7D%2C%7B%22name%22%3A%22CUE%22%2C%22color%22%3A%22%2312a594%22%2C%22hotkey%22%3A%227%22%7D%2C%7B%22name%22%3A%22WORK%22%2C%22color%22%3A%22%23123456%22%2C%22hotkey%22%3A%228%22%7D%5D", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/labels", "/projects/{p}/labels", "name=PER&color=%23e5484d&hotkey=1&name=ORG&color=%230090ff&hotkey=2&name=LOC&color=%2330a46c&hotkey=3&name=GPE&color=%238e4ec6&hotkey=4&name=DATE&color=%23f76b15&hotkey=5&name=QUOTE&color=%23ffc53d&hotkey=6&name=CUE&color=%2312a594&hotkey=7&name=EVENT&color=%23123456&hotkey=8", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/guidelines", "/projects/{p}/guidelines", "guidelines=Mark+each+quotation.", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/members/remove", "/projects/{p}/members/remove", "user=reviewer", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/members", "/projects/{p}/members", "user=outsider&role=annotator", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/assignments", "/projects/{p}/assignments", "user={me}&doc={d}", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/assignments/auto", "/projects/{p}/assignments/auto", "per_document=1", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/assignments/remove", "/projects/{p}/assignments/remove", "user=assignee&doc={d}", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/documents/delete", "/projects/{p}/documents/delete?status=new", "doc={d}", authzForm, roleStatuses{200, 200, 403, 403, 403, 404, 401, 401}},
	{"POST", "/projects/:p/documents/delete", "/projects/{p}/documents/delete", "doc={d}&confirm=yes", authzForm, roleStatuses{303, 303, 403, 403, 403, 404, 401, 401}},

	{"GET", "/api/v1/projects", "/api/v1/projects", "", "", roleStatuses{200, 200, 200, 200, 200, 200, 401, 200}},
	{"GET", "/api/v1/projects/:p/documents", "/api/v1/projects/{p}/documents", "", "", roleStatuses{200, 200, 200, 200, 200, 404, 401, 200}},
	{"POST", "/api/v1/projects/:p/documents", "/api/v1/projects/{p}/documents", `{"id":"new-doc","text":"نص جديد"}`, authzJSONL, roleStatuses{201, 201, 403, 403, 403, 404, 401, 403}},
	{"GET", "/api/v1/projects/:p/agreement", "/api/v1/projects/{p}/agreement", "", "", roleStatuses{200, 200, 200, 403, 403, 404, 401, 403}},
	{"GET", "/api/v1/projects/:p/agreement/confusion", "/api/v1/projects/{p}/agreement/confusion?row=PER&col=PER", "", "", roleStatuses{200, 200, 200, 403, 403, 404, 401, 403}},
	{"GET", "/api/v1/projects/:p/progress", "/api/v1/projects/{p}/progress", "", "", roleStatuses{200, 200, 200, 403, 403, 404, 401, 403}},
	{"DELETE", "/api/v1/projects/:p", "/api/v1/projects/{p}", "", "", roleStatuses{204, 204, 403, 403, 403, 404, 401, 403}},
	{"GET", "/api/v1/projects/:p/labels", "/api/v1/projects/{p}/labels", "", "", roleStatuses{200, 200, 200, 200, 200, 404, 401, 200}},
	// The default set and WORK: a change, for managers alone (the token is
	// an annotator's). The default set as it stands changes nothing.
	{"PUT", "/api/v1/projects/:p/labels", "/api/v1/projects/{p}/labels", `{"labels":[{"name":"PER","color":"#e5484d","hotkey":"1"},{"name":"ORG","color":"#0090ff","hotkey":"2"},{"name":"LOC","color":"#30a46c","hotkey":"3"},{"name":"GPE","color":"#8e4ec6","hotkey":"4"},{"name":"DATE","color":"#f76b15","hotkey":"5"},{"name":"QUOTE","color":"#ffc53d","hotkey":"6"},{"name":"CUE","color":"#12a594","hotkey":"7"},{"name":"WORK","color":"#123456","hotkey":"8"}]}`, authzJSON, roleStatuses{200, 200, 403, 403, 403, 404, 401, 403}},
	{"PUT", "/api/v1/projects/:p/labels", "/api/v1/projects/{p}/labels?unchanged", `{"labels":[{"name":"PER","color":"#e5484d","hotkey":"1"},{"name":"ORG","color":"#0090ff","hotkey":"2"},{"name":"LOC","color":"#30a46c","hotkey":"3"},{"name":"GPE","color":"#8e4ec6","hotkey":"4"},{"name":"DATE","color":"#f76b15","hotkey":"5"},{"name":"QUOTE","color":"#ffc53d","hotkey":"6"},{"name":"CUE","color":"#12a594","hotkey":"7"}]}`, authzJSON, roleStatuses{200, 200, 403, 403, 403, 404, 401, 403}},
	{"GET", "/api/v1/projects/:p/export", "/api/v1/projects/{p}/export", "", "", roleStatuses{200, 200, 403, 403, 403, 404, 401, 403}},
	{"GET", "/api/v1/documents/:d", "/api/v1/documents/{d}", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"GET", "/api/v1/documents/:d/find", "/api/v1/documents/{d}/find?q=x", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"DELETE", "/api/v1/documents/:d", "/api/v1/documents/{d}", "", "", roleStatuses{204, 204, 403, 403, 404, 404, 401, 403}},
	{"GET", "/api/v1/documents/:d", "/api/v1/documents/{d}?layer=gold", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"GET", "/api/v1/documents/:d", "/api/v1/documents/{d}?layer=reviewer", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"GET", "/api/v1/documents/:d/spans", "/api/v1/documents/{d}/spans", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"GET", "/api/v1/documents/:d/spans", "/api/v1/documents/{d}/spans?layer=gold", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"POST", "/api/v1/documents/:d/spans", "/api/v1/documents/{d}/spans", `{{LOC},"label":"LOC"}`, authzJSON, roleStatuses{201, 201, 201, 201, 404, 404, 401, 201}},
	{"POST", "/api/v1/documents/:d/spans", "/api/v1/documents/{d}/spans?layer=gold", `{{LOC},"label":"LOC"}`, authzJSON, roleStatuses{201, 201, 201, 403, 404, 404, 401, 403}},
	{"POST", "/api/v1/documents/:d/spans", "/api/v1/documents/{d}/spans?layer=manager", `{{LOC},"label":"LOC"}`, authzJSON, roleStatuses{403, 201, 403, 403, 404, 404, 401, 403}},
	{"PATCH", "/api/v1/documents/:d/spans/:s", "/api/v1/documents/{d}/spans/{s}", `{"label":"ORG"}`, authzJSON, roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"PATCH", "/api/v1/documents/:d/spans/:s", "/api/v1/documents/{d}/spans/{gs}?layer=gold", `{"label":"ORG"}`, authzJSON, roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"PATCH", "/api/v1/documents/:d/spans/:s", "/api/v1/documents/{d}/spans/{q}", `{"attributes":{"speaker_in_text":false},"unlink_speaker":true}`, authzJSON, roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"PATCH", "/api/v1/documents/:d/spans/:s", "/api/v1/documents/{d}/spans/{gq}?layer=gold", `{"attributes":{"speaker_in_text":false},"unlink_speaker":true}`, authzJSON, roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"POST", "/api/v1/documents/:d/spans/:s/occurrences", "/api/v1/documents/{d}/spans/{s}/occurrences", "", "", roleStatuses{201, 201, 201, 201, 404, 404, 401, 201}},
	{"POST", "/api/v1/documents/:d/spans/:s/occurrences", "/api/v1/documents/{d}/spans/{gs}/occurrences?layer=gold", "", "", roleStatuses{201, 201, 201, 403, 404, 404, 401, 403}},
	{"DELETE", "/api/v1/documents/:d/spans/:s", "/api/v1/documents/{d}/spans/{s}", "", "", roleStatuses{204, 204, 204, 204, 404, 404, 401, 204}},
	{"DELETE", "/api/v1/documents/:d/spans/:s", "/api/v1/documents/{d}/spans/{gs}?layer=gold", "", "", roleStatuses{204, 204, 204, 403, 404, 404, 401, 403}},
	{"POST", "/api/v1/documents/:d/spans/delete", "/api/v1/documents/{d}/spans/delete", `{"ids":[{s}]}`, authzJSON, roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"POST", "/api/v1/documents/:d/spans/delete", "/api/v1/documents/{d}/spans/delete?layer=gold", `{"ids":[{gs}]}`, authzJSON, roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"POST", "/api/v1/documents/:d/spans/delete", "/api/v1/documents/{d}/spans/delete", `{"ids":[{as}]}`, authzJSON, roleStatuses{404, 404, 404, 200, 404, 404, 401, 200}}, // the annotator's span: nobody else's layer holds it
	{"POST", "/api/v1/documents/:d/relations", "/api/v1/documents/{d}/relations", `{"type":"refers_to","from":{s},"to":{o}}`, authzJSON, roleStatuses{201, 201, 201, 201, 404, 404, 401, 201}},
	{"POST", "/api/v1/documents/:d/relations", "/api/v1/documents/{d}/relations?layer=gold", `{"type":"refers_to","from":{gs},"to":{go}}`, authzJSON, roleStatuses{201, 201, 201, 403, 404, 404, 401, 403}},
	{"POST", "/api/v1/documents/:d/relations", "/api/v1/documents/{d}/relations", `{"type":"speaker","from":{q},"to":{o},"replace":true}`, authzJSON, roleStatuses{201, 201, 201, 201, 404, 404, 401, 201}},
	{"POST", "/api/v1/documents/:d/relations", "/api/v1/documents/{d}/relations?layer=gold", `{"type":"speaker","from":{gq},"to":{go},"replace":true}`, authzJSON, roleStatuses{201, 201, 201, 403, 404, 404, 401, 403}},
	{"DELETE", "/api/v1/documents/:d/relations/:r", "/api/v1/documents/{d}/relations/{r}", "", "", roleStatuses{204, 204, 204, 204, 404, 404, 401, 204}},
	{"DELETE", "/api/v1/documents/:d/relations/:r", "/api/v1/documents/{d}/relations/{gr}?layer=gold", "", "", roleStatuses{204, 204, 204, 403, 404, 404, 401, 403}},
	{"GET", "/api/v1/documents/:d/suggestions", "/api/v1/documents/{d}/suggestions", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"GET", "/api/v1/documents/:d/suggestions", "/api/v1/documents/{d}/suggestions?layer=gold", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"POST", "/api/v1/documents/:d/suggestions/accept", "/api/v1/documents/{d}/suggestions/accept", `{"all":true}`, authzJSON, roleStatuses{201, 201, 201, 201, 404, 404, 401, 201}},
	{"POST", "/api/v1/documents/:d/suggestions/accept", "/api/v1/documents/{d}/suggestions/accept?layer=gold", `{"all":true}`, authzJSON, roleStatuses{201, 201, 201, 403, 404, 404, 401, 403}},
	// An id that is no suggestion: whoever may write the layer gets as far as the 400.
	{"POST", "/api/v1/documents/:d/suggestions/reject", "/api/v1/documents/{d}/suggestions/reject", `{"ids":["s999"]}`, authzJSON, roleStatuses{400, 400, 400, 400, 404, 404, 401, 400}},
	{"POST", "/api/v1/documents/:d/suggestions/reject", "/api/v1/documents/{d}/suggestions/reject?layer=gold", `{"ids":["s999"]}`, authzJSON, roleStatuses{400, 400, 400, 403, 404, 404, 401, 403}},
	{"DELETE", "/api/v1/documents/:d/suggestions/rejections", "/api/v1/documents/{d}/suggestions/rejections", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"DELETE", "/api/v1/documents/:d/suggestions/rejections", "/api/v1/documents/{d}/suggestions/rejections?layer=gold", "", "", roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"POST", "/api/v1/documents/:d/done", "/api/v1/documents/{d}/done", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	// Notes: whoever opens the document lists and writes them; {an} is the
	// annotator's note, {rn} the reviewer's (authzNotes). The author,
	// reviewers and managers resolve; the author and managers delete.
	{"GET", "/api/v1/documents/:d/notes", "/api/v1/documents/{d}/notes", "", "", roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"POST", "/api/v1/documents/:d/notes", "/api/v1/documents/{d}/notes", `{"body":"Is the title part of the name?","start":0,"end":3}`, authzJSON, roleStatuses{201, 201, 201, 201, 404, 404, 401, 201}},
	{"PATCH", "/api/v1/documents/:d/notes/:n", "/api/v1/documents/{d}/notes/{an}", `{"resolved":true}`, authzJSON, roleStatuses{200, 200, 200, 200, 404, 404, 401, 200}},
	{"PATCH", "/api/v1/documents/:d/notes/:n", "/api/v1/documents/{d}/notes/{rn}", `{"resolved":true}`, authzJSON, roleStatuses{200, 200, 200, 403, 404, 404, 401, 403}},
	{"DELETE", "/api/v1/documents/:d/notes/:n", "/api/v1/documents/{d}/notes/{an}", "", "", roleStatuses{204, 204, 403, 204, 404, 404, 401, 204}},
	{"DELETE", "/api/v1/documents/:d/notes/:n", "/api/v1/documents/{d}/notes/{rn}", "", "", roleStatuses{204, 204, 204, 403, 404, 404, 401, 403}},

	// Echo adds catch-all routes to each group with middleware, so that an
	// unknown URL still meets requireUser: anonymous callers learn nothing.
	{echo.RouteNotFound, "/", "/no-such-page", "", "", rolesPage(404)},
	{echo.RouteNotFound, "/*", "/no/such/page", "", "", rolesPage(404)},
	{echo.RouteNotFound, "/api/v1", "/api/v1", "", "", roleStatuses{404, 404, 404, 404, 404, 404, 401, 404}},
	{echo.RouteNotFound, "/api/v1/*", "/api/v1/no-such-thing", "", "", roleStatuses{404, 404, 404, 404, 404, 404, 401, 404}},
}

// TestAuthorizationMatrix sends every row as every actor, each on a fresh
// copy of the same database, and checks the status and that a refused
// request (or any GET) changed nothing while an accepted write did change
// something. Every route Echo lists must have a row.
func TestAuthorizationMatrix(t *testing.T) {
	w := newRoleWorld(t)
	notes := addAuthzNotes(t, w)
	probe := w.server(t)
	e := probe.srv.(*echo.Echo)
	var listed []string
	for _, r := range e.Routes() {
		key := r.Method + " " + r.Path
		listed = append(listed, key)
		if !slices.ContainsFunc(authzMatrix, func(row authzRow) bool { return row.method+" "+row.route == key }) {
			t.Errorf("route %s has no row in the authorization matrix", key)
		}
	}
	for _, row := range authzMatrix {
		if !slices.Contains(listed, row.method+" "+row.route) {
			t.Errorf("the matrix has a row for %s %q, which the router does not list", row.method, row.route)
		}
	}
	t.Logf("authorization matrix: %d routes x %d actors = %d cells (%d rows with layer variants = %d requests)",
		len(listed), roleActorCount, len(listed)*int(roleActorCount), len(authzMatrix), len(authzMatrix)*int(roleActorCount))

	for _, row := range authzMatrix {
		method := row.method
		if method == echo.RouteNotFound {
			method = http.MethodGet
		}
		for a := range roleActorCount {
			name := fmt.Sprintf("%s %s as %s", method, row.url, a)
			t.Run(name, func(t *testing.T) {
				s := w.server(t)
				before := s.fingerprint()
				rec := s.send(a, method, notes.fill(w.fill(a, row.url)), w.fill(a, row.body), row.contentType)
				if rec.Code != row.want[a] {
					t.Fatalf("status %d, want %d; body %.300s", rec.Code, row.want[a], rec.Body)
				}
				if rec.Code == http.StatusSeeOther && row.want[a] == 303 && a == asAnonymous && method == http.MethodGet {
					if loc := rec.Header().Get("Location"); !strings.HasPrefix(loc, "/login?next=") {
						t.Errorf("anonymous page redirects to %q, want the login page", loc)
					}
				}
				changed := roleChangedTables(before, s.fingerprint())
				write := method != http.MethodGet && rec.Code < 400
				switch {
				case write && len(changed) == 0 && !authzNoop[row.url]:
					t.Errorf("accepted %s (status %d) changed nothing", method, rec.Code)
				case !write && len(changed) > 0:
					t.Errorf("status %d, yet tables %v changed", rec.Code, changed)
				}
			})
		}
	}
}

// TestAuthorizationIDOR aims requests at objects that exist but belong to
// someone else: the ids are right, the caller is not. Each must be refused
// and change nothing.
func TestAuthorizationIDOR(t *testing.T) {
	w := newRoleWorld(t)
	rev, gold, ann := w.layers["reviewer@doc-1"], w.layers["gold@doc-1"], w.layers["annotator@doc-1"]
	doc := fmt.Sprintf("/api/v1/documents/%d", w.doc.ID)
	tests := []struct {
		name        string
		as          roleActor
		method, url string
		body        string
		status      int
		mustNotShow []string // text the response body must not hold
	}{
		{"annotator relabels the reviewer's span", asAnnotator, "PATCH", fmt.Sprintf("%s/spans/%d", doc, rev.per.ID), `{"label":"LOC"}`, 404, nil},
		{"annotator moves the reviewer's span", asAnnotator, "PATCH", fmt.Sprintf("%s/spans/%d", doc, rev.per.ID), `{"start":0,"end":3}`, 404, nil},
		{"annotator deletes the reviewer's span", asAnnotator, "DELETE", fmt.Sprintf("%s/spans/%d", doc, rev.per.ID), "", 404, nil},
		{"annotator deletes a gold span from their own layer's URL", asAnnotator, "DELETE", fmt.Sprintf("%s/spans/%d", doc, gold.per.ID), "", 404, nil},
		{"annotator deletes the reviewer's relation", asAnnotator, "DELETE", fmt.Sprintf("%s/relations/%d", doc, rev.rel.ID), "", 404, nil},
		{"annotator links the reviewer's spans", asAnnotator, "POST", doc + "/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, rev.quote.ID, rev.org.ID), 404, nil},
		{"annotator replaces the speaker of the reviewer's quote", asAnnotator, "POST", doc + "/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d,"replace":true}`, rev.quote.ID, rev.org.ID), 404, nil},
		{"annotator unlinks the speaker of the reviewer's quote", asAnnotator, "PATCH", fmt.Sprintf("%s/spans/%d", doc, rev.quote.ID), `{"attributes":{"speaker_in_text":false},"unlink_speaker":true}`, 404, nil},
		{"reviewer unlinks the speaker of the annotator's quote as gold", asReviewer, "PATCH", fmt.Sprintf("%s/spans/%d?layer=gold", doc, ann.quote.ID), `{"attributes":{"speaker_in_text":false},"unlink_speaker":true}`, 404, nil},
		{"annotator links own quote to the reviewer's span", asAnnotator, "POST", doc + "/relations", fmt.Sprintf(`{"type":"speaker","from":%d,"to":%d}`, ann.quote.ID, rev.org.ID), 404, nil},
		{"annotator edits own span through another document", asAnnotator, "PATCH", fmt.Sprintf("/api/v1/documents/%d/spans/%d", w.doc2.ID, ann.per.ID), `{"label":"LOC"}`, 404, nil},
		{"annotator deletes own span through another document", asAnnotator, "DELETE", fmt.Sprintf("/api/v1/documents/%d/spans/%d", w.doc2.ID, ann.per.ID), "", 404, nil},
		{"annotator reads the reviewer's layer", asAnnotator, "GET", doc + "?layer=reviewer", "", 403, nil},
		{"annotator writes the reviewer's layer", asAnnotator, "POST", doc + "/spans?layer=reviewer", `{"start":0,"end":3,"label":"PER"}`, 403, nil},
		{"token deletes the reviewer's span", asToken, "DELETE", fmt.Sprintf("%s/spans/%d", doc, rev.per.ID), "", 404, nil},
		{"token deletes a gold span as gold", asToken, "DELETE", fmt.Sprintf("%s/spans/%d?layer=gold", doc, gold.per.ID), "", 403, nil},
		{"reviewer relabels the annotator's span", asReviewer, "PATCH", fmt.Sprintf("%s/spans/%d", doc, ann.per.ID), `{"label":"LOC"}`, 404, nil},
		{"reviewer relabels the annotator's span as gold", asReviewer, "PATCH", fmt.Sprintf("%s/spans/%d?layer=gold", doc, ann.per.ID), `{"label":"LOC"}`, 404, nil},
		{"reviewer deletes in the annotator's layer", asReviewer, "DELETE", fmt.Sprintf("%s/spans/%d?layer=annotator", doc, ann.per.ID), "", 403, nil},
		{"manager deletes the reviewer's relation as gold", asManager, "DELETE", fmt.Sprintf("%s/relations/%d?layer=gold", doc, rev.rel.ID), "", 404, nil},
		{"manager of open reads assigned's project", asManager, "GET", fmt.Sprintf("/projects/%d", w.assigned.ID), "", 404, []string{"doc-b"}},
		{"manager of open exports assigned", asManager, "GET", fmt.Sprintf("/api/v1/projects/%d/export", w.assigned.ID), "", 404, []string{"doc-b"}},
		{"manager of open imports into assigned", asManager, "POST", fmt.Sprintf("/api/v1/projects/%d/documents", w.assigned.ID), `{"id":"x","text":"نص"}`, 404, nil},
		{"manager of open reads assigned's document", asManager, "GET", fmt.Sprintf("/api/v1/documents/%d", w.hidden.ID), "", 404, []string{apiText}},
		{"unassigned annotator lists assigned's documents", asUnassigned, "GET", fmt.Sprintf("/api/v1/projects/%d/documents", w.assigned.ID), "", 200, []string{"doc-b"}},
		{"unassigned annotator opens the project page", asUnassigned, "GET", fmt.Sprintf("/projects/%d", w.assigned.ID), "", 200, []string{"doc-b"}},
		{"unassigned annotator reads the document's view", asUnassigned, "GET", fmt.Sprintf("/documents/%d/view", w.hidden.ID), "", 404, []string{"أحمد"}},
		{"unassigned annotator edits their old span", asUnassigned, "DELETE", fmt.Sprintf("/api/v1/documents/%d/spans/%d", w.hidden.ID, w.layers["unassigned@doc-b"].per.ID), "", 404, nil},
		{"non-member lists projects", asOutsider, "GET", "/api/v1/projects", "", 200, []string{`"open"`, `"assigned"`}},
		{"non-member home page", asOutsider, "GET", "/", "", 200, []string{">open<", ">assigned<"}},
		{"manager of open adds a member to assigned", asManager, "POST", fmt.Sprintf("/projects/%d/members", w.assigned.ID), "user=manager&role=manager", 404, nil},
		{"manager of open takes back assigned's assignment", asManager, "POST", fmt.Sprintf("/projects/%d/assignments/remove", w.assigned.ID), "user=assignee&doc=" + fmt.Sprint(w.hidden.ID), 404, nil},
		{"manager of open assigns assigned's document in open", asManager, "POST", fmt.Sprintf("/projects/%d/assignments", w.open.ID), "user=annotator&doc=" + fmt.Sprint(w.hidden.ID), 400, nil},
		{"manager of open reopens a layer in assigned", asManager, "POST", fmt.Sprintf("/documents/%d/reopen", w.hidden.ID), "user=assignee", 404, nil},
		{"unassigned annotator marks the document done", asUnassigned, "POST", fmt.Sprintf("/api/v1/documents/%d/done", w.hidden.ID), "", 404, nil},
		{"annotator reopens their own finished layer", asAnnotator, "POST", fmt.Sprintf("/documents/%d/reopen", w.doc2.ID), "user=annotator", 403, nil},
		{"annotator revokes the reviewer's token", asAnnotator, "POST", fmt.Sprintf("/settings/tokens/%d/revoke", w.tokens["reviewer"].id), "", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := w.server(t)
			before := s.fingerprint()
			ctype := authzJSON
			if !strings.HasPrefix(tt.url, "/api/") {
				ctype = authzForm
			}
			rec := s.send(tt.as, tt.method, tt.url, tt.body, ctype)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d; body %.300s", rec.Code, tt.status, rec.Body)
			}
			for _, secret := range tt.mustNotShow {
				if strings.Contains(rec.Body.String(), secret) {
					t.Errorf("response shows %q to %s", secret, tt.as)
				}
			}
			if changed := roleChangedTables(before, s.fingerprint()); len(changed) > 0 {
				t.Errorf("tables %v changed", changed)
			}
		})
	}
	// The refusals above are not blanket ones: the owners themselves may
	// do the same things.
	s := w.server(t)
	rec := s.send(asReviewer, "PATCH", fmt.Sprintf("%s/spans/%d", doc, rev.per.ID), `{"label":"ORG"}`, authzJSON)
	if rec.Code != http.StatusOK {
		t.Fatalf("the reviewer relabelling their own span: status %d; %s", rec.Code, rec.Body)
	}
	l, err := s.store.LayerOf(t.Context(), w.doc, w.users["reviewer"].ID)
	roleMust(t, err)
	if sp, ok := authzSpan(l.Spans, rev.per.ID); !ok || sp.Label != "ORG" {
		t.Errorf("after the owner's relabel the span is %+v", sp)
	}
	// And the admin, a manager everywhere, may take back the assignment
	// the manager of another project could not.
	s = w.server(t)
	rec = s.send(asAdmin, "POST", fmt.Sprintf("/projects/%d/assignments/remove", w.assigned.ID), "user=assignee&doc="+fmt.Sprint(w.hidden.ID), authzForm)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("the admin taking back an assignment: status %d; %s", rec.Code, rec.Body)
	}
	if n := s.fingerprint()["assignments"]; n != "" {
		t.Errorf("assignments left after the admin removed the only one: %s", n)
	}
}

// authzNotes are the notes of the world's doc-1 the matrix aims at: one
// the annotator wrote and one the reviewer wrote.
type authzNotes struct{ annotator, reviewer int64 }

// addAuthzNotes writes the notes into the world's database, before any
// server copies it.
func addAuthzNotes(t *testing.T, w *roleWorld) authzNotes {
	t.Helper()
	store, err := db.Open(t.Context(), w.file)
	roleMust(t, err)
	add := func(name string) int64 {
		n, err := store.AddNote(t.Context(), w.doc, w.users[name], db.NoteInput{Body: name + "'s note"})
		roleMust(t, err)
		return n.ID
	}
	notes := authzNotes{annotator: add("annotator"), reviewer: add("reviewer")}
	roleMust(t, store.Close())
	return notes
}

// fill replaces {an} and {rn} with the annotator's and the reviewer's note.
func (n authzNotes) fill(s string) string {
	return strings.NewReplacer("{an}", fmt.Sprint(n.annotator), "{rn}", fmt.Sprint(n.reviewer)).Replace(s)
}

func authzSpan(spans []db.Span, id int64) (db.Span, bool) {
	for _, sp := range spans {
		if sp.ID == id {
			return sp, true
		}
	}
	return db.Span{}, false
}

// TestOtherMethodsRevealNothing sends every row's URL with the methods few
// or no routes name (HEAD, OPTIONS, PUT, TRACE) as an anonymous caller and
// as a non-member: none is answered 2xx, except HEAD and OPTIONS (which
// answers only the allowed methods) of the public pages: static files,
// the health check, the login page.
func TestOtherMethodsRevealNothing(t *testing.T) {
	w := newRoleWorld(t)
	notes := addAuthzNotes(t, w)
	s := w.server(t)
	public := []string{"/static/", "/healthz", "/login"}
	sent := 0
	for _, row := range authzMatrix {
		for _, method := range []string{http.MethodHead, http.MethodOptions, http.MethodPut, "TRACE"} {
			for _, a := range []roleActor{asAnonymous, asOutsider} {
				target := notes.fill(w.fill(a, row.url))
				rec := s.send(a, method, target, "", "")
				sent++
				isPublic := slices.ContainsFunc(public, func(p string) bool { return strings.HasPrefix(target, p) })
				if rec.Code < 300 && !((method == http.MethodHead || method == http.MethodOptions) && isPublic) {
					t.Errorf("%s %s as %s: %d %.80s", method, target, a, rec.Code, rec.Body)
				}
			}
		}
	}
	t.Logf("%d requests with other methods, none let through", sent)
}
