package web_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestTooLargeReachesPython sends a body over the 64 MiB limit as
// Python's urllib and requests send one: the whole body first, the
// answer read after. The client must get the 413 and its reason, not a
// connection reset mid-send, declared by Content-Length or chunked.
func TestTooLargeReachesPython(t *testing.T) {
	env := newAPIEnv(t)
	token, _, err := env.store.CreateToken(t.Context(), env.user, "script")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(env.srv)
	defer srv.Close()
	const size = 64<<20 + 1<<20
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprintf("chunked=%v", chunked), func(t *testing.T) {
			conn, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			head := fmt.Sprintf("POST /api/v1/projects/%d/documents?name=big.jsonl HTTP/1.1\r\nHost: hashiya\r\nAuthorization: Bearer %s\r\nContent-Type: application/x-ndjson\r\n", env.proj.ID, token)
			if chunked {
				head += "Transfer-Encoding: chunked\r\n\r\n"
			} else {
				head += fmt.Sprintf("Content-Length: %d\r\n\r\n", size)
			}
			w := bufio.NewWriterSize(conn, 1<<16)
			if _, err := io.WriteString(w, head); err != nil {
				t.Fatal(err)
			}
			line := strings.Repeat("\n", 1<<20) // blank lines: the import reads on without keeping any
			for sent := 0; sent < size; sent += len(line) {
				if chunked {
					_, err = fmt.Fprintf(w, "%x\r\n%s\r\n", len(line), line)
				} else {
					_, err = io.WriteString(w, line)
				}
				if err != nil {
					t.Fatalf("sending the body, after %d MiB: %v; want the server to read it and answer 413", sent>>20, err)
				}
			}
			if chunked {
				_, err = io.WriteString(w, "0\r\n\r\n")
			}
			if err == nil {
				err = w.Flush()
			}
			if err != nil {
				t.Fatalf("sending the end of the body: %v", err)
			}
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("reading the answer: %v; want 413", err)
			}
			defer resp.Body.Close()
			var body struct{ Error string }
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body.Error, "body: larger than 64 MiB") {
				t.Errorf("answer %d %q, want 413 naming the body and its limit", resp.StatusCode, body.Error)
			}
		})
	}
}
