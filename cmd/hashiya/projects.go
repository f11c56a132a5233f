package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"hashiya/components"
	"hashiya/db"
)

const (
	projectUsage = "project create NAME [--labels FILE.json] | labels PROJECT [--set FILE.json] | add-member PROJECT USER --role annotator|reviewer|manager | assign PROJECT USER --all | --docs EXTERNAL_ID,... | assign PROJECT --auto N | delete PROJECT [--yes]"
	projectHelp  = "Create a project (--labels is a JSON array of {\"name\", \"color\", \"hotkey\", \"description\"} objects, no other keys: a name of 1-40 letters, digits or _-.:, a colour #rrggbb, a hotkey of one character or none, an optional description of one line of up to 200 characters; default PER ORG LOC GPE DATE QUOTE CUE; " +
		"or an object {\"labels\": [...], \"relation_types\": [{\"name\", \"from\", \"to\"}]} giving the relation rules too, each side a list of label names, [] for any label; without relation_types the default rules are kept for the labels they name), or add a member with a role (or change their role).\n\n" +
		"labels prints a project's labels and relation rules as a --labels file holds them. With --set it replaces them with the file's, all or nothing, as the project page's upload does, and prints each label and rule added, changed or removed; " +
		"a label spans use cannot be removed or renamed (the refusal names each with how many spans use it), nor a relation type relations use; a file without relation_types keeps the project's rules for the labels they name; a file that changes nothing writes nothing and says so.\n\n" +
		"assign gives a member documents to annotate: all of the project's (--all) or those whose external ids are listed (--docs); all or nothing, so an unknown id assigns none. " +
		"With --auto N every document gets N annotators (members with the role annotator), the least loaded first and never one twice; documents short of N are topped up. " +
		"Once a project assigns any document, an annotator sees only the documents assigned to them.\n\n" +
		"delete says what deleting the project would take (documents, spans, links, layers, members) and deletes it, all of it, only with --yes; the event log keeps a line for the project and each document."
)

func runProject(ctx context.Context, e env, args []string) (err error) {
	c := commands()["project"]
	f := newFlags(e, "project", c.usage, c.help)
	labelsFile := f.String("labels", "", "JSON file with the label set (create)")
	role := f.String("role", "", "annotator, reviewer or manager (add-member)")
	var a assignFlags
	f.BoolVar(&a.all, "all", false, "assign every document of the project (assign)")
	f.StringVar(&a.docs, "docs", "", "comma-separated external ids of documents to assign (assign)")
	f.IntVar(&a.auto, "auto", 0, "give every document N annotators, balancing their load (assign)")
	yes := f.Bool("yes", false, "really delete (delete)")
	setFile := f.String("set", "", "JSON labels file to replace the project's label set with (labels)")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if *setFile != "" && (len(pos) != 2 || pos[0] != "labels") {
		return errors.New("--set FILE.json goes with 'project labels PROJECT' only")
	}
	a.autoSet = f.isSet("auto")
	switch {
	case len(pos) == 3 && pos[0] == "add-member":
		return addMember(ctx, e, f, pos[1], pos[2], *role)
	case len(pos) >= 2 && pos[0] == "assign":
		return assign(ctx, e, f, pos[1:], a)
	case len(pos) == 2 && pos[0] == "labels" && *setFile != "":
		return replaceLabels(ctx, e, f, pos[1], *setFile)
	case len(pos) == 2 && pos[0] == "labels":
		return printLabels(ctx, e, f, pos[1])
	case len(pos) == 2 && pos[0] == "delete":
		return deleteProject(ctx, e, f, pos[1], *yes)
	case len(pos) != 2 || pos[0] != "create":
		f.Usage()
		return errors.New("want 'project create NAME', 'project labels PROJECT [--set FILE.json]', 'project add-member PROJECT USER --role ROLE', 'project assign PROJECT USER --all|--docs IDS', 'project assign PROJECT --auto N' or 'project delete PROJECT [--yes]'")
	}
	var set db.LabelSet
	if *labelsFile != "" {
		if set, err = readLabels(*labelsFile); err != nil {
			return err
		}
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	by, err := s.FirstAdmin(ctx)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	p, err := s.CreateProjectFrom(ctx, pos[1], set, by.ID, "")
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "project %s created (id %d) with %d labels\n", p.Name, p.ID, len(p.Labels))
	return nil
}

func addMember(ctx context.Context, e env, f *flags, project, user, role string) (err error) {
	if role == "" {
		return errors.New("project add-member: --role is required: annotator, reviewer or manager")
	}
	r, err := db.ParseRole(role)
	if err != nil {
		return err
	}
	s, p, err := f.openProject(ctx, project)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	u, err := userByName(ctx, s, user)
	if err != nil {
		return err
	}
	by, err := s.FirstAdmin(ctx)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	if err := s.SetMember(ctx, p.ID, by, u, r); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s is now %s in %s\n", u.Name, r, p.Name)
	return nil
}

// assignFlags are the flags of 'project assign'.
type assignFlags struct {
	all     bool
	docs    string
	auto    int
	autoSet bool // --auto 0 is a mistake to report, not a missing flag
}

// assign gives documents to one member (--all or --docs), or every
// document N annotators (--auto N); exactly one of the three.
func assign(ctx context.Context, e env, f *flags, pos []string, a assignFlags) (err error) {
	req := db.AssignRequest{All: a.all}
	for id := range strings.SplitSeq(a.docs, ",") {
		if id = strings.TrimSpace(id); id != "" {
			req.ExternalIDs = append(req.ExternalIDs, id)
		}
	}
	byHand := a.all || a.docs != ""
	switch {
	case a.autoSet && (byHand || len(pos) != 1):
		return errors.New("project assign: --auto N takes a project only, without a user, --all or --docs")
	case !a.autoSet && (len(pos) != 2 || a.all == (a.docs != "")):
		f.Usage()
		return errors.New("want 'project assign PROJECT USER --all | --docs ID,...' or 'project assign PROJECT --auto N'")
	}
	s, p, err := f.openProject(ctx, pos[0])
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	by, err := s.FirstAdmin(ctx)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	if a.autoSet {
		n, err := s.AutoAssign(ctx, p.ID, by, a.auto)
		if err != nil {
			return fmt.Errorf("--auto: %s", describe(err))
		}
		fmt.Fprintf(e.stdout, "%d new assignments in %s: every document has %d annotators\n", n, p.Name, a.auto)
		return nil
	}
	req.User = pos[1]
	n, err := s.Assign(ctx, p.ID, by, req)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s of %s newly assigned to %s\n", components.Plural(n, "document"), p.Name, req.User)
	return nil
}

// deleteProject says what deleting a project takes and, with --yes,
// deletes it.
func deleteProject(ctx context.Context, e env, f *flags, name string, yes bool) (err error) {
	s, p, err := f.openProject(ctx, name)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	loss, err := s.ProjectLosses(ctx, p.ID)
	if err != nil {
		return err
	}
	spans, relations, layers := 0, 0, 0
	for _, d := range loss.Documents {
		spans, relations, layers = spans+d.Spans, relations+d.Relations, layers+d.Layers
	}
	what := fmt.Sprintf("project %s: %s, %s, %s in %s, %s", p.Name, components.Plural(len(loss.Documents), "document"), components.Plural(spans, "span"),
		components.Plural(relations, "link"), components.Plural(layers, "layer"), components.Plural(loss.Members, "member"))
	if !yes {
		fmt.Fprintln(e.stdout, what)
		return errors.New("nothing deleted: run again with --yes to delete the project and all of the above")
	}
	by, err := s.FirstAdmin(ctx)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	if _, err := s.DeleteProject(ctx, p.ID, by.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "deleted %s\n", what)
	return nil
}
