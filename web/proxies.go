package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/labstack/echo/v4"
)

// Proxies are the networks whose X-Forwarded-For and X-Forwarded-Proto
// are believed besides loopback (a proxy on the same machine): the
// operator's own reverse proxies elsewhere, named with
// `serve --trusted-proxy`. On a team's network any machine may write
// those headers, so the private network is not trusted unless named.
type Proxies []netip.Prefix

// ParseProxies reads a comma-separated list of addresses and CIDR
// prefixes (10.0.0.2, 10.0.0.0/8, fd00::/8), naming the entry that is
// neither.
func ParseProxies(list string) (Proxies, error) {
	var out Proxies
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			a, aerr := netip.ParseAddr(s)
			if aerr != nil {
				return nil, fmt.Errorf("%q is not an address or a CIDR prefix such as 10.0.0.0/8", s)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// trusts says whether ip is loopback or one of the proxies.
func (p Proxies) trusts(ip net.IP) bool {
	a, ok := netip.AddrFromSlice(ip)
	if !ok {
		return false
	}
	a = a.Unmap()
	if a.IsLoopback() {
		return true
	}
	for _, pre := range p {
		if pre.Contains(a) {
			return true
		}
	}
	return false
}

// Login throttling keys on the client's address: the connection's, unless
// it comes from a trusted proxy. Then it is the rightmost
// X-Forwarded-For entry that is not itself such a proxy: entries to its
// left are whatever the client sent, and proxies append the address they
// saw. X-Real-IP is never believed: Go's ReverseProxy, Caddy and a bare
// nginx proxy_pass pass on the client's own, so rotating it would buy
// fresh allowances.
func (p Proxies) clientIP(r *http.Request) string {
	peer := peerIP(r)
	if peer == nil || !p.trusts(peer) {
		return remoteHost(r)
	}
	hops := strings.Split(strings.Join(r.Header.Values(echo.HeaderXForwardedFor), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		ip := parseHop(hops[i])
		if ip == nil {
			break // a mangled entry: nothing left of it can be vouched for
		}
		if !p.trusts(ip) {
			return ip.String()
		}
	}
	// Every address is a proxy's: only the last, which our proxy wrote,
	// is not the client's to choose.
	if ip := parseHop(hops[len(hops)-1]); ip != nil {
		return ip.String()
	}
	return peer.String()
}

// overTLS reports whether the browser reached the server over TLS:
// directly, or through a trusted proxy saying so in X-Forwarded-Proto.
func (p Proxies) overTLS(c echo.Context) bool {
	if c.IsTLS() {
		return true
	}
	ip := peerIP(c.Request())
	return ip != nil && p.trusts(ip) &&
		strings.EqualFold(c.Request().Header.Get(echo.HeaderXForwardedProto), "https")
}

const (
	clientKey = "client-address"
	tlsKey    = "over-tls"
)

// forwarding reads, once and first, who the client is and whether it
// came over TLS, as the trusted proxies say, for every later step.
func (h *handler) forwarding(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Set(clientKey, h.proxies.clientIP(c.Request()))
		c.Set(tlsKey, h.proxies.overTLS(c))
		return next(c)
	}
}

// secure reports whether the request came over TLS (forwarding); the
// cookies are then marked Secure.
func secure(c echo.Context) bool {
	tls, _ := c.Get(tlsKey).(bool)
	return tls
}

// clientAddress is the client's address, as forwarding read it.
func clientAddress(c echo.Context) string {
	addr, _ := c.Get(clientKey).(string)
	return addr
}
