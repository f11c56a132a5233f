package db

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"hashiya/db/codec"
)

// OwnedLayer is a user's layer of a document with its owner's name.
type OwnedLayer struct {
	Name string
	Layer
}

// ReviewLayers loads what a review compares: every user's layer of doc,
// by owner name, and its gold layer, from one snapshot. Callers show them
// to reviewers only.
func (s *Store) ReviewLayers(ctx context.Context, doc Document) (users []OwnedLayer, gold Layer, err error) {
	err = s.snapshot(ctx, func(tx *sql.Tx) error {
		owners, err := layerOwners(ctx, tx, doc)
		if err != nil {
			return err
		}
		users = make([]OwnedLayer, 0, len(owners))
		for _, o := range owners {
			l, err := layerOf(ctx, tx, doc, o.ID)
			if err != nil {
				return err
			}
			users = append(users, OwnedLayer{Name: o.Name, Layer: l})
		}
		gold, err = layerOf(ctx, tx, doc, 0)
		return err
	})
	return users, gold, err
}

// layerOwners lists the users who have a layer of doc, by name.
func layerOwners(ctx context.Context, q querier, doc Document) ([]User, error) {
	rows, err := q.QueryContext(ctx, `SELECT l.owner_id, u.name FROM layers l JOIN users u ON u.id = l.owner_id
		WHERE l.document_id = ? ORDER BY u.name`, doc.ID)
	if err != nil {
		return nil, fmt.Errorf("db: layers of document %d: %w", doc.ID, err)
	}
	defer rows.Close()
	var owners []User
	for rows.Next() {
		var o User
		if err := rows.Scan(&o.ID, &o.Name); err != nil {
			return nil, fmt.Errorf("db: scan layer owner: %w", err)
		}
		owners = append(owners, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: layers of document %d: %w", doc.ID, err)
	}
	return owners, nil
}

// SpanRef names a span of a user's layer, and Seen says what the caller
// read of it (label and offsets): a copy into gold made from that reading
// refuses, or in bulk leaves out, a span changed since, so gold never
// gets what the reviewer did not see.
type SpanRef struct {
	Owner, Span int64
	Seen        SpanKey
}

// requireSeen refuses a reference that says nothing of what was read: a
// check against it would pass whatever the span holds now.
func (r SpanRef) requireSeen() error {
	if r.Seen == (SpanKey{}) {
		return invalid("seen", "span %d comes without the label and offsets it was read with", r.Span)
	}
	return nil
}

// DocumentsAnnotatedBy lists, in import order, the documents of the
// project that at least n users hold a layer of.
func (s *Store) DocumentsAnnotatedBy(ctx context.Context, projectID int64, n int) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT d.id FROM documents d JOIN layers l ON l.document_id = d.id
		WHERE d.project_id = ? AND l.owner_id IS NOT NULL GROUP BY d.id HAVING count(*) >= ? ORDER BY d.id`, projectID, n)
	if err != nil {
		return nil, fmt.Errorf("db: documents of project %d with %d layers: %w", projectID, n, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("db: scan document id: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// CopyToGold puts into the gold layer a copy of span spanID of user
// from's layer, made by by: its offsets (as they are), label and
// attributes. A span gold already holds (the same offsets and label) is
// not copied again: CopyToGold returns gold's own, and copied is false.
// A review decision copies what the reviewer saw, with CopySeenToGold.
func (s *Store) CopyToGold(ctx context.Context, doc Document, from, spanID, by int64) (sp Span, copied bool, err error) {
	return s.copyToGold(ctx, doc, SpanRef{Owner: from, Span: spanID}, by)
}

// CopySeenToGold is CopyToGold of the span as ref.Seen says it was read:
// one changed since (another label, other offsets) is refused with
// ErrConflict, changing nothing.
func (s *Store) CopySeenToGold(ctx context.Context, doc Document, ref SpanRef, by int64) (Span, bool, error) {
	if err := ref.requireSeen(); err != nil {
		return Span{}, false, err
	}
	return s.copyToGold(ctx, doc, ref, by)
}

func (s *Store) copyToGold(ctx context.Context, doc Document, ref SpanRef, by int64) (sp Span, copied bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		sp, copied, err = copyToGoldTx(ctx, tx, doc, ref, by)
		return err
	})
	return sp, copied, err
}

// requireSeenAll is requireSeen for every ref.
func requireSeenAll(refs []SpanRef) error {
	for _, ref := range refs {
		if err := ref.requireSeen(); err != nil {
			return err
		}
	}
	return nil
}

// copyAgreedSpansTx copies into gold each ref's span still agreed
// (stillAgreed), and returns the ids of the gold spans it made (not
// those gold held already) and how many refs it left out as changed.
func copyAgreedSpansTx(ctx context.Context, tx *sql.Tx, doc Document, refs []SpanRef, by int64) (made []int64, changed int, err error) {
	made = []int64{}
	for _, ref := range refs {
		agreed, err := stillAgreed(ctx, tx, doc, ref)
		if err != nil {
			return nil, 0, err
		}
		if !agreed {
			changed++
			continue
		}
		sp, copied, err := copyToGoldTx(ctx, tx, doc, ref, by)
		if err != nil {
			return nil, 0, err
		}
		if copied {
			made = append(made, sp.ID)
		}
	}
	return made, changed, nil
}

// stillAgreed is true while ref's span is as it was read (ref.Seen),
// every user's layer of doc holds a span of that label and offsets, and
// gold neither rejects it nor gives its words another label: what the
// review lists as agreed and undecided, checked again where the copy is
// made, since the list was read outside that transaction.
func stillAgreed(ctx context.Context, tx *sql.Tx, doc Document, ref SpanRef) (bool, error) {
	var agreed bool
	err := tx.QueryRowContext(ctx, `WITH held AS (
		  SELECT s.id, l.owner_id FROM spans s JOIN layers l ON l.id = s.layer_id
		  WHERE l.document_id = :doc AND l.owner_id IS NOT NULL AND s.start = :start AND s."end" = :end AND s.label = :label),
		gold AS (SELECT id FROM layers WHERE document_id = :doc AND owner_id IS NULL)
		SELECT EXISTS (SELECT 1 FROM held WHERE id = :span AND owner_id = :owner)
		  AND (SELECT count(DISTINCT owner_id) FROM held) = (SELECT count(*) FROM layers WHERE document_id = :doc AND owner_id IS NOT NULL)
		  AND NOT EXISTS (SELECT 1 FROM suggestion_rejections WHERE layer_id IN (SELECT id FROM gold)
		    AND start = :start AND "end" = :end AND label = :label)
		  AND NOT EXISTS (SELECT 1 FROM spans WHERE layer_id IN (SELECT id FROM gold)
		    AND start = :start AND "end" = :end AND label <> :label)`,
		sql.Named("doc", doc.ID), sql.Named("span", ref.Span), sql.Named("owner", ref.Owner),
		sql.Named("start", ref.Seen.Start), sql.Named("end", ref.Seen.End), sql.Named("label", ref.Seen.Label)).Scan(&agreed)
	if err != nil {
		return false, fmt.Errorf("db: is span %d still agreed: %w", ref.Span, err)
	}
	return agreed, nil
}

// copyAgreedLinksTx puts into gold every relation all the users' layers
// of doc hold (the same type between spans of the same offsets and
// labels), between the gold spans of those offsets and labels, when gold
// holds both and not the relation yet: a quotation every annotator gave
// the same speaker is accepted with its speaker. It returns how many.
func copyAgreedLinksTx(ctx context.Context, tx *sql.Tx, doc Document, by int64) (int, error) {
	rows, err := tx.QueryContext(ctx, `WITH users AS (SELECT id FROM layers WHERE document_id = :doc AND owner_id IS NOT NULL),
		links AS (
		  SELECT r.layer_id, r.type, f.start AS fs, f."end" AS fe, f.label AS fl, t.start AS ts, t."end" AS te, t.label AS tl
		  FROM relations r JOIN spans f ON f.id = r.from_span JOIN spans t ON t.id = r.to_span
		  WHERE r.layer_id IN (SELECT id FROM users)),
		agreed AS (
		  SELECT type, fs, fe, fl, ts, te, tl FROM links GROUP BY type, fs, fe, fl, ts, te, tl
		  HAVING count(DISTINCT layer_id) = (SELECT count(*) FROM users))
		SELECT a.type, gf.id, gt.id FROM agreed a
		JOIN layers g ON g.document_id = :doc AND g.owner_id IS NULL
		JOIN spans gf ON gf.layer_id = g.id AND gf.start = a.fs AND gf."end" = a.fe AND gf.label = a.fl
		JOIN spans gt ON gt.layer_id = g.id AND gt.start = a.ts AND gt."end" = a.te AND gt.label = a.tl
		WHERE NOT EXISTS (SELECT 1 FROM relations r WHERE r.layer_id = g.id AND r.type = a.type AND r.from_span = gf.id AND r.to_span = gt.id)
		  -- a speaker, cue or referent (:single, singleLinks) gold has already stands: a span has one
		  AND NOT (a.type IN (SELECT value FROM json_each(:single))
		    AND EXISTS (SELECT 1 FROM relations r WHERE r.layer_id = g.id AND r.type = a.type AND r.from_span = gf.id))
		ORDER BY gf.start, gt.start, a.type`, sql.Named("doc", doc.ID), sql.Named("single", singleLinkTypes()))
	if err != nil {
		return 0, fmt.Errorf("db: agreed links of document %d: %w", doc.ID, err)
	}
	var links []RelationInput
	for rows.Next() {
		var in RelationInput
		if err := rows.Scan(&in.Type, &in.From, &in.To); err != nil {
			rows.Close()
			return 0, fmt.Errorf("db: scan agreed link: %w", err)
		}
		links = append(links, in)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("db: agreed links of document %d: %w", doc.ID, err)
	}
	n := 0
	taken := map[RelationInput]bool{} // single links made, by type and from
	for _, in := range links {
		// Layers from before a span had one speaker may agree on two: the
		// first in the text is taken.
		once := RelationInput{Type: in.Type, From: in.From}
		if singleLinks[in.Type] && taken[once] {
			continue
		}
		taken[once] = true
		// A quotation has one speaker and one cue over its segments: an
		// agreed one that would give gold's quotation a second (or join
		// two that have one each) leaves gold's own standing.
		_, err := createRelationTx(ctx, tx, doc, 0, by, in)
		if errors.Is(err, ErrConflict) && (singleLinks[in.Type] || in.Type == "segment") {
			continue
		}
		if err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

// refSpan loads ref's span from its owner's layer of doc, refusing one
// not there (ErrNotFound) or changed since it was read (ErrConflict).
func refSpan(ctx context.Context, tx *sql.Tx, doc Document, ref SpanRef) (Span, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT s.id FROM spans s JOIN layers l ON l.id = s.layer_id
		WHERE s.id = ? AND l.document_id = ? AND l.owner_id = ?`, ref.Span, doc.ID, ref.Owner).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Span{}, fmt.Errorf("span %d is not in that layer of document %d: %w", ref.Span, doc.ID, ErrNotFound)
	}
	if err != nil {
		return Span{}, fmt.Errorf("db: find span %d: %w", ref.Span, err)
	}
	src, err := spanByID(ctx, tx, doc, id)
	if err != nil {
		return Span{}, err
	}
	return src, refuseChanged(ctx, tx, ref, src)
}

func copyToGoldTx(ctx context.Context, tx *sql.Tx, doc Document, ref SpanRef, by int64) (Span, bool, error) {
	src, err := refSpan(ctx, tx, doc, ref)
	if err != nil {
		return Span{}, false, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, `SELECT s.id FROM spans s JOIN layers l ON l.id = s.layer_id
		WHERE l.document_id = ? AND l.owner_id IS NULL AND s.start = ? AND s."end" = ? AND s.label = ?`,
		doc.ID, src.Start, src.End, src.Label).Scan(&id)
	switch {
	case err == nil:
		sp, err := spanByID(ctx, tx, doc, id)
		return sp, false, err
	case !errors.Is(err, sql.ErrNoRows):
		return Span{}, false, fmt.Errorf("db: find span in gold: %w", err)
	}
	attrs, err := decodeAttributes(src.Attributes)
	if err != nil {
		return Span{}, false, fmt.Errorf("db: attributes of span %d: %w", ref.Span, err)
	}
	// Accepted after all: a rejection of the span for gold is taken back.
	if _, err := tx.ExecContext(ctx, `DELETE FROM suggestion_rejections WHERE label = ? AND start = ? AND "end" = ?
		AND layer_id = (SELECT id FROM layers WHERE document_id = ? AND owner_id IS NULL)`, src.Label, src.Start, src.End, doc.ID); err != nil {
		return Span{}, false, fmt.Errorf("db: take back the rejection of span %d: %w", ref.Span, err)
	}
	sp, err := insertSpanTx(ctx, tx, doc, 0, by, SpanInput{Start: src.Start, End: src.End, Label: src.Label, Attributes: attrs}, false)
	return sp, err == nil, err
}

// refuseChanged is ErrConflict when the span src, as it is now, is not
// what ref says was read of it; a reference read in the same transaction
// (a link's end) says nothing and is taken as it is.
func refuseChanged(ctx context.Context, tx *sql.Tx, ref SpanRef, src Span) error {
	now := SpanKey{Label: src.Label, Start: src.Start, End: src.End}
	if ref.Seen == (SpanKey{}) || ref.Seen == now {
		return nil
	}
	var owner string
	if err := tx.QueryRowContext(ctx, "SELECT name FROM users WHERE id = ?", ref.Owner).Scan(&owner); err != nil {
		return fmt.Errorf("db: owner of span %d: %w", ref.Span, err)
	}
	return conflict("the span changed since the page was loaded: in %s's layer it is %s %d–%d now, not %s %d–%d",
		owner, now.Label, now.Start, now.End, ref.Seen.Label, ref.Seen.Start, ref.Seen.End)
}

// LayerSpans is one user's spans of a document, as agreement compares
// them (label and offsets), and its quotations with who said them.
type LayerSpans struct {
	Name   string
	Spans  []SpanKey
	Quotes []QuoteKey
}

// QuoteKey is one quotation of a layer as agreement compares it: its
// segments in text order, its type, its speaker and cue (nil when none)
// and whether the annotator confirmed the speaker is not in the text.
type QuoteKey struct {
	Segments     []SpanKey
	Type         string
	Speaker, Cue *SpanKey
	NotInText    bool
}

// DocumentLayers is one document's layers as agreement reads them.
type DocumentLayers struct {
	ID         int64
	ExternalID string
	// Text is read only when two users or more have a layer: their pairs
	// are compared word by word too.
	Text   string
	Gold   *LayerSpans // nil unless reviewed
	Layers []LayerSpans
}

// EachDocumentLayers calls fn, in document order, for every document of
// the project that has a user's layer or a reviewed gold: gold when it is
// reviewed (nil otherwise: an unfinished gold is no reference yet), and
// its users' layers by name. It reads one snapshot and holds one document
// at a time.
func (s *Store) EachDocumentLayers(ctx context.Context, projectID int64, fn func(DocumentLayers) error) error {
	return s.eachDocumentLayers(ctx, projectID, true, func(d DocumentLayers, _ *sql.Tx) error { return fn(d) })
}

// eachDocumentLayers is EachDocumentLayers, reading each text only when
// withText; fn gets the snapshot's transaction too.
func (s *Store) eachDocumentLayers(ctx context.Context, projectID int64, withText bool, fn func(DocumentLayers, *sql.Tx) error) error {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: begin agreement read: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to undo
	// Gold (no owner) sorts before every user: names are never empty.
	rows, err := tx.QueryContext(ctx, `SELECT d.id, d.external_id, coalesce(u.name, ''), s.start, s."end", s.label
		FROM layers l JOIN documents d ON d.id = l.document_id LEFT JOIN users u ON u.id = l.owner_id
		LEFT JOIN spans s ON s.layer_id = l.id
		WHERE d.project_id = ? AND (l.owner_id IS NOT NULL OR l.status = 'reviewed')
		ORDER BY d.id, coalesce(u.name, ''), s.start, s."end", s.label`, projectID)
	if err != nil {
		return fmt.Errorf("db: layers of project %d: %w", projectID, err)
	}
	defer rows.Close()
	var (
		doc      int64
		external string
		layers   []LayerSpans
		quotes   bool // the document holds a quotation: its layers' quotations are read too
	)
	flush := func() error {
		if layers == nil {
			return nil
		}
		if quotes {
			if err := layerQuotations(ctx, tx, doc, layers); err != nil {
				return err
			}
		}
		d := DocumentLayers{ID: doc, ExternalID: external, Layers: layers}
		if layers[0].Name == "" {
			d.Gold, d.Layers = &layers[0], layers[1:]
		}
		if withText && len(d.Layers) >= 2 {
			if err := tx.QueryRowContext(ctx, "SELECT text FROM documents WHERE id = ?", doc).Scan(&d.Text); err != nil {
				return fmt.Errorf("db: text of document %d: %w", doc, err)
			}
		}
		err := fn(d, tx)
		layers, quotes = nil, false
		return err
	}
	for rows.Next() {
		var (
			id         int64
			ext, name  string
			start, end sql.NullInt64
			label      sql.NullString
		)
		if err := rows.Scan(&id, &ext, &name, &start, &end, &label); err != nil {
			return fmt.Errorf("db: scan layer span: %w", err)
		}
		if id != doc {
			if err := flush(); err != nil {
				return err
			}
			doc, external = id, ext
		}
		if len(layers) == 0 || layers[len(layers)-1].Name != name {
			layers = append(layers, LayerSpans{Name: name, Spans: []SpanKey{}})
		}
		if start.Valid {
			l := &layers[len(layers)-1]
			l.Spans = append(l.Spans, SpanKey{Start: int(start.Int64), End: int(end.Int64), Label: label.String})
			quotes = quotes || label.String == "QUOTE"
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("db: layers of project %d: %w", projectID, err)
	}
	return flush()
}

// layerQuotations groups each layer's QUOTE spans into its quotations
// (see Quotations), reading its spans with their ids and attributes (not
// their text) and its relations: only for a document that holds one, so
// a project without quotations costs nothing more.
func layerQuotations(ctx context.Context, tx *sql.Tx, docID int64, layers []LayerSpans) error {
	ids := map[string]int64{} // layer id by owner name, "" for gold
	rows, err := tx.QueryContext(ctx, `SELECT l.id, coalesce(u.name, '') FROM layers l LEFT JOIN users u ON u.id = l.owner_id
		WHERE l.document_id = ?`, docID)
	if err != nil {
		return fmt.Errorf("db: layers of document %d: %w", docID, err)
	}
	for rows.Next() {
		var (
			id   int64
			name string
		)
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return fmt.Errorf("db: scan layer: %w", err)
		}
		ids[name] = id
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("db: layers of document %d: %w", docID, err)
	}
	for i := range layers {
		var l Layer
		layer := ids[layers[i].Name]
		rows, err := tx.QueryContext(ctx, `SELECT id, start, "end", label, attributes FROM spans WHERE layer_id = ? ORDER BY id`, layer)
		if err != nil {
			return fmt.Errorf("db: spans of layer %d: %w", layer, err)
		}
		for rows.Next() {
			var (
				sp    Span
				attrs string
			)
			if err := rows.Scan(&sp.ID, &sp.Start, &sp.End, &sp.Label, &attrs); err != nil {
				rows.Close()
				return fmt.Errorf("db: scan span: %w", err)
			}
			sp.Attributes = json.RawMessage(attrs)
			l.Spans = append(l.Spans, sp)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("db: spans of layer %d: %w", layer, err)
		}
		if l.Relations, err = layerRelations(ctx, tx, layer); err != nil {
			return err
		}
		for _, q := range Quotations(l) {
			layers[i].Quotes = append(layers[i].Quotes, quoteKey(l, q))
		}
	}
	return nil
}

// quoteKey is a quotation of l by its spans' offsets.
func quoteKey(l Layer, q codec.Quotation) QuoteKey {
	key := func(i int) *SpanKey {
		if i < 0 {
			return nil
		}
		sp := l.Spans[i]
		return &SpanKey{Start: sp.Start, End: sp.End, Label: sp.Label}
	}
	out := QuoteKey{Speaker: key(q.Speaker), Cue: key(q.Cue), NotInText: q.NotInText}
	if q.Type != nil {
		out.Type = *q.Type
	}
	for _, i := range q.Segments {
		out.Segments = append(out.Segments, *key(i))
	}
	return out
}

// LinkCopy counts what CopyWithLinksToGold or AcceptAgreed added to
// gold, the links of gold it replaced, and the agreed spans a bulk copy
// left out because they changed after they were read.
type LinkCopy struct {
	Spans, Relations, Replaced int
	Changed                    int
}

// singleLinks are the relation types a span has at most one of: a
// quotation's speaker and cue, the entity a pronoun refers to. Copying
// one into gold replaces gold's own, so a quotation never has two
// speakers. Segments join a quotation's parts, any number of them.
var singleLinks = map[string]bool{"speaker": true, "cue": true, "refers_to": true}

// singleLinkTypes is singleLinks as a JSON array, for a query to read.
func singleLinkTypes() string {
	types, err := json.Marshal(slices.Sorted(maps.Keys(singleLinks)))
	if err != nil {
		panic(err) // strings always marshal
	}
	return string(types)
}

// replaceGoldLink deletes gold's links of typ from span from, or from any
// other segment of its quotation, to any span but to, when typ is one a
// quotation has once, and says how many went.
func replaceGoldLink(ctx context.Context, tx *sql.Tx, doc Document, by int64, typ string, from, to int64) (int, error) {
	if !singleLinks[typ] {
		return 0, nil
	}
	return deleteGoldLinks(ctx, tx, doc, by, func(rels []Relation) func(Relation) bool {
		segments := QuotationSegments(rels, from)
		return func(r Relation) bool { return r.Type == typ && segments[r.From] && r.To != to }
	})
}

// replaceJoinedLinks makes way for a segment link that joins gold's
// quotation of to onto that of from: where both quotations have a
// speaker (or cue, or referent), the one of to's, gold's own, goes, as a
// copied link replaces gold's own, and the number gone is returned.
func replaceJoinedLinks(ctx context.Context, tx *sql.Tx, doc Document, by int64, from, to int64) (int, error) {
	return deleteGoldLinks(ctx, tx, doc, by, func(rels []Relation) func(Relation) bool {
		mine, theirs := QuotationSegments(rels, from), QuotationSegments(rels, to)
		has := map[string]bool{}
		for _, r := range rels {
			if singleLinks[r.Type] && mine[r.From] {
				has[r.Type] = true
			}
		}
		return func(r Relation) bool { return has[r.Type] && theirs[r.From] && !mine[r.From] }
	})
}

// deleteGoldLinks deletes the relations of doc's gold layer that doomed,
// given them all, picks, and says how many went.
func deleteGoldLinks(ctx context.Context, tx *sql.Tx, doc Document, by int64, doomed func(rels []Relation) func(Relation) bool) (int, error) {
	gold, err := layerID(ctx, tx, doc.ID, 0, false)
	if err != nil {
		return 0, err
	}
	rels, err := layerRelations(ctx, tx, gold)
	if err != nil {
		return 0, err
	}
	drop := doomed(rels)
	n := 0
	for _, r := range rels {
		if drop(r) {
			if err := deleteRelationTx(ctx, tx, doc, by, gold, r); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// CopyWithLinksToGold is CopyToGold for a span and for what its relations
// reach in its layer, link after link (a quotation's speaker and cue, the
// entity a pronoun speaker refers to, the quotation's other segments):
// each span is put into gold once, and each relation joins the gold
// copies, in one transaction. Spans and relations gold holds already are
// used, not copied; a speaker, cue or referent replaces gold's own
// (singleLinks). The joins of segments are made first, so a speaker
// copied from any segment replaces the one gold had on any other.
func (s *Store) CopyWithLinksToGold(ctx context.Context, doc Document, ref SpanRef, by int64) (Span, LinkCopy, error) {
	var (
		sp    Span
		added LinkCopy
	)
	if err := ref.requireSeen(); err != nil {
		return sp, added, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		sp, added, err = copyWithLinksTx(ctx, tx, doc, ref, by)
		return err
	})
	return sp, added, err
}

// copyWithLinksTx is CopyWithLinksToGold in tx.
func copyWithLinksTx(ctx context.Context, tx *sql.Tx, doc Document, ref SpanRef, by int64) (Span, LinkCopy, error) {
	var (
		sp    Span
		added LinkCopy
	)
	err := func() error {
		var links []RelationInput
		gold := map[int64]Span{} // source span id -> its span in gold
		var visit func(id int64) (Span, error)
		visit = func(id int64) (Span, error) {
			if g, ok := gold[id]; ok {
				return g, nil
			}
			// The span the reviewer chose is checked against what they
			// saw; what its links reach is read here, as it is.
			at := SpanRef{Owner: ref.Owner, Span: id}
			if id == ref.Span {
				at.Seen = ref.Seen
			}
			g, copied, err := copyToGoldTx(ctx, tx, doc, at, by)
			if err != nil {
				return g, err
			}
			gold[id] = g
			if copied {
				added.Spans++
			}
			from, err := linksFrom(ctx, tx, doc, ref.Owner, id)
			if err != nil {
				return g, err
			}
			for _, l := range from {
				to, err := visit(l.To)
				if err != nil {
					return g, err
				}
				links = append(links, RelationInput{Type: l.Type, From: g.ID, To: to.ID})
			}
			return g, nil
		}
		var err error
		if sp, err = visit(ref.Span); err != nil {
			return err
		}
		slices.SortStableFunc(links, func(a, b RelationInput) int {
			return cmp.Compare(joinFirst(a), joinFirst(b))
		})
		for _, l := range links {
			made, replaced, err := linkInGold(ctx, tx, doc, by, l)
			if err != nil {
				return err
			}
			added.Relations, added.Replaced = added.Relations+made, added.Replaced+replaced
		}
		return nil
	}()
	return sp, added, err
}

// joinFirst orders a segment link before every other kind.
func joinFirst(l RelationInput) int {
	if l.Type == "segment" {
		return 0
	}
	return 1
}

// linkInGold makes the relation in between gold's spans unless gold
// holds it already, in place of gold's own link of its type when a span
// has one (replaceGoldLink), and says how many it made and replaced.
func linkInGold(ctx context.Context, tx *sql.Tx, doc Document, by int64, in RelationInput) (made, replaced int, err error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM relations r JOIN layers l ON l.id = r.layer_id
		WHERE l.document_id = ? AND l.owner_id IS NULL AND r.type = ? AND r.from_span = ? AND r.to_span = ?`,
		doc.ID, in.Type, in.From, in.To).Scan(&n); err != nil {
		return 0, 0, fmt.Errorf("db: find relation in gold: %w", err)
	}
	if n > 0 {
		return 0, 0, nil
	}
	if in.Type == "segment" {
		replaced, err = replaceJoinedLinks(ctx, tx, doc, by, in.From, in.To)
	} else {
		replaced, err = replaceGoldLink(ctx, tx, doc, by, in.Type, in.From, in.To)
	}
	if err != nil {
		return 0, replaced, err
	}
	if _, err := createRelationTx(ctx, tx, doc, 0, by, in); err != nil {
		return 0, replaced, err
	}
	return 1, replaced, nil
}

// linksFrom lists the relations of owner's layer of doc that start at
// span id.
func linksFrom(ctx context.Context, tx *sql.Tx, doc Document, owner, id int64) ([]RelationInput, error) {
	rows, err := tx.QueryContext(ctx, `SELECT r.type, r.to_span FROM relations r JOIN layers l ON l.id = r.layer_id
		WHERE l.document_id = ? AND l.owner_id = ? AND r.from_span = ? ORDER BY r.id`, doc.ID, owner, id)
	if err != nil {
		return nil, fmt.Errorf("db: relations from span %d: %w", id, err)
	}
	defer rows.Close()
	var out []RelationInput
	for rows.Next() {
		r := RelationInput{From: id}
		if err := rows.Scan(&r.Type, &r.To); err != nil {
			return nil, fmt.Errorf("db: scan relation: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
