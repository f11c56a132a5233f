package db

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoResultErrorDropped: the store never drops the error of a SQL
// result's LastInsertId or RowsAffected (as `id, _ := r.LastInsertId()`):
// an import keyed its relations by such an id, and a failure there would
// have joined the wrong spans without a word.
func TestNoResultErrorDropped(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 2 {
				return true
			}
			call, ok := as.Rhs[0].(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "LastInsertId" && sel.Sel.Name != "RowsAffected" {
				return true
			}
			if blank, ok := as.Lhs[1].(*ast.Ident); ok && blank.Name == "_" {
				t.Errorf("%s: the error of %s is dropped", fset.Position(as.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
