package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"

	"github.com/labstack/echo/v4"
)

//go:embed static
var staticFS embed.FS

// assets serves the embedded files under one content hash of them all:
// a changed file changes every URL, so the long cache lifetime is safe and
// relative ES module imports keep working.
type assets struct {
	prefix string // "/static/<hash>"
	hash   string
	files  map[string][]byte
}

func loadAssets() (*assets, error) {
	a := &assets{files: map[string][]byte{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		a.files[p[len("static/"):]] = body
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: read embedded assets: %w", err)
	}
	names := make([]string, 0, len(a.files))
	for n := range a.files {
		names = append(names, n)
	}
	sort.Strings(names)
	sum := sha256.New()
	for _, n := range names {
		fmt.Fprintf(sum, "%s\x00%d\x00", n, len(a.files[n]))
		sum.Write(a.files[n])
	}
	a.hash = hex.EncodeToString(sum.Sum(nil))[:12]
	a.prefix = "/static/" + a.hash
	return a, nil
}

func (h *handler) static(c echo.Context) error {
	body, ok := h.assets.files[path.Clean("/" + c.Param("*"))[1:]]
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "no such asset")
	}
	if c.Param("hash") == h.assets.hash {
		c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Response().Header().Set("Cache-Control", "no-cache")
	}
	ctype := mime.TypeByExtension(path.Ext(c.Param("*")))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	return c.Blob(http.StatusOK, ctype, body)
}

// health answers whether the database answers, and nothing more: it is
// open to anyone, so it names no versions.
func (h *handler) health(c echo.Context) error {
	if _, err := h.store.SQLiteVersion(c.Request().Context()); err != nil {
		h.log.Error("health check failed", "err", err)
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "not ok"})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// favicon answers the browser's own request for /favicon.ico, made on
// every page, with the app's icon: an SVG (browsers go by the type sent,
// not the name), cached for a week since this address has no content hash.
func (h *handler) favicon(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "public, max-age=604800")
	return c.Blob(http.StatusOK, "image/svg+xml", h.assets.files["favicon.svg"])
}
