package web

import (
	"sync"
	"time"
)

// throttle limits failed logins per key (a user name, an address, the
// two together): after max failures within window, further attempts wait
// until the oldest failure leaves the window.
type throttle struct {
	mu        sync.Mutex
	max       int
	window    time.Duration
	maxKeys   int
	failures  map[string][]time.Time
	lastSweep time.Time
}

// defaultMaxKeys bounds the memory a flood of made-up names or addresses
// can take: past it, the key whose last failure is oldest is forgotten.
// Every failure costs the attacker a bcrypt comparison, so filling it
// within one window takes far more logins than one server answers.
const defaultMaxKeys = 100_000

func newThrottle(max int, window time.Duration) *throttle {
	return &throttle{max: max, window: window, maxKeys: defaultMaxKeys, failures: map[string][]time.Time{}}
}

// wait says how long key must wait before another attempt (0: go ahead).
func (t *throttle) wait(key string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	recent := t.prune(key, now)
	if len(recent) < t.max {
		return 0
	}
	return recent[0].Add(t.window).Sub(now)
}

// recent is how many failures key has within the window.
func (t *throttle) recent(key string, now time.Time) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.prune(key, now))
}

// fail records a failed attempt.
func (t *throttle) fail(key string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	recent := t.prune(key, now)
	if recent == nil {
		t.makeRoom(now)
	}
	t.failures[key] = append(recent, now)
}

// reset forgets key's failures after a successful login.
func (t *throttle) reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, key)
}

// makeRoom drops every key whose failures have left the window, once a
// window or when the map is full, and then, if it is still full, the key
// failed longest ago: the map never holds more than maxKeys.
func (t *throttle) makeRoom(now time.Time) {
	if len(t.failures) >= t.maxKeys || now.Sub(t.lastSweep) >= t.window {
		for k := range t.failures {
			t.prune(k, now)
		}
		t.lastSweep = now
	}
	for len(t.failures) > 0 && len(t.failures) >= t.maxKeys {
		delete(t.failures, t.stalest())
	}
}

// stalest is the key whose last failure is oldest.
func (t *throttle) stalest() string {
	var key string
	var last time.Time
	found := false
	for k, times := range t.failures {
		if at := times[len(times)-1]; !found || at.Before(last) {
			key, last, found = k, at, true
		}
	}
	return key
}

func (t *throttle) prune(key string, now time.Time) []time.Time {
	recent := t.failures[key]
	for len(recent) > 0 && now.Sub(recent[0]) >= t.window {
		recent = recent[1:]
	}
	if len(recent) == 0 {
		delete(t.failures, key)
		return nil
	}
	t.failures[key] = recent
	return recent
}
