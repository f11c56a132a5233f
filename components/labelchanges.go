package components

import (
	"context"
	"slices"
	"strings"

	"hashiya/db"
)

// LabelChanges says what replacing a project's label set with another
// changes, a line each: labels added, removed and changed (colour,
// hotkey, what it covers), and likewise for relation rules.
type LabelChanges struct {
	Added, Removed, Changed                []string
	RulesAdded, RulesRemoved, RulesChanged []string
	Reordered                              bool // the same labels in another order, which the label bar follows
}

// None reports whether the replacement changes nothing.
func (c LabelChanges) None() bool {
	return len(c.Added)+len(c.Removed)+len(c.Changed)+len(c.RulesAdded)+len(c.RulesRemoved)+len(c.RulesChanged) == 0 && !c.Reordered
}

// Lines says each change in a line of its own, for a terminal or a
// script: "added label PER (#e5484d, hotkey 1)", "changed label LOC:
// colour … → …", "added relation rule speaker: QUOTE → PER/ORG".
func (c LabelChanges) Lines() []string {
	lines := []string{}
	for _, group := range []struct {
		verb  string
		items []string
	}{
		{"added label", c.Added}, {"removed label", c.Removed}, {"changed label", c.Changed},
		{"added relation rule", c.RulesAdded}, {"removed relation rule", c.RulesRemoved}, {"changed relation rule", c.RulesChanged},
	} {
		for _, item := range group.items {
			lines = append(lines, group.verb+" "+item)
		}
	}
	if c.Reordered {
		lines = append(lines, "reordered the labels")
	}
	return lines
}

// CompareLabelSets lists what replacing before with after changes, in
// ctx's language: the replace page's; the command line and the API say it
// in English.
func CompareLabelSets(ctx context.Context, before, after db.LabelSet) LabelChanges {
	var c LabelChanges
	old := map[string]db.Label{}
	for _, l := range before.Labels {
		old[l.Name] = l
	}
	var kept, keptBefore []string
	for _, l := range after.Labels {
		o, ok := old[l.Name]
		if !ok {
			c.Added = append(c.Added, labelLine(ctx, l))
			continue
		}
		kept = append(kept, l.Name)
		var what []string
		if !strings.EqualFold(o.Color, l.Color) {
			what = append(what, Tf(ctx, "colour %s → %s", o.Color, l.Color))
		}
		if o.Hotkey != l.Hotkey {
			what = append(what, Tf(ctx, "hotkey %s → %s", keyOrNone(ctx, o.Hotkey), keyOrNone(ctx, l.Hotkey)))
		}
		if o.Description != l.Description {
			what = append(what, Tf(ctx, "what it covers %s → %s", quotedOrNone(ctx, o.Description), quotedOrNone(ctx, l.Description)))
		}
		if len(what) > 0 {
			c.Changed = append(c.Changed, l.Name+": "+strings.Join(what, T(ctx, ", ")))
		}
	}
	for _, l := range before.Labels {
		if slices.ContainsFunc(after.Labels, func(a db.Label) bool { return a.Name == l.Name }) {
			keptBefore = append(keptBefore, l.Name)
		} else {
			c.Removed = append(c.Removed, labelLine(ctx, l))
		}
	}
	c.Reordered = !slices.Equal(kept, keptBefore)
	oldRules := map[string]db.RelationType{}
	for _, rt := range before.RelationTypes {
		oldRules[rt.Name] = rt
	}
	for _, rt := range after.RelationTypes {
		o, ok := oldRules[rt.Name]
		switch {
		case !ok:
			c.RulesAdded = append(c.RulesAdded, ruleLine(ctx, rt))
		case !slices.Equal(o.From, rt.From) || !slices.Equal(o.To, rt.To):
			c.RulesChanged = append(c.RulesChanged, Tf(ctx, "%s (was %s)", ruleLine(ctx, rt), ruleLine(ctx, o)))
		}
	}
	for _, rt := range before.RelationTypes {
		if !slices.ContainsFunc(after.RelationTypes, func(a db.RelationType) bool { return a.Name == rt.Name }) {
			c.RulesRemoved = append(c.RulesRemoved, ruleLine(ctx, rt))
		}
	}
	return c
}

// labelLine is a label in a line: its name, colour and hotkey.
func labelLine(ctx context.Context, l db.Label) string {
	return Tf(ctx, "%s (%s, hotkey %s)", l.Name, l.Color, keyOrNone(ctx, l.Hotkey))
}

// ruleLine is a relation rule as "speaker: QUOTE → PER/ORG".
func ruleLine(ctx context.Context, rt db.RelationType) string {
	side := func(labels []string) string {
		if len(labels) == 0 {
			return T(ctx, "any label")
		}
		return strings.Join(labels, "/")
	}
	return Tf(ctx, "%s: %s → %s", rt.Name, side(rt.From), side(rt.To))
}

func keyOrNone(ctx context.Context, k string) string {
	if k == "" {
		return T(ctx, "none")
	}
	return k
}

func quotedOrNone(ctx context.Context, s string) string {
	if s == "" {
		return T(ctx, "none")
	}
	return "“" + s + "”"
}

// LabelsSavedNotice is what saving the label form says: saved, and, when
// removing labels took relation rules with them (the store cuts a rule
// left with no label on a side that named some), which ones, by name.
func LabelsSavedNotice(ctx context.Context, rulesRemoved []string) string {
	saved := T(ctx, "Label set saved.")
	if len(rulesRemoved) == 0 {
		return saved
	}
	names := make([]string, len(rulesRemoved))
	for i, n := range rulesRemoved {
		names[i] = NameIn(ctx, n)
	}
	if len(names) == 1 {
		return saved + " " + Tf(ctx, "The relation rule %s joined on one side only labels you removed, so it was removed too.", names[0])
	}
	list := Tf(ctx, "%s and %s", commas(ctx, names[:len(names)-1]), names[len(names)-1])
	return saved + " " + Tf(ctx, "The relation rules %s joined on one side only labels you removed, so they were removed too.", list)
}
