// Package hardening holds black-box tests of briefgen against hostile
// input and faults: script injection through articles, front matter and
// file names; paths that try to leave the destination; resource bombs;
// builds killed mid-write, full disks and unwritable destinations. The
// tests drive generator/build and the real binary; the package itself has
// no code. docs/hardening.md records what each attack did.
package hardening
