package tmplexec

import (
	"errors"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// errUnsupported ends the compilation of a template the Set leaves to
// html/template.
var errUnsupported = errors.New("tmplexec: unsupported")

// A program is a compiled entry template.
type program struct {
	root *tmpl
}

// tmpl is one compiled template (a file or a {{define}}).
type tmpl struct {
	name string
	body []node
}

// A node is a compiled parse node: it writes its output and reports
// whether a {{break}} or {{continue}} ended it.
type node interface {
	exec(st *state, dot reflect.Value) ctrl
}

type ctrl uint8

const (
	ctrlNext ctrl = iota
	ctrlBreak
	ctrlContinue
)

type (
	textNode   []byte
	actionNode struct {
		pipe *pipeline
		esc  []escaper // the escapers ending the pipeline, applied as strings
	}
	ifNode struct {
		with        bool
		pipe        *pipeline
		list, elseL []node
	}
	rangeNode struct {
		pipe        *pipeline
		list, elseL []node
	}
	templateNode struct {
		callee *tmpl
		pipe   *pipeline
	}
	breakNode    struct{}
	continueNode struct{}
)

// A pipeline is a parse.PipeNode: commands and the variables it declares.
type pipeline struct {
	cmds   []*command
	decl   []string
	assign bool
}

// A command is its first word and its arguments.
type command struct {
	first *operand
	args  []*operand
}

type opKind uint8

const (
	opDot opKind = iota
	opNil
	opBool
	opNumber
	opString
	opField    // .A.B
	opVariable // $x.A.B
	opChain    // (pipe).A.B
	opPipe     // (pipe)
	opFunc     // a function by name
)

// An operand is a word of a command: a literal, a field chain, a
// variable, a parenthesized pipeline or a function.
type operand struct {
	kind   opKind
	val    reflect.Value // opBool, opString: the value; opNumber: its ideal constant
	num    *parse.NumberNode
	text   string      // opString's text; opVariable's name
	fields []*fieldRef // opField, opVariable, opChain
	base   *operand    // opChain
	pipe   *pipeline   // opPipe, opChain with a pipeline base
	fn     *function   // opFunc
	valid  bool        // opNumber: val is usable as an untyped constant
}

// fieldRef is a field or method name in a chain, with the last receiver
// type it was resolved for.
type fieldRef struct {
	name  string
	key   reflect.Value // name as a map key
	cache atomic.Pointer[resolved]
}

type compiler struct {
	s     *Set
	tmpls map[string]*tmpl
}

// compile compiles the template name and the templates it calls, or
// returns nil when the Set leaves it to html/template.
func (s *Set) compile(name string) *program {
	c := &compiler{s: s, tmpls: map[string]*tmpl{}}
	t, err := c.template(name)
	if err != nil {
		return nil
	}
	return &program{root: t}
}

func (c *compiler) template(name string) (*tmpl, error) {
	if t, ok := c.tmpls[name]; ok {
		return t, nil
	}
	ht := c.s.html.Lookup(name)
	if ht == nil || ht.Tree == nil || ht.Tree.Root == nil {
		// A template html/template derived for another context, or
		// one never defined.
		return nil, errUnsupported
	}
	t := &tmpl{name: name}
	c.tmpls[name] = t // before the body: templates may call themselves
	body, err := c.list(ht.Tree.Root)
	if err != nil {
		return nil, err
	}
	t.body = body
	return t, nil
}

func (c *compiler) list(l *parse.ListNode) ([]node, error) {
	if l == nil {
		return nil, nil
	}
	out := make([]node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		cn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if cn == nil {
			continue
		}
		// Adjacent text (around a comment) is written at once.
		if t, ok := cn.(textNode); ok && len(out) > 0 {
			if prev, ok := out[len(out)-1].(textNode); ok {
				out[len(out)-1] = append(textNode(append([]byte(nil), prev...)), t...)
				continue
			}
		}
		out = append(out, cn)
	}
	return out, nil
}

func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		if len(n.Text) == 0 {
			return nil, nil
		}
		return textNode(n.Text), nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.branch(false, n.Pipe, n.List, n.ElseList)
	case *parse.WithNode:
		return c.branch(true, n.Pipe, n.List, n.ElseList)
	case *parse.RangeNode:
		p, err := c.pipeline(n.Pipe)
		if err != nil {
			return nil, err
		}
		r := &rangeNode{pipe: p}
		if r.list, err = c.list(n.List); err != nil {
			return nil, err
		}
		if r.elseL, err = c.list(n.ElseList); err != nil {
			return nil, err
		}
		return r, nil
	case *parse.TemplateNode:
		callee, err := c.template(n.Name)
		if err != nil {
			return nil, err
		}
		p, err := c.pipeline(n.Pipe)
		if err != nil {
			return nil, err
		}
		return &templateNode{callee: callee, pipe: p}, nil
	case *parse.BreakNode:
		return breakNode{}, nil
	case *parse.ContinueNode:
		return continueNode{}, nil
	}
	return nil, errUnsupported
}

func (c *compiler) branch(with bool, pipe *parse.PipeNode, list, elseList *parse.ListNode) (node, error) {
	p, err := c.pipeline(pipe)
	if err != nil {
		return nil, err
	}
	b := &ifNode{with: with, pipe: p}
	if b.list, err = c.list(list); err != nil {
		return nil, err
	}
	if b.elseL, err = c.list(elseList); err != nil {
		return nil, err
	}
	return b, nil
}

// action compiles an action. The escapers html/template put at the end of
// a printing action's pipeline are taken out of it and applied to its
// value as strings.
func (c *compiler) action(n *parse.ActionNode) (node, error) {
	a := &actionNode{}
	cmds := n.Pipe.Cmds
	if len(n.Pipe.Decl) == 0 {
		for len(cmds) > 1 {
			last := cmds[len(cmds)-1]
			id, ok := last.Args[0].(*parse.IdentifierNode)
			if !ok || len(last.Args) != 1 {
				break
			}
			if !isEscaperName(id.Ident) {
				break
			}
			e, ok := escaperNamed(id.Ident)
			if !ok {
				break
			}
			a.esc = append([]escaper{e}, a.esc...)
			cmds = cmds[:len(cmds)-1]
		}
	}
	p, err := c.pipelineCmds(n.Pipe, cmds)
	if err != nil {
		return nil, err
	}
	a.pipe = p
	return a, nil
}

func isEscaperName(name string) bool {
	return strings.HasPrefix(name, "_html_template_") || name == "_eval_args_"
}

func (c *compiler) pipeline(p *parse.PipeNode) (*pipeline, error) {
	if p == nil {
		return nil, nil
	}
	return c.pipelineCmds(p, p.Cmds)
}

func (c *compiler) pipelineCmds(p *parse.PipeNode, cmds []*parse.CommandNode) (*pipeline, error) {
	out := &pipeline{assign: p.IsAssign}
	for _, v := range p.Decl {
		if len(v.Ident) != 1 {
			return nil, errUnsupported
		}
		out.decl = append(out.decl, v.Ident[0])
	}
	for _, cmd := range cmds {
		if len(cmd.Args) == 0 {
			return nil, errUnsupported
		}
		cc := &command{}
		var err error
		if cc.first, err = c.operand(cmd.Args[0]); err != nil {
			return nil, err
		}
		for _, a := range cmd.Args[1:] {
			o, err := c.operand(a)
			if err != nil {
				return nil, err
			}
			cc.args = append(cc.args, o)
		}
		out.cmds = append(out.cmds, cc)
	}
	return out, nil
}

func (c *compiler) operand(n parse.Node) (*operand, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return &operand{kind: opDot}, nil
	case *parse.NilNode:
		return &operand{kind: opNil}, nil
	case *parse.BoolNode:
		return &operand{kind: opBool, val: reflect.ValueOf(n.True)}, nil
	case *parse.StringNode:
		return &operand{kind: opString, text: n.Text, val: reflect.ValueOf(n.Text)}, nil
	case *parse.NumberNode:
		o := &operand{kind: opNumber, num: n}
		o.val, o.valid = idealConstant(n)
		return o, nil
	case *parse.FieldNode:
		return &operand{kind: opField, fields: fieldRefs(n.Ident)}, nil
	case *parse.VariableNode:
		return &operand{kind: opVariable, text: n.Ident[0], fields: fieldRefs(n.Ident[1:])}, nil
	case *parse.ChainNode:
		if len(n.Field) == 0 || n.Node.Type() == parse.NodeNil {
			return nil, errUnsupported
		}
		base, err := c.operand(n.Node)
		if err != nil {
			return nil, err
		}
		return &operand{kind: opChain, base: base, fields: fieldRefs(n.Field)}, nil
	case *parse.PipeNode:
		p, err := c.pipeline(n)
		if err != nil {
			return nil, err
		}
		return &operand{kind: opPipe, pipe: p}, nil
	case *parse.IdentifierNode:
		f, err := c.function(n.Ident)
		if err != nil {
			return nil, err
		}
		return &operand{kind: opFunc, fn: f}, nil
	}
	return nil, errUnsupported
}

func fieldRefs(names []string) []*fieldRef {
	if len(names) == 0 {
		return nil
	}
	out := make([]*fieldRef, len(names))
	for i, n := range names {
		out[i] = &fieldRef{name: n, key: reflect.ValueOf(n)}
	}
	return out
}

// idealConstant is the value text/template gives a number where no type
// asks for one, and false where it reports an error instead.
func idealConstant(n *parse.NumberNode) (reflect.Value, bool) {
	switch {
	case n.IsComplex:
		return reflect.ValueOf(n.Complex128), true
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64), true
	case n.IsInt:
		i := int(n.Int64)
		if int64(i) != n.Int64 {
			return reflect.Value{}, false
		}
		return reflect.ValueOf(i), true
	}
	return reflect.Value{}, false
}

func isRuneInt(s string) bool {
	return len(s) > 0 && s[0] == '\''
}

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}
