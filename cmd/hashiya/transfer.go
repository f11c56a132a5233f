package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"hashiya/components"
	"hashiya/db"
	"hashiya/db/codec"
)

func runImport(ctx context.Context, e env, args []string) (err error) {
	c := commands()["import"]
	f := newFlags(e, "import", c.usage, c.help)
	project := f.String("project", "", "project name (required)")
	format := f.String("format", "auto", "auto, text, text-lines, jsonl, doccano, doccano-rel, label-studio or conll (auto: by extension, .txt text, .conll conll, .json a Label Studio export, else JSON lines; text-lines: one document per line)")
	layer := f.String("layer", "gold", "layer the file's spans go to: gold or the name of a member of the project; lines naming another layer are refused")
	addLabels := f.Bool("add-labels", false, "add labels and relation types the project lacks instead of refusing the line")
	textsOnly := f.Bool("texts-only", false, "import the documents without the file's spans and relations (to annotate afresh), every line still checked; takes no --layer")
	unit := f.String("offsets", codec.UnitCodePoint, "what doccano lines' offsets count: codepoint (Python str indexes) or utf16 (doccano's own, JavaScript string indexes); text, CoNLL and Label Studio files take no --offsets")
	files, err := f.parse(args)
	if err != nil {
		return err
	}
	if *project == "" || len(files) == 0 {
		f.Usage()
		return errors.New("import needs --project NAME and at least one FILE")
	}
	// Check the format and unit before anything is opened or created.
	if err := checkImportFlags(*format, *unit, files); err != nil {
		return err
	}
	if *textsOnly && *layer != "gold" {
		return fmt.Errorf("--texts-only writes no layer, so it takes no --layer %s", *layer)
	}
	s, p, err := f.openProject(ctx, *project)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	owner, err := layerOwner(ctx, s, p, *layer)
	if err != nil {
		return err
	}
	admin, err := s.FirstAdmin(ctx)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	im := importer{s: s, format: *format, unit: *unit, layer: *layer, admin: admin, stdout: e.stdout, warn: e.stderr}
	failed := 0
	for _, file := range files {
		start := time.Now()
		res, err := im.stream(ctx, db.ImportOptions{ProjectID: p.ID, File: file, Owner: owner, AddLabels: *addLabels, TextsOnly: *textsOnly, Via: db.ViaCommandLine})
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "%s\n%s: %s\n", describe(err), file, nothingImported(err))
			continue
		}
		summary := components.ImportSummary(ctx, components.ImportCounts{Documents: res.Documents, Annotated: res.Annotated, Spans: res.Spans, Relations: res.Relations, Layer: *layer,
			TextsOnly: *textsOnly, LeftOutSpans: res.LeftOutSpans, LeftOutRelations: res.LeftOutRelations})
		// The summary isolates a user's name for a page; a terminal draws
		// text its own way, and a script reading the line wants the name bare.
		summary = strings.NewReplacer("\u2068", "", "\u2069", "").Replace(summary)
		fmt.Fprintf(e.stdout, "%s: %s in %s\n", file, summary, time.Since(start).Round(time.Millisecond))
		if note := components.AddedLabelsNote(ctx, res.AddedLabels, res.Unjoined, p.RelationTypes); note != "" {
			fmt.Fprintf(e.stdout, "%s: %s\n", file, note)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files had errors and were not imported", failed, len(files))
	}
	return nil
}

// nothingImported ends a refused file's report, with how many of its
// lines were bad when there were several, so a list running off the
// terminal need not be counted by hand; one bad line stands alone above.
func nothingImported(err error) string {
	var bad codec.Errors
	if !errors.As(err, &bad) {
		return "nothing imported"
	}
	lines := map[int]bool{}
	for _, le := range bad {
		lines[le.Line] = true
	}
	if len(lines) < 2 {
		return "nothing imported"
	}
	return fmt.Sprintf("%d bad lines, nothing imported", len(lines))
}

// checkImportFlags refuses an unknown --format or --offsets, and --offsets
// utf16 for a file that has no offsets in doccano's sense: text and
// CoNLL have none, and a Label Studio task's are checked against each
// region's text and read in whichever unit matches.
func checkImportFlags(format, unit string, files []string) error {
	if err := codec.CheckImportFormat(format); err != nil {
		return fmt.Errorf("--format: %w", err)
	}
	if err := codec.CheckUnit(unit); err != nil {
		return fmt.Errorf("--offsets: %w", err)
	}
	if unit == codec.UnitCodePoint {
		return nil
	}
	const lsOffsets = "Label Studio offsets are checked against each region's text and read in code points or UTF-16 units, whichever it matches"
	if format == "label-studio" {
		return fmt.Errorf("--offsets %s does not apply to --format label-studio: %s", unit, lsOffsets)
	}
	for _, file := range files {
		// codec reads a .json file as a Label Studio export under auto.
		if format == "auto" && strings.EqualFold(filepath.Ext(file), ".json") {
			return fmt.Errorf("--offsets %s does not apply to %s, a Label Studio export: %s", unit, file, lsOffsets)
		}
		if err := codec.CheckFileUnit(file, format, unit); err != nil {
			return fmt.Errorf("--offsets %s does not apply to %s: %w", unit, file, err)
		}
	}
	return nil
}

// importer imports files into one layer (whose owner is in each file's
// ImportOptions): a line naming another layer is a bad line. What it
// imports is recorded as the first admin's work.
type importer struct {
	s                   *db.Store
	format, unit, layer string
	admin               db.User // the zero User until the database has an admin
	stdout, warn        io.Writer
}

// layerOwner resolves a layer name to its owner id, gold 0: a user of
// the project (a member or an admin).
func layerOwner(ctx context.Context, s *db.Store, p db.Project, layer string) (int64, error) {
	owner, err := s.ImportLayer(ctx, p, layer)
	var ve *db.ValidationError
	switch {
	case errors.Is(err, db.ErrNotFound):
		return 0, fmt.Errorf("--layer %q is neither gold nor a user", layer)
	case errors.As(err, &ve):
		return 0, fmt.Errorf("--layer %s: %s", layer, ve.Reason)
	}
	return owner, err
}

func runExport(ctx context.Context, e env, args []string) (err error) {
	c := commands()["export"]
	f := newFlags(e, "export", c.usage, c.help)
	project := f.String("project", "", "project name (required)")
	format := f.String("format", "jsonl", "jsonl, doccano, doccano-rel, quotes, conll or label-studio")
	layer := f.String("layer", "gold", "gold, a user name, or all")
	status := f.String("status", "", "only layers with this status: new, in_progress, done or reviewed")
	unit := f.String("offsets", codec.UnitCodePoint, "what the doccano formats' offsets count: codepoint (Python str indexes) or utf16 (doccano's own)")
	tokens := f.String("tokens", codec.TokensWords, "how the conll format cuts tokens: words (punctuation split off, sentences also end after a stop) or whitespace (at spaces alone, sentences at line breaks alone: a CoNLL file imported comes back token for token)")
	out := f.String("out", "", "write to this file instead of stdout")
	split := f.String("split", "", "train/dev/test (or train/test) percentages for --part (default 80/10/10)")
	part := f.String("part", "", "the part of --split to write: train, dev or test")
	seed := f.String("seed", "", "with --split: another seed deals the documents out differently")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if *project == "" || len(pos) > 0 {
		f.Usage()
		return errors.New("export needs --project NAME and takes no other arguments")
	}
	// "mine" is the caller's own layer in the web API; the command line
	// has no signed-in caller.
	if *layer == "mine" {
		return errors.New(`--layer mine: the command line has no signed-in user whose layer that is; name the user (--layer layla), or gold, or all`)
	}
	// Check the format, unit, status and split before anything is opened or created.
	spec := exportSpec{format: *format, layer: *layer, status: *status, unit: *unit, tokens: *tokens, split: *split, part: *part, seed: *seed}
	if _, err := spec.writer(io.Discard); err != nil {
		return err
	}
	if _, err := spec.filter(nil); err != nil {
		return err
	}
	s, p, err := f.openProject(ctx, *project)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	if *out == "" {
		return exportTo(ctx, s, p.ID, spec, e.stdout, e.stderr)
	}
	return exportToFile(ctx, s, p.ID, spec, *out, e.stderr)
}

// exportSpec is what an export writes: its format, layer (or all), the
// status its layers must have ("" any), the doccano offset unit, how
// CoNLL tokens are cut, and the part of a split ("" the whole project).
type exportSpec struct{ format, layer, status, unit, tokens, split, part, seed string }

// filter wraps write with the spec's status and split, or says which
// flag is wrong.
func (spec exportSpec) filter(write func(codec.ExportDoc) error) (func(codec.ExportDoc) error, error) {
	write, err := db.WithStatus(spec.status, write)
	if err != nil {
		return nil, fmt.Errorf("--%w", err)
	}
	if write, err = codec.PartFilter(spec.split, spec.part, spec.seed, write); err != nil {
		return nil, fmt.Errorf("--%w", err)
	}
	return write, nil
}

// writer is the codec.Writer of the spec to w.
func (spec exportSpec) writer(w io.Writer) (*codec.Writer, error) {
	cw, err := codec.NewWriter(w, spec.format)
	if err != nil {
		return nil, err
	}
	if err := cw.CountIn(spec.unit); err != nil {
		return nil, fmt.Errorf("--offsets: %w", err)
	}
	if err := cw.TokensAt(cmp.Or(spec.tokens, codec.TokensWords)); err != nil {
		return nil, fmt.Errorf("--tokens: %w", err)
	}
	if spec.layer == db.AllLayers {
		if err := cw.AllLayers(); err != nil {
			return nil, fmt.Errorf("--layer: %w", err)
		}
	}
	return cw, nil
}

// exportTo writes the export to w and what a lossy format (conll) could
// not say to warn, so the user learns of it without reading the file,
// as they learn of an export with nothing in it (emptyExport).
func exportTo(ctx context.Context, s *db.Store, projectID int64, spec exportSpec, w, warn io.Writer) error {
	out := &countingWriter{w: w}
	cw, err := spec.writer(out)
	if err != nil {
		return err
	}
	docs := 0
	write, err := spec.filter(func(d codec.ExportDoc) error {
		docs++
		return cw.Write(d)
	})
	if err != nil {
		return err
	}
	if err = s.ExportLayers(ctx, projectID, spec.layer, write); err == nil {
		err = cw.Close()
	}
	for _, msg := range cw.Warnings() {
		fmt.Fprintf(warn, "export: %s (warning)\n", msg)
	}
	if err == nil && (docs == 0 || out.n == 0) {
		fmt.Fprintf(warn, "export: %s (warning)\n", emptyExport(ctx, s, projectID, spec, docs))
	}
	return err
}

// emptyExport says what an export that wrote nothing (or Label Studio's
// empty array) held none of, in the words of the project page's: "no
// quotations in gold of news, with status reviewed: the file is empty".
func emptyExport(ctx context.Context, s *db.Store, projectID int64, spec exportSpec, docs int) string {
	things := "no documents"
	if spec.format == "quotes" && docs > 0 {
		things = "no quotations"
	}
	where := "in gold"
	switch spec.layer {
	case "gold":
	case db.AllLayers:
		where = "in any layer"
	default:
		where = fmt.Sprintf("in %s's layer", spec.layer)
	}
	name := fmt.Sprint(projectID)
	if p, err := s.Project(ctx, projectID); err == nil {
		name = p.Name
	}
	msg := fmt.Sprintf("%s %s of %s", things, where, name)
	if spec.status != "" {
		msg += ", with status " + spec.status
	}
	if spec.part != "" {
		msg += fmt.Sprintf(", in the %s part", spec.part)
	}
	if spec.format == "label-studio" {
		return msg + ": the file is an empty array"
	}
	return msg + ": the file is empty"
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}
