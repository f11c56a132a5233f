package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"hashiya/db/codec"
	"hashiya/db/textsearch"
)

// ImportOptions says where imported documents and their spans go.
type ImportOptions struct {
	ProjectID int64
	File      string // named in line errors
	Owner     int64  // layer the file's spans go to; 0 is gold
	By        int64
	AddLabels bool // add unknown labels and relation types instead of refusing the line
	// TextsOnly leaves the file's spans and relations out: its documents
	// come in unannotated, to be annotated from scratch (ImportResult
	// counts what was left out).
	TextsOnly bool
	Via       ImportVia
}

// ImportLayer is the owner of the layer named name (gold or a user name)
// that an import into project p goes to: 0 for gold. A user who is neither
// a member of p nor an admin has no work in it, so is refused (a
// ValidationError naming the layer); a name no user has is ErrNotFound.
func (s *Store) ImportLayer(ctx context.Context, p Project, name string) (int64, error) {
	if name == "" || name == codec.GoldLayer {
		return 0, nil
	}
	var owner int64
	var member bool
	err := s.r.QueryRowContext(ctx, `SELECT u.id, u.is_admin = 1 OR EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = ? AND m.user_id = u.id)
		FROM users u WHERE u.name = ?`, p.ID, name).Scan(&owner, &member)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("user %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("db: find layer %q: %w", name, err)
	}
	if !member {
		return 0, invalid("layer", "user %s is not a member of project %s: add them to it first, or import into gold or a member's layer", name, p.Name)
	}
	return owner, nil
}

// ImportResult counts what one file added.
type ImportResult struct {
	Documents, Spans, Relations int
	// Annotated counts the documents the project had already that the
	// import gave a layer (a model's proposals, another layer of an
	// export): their text is not stored again.
	Annotated   int
	AddedLabels []string
	// Unjoined is those of AddedLabels no relation rule joins, so that no
	// link may reach them until the rules change (ANERCorp's PERS, while
	// speaker joins QUOTE to PER and ORG).
	Unjoined []string
	// LeftOut counts the spans and relations a TextsOnly import did not
	// store.
	LeftOutSpans, LeftOutRelations int
}

// leaveOut is d without its annotations when opts imports texts only,
// and counts what it dropped into res.
func leaveOut(opts ImportOptions, d codec.Doc, res *ImportResult) codec.Doc {
	if !opts.TextsOnly {
		return d
	}
	res.LeftOutSpans += len(d.Spans)
	res.LeftOutRelations += len(d.Relations)
	d.Spans, d.Relations, d.Status = nil, nil, ""
	return d
}

// Import stores the documents of one file in one transaction: either every
// document goes in, or nothing does and the error lists every bad line.
func (s *Store) Import(ctx context.Context, opts ImportOptions, docs []codec.Doc) (ImportResult, error) {
	var res ImportResult
	if opts.TextsOnly {
		kept := make([]codec.Doc, len(docs))
		for i, d := range docs {
			kept[i] = leaveOut(opts, d, &res)
		}
		docs = kept
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, err := loadProject(ctx, tx, "id = ?", opts.ProjectID)
		if err != nil {
			return err
		}
		existing, c, err := checkImport(ctx, tx, p, opts, docs)
		if err != nil {
			return err
		}
		if res.AddedLabels, res.Unjoined, err = c.addNames(ctx, tx); err != nil {
			return err
		}
		ins, err := prepareImport(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		for _, d := range docs {
			if err := ins.insertDoc(ctx, opts, newStoredDoc(d), existing[d.ExternalID], &res); err != nil {
				return fmt.Errorf("%s:%d: %w", opts.File, d.Line, err)
			}
		}
		return ins.logImport(ctx, tx, opts, res)
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// addNames adds, when the import adds labels, the labels and relation
// types the checked lines use that the project lacks, in first-use
// order; it returns the names of the labels added, and of those the ones
// no relation rule joins.
func (c *importCheck) addNames(ctx context.Context, tx *sql.Tx) (added, unjoined []string, err error) {
	if !c.opts.AddLabels {
		return nil, nil, nil
	}
	labels, err := addMissingLabels(ctx, tx, c.p, c.labels.names())
	if err != nil {
		return nil, nil, err
	}
	for _, l := range labels {
		added = append(added, l.Name)
	}
	if err := addMissingRelationTypes(ctx, tx, c.p, c.types.names()); err != nil {
		return nil, nil, err
	}
	return added, unjoinedLabels(c.p.RelationTypes, c.types.names(), added), nil
}

// unjoinedLabels is those of names no relation rule joins. A rule joins
// the labels its sides name, and any label on a side left empty; a type
// an import adds (one of used the project lacked) has both sides empty.
func unjoinedLabels(rules []RelationType, used, names []string) []string {
	joined := map[string]bool{}
	have := map[string]bool{}
	for _, rt := range rules {
		have[rt.Name] = true
		if len(rt.From) == 0 || len(rt.To) == 0 {
			return nil
		}
		for _, l := range append(append([]string(nil), rt.From...), rt.To...) {
			joined[l] = true
		}
	}
	for _, name := range used {
		if !have[name] {
			return nil
		}
	}
	var out []string
	for _, name := range names {
		if !joined[name] {
			out = append(out, name)
		}
	}
	return out
}

// logImport logs one event per file, however many documents it holds; it
// names the layer its spans went to when it wrote any.
func (st *importStmts) logImport(ctx context.Context, tx *sql.Tx, opts ImportOptions, res ImportResult) error {
	return logEvent(ctx, tx, Event{UserID: opts.By, ProjectID: opts.ProjectID, Action: "import", Layer: st.wrote,
		Detail: importDetail(opts, res)})
}

// importDetail is an import event's detail; a texts-only import says
// what it left out, so the log tells where the file's labels went.
func importDetail(opts ImportOptions, res ImportResult) map[string]any {
	d := map[string]any{"file": opts.File, "documents": res.Documents, "annotated": res.Annotated, "spans": res.Spans, "relations": res.Relations}
	if opts.TextsOnly {
		d["left_out_spans"], d["left_out_relations"] = res.LeftOutSpans, res.LeftOutRelations
	}
	return d
}

// ImportParsed is Import for what codec.ParseFile returned. When the file
// had bad lines, the documents of its good lines are checked against the
// project too (an id it already has, a label or relation type it lacks),
// so one refusal lists every bad line, in line order; nothing is stored.
func (s *Store) ImportParsed(ctx context.Context, opts ImportOptions, docs []codec.Doc, parseErr error) (ImportResult, error) {
	var bad codec.Errors
	if !errors.As(parseErr, &bad) {
		if parseErr != nil {
			return ImportResult{}, parseErr
		}
		return s.Import(ctx, opts, docs)
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return ImportResult{}, fmt.Errorf("db: begin import check: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to undo
	p, err := loadProject(ctx, tx, "id = ?", opts.ProjectID)
	if err != nil {
		return ImportResult{}, err
	}
	_, _, err = checkImport(ctx, tx, p, opts, docs)
	return ImportResult{}, withCheckErrors(bad, err)
}

// withCheckErrors is a file's bad lines as its reading found them (bad)
// followed by those the checks against the project found (checkErr, a
// codec.Errors or nil), in line order: one refusal listing every bad
// line. Another error is returned as it is.
func withCheckErrors(bad codec.Errors, checkErr error) error {
	var more codec.Errors
	if checkErr != nil && !errors.As(checkErr, &more) {
		return checkErr
	}
	all := append(slices.Clone(bad), more...)
	slices.SortStableFunc(all, func(a, b codec.LineError) int { return a.Line - b.Line })
	return all
}

// addMissingRelationTypes adds relation types a file uses that the project
// lacks, with no rule on the labels they join.
func addMissingRelationTypes(ctx context.Context, tx *sql.Tx, p Project, types []string) error {
	seen := map[string]bool{}
	for _, rt := range p.RelationTypes {
		seen[rt.Name] = true
	}
	added := 0
	for _, name := range types {
		if seen[name] {
			continue
		}
		seen[name] = true
		added++
		// checkImport has refused a file past the caps, on its line;
		// this holds the caps for any other caller.
		if added > MaxImportRelationTypes || len(seen) > MaxRelationTypes {
			return invalid("relation_types", "the import adds relation type number %d, %q, past the %d one import may add or the %d a project may have",
				added, name, MaxImportRelationTypes, MaxRelationTypes)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO relation_types (project_id, name) VALUES (?, ?)", p.ID, name); err != nil {
			return fmt.Errorf("db: add relation type %q: %w", name, err)
		}
	}
	return nil
}

// importStmts are the inserts an import repeats thousands of times.
type importStmts struct {
	doc, search, layer, span, relation *sql.Stmt
	nextDoc                            int64 // the id the next document gets (nextDocumentID)
	// wrote is the last layer the import made, 0 before the first: every
	// layer of one import has the same owner, so any one names them all.
	wrote int64
}

func prepareImport(ctx context.Context, tx *sql.Tx) (*importStmts, error) {
	var st importStmts
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.PrepareContext(ctx, q)
		return s
	}
	st.doc = prep("INSERT INTO documents (id, project_id, external_id, text, meta, hash) VALUES (?, ?, ?, ?, ?, ?)")
	st.search = prep("INSERT INTO document_search (document_id, external_id, text) VALUES (?, ?, ?)")
	st.layer = prep("INSERT INTO layers (document_id, owner_id, status) VALUES (?, ?, ?)")
	st.span = prep(`INSERT INTO spans (layer_id, start, "end", label, attributes, created_by) VALUES (?, ?, ?, ?, ?, ?)`)
	st.relation = prep("INSERT INTO relations (layer_id, type, from_span, to_span, created_by) VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		st.close()
		return nil, fmt.Errorf("db: prepare import: %w", err)
	}
	if st.nextDoc, err = nextDocumentID(ctx, tx); err != nil {
		st.close()
		return nil, err
	}
	return &st, nil
}

func (st *importStmts) close() {
	for _, s := range []*sql.Stmt{st.doc, st.search, st.layer, st.span, st.relation} {
		if s != nil {
			s.Close()
		}
	}
}

// storedDoc is a line's document with what its rows need that takes
// time to compute from its text (its hash, its folded copy for search),
// so a file read ahead in another goroutine has it done outside the
// write transaction.
type storedDoc struct {
	codec.Doc
	hash, foldedID, foldedText string
}

func newStoredDoc(d codec.Doc) storedDoc {
	return storedDoc{Doc: d, hash: textHash(d.Text), foldedID: textsearch.Fold(d.ExternalID), foldedText: textsearch.Fold(d.Text)}
}

// insertDoc stores line d: a new document with its layer, or, when
// existing names the document the project has already (checkImport has
// found it takes the line), the layer alone.
func (st *importStmts) insertDoc(ctx context.Context, opts ImportOptions, sd storedDoc, existing int64, res *ImportResult) error {
	d := sd.Doc
	meta := string(d.Meta)
	if meta == "" {
		meta = "{}"
	}
	docID := existing
	if existing == 0 {
		docID = st.nextDoc
		if _, err := st.doc.ExecContext(ctx, docID, opts.ProjectID, d.ExternalID, d.Text, meta, sd.hash); err != nil {
			return fmt.Errorf("db: insert document %q: %w", d.ExternalID, err)
		}
		if _, err := st.search.ExecContext(ctx, docID, sd.foldedID, sd.foldedText); err != nil {
			return fmt.Errorf("db: insert search text of %q: %w", d.ExternalID, err)
		}
		st.nextDoc++
		res.Documents++
	} else {
		res.Annotated++
	}
	status := importStatus(d)
	if status == "" {
		return nil
	}
	r, err := st.layer.ExecContext(ctx, docID, nullID(opts.Owner), status)
	if err != nil {
		return fmt.Errorf("db: insert layer of %q: %w", d.ExternalID, err)
	}
	layer, err := r.LastInsertId()
	if err != nil {
		return fmt.Errorf("db: id of the layer of %q: %w", d.ExternalID, err)
	}
	st.wrote = layer
	ids := map[string]int64{}
	for _, sp := range d.Spans {
		attrs := string(sp.Attributes)
		if attrs == "" {
			attrs = "{}"
		}
		r, err := st.span.ExecContext(ctx, layer, sp.Start, sp.End, sp.Label, attrs, opts.By)
		if err != nil {
			return fmt.Errorf("db: insert span %d..%d of %q: %w", sp.Start, sp.End, d.ExternalID, err)
		}
		if sp.Ref != "" {
			// Its relations are stored by this id: a wrong one would
			// join other spans, or none.
			if ids[sp.Ref], err = r.LastInsertId(); err != nil {
				return fmt.Errorf("db: id of span %d..%d of %q: %w", sp.Start, sp.End, d.ExternalID, err)
			}
		}
		res.Spans++
	}
	for _, rel := range d.Relations {
		if _, err := st.relation.ExecContext(ctx, layer, rel.Type, ids[rel.From], ids[rel.To], opts.By); err != nil {
			return fmt.Errorf("db: insert relation %s of %q: %w", rel.Type, d.ExternalID, err)
		}
		res.Relations++
	}
	return nil
}

// importStatus is the status of the layer a document's line fills, ""
// when it needs none. A line gives it as an export wrote it (the codec
// has refused one the layer cannot have: gold done, an annotator's
// reviewed); one naming none is in progress when it has spans, as a
// layer is once someone writes to it. A layer still new without spans is
// no layer at all, as export reads it.
func importStatus(d codec.Doc) string {
	switch {
	case d.Status == "new" && len(d.Spans) == 0:
		return ""
	case d.Status != "":
		return d.Status
	case len(d.Spans) > 0:
		return "in_progress"
	}
	return ""
}

// FileImport says how ImportFile reads a file.
type FileImport struct {
	Format, Unit, Layer string // as codec.ParseFileInto takes them
	// By, when set, is called once every line has passed every check,
	// before anything is stored, for the user the import is recorded by
	// (in place of ImportOptions.By): the CLI makes its admin only then.
	By func(context.Context) (int64, error)
}

// ImportFile is ParseFileInto and Import for a file too large to hold
// parsed (the CLI's and the web upload's import): the same checks, the
// same bad lines listed, the same rows stored, all or nothing, in the
// memory of a few documents (see codec.EachDoc: r is read twice for a
// CoNLL, plain-text lines or Label Studio file, held whole first when it
// cannot seek). It reads r
// once, checking every line against the project outside the write
// transaction, as ImportParsed does, and spools each document checked,
// with its hash and folded text, to a file beside the database; once
// the file has passed, it stores the spool in one transaction, checking
// each document again there as Import does (the project may have
// changed meanwhile). The Report is the reading's warnings.
func (s *Store) ImportFile(ctx context.Context, opts ImportOptions, r io.Reader, f FileImport) (ImportResult, codec.Report, error) {
	spool, err := os.CreateTemp(filepath.Dir(s.path), ".hashiya-import-*")
	if err != nil {
		return ImportResult{}, codec.Report{}, fmt.Errorf("db: make the import's spool file: %w", err)
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	var left ImportResult
	rep, err := s.checkFile(ctx, opts, r, f, codec.NewSpoolWriter(spool), &left)
	if err != nil {
		return ImportResult{}, rep, err
	}
	if f.By != nil {
		if opts.By, err = f.By(ctx); err != nil {
			return ImportResult{}, rep, err
		}
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return ImportResult{}, rep, fmt.Errorf("db: rewind the import's spool file: %w", err)
	}
	res, err := s.storeFile(ctx, opts, codec.NewSpoolReader(spool), left)
	return res, rep, err
}

// checkFile reads r, checking every line against the project in a read
// transaction and spooling each document while none is bad, and returns
// the warnings. A texts-only import's documents are checked and spooled
// without their annotations, counted into left.
func (s *Store) checkFile(ctx context.Context, opts ImportOptions, r io.Reader, f FileImport, spool *codec.SpoolWriter, left *ImportResult) (codec.Report, error) {
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return codec.Report{}, fmt.Errorf("db: begin import check: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to undo
	p, err := loadProject(ctx, tx, "id = ?", opts.ProjectID)
	if err != nil {
		return codec.Report{}, err
	}
	c := newImportCheck(p, opts)
	rep, err := codec.EachDoc(r, opts.File, f.Format, f.Unit, f.Layer, opts.Via, func(d codec.Doc) error {
		d = leaveOut(opts, d, left)
		if _, err := c.doc(ctx, tx, d); err != nil || len(c.bad) > 0 {
			return err
		}
		sd := newStoredDoc(d)
		return spool.Add(d, sd.hash, sd.foldedID, sd.foldedText)
	})
	var bad codec.Errors
	if err != nil && !errors.As(err, &bad) {
		return rep, err
	}
	if err := c.errors(); err != nil || len(bad) > 0 {
		return rep, withCheckErrors(bad, err)
	}
	return rep, spool.Flush()
}

// storeFile stores the spooled documents in one write transaction, each
// checked again, as Import checks and stores them: what takes time to
// compute was done while reading, so the transaction lasts no longer
// than Import's of the same documents.
func (s *Store) storeFile(ctx context.Context, opts ImportOptions, spool *codec.SpoolReader, left ImportResult) (ImportResult, error) {
	res := ImportResult{LeftOutSpans: left.LeftOutSpans, LeftOutRelations: left.LeftOutRelations}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, err := loadProject(ctx, tx, "id = ?", opts.ProjectID)
		if err != nil {
			return err
		}
		ins, err := prepareImport(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		c := newImportCheck(p, opts)
		if err := storeEach(ctx, tx, c, ins, spool, &res); err != nil {
			return err
		}
		if err := c.errors(); err != nil {
			return err
		}
		if res.AddedLabels, res.Unjoined, err = c.addNames(ctx, tx); err != nil {
			return err
		}
		return ins.logImport(ctx, tx, opts, res)
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// storeEach checks and stores each spooled document; once one is found
// bad it stores no more but checks on, so the refusal lists every bad
// line.
func storeEach(ctx context.Context, tx *sql.Tx, c *importCheck, ins *importStmts, spool *codec.SpoolReader, res *ImportResult) error {
	for {
		d, extra, err := spool.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("db: read the import's spool file: %w", err)
		}
		if len(extra) != 3 {
			return fmt.Errorf("db: the import's spool file holds %d strings for line %d, want 3", len(extra), d.Line)
		}
		existing, err := c.doc(ctx, tx, d)
		if err != nil {
			return err
		}
		if len(c.bad) > 0 {
			continue
		}
		sd := storedDoc{Doc: d, hash: extra[0], foldedID: extra[1], foldedText: extra[2]}
		if err := ins.insertDoc(ctx, c.opts, sd, existing, res); err != nil {
			return fmt.Errorf("%s:%d: %w", c.opts.File, d.Line, err)
		}
	}
}
