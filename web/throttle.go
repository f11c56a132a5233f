package web

import (
	"sync"
	"time"
)

// throttle limits failed logins per key (a user name, an address): after
// max failures within window, further attempts wait until the oldest
// failure leaves the window.
type throttle struct {
	mu       sync.Mutex
	max      int
	window   time.Duration
	failures map[string][]time.Time
}

func newThrottle(max int, window time.Duration) *throttle {
	return &throttle{max: max, window: window, failures: map[string][]time.Time{}}
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

// maxKeys bounds the memory a flood of made-up names can take: past it,
// every key whose failures have all left the window is dropped.
const maxKeys = 10000

// fail records a failed attempt.
func (t *throttle) fail(key string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.failures) >= maxKeys {
		for k := range t.failures {
			t.prune(k, now)
		}
	}
	t.failures[key] = append(t.prune(key, now), now)
}

// reset forgets key's failures after a successful login.
func (t *throttle) reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.failures, key)
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
