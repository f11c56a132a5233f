package web_test

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"hashiya/db"
	"hashiya/web"
)

// BenchmarkImportUploadCoNLL uploads a CoNLL file of about 40 MB through
// the full router, its body made as it is sent, so the heap the upload
// takes is the server's alone. peak-heap-MB is the most heap in use
// (sampled) above what was in use before the request.
func BenchmarkImportUploadCoNLL(b *testing.B) {
	const size = 40 << 20
	for b.Loop() {
		b.StopTimer()
		srv, url, token := newImportBench(b)
		req := httptest.NewRequest(http.MethodPost, url, &conllMaker{limit: size})
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		runtime.GC()
		before := heapInuse()
		done := make(chan struct{})
		var peak uint64
		var wg sync.WaitGroup
		wg.Go(func() {
			tick := time.NewTicker(2 * time.Millisecond)
			defer tick.Stop()
			for {
				peak = max(peak, heapInuse())
				select {
				case <-done:
					return
				case <-tick.C:
				}
			}
		})
		b.StartTimer()
		srv.ServeHTTP(rec, req)
		b.StopTimer()
		close(done)
		wg.Wait()
		if rec.Code != http.StatusCreated {
			b.Fatalf("upload: %d %.500s", rec.Code, rec.Body)
		}
		b.ReportMetric(float64(peak-min(peak, before))/(1<<20), "peak-heap-MB")
		b.StartTimer()
	}
}

func heapInuse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// newImportBench is a server with an empty project and an admin's API
// token, and the URL a CoNLL upload to it is posted to.
func newImportBench(b *testing.B) (http.Handler, string, string) {
	ctx := b.Context()
	store, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	admin, err := store.CreateUser(ctx, "amina", "", true)
	if err != nil {
		b.Fatal(err)
	}
	p, err := store.CreateProject(ctx, "news", nil, admin.ID)
	if err != nil {
		b.Fatal(err)
	}
	token, _, err := store.CreateToken(ctx, admin, "bench")
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	return srv, fmt.Sprintf("/api/v1/projects/%d/documents?format=conll&name=big.conll", p.ID), token
}

// conllMaker reads as a CoNLL file of documents of a few sentences each,
// made as it is read, up to limit bytes (ending on a document's end).
type conllMaker struct {
	limit, made int
	doc         int
	buf         bytes.Buffer
}

var conllSentence = strings.Join([]string{"قال O", "الوزير O", "محمد B-PER", "بن I-PER", "سلمان I-PER", "في O", "الرياض B-LOC", "إن O", "الاتفاق O", "مهم O", ". O"}, "\n") + "\n\n"

func (m *conllMaker) Read(p []byte) (int, error) {
	if m.buf.Len() == 0 {
		if m.made >= m.limit {
			return 0, io.EOF
		}
		m.doc++
		fmt.Fprintf(&m.buf, "# id = d-%d\n", m.doc)
		for range 12 {
			m.buf.WriteString(conllSentence)
		}
		m.made += m.buf.Len()
	}
	return m.buf.Read(p)
}
