package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestLayerEventDetail: the INSERT that names an event's layer writes the
// detail Go would: the owner's name first, then the event's own fields; to
// the byte, but for the characters encoding/json escapes and json_quote
// does not, where it is the same JSON value.
func TestLayerEventDetail(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	// json_quote and encoding/json quote these apart, or must quote them.
	odd, err := f.s.CreateUser(ctx, "a<b>&c\u2028d\u2029e\"f\\ليلى", "", false)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		owner  any // NULL for gold
		detail any
		want   string
	}{
		{"gold, no detail", nil, nil, `{"layer":"gold"}`},
		{"gold, with detail", nil, map[string]any{"label": "PER", "start": 3}, `{"layer":"gold","label":"PER","start":3}`},
		{"a user", f.other.ID, map[string]any{"text": "أحمد"}, `{"layer":"omar","text":"أحمد"}`},
		{"a name JSON escapes", odd.ID, map[string]any{"x": 1}, `{"layer":` + mustJSON(t, odd.Name) + `,"x":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := logInNewLayer(t, f, tt.owner, tt.detail)
			if got == tt.want {
				return
			}
			var gotValue, wantValue map[string]any
			if !strings.HasPrefix(got, `{"layer":`) || json.Unmarshal([]byte(got), &gotValue) != nil ||
				json.Unmarshal([]byte(tt.want), &wantValue) != nil || !reflect.DeepEqual(gotValue, wantValue) {
				t.Errorf("detail %s, want %s", got, tt.want)
			}
		})
	}
}

// logInNewLayer logs an event with detail in a new layer of owner's,
// deleted after, and returns the detail logged.
func logInNewLayer(t *testing.T, f fixture, owner, detail any) string {
	t.Helper()
	ctx := context.Background()
	r, err := f.s.w.ExecContext(ctx, "INSERT INTO layers (document_id, owner_id) VALUES (?, ?)", f.doc.ID, owner)
	if err != nil {
		t.Fatal(err)
	}
	layer, _ := r.LastInsertId()
	var got string
	err = f.s.tx(ctx, func(tx *sql.Tx) error {
		e := Event{UserID: f.user.ID, ProjectID: f.proj.ID, DocumentID: f.doc.ID, Action: "test.layer", Detail: detail, Layer: layer}
		if err := logEvent(ctx, tx, e); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, "SELECT detail FROM events ORDER BY id DESC LIMIT 1").Scan(&got)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.w.ExecContext(ctx, "DELETE FROM layers WHERE id = ?", layer); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestLayerEventMissingLayer: an event naming a layer that is not there
// is refused, and logs nothing.
func TestLayerEventMissingLayer(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	before, err := f.s.EventCount(ctx, "test.layer")
	if err != nil {
		t.Fatal(err)
	}
	err = f.s.tx(ctx, func(tx *sql.Tx) error {
		return logEvent(ctx, tx, Event{UserID: f.user.ID, ProjectID: f.proj.ID, Action: "test.layer", Layer: 999999})
	})
	if !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("logging an event in layer 999999: %v, want a refusal naming no row", err)
	}
	after, err := f.s.EventCount(ctx, "test.layer")
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("%d events logged for a layer that is not there", after-before)
	}
	err = f.s.tx(ctx, func(tx *sql.Tx) error {
		return logEvent(ctx, tx, Event{Action: "test.layer", Detail: []string{"not an object"}, Layer: 1})
	})
	if err == nil {
		t.Error("a detail that is not a JSON object took a layer")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
