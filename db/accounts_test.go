package db

import (
	"context"
	"reflect"
	"testing"
)

// TestAccounts: every account by name, each with the projects it is a
// member of and its role in each, by project id; an account in no
// project has none; a disabled account is listed with its projects; a
// project's deletion takes it off the list; only an active admin sees
// any account.
func TestAccounts(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t) // amina (admin), omar; project أخبار
	zaid, err := f.s.CreateUser(ctx, "zaid", "", false)
	if err != nil {
		t.Fatal(err)
	}
	second, err := f.s.CreateProject(ctx, "Sport <b>2</b>", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	third, err := f.s.CreateProject(ctx, "Old", nil, f.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct {
		project int64
		user    User
		role    Role
	}{
		{second.ID, f.other, RoleManager}, {f.proj.ID, f.other, RoleAnnotator},
		{second.ID, zaid, RoleReviewer}, {third.ID, zaid, RoleAnnotator},
	} {
		if err := f.s.SetMember(ctx, m.project, f.user, m.user, m.role); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.DeleteProject(ctx, third.ID, f.user.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetDisabled(ctx, f.user, "zaid", true); err != nil {
		t.Fatal(err)
	}

	got, err := f.s.Accounts(ctx, f.user)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Name     string
		Disabled bool
		Projects []string
	}
	var rows []row
	for _, a := range got {
		r := row{Name: a.Name, Disabled: a.Disabled}
		for _, p := range a.Projects {
			r.Projects = append(r.Projects, p.Name+" "+string(p.Role))
			if p.ID == 0 {
				t.Errorf("%s's project %q has no id to link to", a.Name, p.Name)
			}
		}
		rows = append(rows, r)
	}
	want := []row{
		{Name: "amina"},
		{Name: "omar", Projects: []string{"أخبار annotator", "Sport <b>2</b> manager"}},
		{Name: "zaid", Disabled: true, Projects: []string{"Sport <b>2</b> reviewer"}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("accounts:\n got %+v\nwant %+v", rows, want)
	}

	for _, by := range []User{f.other, {ID: f.other.ID, Name: "omar", IsAdmin: true}} {
		if got, err := f.s.Accounts(ctx, by); err != nil || len(got) != 0 {
			t.Errorf("omar (saying admin: %v) sees %d accounts (%v), want none", by.IsAdmin, len(got), err)
		}
	}
}
