package components

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// projectText is a change to a project, its members, assignments or
// documents; "" for another action.
func projectText(ctx context.Context, action string, d eventDetail) string {
	switch action {
	case "project.create":
		if d.LabelsFrom != "" {
			return Tf(ctx, "created the project %s with the labels of %s", isolate(d.Name), isolate(d.LabelsFrom))
		}
		return Tf(ctx, "created the project %s", isolate(d.Name))
	case "project.delete":
		return Tf(ctx, "deleted the project %s with its %s", isolate(d.Name), loggedDocuments(ctx, d.Documents))
	case "import":
		return importText(ctx, d)
	case "document.delete":
		if d.Layers == 0 {
			return Tf(ctx, "deleted the document %s, which nobody had annotated", isolate(d.Name))
		}
		layers := Tn(ctx, d.Layers, "%d layer", "%d layers")
		if loggedNumber(d.Spans) == 0 && loggedNumber(d.Relations) == 0 {
			return Tf(ctx, "deleted the document %s with its %s, which held no spans", isolate(d.Name), layers)
		}
		return Tf(ctx, "deleted the document %s with its %s in %s", isolate(d.Name), loggedSpansAndLinks(ctx, d), layers)
	case "member.set":
		return memberText(ctx, d.User, d.Role)
	case "member.remove":
		return Tf(ctx, "removed %s from the members", isolate(d.User))
	case "assignment.set":
		return Tf(ctx, "assigned %s to %s", listOf(ctx, d.Documents), isolate(d.User))
	case "assignment.remove":
		return Tf(ctx, "unassigned %s from %s", isolate(d.User), listOf(ctx, d.Documents))
	case "assignment.auto":
		return Tf(ctx, "assigned documents automatically, %s each: %s added",
			Tn(ctx, d.PerDocument, "%d annotator", "%d annotators"), Tn(ctx, d.Added, "%d assignment", "%d assignments"))
	case "labels.set":
		return Tf(ctx, "changed the label set to %s (was %s)", labelNames(ctx, d.After), labelNames(ctx, d.Before))
	case "labels.replace":
		text := Tf(ctx, "replaced the label set from the file %s with %s (was %s)", isolate(d.File), labelNames(ctx, d.After), labelNames(ctx, d.Before))
		if d.File == "" { // sent to the API, not uploaded
			text = Tf(ctx, "replaced the label set with %s (was %s)", labelNames(ctx, d.After), labelNames(ctx, d.Before))
		}
		if !bytes.Equal(d.RulesBefore, d.RulesAfter) {
			text += Tf(ctx, " and the relation rules with %s (was %s)", relationRulesText(ctx, d.RulesAfter), relationRulesText(ctx, d.RulesBefore))
		}
		return text
	case "relation_types.set":
		return Tf(ctx, "changed the relation rules to %s (was %s)", relationRulesText(ctx, d.After), relationRulesText(ctx, d.Before))
	case "guidelines.set":
		var before, after string
		if json.Unmarshal(d.Before, &before) != nil || json.Unmarshal(d.After, &after) != nil {
			return ""
		}
		return Tf(ctx, "changed the guidelines, now starting %s (%d → %d characters)",
			quoted(ctx, clip(firstLine(after))), utf8.RuneCountInString(before), utf8.RuneCountInString(after))
	}
	return ""
}

// roleFormats make a member of each role; a role the log does not know
// is said as it was stored.
var roleFormats = map[string]string{
	"annotator": Msg("made %s an annotator"),
	"reviewer":  Msg("made %s a reviewer"),
	"manager":   Msg("made %s a manager"),
}

func memberText(ctx context.Context, user, role string) string {
	if format, ok := roleFormats[role]; ok {
		return Tf(ctx, format, isolate(user))
	}
	said := withArticle(role)
	if LangOf(ctx) != English {
		said = isolate(role)
	}
	return Tf(ctx, "made %s %s", isolate(user), said)
}

// withArticle is a role with its article: "an annotator", "a reviewer".
func withArticle(role string) string {
	if role != "" && strings.ContainsRune("aeiou", rune(role[0])) {
		return "an " + role
	}
	return "a " + role
}

// importText is an import: the documents it added, what they held, and
// what went onto documents the project had, which are no new documents
// and so never counted as such.
func importText(ctx context.Context, d eventDetail) string {
	docs, spans, links := rawInt(d.Documents), loggedNumber(d.Spans), loggedNumber(d.Relations)
	file := isolate(d.File)
	if docs < 0 || spans < 0 || links < 0 {
		return Tf(ctx, "imported %s with %s from %s", loggedDocuments(ctx, d.Documents), loggedSpansAndLinks(ctx, d), file) + layerIn(ctx, "into", d.Layer)
	}
	newDocs := withThousands(docs, documentsIn(ctx, docs))
	if left := changedSpansAndLinks(ctx, d.LeftOutSpans, d.LeftOutRelations); d.LeftOutSpans+d.LeftOutRelations == 1 {
		return Tf(ctx, "imported %s from %s, texts only: %s in the file was left out", newDocs, file, left)
	} else if d.LeftOutSpans > 0 || d.LeftOutRelations > 0 {
		return Tf(ctx, "imported %s from %s, texts only: their %s were left out", newDocs, file, left)
	}
	marks := ""
	if spans > 0 || links > 0 {
		marks = changedSpansAndLinks(ctx, spans, links)
	}
	// Annotated is 0 (or absent, in events logged before it was) when
	// the file held only new documents.
	if d.Annotated <= 0 {
		if marks == "" {
			return Tf(ctx, "imported %s (no annotations) from %s", newDocs, file)
		}
		return Tf(ctx, "imported %s with %s from %s", newDocs, marks, file) + layerIn(ctx, "into", d.Layer)
	}
	if marks == "" {
		marks = T(ctx, "no annotations")
	}
	had := withThousands(d.Annotated, documentsIn(ctx, d.Annotated))
	gold := d.Layer == "" || d.Layer == "gold"
	switch {
	case docs <= 0 && gold:
		return Tf(ctx, "imported %s from %s into the gold layer of %s the project had", marks, file, had)
	case docs <= 0:
		return Tf(ctx, "imported %s from %s into %s's layer of %s the project had", marks, file, isolate(d.Layer), had)
	case gold:
		return Tf(ctx, "imported %s from %s, and %s into the gold layer of them and of %s the project had", newDocs, file, marks, had)
	}
	return Tf(ctx, "imported %s from %s, and %s into %s's layer of them and of %s the project had", newDocs, file, marks, isolate(d.Layer), had)
}

// accountText is a user's own account changing (signing in, a token, a
// password); "" for another action.
func accountText(ctx context.Context, action string, d eventDetail) string {
	switch action {
	case "session.login":
		return T(ctx, "signed in")
	case "session.logout":
		return T(ctx, "signed out")
	case "token.create":
		return Tf(ctx, "created the API token %s", isolate(d.Name))
	case "token.revoke":
		return T(ctx, "revoked an API token")
	case "user.create":
		if d.Admin {
			return Tf(ctx, "created the admin %s", isolate(d.Name))
		}
		return Tf(ctx, "created the user %s", isolate(d.Name))
	case "user.password":
		return T(ctx, "changed their password")
	case "user.language":
		return T(ctx, "changed their interface language")
	case "user.password_reset":
		return Tf(ctx, "reset the password of %s", isolate(d.User))
	case "user.disable":
		return Tf(ctx, "disabled the account of %s", isolate(d.User))
	case "user.enable":
		return Tf(ctx, "enabled the account of %s", isolate(d.User))
	}
	return ""
}
