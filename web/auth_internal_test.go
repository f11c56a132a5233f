package web

import (
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
