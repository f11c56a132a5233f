package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// RelationInput is a relation to create.
type RelationInput struct {
	Type     string
	From, To int64
}

// CreateRelation joins two spans of owner's layer, refusing a relation
// type the project lacks or labels its rule does not allow.
func (s *Store) CreateRelation(ctx context.Context, doc Document, owner, by int64, in RelationInput) (Relation, error) {
	var r Relation
	err := s.tx(ctx, func(tx *sql.Tx) (err error) {
		r, err = createRelationTx(ctx, tx, doc, owner, by, in)
		return err
	})
	return r, err
}

// relationEnds are the spans a relation to create joins, and their layer.
type relationEnds struct {
	from, to Span
	layer    int64
}

// checkRelation refuses a relation owner may not make: joining a span to
// itself, in a finished layer, of a type the project lacks, from or to a
// span not in owner's layer, or between labels its type's rule does not
// join. It writes nothing.
func checkRelation(ctx context.Context, tx *sql.Tx, doc Document, owner int64, in RelationInput) (relationEnds, error) {
	var e relationEnds
	if in.From == in.To {
		return e, invalid("to", "a relation joins two different spans; from and to are both span %d", in.From)
	}
	if err := refuseFinished(ctx, tx, doc.ID, owner); err != nil {
		return e, err
	}
	p, err := loadProject(ctx, tx, "id = ?", doc.ProjectID)
	if err != nil {
		return e, err
	}
	i := slices.IndexFunc(p.RelationTypes, func(rt RelationType) bool { return rt.Name == in.Type })
	if i < 0 {
		return e, invalid("type", "relation type %q is not defined in project %s", in.Type, p.Name)
	}
	rule := p.RelationTypes[i]
	e.from, e.layer, err = ownedSpan(ctx, tx, doc, owner, in.From)
	if errors.Is(err, ErrNotFound) {
		return e, notFound("from", "span %d is not in this layer of the document", in.From)
	} else if err != nil {
		return e, err
	}
	e.to, _, err = ownedSpan(ctx, tx, doc, owner, in.To)
	if errors.Is(err, ErrNotFound) {
		return e, notFound("to", "span %d is not in this layer of the document", in.To)
	} else if err != nil {
		return e, err
	}
	if !rule.Joins(e.from.Label, e.to.Label) {
		return e, invalid("type", "a %s relation joins %s -> %s, not %s -> %s", rule.Name, labelsOrAny(rule.From), labelsOrAny(rule.To), e.from.Label, e.to.Label)
	}
	return e, nil
}

// createRelationTx validates and inserts one relation inside the caller's
// transaction, and logs it.
func createRelationTx(ctx context.Context, tx *sql.Tx, doc Document, owner, by int64, in RelationInput) (Relation, error) {
	r := Relation{Type: in.Type, From: in.From, To: in.To}
	ends, err := checkRelation(ctx, tx, doc, owner, in)
	if err != nil {
		return r, err
	}
	from, to, layer := ends.from, ends.to, ends.layer
	var dup int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM relations WHERE layer_id = ? AND type = ? AND from_span = ? AND to_span = ?",
		layer, in.Type, in.From, in.To).Scan(&dup); err != nil {
		return r, fmt.Errorf("db: check duplicate relation: %w", err)
	}
	if dup > 0 {
		return r, conflict("a %s relation from span %d to span %d already exists in this layer", in.Type, in.From, in.To)
	}
	if err := oneLinkPerQuotation(ctx, tx, layer, in); err != nil {
		return r, err
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO relations (layer_id, type, from_span, to_span, created_by) VALUES (?, ?, ?, ?, ?)",
		layer, in.Type, in.From, in.To, by)
	if err != nil {
		return r, fmt.Errorf("db: insert relation: %w", err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return r, fmt.Errorf("db: insert relation: %w", err)
	}
	if err := touchLayer(ctx, tx, layer); err != nil {
		return r, err
	}
	return r, logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "relation.create", Detail: relationEvent{r, from.Label, from.Text, to.Label, to.Text}, Layer: layer})
}

// oneLinkPerQuotation refuses a second speaker or cue for a quotation (a
// QUOTE and the segments joined to it), whichever segment either hangs
// on, and a second referent for a span; and it refuses joining two
// quotations that each have a speaker, or each a cue. The quotes export
// has room for one of each, and would keep one of two silently.
func oneLinkPerQuotation(ctx context.Context, tx *sql.Tx, layer int64, in RelationInput) error {
	if !singleLinks[in.Type] && in.Type != "segment" {
		return nil
	}
	rels, err := layerRelations(ctx, tx, layer)
	if err != nil {
		return err
	}
	if err := refuseSpeakerNotInText(ctx, tx, rels, in); err != nil {
		return err
	}
	if singleLinks[in.Type] {
		segments := QuotationSegments(rels, in.From)
		for _, o := range rels {
			switch {
			case o.Type != in.Type || !segments[o.From]:
			case o.From == in.From:
				return conflict("span %d has a %s already (relation %d, to span %d): a span has one %s; delete that relation first", in.From, in.Type, o.ID, o.To, in.Type)
			default:
				return conflict("span %d's quotation has a %s already (relation %d, from its segment %d to span %d): a quotation has one %s; delete that relation first",
					in.From, in.Type, o.ID, o.From, o.To, in.Type)
			}
		}
		return nil
	}
	from, to := QuotationSegments(rels, in.From), QuotationSegments(rels, in.To)
	if from[in.To] {
		return nil // already one quotation: joining again changes nothing
	}
	for _, typ := range []string{"speaker", "cue"} {
		a := slices.IndexFunc(rels, func(o Relation) bool { return o.Type == typ && from[o.From] })
		b := slices.IndexFunc(rels, func(o Relation) bool { return o.Type == typ && to[o.From] })
		if a >= 0 && b >= 0 {
			return conflict("span %d's quotation has a %s (span %d) and span %d's has one too (span %d): a quotation has one %s; delete one of the two %s relations before joining them",
				in.From, typ, rels[a].To, in.To, rels[b].To, typ, typ)
		}
	}
	return nil
}

// QuotationSegments is the set of spans segment relations join to span
// id, id included: its quotation's segments when it is a QUOTE.
func QuotationSegments(rels []Relation, id int64) map[int64]bool {
	segments := map[int64]bool{id: true}
	for grew := true; grew; {
		grew = false
		for _, r := range rels {
			if r.Type == "segment" && segments[r.From] != segments[r.To] {
				segments[r.From], segments[r.To], grew = true, true, true
			}
		}
	}
	return segments
}

// DeleteRelation removes a relation of owner's layer.
func (s *Store) DeleteRelation(ctx context.Context, doc Document, owner, by, relationID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return deleteOwnedRelationTx(ctx, tx, doc, owner, by, relationID)
	})
}

// deleteOwnedRelationTx deletes relation relationID only if it lies in
// owner's layer of doc: the query itself is the authorization check.
func deleteOwnedRelationTx(ctx context.Context, tx *sql.Tx, doc Document, owner, by, relationID int64) error {
	var r Relation
	var layer int64
	err := tx.QueryRowContext(ctx, `SELECT r.id, r.type, r.from_span, r.to_span, l.id FROM relations r JOIN layers l ON l.id = r.layer_id
		WHERE r.id = ? AND l.document_id = ? AND l.owner_id IS ?`, relationID, doc.ID, nullID(owner)).
		Scan(&r.ID, &r.Type, &r.From, &r.To, &layer)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("relation %d: %w", relationID, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("db: find relation %d: %w", relationID, err)
	}
	return deleteRelationTx(ctx, tx, doc, by, layer, r)
}

// relationEvent is what the event log keeps of a relation: its ends'
// labels and texts too, so the activity page says what was linked to
// what, even once the spans are gone.
type relationEvent struct {
	Relation
	FromLabel string `json:"from_label"`
	FromText  string `json:"from_text"`
	ToLabel   string `json:"to_label"`
	ToText    string `json:"to_text"`
}

// deleteRelationTx removes relation r of layer and logs it.
func deleteRelationTx(ctx context.Context, tx *sql.Tx, doc Document, by, layer int64, r Relation) error {
	ev := relationEvent{Relation: r}
	for _, end := range []struct {
		id          int64
		label, text *string
	}{{r.From, &ev.FromLabel, &ev.FromText}, {r.To, &ev.ToLabel, &ev.ToText}} {
		sp, err := spanByID(ctx, tx, doc, end.id)
		if err != nil {
			return err
		}
		*end.label, *end.text = sp.Label, sp.Text
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM relations WHERE id = ?", r.ID); err != nil {
		return fmt.Errorf("db: delete relation %d: %w", r.ID, err)
	}
	if err := touchLayer(ctx, tx, layer); err != nil {
		return err
	}
	return logEvent(ctx, tx, Event{UserID: by, ProjectID: doc.ProjectID, DocumentID: doc.ID, Action: "relation.delete", Detail: ev, Layer: layer})
}

// checkRelabel refuses a new label for a span when a relation it belongs
// to would then join labels its type's rule does not allow.
func checkRelabel(ctx context.Context, tx *sql.Tx, doc Document, spanID int64, label string) error {
	rows, err := tx.QueryContext(ctx, "SELECT type, from_span = ?, to_span = ? FROM relations WHERE from_span = ? OR to_span = ?",
		spanID, spanID, spanID, spanID)
	if err != nil {
		return fmt.Errorf("db: relations of span %d: %w", spanID, err)
	}
	type end struct {
		typ          string
		isFrom, isTo bool
	}
	var ends []end
	for rows.Next() {
		var e end
		if err := rows.Scan(&e.typ, &e.isFrom, &e.isTo); err != nil {
			rows.Close()
			return fmt.Errorf("db: scan relation of span %d: %w", spanID, err)
		}
		ends = append(ends, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ends) == 0 {
		return err
	}
	p, err := loadProject(ctx, tx, "id = ?", doc.ProjectID)
	if err != nil {
		return err
	}
	for _, e := range ends {
		i := slices.IndexFunc(p.RelationTypes, func(rt RelationType) bool { return rt.Name == e.typ })
		if i < 0 {
			continue
		}
		rule := p.RelationTypes[i]
		if e.isFrom && len(rule.From) > 0 && !slices.Contains(rule.From, label) || e.isTo && len(rule.To) > 0 && !slices.Contains(rule.To, label) {
			return invalid("label", "the span has a %s link, which joins %s to %s: remove the link before making the span %s",
				rule.Name, labelsOrAny(rule.From), labelsOrAny(rule.To), label)
		}
	}
	return nil
}

// labelsOrAny shows a relation type's end labels as the README writes
// them, PER/ORG; no labels is any label.
func labelsOrAny(labels []string) string {
	if len(labels) == 0 {
		return "any label"
	}
	return strings.Join(labels, "/")
}
