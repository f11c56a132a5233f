package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/crypto/bcrypt"

	"hashiya/db"
)

func runUser(ctx context.Context, e env, args []string) (err error) {
	c := commands()["user"]
	f := newFlags(e, "user", c.usage, c.help)
	admin := f.Bool("admin", false, "make the user a global admin")
	fromStdin := f.Bool("password-stdin", false, "read the password (8 to 72 bytes) from the first line of stdin")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 2 && (pos[0] == "disable" || pos[0] == "enable") {
		return setDisabled(ctx, e, f, pos[1], pos[0] == "disable")
	}
	if len(pos) == 2 && pos[0] == "passwd" {
		if *admin {
			return errors.New("--admin is for 'user add': a password reset keeps the account's role")
		}
		return resetPassword(ctx, e, f, pos[1], *fromStdin)
	}
	if len(pos) != 2 || pos[0] != "add" {
		f.Usage()
		return errors.New("want 'user add NAME', 'user passwd NAME', 'user disable NAME' or 'user enable NAME'")
	}
	password, err := newPassword(e, *fromStdin)
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	if _, err := addUser(ctx, s, pos[1], password, *admin); err != nil {
		return err
	}
	if !*fromStdin {
		fmt.Fprintf(e.stdout, "user %s added; password (shown once): %s\n", pos[1], password)
	} else {
		fmt.Fprintf(e.stdout, "user %s added\n", pos[1])
	}
	return nil
}

// newPassword is the first line of stdin with --password-stdin, else a
// random password; either way checked before the database is opened, so
// a bad password changes nothing.
func newPassword(e env, fromStdin bool) (string, error) {
	if !fromStdin {
		return randomPassword()
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	password := strings.TrimRight(line, "\r\n")
	if password == "" && err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password from stdin: %w", err)
	}
	if password == "" {
		return "", errors.New("--password-stdin: no password on the first line of stdin")
	}
	return password, checkPassword(password)
}

// checkPassword holds a password to what bcrypt can hash (72 bytes; it
// refuses more) and to the web admin page's minimum, in the same words.
func checkPassword(password string) error {
	if len(password) < 8 || len(password) > 72 {
		return errors.New("the password must be 8 to 72 bytes long")
	}
	return nil
}

// addUser hashes the password and stores the user.
func addUser(ctx context.Context, s *db.Store, name, password string, admin bool) (db.User, error) {
	hash, err := hashPassword(password)
	if err != nil {
		return db.User{}, err
	}
	return s.CreateUser(ctx, name, hash, admin)
}

// hashPassword checks the password and hashes it with bcrypt (cost 12),
// as the web server does.
func hashPassword(password string) (string, error) {
	if err := checkPassword(password); err != nil {
		return "", err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return "", fmt.Errorf("hash the password: %w", err)
	}
	return string(hash), nil
}

func randomPassword() (string, error) {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make a random password: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// setDisabled is `user disable NAME` and `user enable NAME`.
func setDisabled(ctx context.Context, e env, f *flags, name string, disabled bool) (err error) {
	s, err := f.openExisting(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	if _, err := s.SetDisabled(ctx, db.User{}, name, disabled); err != nil {
		return err
	}
	if disabled {
		fmt.Fprintf(e.stdout, "%s disabled: logged out everywhere, API tokens revoked, annotations kept\n", name)
	} else {
		fmt.Fprintf(e.stdout, "%s enabled: they can log in again\n", name)
	}
	return nil
}

// resetPassword is `user passwd NAME`: a new password for someone who
// forgot theirs, random and printed once unless --password-stdin. Every
// session of the account ends, so a session opened with the old password
// goes with it.
func resetPassword(ctx context.Context, e env, f *flags, name string, fromStdin bool) (err error) {
	password, err := newPassword(e, fromStdin)
	if err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	s, err := f.openExisting(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	u, err := s.ResetPassword(ctx, db.User{}, name, hash)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "user %s: password reset, logged out everywhere", name)
	if !fromStdin {
		fmt.Fprintf(e.stdout, "; new password (shown once): %s", password)
	}
	fmt.Fprintln(e.stdout)
	if u.Disabled {
		fmt.Fprintf(e.stdout, "%s stays disabled until 'hashiya user enable %s'\n", name, name)
	}
	return nil
}
