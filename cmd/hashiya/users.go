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
	if len(pos) != 2 || pos[0] != "add" {
		f.Usage()
		return errors.New("want 'user add NAME', 'user disable NAME' or 'user enable NAME'")
	}
	password := ""
	if *fromStdin {
		line, rerr := bufio.NewReader(e.stdin).ReadString('\n')
		password = strings.TrimRight(line, "\r\n")
		if password == "" && rerr != nil && !errors.Is(rerr, io.EOF) {
			return fmt.Errorf("read the password from stdin: %w", rerr)
		}
		if password == "" {
			return errors.New("--password-stdin: no password on the first line of stdin")
		}
	} else if password, err = randomPassword(); err != nil {
		return err
	}
	// Check before opening the database, so a bad password changes nothing.
	if err := checkPassword(password); err != nil {
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

// checkPassword holds a password to what bcrypt can hash (72 bytes; it
// refuses more) and to the web admin page's minimum, in the same words.
func checkPassword(password string) error {
	if len(password) < 8 || len(password) > 72 {
		return errors.New("the password must be 8 to 72 bytes long")
	}
	return nil
}

// addUser hashes the password with bcrypt (cost 12) and stores the user.
func addUser(ctx context.Context, s *db.Store, name, password string, admin bool) (db.User, error) {
	if err := checkPassword(password); err != nil {
		return db.User{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), 12)
	if err != nil {
		return db.User{}, fmt.Errorf("hash the password: %w", err)
	}
	return s.CreateUser(ctx, name, string(hash), admin)
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
