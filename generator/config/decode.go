package config

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// Error is a problem in a source file, at a line when one is known.
type Error struct {
	File string // path of the file, as the user would open it
	Line int    // 1-based; 0 when the problem is not on one line
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Format is a settings language.
type Format uint8

const (
	YAML Format = iota
	TOML
)

func (f Format) String() string {
	if f == TOML {
		return "TOML"
	}
	return "YAML"
}

// Map is a decoded YAML or TOML mapping: its top-level values, and the file
// line each top-level key is on.
type Map struct {
	Values map[string]any
	Lines  map[string]int
	Keys   []string // keys in file order
}

// Decode decodes data, a YAML or TOML mapping that starts on line firstLine
// of the file name. Nested mappings decode to map[string]any, sequences to
// []any. YAML timestamps stay strings (see ParseDate); TOML dates decode to
// the go-toml types, which ParseDate also accepts. Errors are *Error with
// the file line of the problem.
func Decode(name string, format Format, data []byte, firstLine int) (*Map, error) {
	if firstLine < 1 {
		firstLine = 1
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	m := &Map{Values: map[string]any{}, Lines: map[string]int{}}
	if format == TOML {
		if err := toml.Unmarshal(data, &m.Values); err != nil {
			line := 0
			var de *toml.DecodeError
			if errors.As(err, &de) {
				line, _ = de.Position()
			}
			return nil, &Error{File: name, Line: fileLine(firstLine, line), Msg: "TOML: " + tomlMessage(err)}
		}
		m.Keys, m.Lines = tomlKeyLines(data, firstLine)
		for k := range m.Values {
			if _, ok := m.Lines[k]; !ok {
				m.Lines[k] = firstLine
				m.Keys = append(m.Keys, k)
			}
		}
		return m, nil
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		line, msg := yamlMessage(err)
		if n := countLines(data); line > n {
			line = n // the parser reports the end of input one line down
		}
		return nil, &Error{File: name, Line: fileLine(firstLine, line), Msg: "YAML: " + msg}
	}
	if n.Kind == 0 || len(n.Content) == 0 {
		return m, nil // empty document
	}
	root := n.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return m, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: fileLine(firstLine, root.Line), Msg: "YAML: want a mapping of keys to values (key: value)"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		var val any
		if err := v.Decode(&val); err != nil {
			line, msg := yamlMessage(err)
			if line == 0 {
				line = v.Line
			}
			return nil, &Error{File: name, Line: fileLine(firstLine, line), Msg: "YAML: " + msg}
		}
		key := k.Value
		if _, dup := m.Values[key]; dup {
			return nil, &Error{File: name, Line: fileLine(firstLine, k.Line), Msg: fmt.Sprintf("YAML: key %q given twice", key)}
		}
		m.Values[key] = val
		m.Lines[key] = fileLine(firstLine, k.Line)
		m.Keys = append(m.Keys, key)
	}
	return m, nil
}

// countLines counts the lines of data, a last line without a newline
// included.
func countLines(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

func fileLine(first, line int) int {
	if line <= 0 {
		return first
	}
	return first + line - 1
}

// yamlMessage takes the line number out of a yaml error message.
func yamlMessage(err error) (int, string) {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = strings.TrimSpace(te.Errors[0])
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := msg[len("line "):]
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
				// The YAML parser (not its scanner) reports 0-based
				// lines: the line a flow collection or block started.
				for _, p := range yamlParserErrors {
					if strings.HasPrefix(msg, p) {
						line++
						break
					}
				}
			}
		}
	}
	return line, msg
}

var yamlParserErrors = []string{
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
}

func tomlMessage(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "toml: ")
	return msg
}

// tomlKeyLines finds the line of each top-level key ("key = value" before
// the first [table] header).
func tomlKeyLines(data []byte, firstLine int) ([]string, map[string]int) {
	var keys []string
	lines := map[string]int{}
	add := func(key string, line int) {
		key = strings.TrimSpace(key)
		if uq, err := strconv.Unquote(key); err == nil {
			key = uq
		} else if len(key) >= 2 && key[0] == '\'' && key[len(key)-1] == '\'' {
			key = key[1 : len(key)-1]
		}
		if _, ok := lines[key]; !ok && key != "" {
			lines[key] = line
			keys = append(keys, key)
		}
	}
	inTable := false
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			// A table header: its first key is a top-level key.
			name := strings.Trim(line, "[] \t")
			if j := strings.IndexAny(name, ".]"); j >= 0 {
				name = name[:j]
			}
			add(name, firstLine+i)
			inTable = true
			continue
		}
		eq := strings.IndexByte(line, '=')
		if inTable || eq <= 0 || strings.HasPrefix(line, "#") {
			continue
		}
		key := line[:eq]
		if j := strings.IndexByte(key, '.'); j >= 0 && !strings.ContainsAny(key, "\"'") {
			key = key[:j] // dotted key: a.b = 1
		}
		add(key, firstLine+i)
	}
	return keys, lines
}

// DateLayouts are the date formats ParseDate accepts, tried in order.
var DateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
}

// ParseDate turns a decoded date value into a time: a string in one of
// DateLayouts (dates without a zone are UTC), a time.Time, or a TOML local
// date or date-time.
func ParseDate(v any) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		return d, nil
	case toml.LocalDate:
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), nil
	case toml.LocalDateTime:
		return time.Date(d.Year, time.Month(d.Month), d.Day, d.Hour, d.Minute, d.Second, d.Nanosecond, time.UTC), nil
	case string:
		s := strings.TrimSpace(d)
		for _, layout := range DateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM or RFC 3339 like 2024-11-22T15:04:05Z)", d)
	}
	return time.Time{}, fmt.Errorf("%s is not a date (want YYYY-MM-DD)", describe(v))
}

// describe names a decoded value for an error message.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(v)
	case bool:
		return strconv.FormatBool(v)
	case int, int64, uint64, float64:
		return fmt.Sprint(v)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}

// Describe names a decoded value for an error message ("a list", "42").
func Describe(v any) string { return describe(v) }
