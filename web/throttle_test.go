package web

import (
	"fmt"
	"testing"
	"time"
)

func TestThrottle(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	th := newThrottle(3, time.Minute)
	for i := range 3 {
		if w := th.wait("k", now); w != 0 {
			t.Fatalf("attempt %d must go ahead, waits %s", i+1, w)
		}
		th.fail("k", now.Add(time.Duration(i)*time.Second))
	}
	if w := th.wait("k", now.Add(3*time.Second)); w != 57*time.Second {
		t.Errorf("after 3 failures wait %s, want until the first leaves the window (57s)", w)
	}
	if w := th.wait("other", now); w != 0 {
		t.Errorf("another key waits %s", w)
	}
	if w := th.wait("k", now.Add(61*time.Second)); w != 0 {
		t.Errorf("after the window the key still waits %s", w)
	}
	th.fail("k", now)
	th.reset("k")
	if _, kept := th.failures["k"]; kept {
		t.Error("reset kept the key's failures")
	}
}

// TestThrottleMemoryIsBounded floods made-up names: once their failures
// leave the window, they are dropped instead of piling up, and while they
// are all fresh the map still holds no more than maxKeys, forgetting the
// key that failed longest ago.
func TestThrottleMemoryIsBounded(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	th := newThrottle(3, time.Minute)
	th.maxKeys = 100
	for i := range th.maxKeys {
		th.fail(fmt.Sprint("name", i), now)
	}
	th.fail("late", now.Add(2*time.Minute))
	if n := len(th.failures); n != 1 {
		t.Errorf("%d keys kept after the flood left the window, want 1", n)
	}

	for i := range 3 * th.maxKeys {
		th.fail(fmt.Sprint("fresh", i), now.Add(2*time.Minute+time.Duration(i)*time.Millisecond))
		if n := len(th.failures); n > th.maxKeys {
			t.Fatalf("%d keys held after %d fresh ones, want at most %d", n, i+1, th.maxKeys)
		}
	}
	if _, kept := th.failures[fmt.Sprint("fresh", 3*th.maxKeys-1)]; !kept {
		t.Error("the newest key was not kept")
	}
	if _, kept := th.failures["late"]; kept {
		t.Error("the key that failed longest ago was kept")
	}
}

// TestThrottleSweepsExpiredKeys: keys whose failures have left the window
// are dropped once a window passes, not only when the map is full.
func TestThrottleSweepsExpiredKeys(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	th := newThrottle(3, time.Minute)
	for i := range 50 {
		th.fail(fmt.Sprint("name", i), now)
	}
	th.fail("later", now.Add(time.Minute))
	if n := len(th.failures); n != 1 {
		t.Errorf("%d keys kept a window later, want 1", n)
	}
}
