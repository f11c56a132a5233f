package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// TestDummyHashCostsLikeAPassword: a login for a name that does not exist
// compares against dummyHash. Were it cheaper than a stored password, the
// response time would tell which user names exist.
func TestDummyHashCostsLikeAPassword(t *testing.T) {
	cost, err := bcrypt.Cost(dummyHash())
	if err != nil {
		t.Fatal(err)
	}
	if cost != passwordCost {
		t.Errorf("dummy hash cost %d, stored passwords cost %d: a login's time tells whether the name exists", cost, passwordCost)
	}
}

// TestClientIP: behind a trusted proxy (loopback unless others are
// named), the address is the rightmost X-Forwarded-For entry not a
// proxy's, the one the proxy appended; entries to its left and X-Real-IP
// are the client's to choose, so they are never believed. From anyone
// else, the private network included unless named, the connection's
// address.
func TestClientIP(t *testing.T) {
	lan, err := ParseProxies("10.0.0.0/8, 192.168.1.7")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, peer string
		xff        []string
		realIP     string
		proxies    Proxies
		want       string
	}{
		{"direct", "203.0.113.7:4000", []string{"198.51.100.1"}, "198.51.100.2", nil, "203.0.113.7"},
		{"local, no headers", "127.0.0.1:5000", nil, "", nil, "127.0.0.1"},
		{"local proxy", "127.0.0.1:5000", []string{"203.0.113.50"}, "", nil, "203.0.113.50"},
		{"client's own entry", "127.0.0.1:5000", []string{"198.51.100.9, 203.0.113.50"}, "", nil, "203.0.113.50"},
		{"client's X-Real-IP", "127.0.0.1:5000", []string{"203.0.113.50"}, "198.51.100.9", nil, "203.0.113.50"},
		{"X-Real-IP alone", "127.0.0.1:5000", nil, "198.51.100.9", nil, "127.0.0.1"},
		{"LAN machine, none named", "10.0.0.2:5000", []string{"203.0.113.50"}, "", nil, "10.0.0.2"},
		{"named LAN proxy", "10.0.0.2:5000", []string{"203.0.113.50"}, "", lan, "203.0.113.50"},
		{"named single proxy", "192.168.1.7:5000", []string{"203.0.113.50"}, "", lan, "203.0.113.50"},
		{"LAN machine not named", "192.168.1.8:5000", []string{"203.0.113.50"}, "", lan, "192.168.1.8"},
		{"two proxies", "10.0.0.2:5000", []string{"203.0.113.50, 10.0.0.3"}, "", lan, "203.0.113.50"},
		{"unnamed second proxy", "127.0.0.1:5000", []string{"203.0.113.50, 10.0.0.3"}, "", nil, "10.0.0.3"},
		{"two header lines", "127.0.0.1:5000", []string{"198.51.100.9", "203.0.113.50"}, "", nil, "203.0.113.50"},
		{"client on the proxies' network", "127.0.0.1:5000", []string{"10.0.0.5, 10.0.0.9"}, "", lan, "10.0.0.9"},
		{"entry with a port", "127.0.0.1:5000", []string{"203.0.113.50:4711"}, "", nil, "203.0.113.50"},
		{"IPv6 entry with a port", "127.0.0.1:5000", []string{"[2001:db8::1]:4711"}, "", nil, "2001:db8::1"},
		{"IPv6 loopback proxy", "[::1]:5000", []string{"2001:db8::7"}, "", nil, "2001:db8::7"},
		{"mangled last entry", "127.0.0.1:5000", []string{"203.0.113.50, junk"}, "", nil, "127.0.0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/login", nil)
			r.RemoteAddr = tt.peer
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if tt.realIP != "" {
				r.Header.Set("X-Real-IP", tt.realIP)
			}
			if got := tt.proxies.clientIP(r); got != tt.want {
				t.Errorf("clientIP = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestParseProxies: addresses and prefixes, spaces allowed; anything else
// is refused naming the entry.
func TestParseProxies(t *testing.T) {
	p, err := ParseProxies(" 10.0.0.0/8 ,fd00::/8, 192.168.1.7,")
	if err != nil || len(p) != 3 || p[2].String() != "192.168.1.7/32" {
		t.Fatalf("parsed %v, %v", p, err)
	}
	for _, bad := range []string{"10.0.0.0/33", "proxy.local", "10.0.0"} {
		if _, err := ParseProxies(bad); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("%q: error %v, want one naming it", bad, err)
		}
	}
}

// TestAddressBlock: IPv6 addresses of one /64 count as one address for
// login throttling; IPv4 addresses each count on their own.
func TestAddressBlock(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"203.0.113.7", "203.0.113.7"},
		{"2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:bbbb:cccc:dddd:eeee", "2001:db8:1:2::/64"},
		{"2001:db8:1:3::1", "2001:db8:1:3::/64"},
		{"not an address", "not an address"},
	} {
		if got := addressBlock(c.in); got != c.want {
			t.Errorf("addressBlock(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
