package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeBindsFirst: serve takes its address before it says it serves
// or touches the database, so a port in use or a bad --addr fails with
// nothing on stdout and no database made.
func TestServeBindsFirst(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	tests := []struct{ addr, want string }{
		{busy.Addr().String(), "hashiya: --addr " + busy.Addr().String() + ": bind: address already in use\n"},
		{"127.0.0.1:99999", "hashiya: --addr 127.0.0.1:99999: address 99999: invalid port\n"},
		{"no-port", "hashiya: --addr no-port: address no-port: missing port in address\n"},
	}
	for _, tt := range tests {
		c := newCLI(t)
		out, errOut, err := c.run("", "serve", "--addr", tt.addr)
		if err == nil {
			t.Fatalf("serve --addr %s succeeded", tt.addr)
		}
		var b strings.Builder
		b.WriteString(errOut)
		report(&b, err)
		if out != "" || b.String() != tt.want {
			t.Errorf("serve --addr %s:\nstdout %q\nstderr %q\nwant nothing on stdout and %q", tt.addr, out, b.String(), tt.want)
		}
		if _, err := os.Stat(c.db); err == nil {
			t.Errorf("serve --addr %s made %s", tt.addr, filepath.Base(c.db))
		}
	}
}
