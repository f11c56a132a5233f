package components

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"hashiya/db"
	"hashiya/db/textsearch"
)

// DocList is the page of a project's document list that the project page
// shows, with the filter it was cut with, so that every link and form on
// the page keeps that filter.
type DocList struct {
	db.DocumentList
	After  int64  // the cursor the page starts after
	Status string // filter: the viewer's layer status, "" for any
	Gold   string // filter: gold's status, "" for any (reviewers and managers)
	Query  string // filter: part of the external id or of the text, "" for any
	Notes  bool   // filter: only documents with an open note
}

// Filtered reports whether a filter narrows the list.
func (l DocList) Filtered() bool { return l.Status != "" || l.Gold != "" || l.Query != "" || l.Notes }

// filter is the list's filter as query parameters, empty ones left out.
func (l DocList) filter() url.Values {
	q := url.Values{}
	if l.Status != "" {
		q.Set("status", l.Status)
	}
	if l.Gold != "" {
		q.Set("gold", l.Gold)
	}
	if l.Query != "" {
		q.Set("q", l.Query)
	}
	if l.Notes {
		q.Set("notes", "open")
	}
	return q
}

// Return is the query a manager's form carries in its action so the
// server sends them back to this page of the list, with its filter.
func (l DocList) Return() string {
	q := l.filter()
	if l.After > 0 {
		q.Set("after", strconv.FormatInt(l.After, 10))
	}
	return q.Encode()
}

// pageURL links to the page of the list that starts after the cursor,
// keeping the filter (0 is the first page).
func (l DocList) pageURL(projectID, after int64) string {
	q := l.filter()
	if after > 0 {
		q.Set("after", strconv.FormatInt(after, 10))
	}
	u := fmt.Sprintf("/projects/%d", projectID)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u + "#documents-title"
}

// nextAfter is the cursor of the page after this one.
func (l DocList) nextAfter() int64 {
	if len(l.Docs) == 0 {
		return l.After
	}
	return l.Docs[len(l.Docs)-1].ID
}

// Showing says which documents of the list the page holds, as
// "Showing 51–100 of 5,000".
func (l DocList) Showing(ctx context.Context) string {
	first, last := l.Before+1, l.Before+len(l.Docs)
	if first == last {
		return Tf(ctx, "Showing %s of %s", thousands(first), thousands(l.Total))
	}
	return Tf(ctx, "Showing %s–%s of %s", thousands(first), thousands(last), thousands(l.Total))
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// previewParts cuts a document's preview around the filter's words, so
// the list shows where a text search found them: before, the words as the
// text writes them (أحمد for a search for احمد), after ("" and "" when the
// preview does not hold them).
func (l DocList) previewParts(preview string) (before, match, after string) {
	start, end := textsearch.Index(preview, l.Query)
	if start < 0 {
		return preview, "", ""
	}
	return preview[:start], preview[start:end], preview[end:]
}

// ownLayerColumns reports whether the list shows the viewer's own layer
// of each document (its spans and status): always to an annotator, and
// to a reviewer or manager who filters by it or has work of their own on
// a document of the page. Most reviewers and managers never annotate,
// and for them the columns would read 0 and new on every row.
func (v ProjectView) ownLayerColumns() bool {
	if v.Role == db.RoleAnnotator || v.List.Status != "" {
		return true
	}
	for _, d := range v.List.Docs {
		if d.Spans > 0 || (d.Status != "" && d.Status != "new") {
			return true
		}
	}
	return false
}

// statusFilter reports whether the list's filter offers the viewer's own
// status: to an annotator, and to a reviewer, manager or admin who has a
// layer in the project or documents assigned to them. The others have no
// status of their own, and every choice but "any" would list nothing.
func (v ProjectView) statusFilter() bool {
	return v.Role == db.RoleAnnotator || v.List.Status != "" || v.List.OwnLayers || v.Queue.Mine != nil
}

// memberGroup is the members of one role, under its heading in the bar's
// member picker.
type memberGroup struct {
	Label   string
	Members []db.Member
}

// memberGroups groups members by role, annotators first, each group in
// the order given and none left empty. The picker then shows the member
// chosen by name alone, which a phone's narrow bar shows whole, and its
// list says each member's role in the group's heading.
func memberGroups(members []db.Member) []memberGroup {
	var out []memberGroup
	for _, g := range []struct {
		role  db.Role
		label string
	}{{db.RoleAnnotator, Msg("Annotators")}, {db.RoleReviewer, Msg("Reviewers")}, {db.RoleManager, Msg("Managers")}} {
		group := memberGroup{Label: g.label}
		for _, mb := range members {
			if mb.Role == g.role {
				group.Members = append(group.Members, mb)
			}
		}
		if len(group.Members) > 0 {
			out = append(out, group)
		}
	}
	return out
}
