package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sort"
	"sync"
)

// bail is the panic that ends a fast execution: the Set leaves the page to
// html/template.
type bail struct{}

// maxDepth bounds nested template calls; deeper pages are left to
// html/template, which has its own, larger limit and reports it.
const maxDepth = 10000

type variable struct {
	name  string
	value reflect.Value
}

// state is one execution.
type state struct {
	buf   *bytes.Buffer
	vars  []variable // the variables in scope from base on
	base  int
	depth int
}

var (
	stringType       = reflect.TypeFor[string]()
	htmlType         = reflect.TypeFor[template.HTML]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
	errorType        = reflect.TypeFor[error]()
	stringerType     = reflect.TypeFor[fmt.Stringer]()
)

// run executes p with data into buf, and reports false when the page must
// be left to html/template (buf then holds a partial page).
func (p *program) run(buf *bytes.Buffer, data any) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
		}
	}()
	dot := reflect.ValueOf(data)
	st := states.Get().(*state)
	st.buf = buf
	st.vars = append(st.vars[:0], variable{"$", dot})
	st.list(p.root.body, dot)
	st.release()
	return true
}

// states are the execution states runs reuse (a page executes several
// partials, each a run of its own).
var states = sync.Pool{New: func() any { return &state{vars: make([]variable, 0, 16)} }}

// release returns a state to the pool once it no longer holds the
// page's values. A run that panicked is not released.
func (st *state) release() {
	clear(st.vars)
	st.vars, st.buf, st.base, st.depth = st.vars[:0], nil, 0, 0
	states.Put(st)
}

func (st *state) list(nodes []node, dot reflect.Value) ctrl {
	for _, n := range nodes {
		if c := n.exec(st, dot); c != ctrlNext {
			return c
		}
	}
	return ctrlNext
}

func (t textNode) exec(st *state, _ reflect.Value) ctrl {
	st.buf.Write(t)
	return ctrlNext
}

func (breakNode) exec(*state, reflect.Value) ctrl    { return ctrlBreak }
func (continueNode) exec(*state, reflect.Value) ctrl { return ctrlContinue }

func (a *actionNode) exec(st *state, dot reflect.Value) ctrl {
	// Variables an action declares persist to the end of the enclosing
	// block; an action that declares prints nothing.
	if len(a.esc) == 0 {
		v := st.pipeline(dot, a.pipe)
		if len(a.pipe.decl) == 0 {
			st.print(v)
		}
		return ctrlNext
	}
	var s string
	switch v := st.pipeline(dot, a.pipe); {
	case v.IsValid() && v.Type() == stringType:
		s = a.esc[0].str(v.String())
	case v.IsValid() && v.Type() == htmlType && a.esc[0].keepsHTML:
		s = v.String() // a fragment's HTML, in HTML text
	case v.IsValid():
		s = a.esc[0].any(v.Interface())
	default:
		s = a.esc[0].any(nil)
	}
	for _, e := range a.esc[1:] {
		s = e.str(s)
	}
	st.buf.WriteString(s)
	return ctrlNext
}

// print writes a value as text/template prints it. Escaped templates only
// print strings; anything else is left to html/template.
func (st *state) print(v reflect.Value) {
	if v.Kind() == reflect.String && v.Type() == stringType {
		st.buf.WriteString(v.String())
		return
	}
	panic(bail{})
}

func (b *ifNode) exec(st *state, dot reflect.Value) ctrl {
	mark := len(st.vars)
	val := st.pipeline(dot, b.pipe)
	t, ok := isTrue(indirectInterface(val))
	if !ok {
		panic(bail{})
	}
	c := ctrlNext
	switch {
	case t && b.with:
		c = st.list(b.list, val)
	case t:
		c = st.list(b.list, dot)
	case b.elseL != nil:
		c = st.list(b.elseL, dot)
	}
	st.vars = st.vars[:mark]
	return c
}

func (r *rangeNode) exec(st *state, dot reflect.Value) ctrl {
	outer := len(st.vars)
	val, _ := indirect(st.pipeline(dot, r.pipe))
	mark := len(st.vars)
	decl := r.pipe.decl
	ran := false
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		n := val.Len()
		for i := 0; i < n; i++ {
			ran = true
			var index reflect.Value
			if len(decl) > 1 {
				index = reflect.ValueOf(i)
			}
			if st.iteration(r, mark, index, val.Index(i)) == ctrlBreak {
				break
			}
		}
	case reflect.Map:
		if val.Len() == 0 {
			break
		}
		keys := sortedKeys(val)
		for _, k := range keys {
			ran = true
			if st.iteration(r, mark, k, val.MapIndex(k)) == ctrlBreak {
				break
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if len(decl) > 1 {
			panic(bail{})
		}
		for v := range val.Seq() {
			ran = true
			if st.iteration(r, mark, reflect.Value{}, v) == ctrlBreak {
				break
			}
		}
	case reflect.Invalid:
	default:
		// Channels, iterator functions and what cannot be ranged over.
		panic(bail{})
	}
	if !ran && r.elseL != nil {
		if st.list(r.elseL, dot) != ctrlNext {
			panic(bail{}) // a {{break}} or {{continue}} of an outer range
		}
	}
	st.vars = st.vars[:outer]
	return ctrlNext
}

// iteration runs a range's body for one element, with its variables set.
func (st *state) iteration(r *rangeNode, mark int, index, elem reflect.Value) ctrl {
	decl := r.pipe.decl
	if len(decl) > 0 {
		if r.pipe.assign {
			if len(decl) > 1 {
				st.setVar(decl[0], index)
			} else {
				st.setVar(decl[0], elem)
			}
		} else {
			st.vars[len(st.vars)-1].value = elem
		}
	}
	if len(decl) > 1 {
		if r.pipe.assign {
			st.setVar(decl[1], elem)
		} else {
			st.vars[len(st.vars)-2].value = index
		}
	}
	c := st.list(r.list, elem)
	st.vars = st.vars[:mark]
	return c
}

// sortedKeys returns a map's keys in text/template's order, for the key
// kinds whose order is plain; others are left to html/template.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	switch m.Type().Key().Kind() {
	case reflect.String:
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Int() < keys[j].Int() })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		sort.Slice(keys, func(i, j int) bool { return keys[i].Uint() < keys[j].Uint() })
	default:
		panic(bail{})
	}
	return keys
}

func (t *templateNode) exec(st *state, dot reflect.Value) ctrl {
	if st.depth >= maxDepth {
		panic(bail{})
	}
	// Variables declared by the pipeline persist; the template called
	// sees none of them, only its own $.
	dot = st.pipeline(dot, t.pipe)
	base := st.base
	st.base = len(st.vars)
	st.vars = append(st.vars, variable{"$", dot})
	st.depth++
	st.list(t.callee.body, dot)
	st.depth--
	st.vars = st.vars[:st.base]
	st.base = base
	return ctrlNext
}

func (st *state) setVar(name string, v reflect.Value) {
	for i := len(st.vars) - 1; i >= st.base; i-- {
		if st.vars[i].name == name {
			st.vars[i].value = v
			return
		}
	}
	panic(bail{})
}

func (st *state) varValue(name string) reflect.Value {
	for i := len(st.vars) - 1; i >= st.base; i-- {
		if st.vars[i].name == name {
			return st.vars[i].value
		}
	}
	panic(bail{})
}

// pipeline evaluates a pipeline: each command's value is the next one's
// final argument.
func (st *state) pipeline(dot reflect.Value, p *pipeline) reflect.Value {
	if p == nil {
		return reflect.Value{}
	}
	var v reflect.Value
	for i, c := range p.cmds {
		v = st.command(dot, c, v, i > 0)
		// An interface{} value is dug into one level.
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = v.Elem()
		}
	}
	for _, name := range p.decl {
		if p.assign {
			st.setVar(name, v)
		} else {
			st.vars = append(st.vars, variable{name, v})
		}
	}
	return v
}

func (st *state) command(dot reflect.Value, c *command, final reflect.Value, hasFinal bool) reflect.Value {
	o := c.first
	switch o.kind {
	case opField:
		return st.fieldChain(dot, dot, o.fields, c.args, final, hasFinal)
	case opChain:
		base := st.arg(dot, nil, o.base)
		return st.fieldChain(dot, base, o.fields, c.args, final, hasFinal)
	case opFunc:
		return st.call(dot, o.fn, c.args, final, hasFinal)
	case opVariable:
		v := st.varValue(o.text)
		if len(o.fields) == 0 {
			if len(c.args) > 0 || hasFinal {
				panic(bail{})
			}
			return v
		}
		return st.fieldChain(dot, v, o.fields, c.args, final, hasFinal)
	}
	if len(c.args) > 0 || hasFinal {
		panic(bail{}) // "can't give argument to non-function"
	}
	switch o.kind {
	case opPipe:
		return st.pipeline(dot, o.pipe)
	case opBool, opString:
		return o.val
	case opDot:
		return dot
	case opNumber:
		if !o.valid {
			panic(bail{})
		}
		return o.val
	}
	panic(bail{}) // nil is not a command
}

// operandValue evaluates an operand that is not a literal, as an argument
// without arguments of its own.
func (st *state) operandValue(dot reflect.Value, o *operand) reflect.Value {
	switch o.kind {
	case opDot:
		return dot
	case opField:
		return st.fieldChain(dot, dot, o.fields, nil, reflect.Value{}, false)
	case opVariable:
		v := st.varValue(o.text)
		if len(o.fields) == 0 {
			return v
		}
		return st.fieldChain(dot, v, o.fields, nil, reflect.Value{}, false)
	case opPipe:
		return st.pipeline(dot, o.pipe)
	case opFunc:
		return st.call(dot, o.fn, nil, reflect.Value{}, false)
	case opChain:
		base := st.arg(dot, nil, o.base)
		return st.fieldChain(dot, base, o.fields, nil, reflect.Value{}, false)
	}
	panic(bail{})
}

// arg evaluates an argument for a parameter of type typ (nil: untyped).
func (st *state) arg(dot reflect.Value, typ reflect.Type, o *operand) reflect.Value {
	switch o.kind {
	case opNil:
		if typ != nil && canBeNil(typ) {
			return reflect.Zero(typ)
		}
		panic(bail{})
	case opBool, opNumber, opString:
		return st.literal(typ, o)
	}
	return st.validate(st.operandValue(dot, o), typ)
}

// literal converts a constant to the parameter type, as text/template's
// evalArg does.
func (st *state) literal(typ reflect.Type, o *operand) reflect.Value {
	if typ == nil {
		panic(bail{})
	}
	switch typ.Kind() {
	case reflect.Bool:
		if o.kind == opBool {
			if typ == o.val.Type() {
				return o.val
			}
			v := reflect.New(typ).Elem()
			v.SetBool(o.val.Bool())
			return v
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if o.kind == opNumber && o.num.IsInt {
			if typ.Kind() == reflect.Int && o.valid && typ == o.val.Type() {
				return o.val
			}
			v := reflect.New(typ).Elem()
			v.SetInt(o.num.Int64)
			return v
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if o.kind == opNumber && o.num.IsUint {
			v := reflect.New(typ).Elem()
			v.SetUint(o.num.Uint64)
			return v
		}
	case reflect.Float32, reflect.Float64:
		if o.kind == opNumber && o.num.IsFloat {
			v := reflect.New(typ).Elem()
			v.SetFloat(o.num.Float64)
			return v
		}
	case reflect.String:
		if o.kind == opString {
			if typ == stringType {
				return o.val
			}
			v := reflect.New(typ).Elem()
			v.SetString(o.text)
			return v
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return st.untyped(o)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			return reflect.ValueOf(st.untyped(o))
		}
	}
	panic(bail{})
}

// untyped is a constant's value where no type asks for one.
func (st *state) untyped(o *operand) reflect.Value {
	if o.kind == opNumber && !o.valid {
		panic(bail{})
	}
	return o.val
}

// validate makes value fit a parameter of type typ, as text/template's
// validateType does.
func (st *state) validate(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.Value{}
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		panic(bail{})
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && value.Type() != typ && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				panic(bail{})
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			panic(bail{})
		}
	}
	return value
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// fieldChain evaluates .A.B.C from receiver; the last name gets the
// command's arguments when it is a method.
func (st *state) fieldChain(dot, receiver reflect.Value, fields []*fieldRef, args []*operand, final reflect.Value, hasFinal bool) reflect.Value {
	n := len(fields)
	for i := 0; i < n-1; i++ {
		receiver = st.field(dot, fields[i], nil, reflect.Value{}, false, receiver)
	}
	return st.field(dot, fields[n-1], args, final, hasFinal, receiver)
}

// resolved is what a name means on a receiver type.
type resolved struct {
	typ    reflect.Type
	addr   bool // the receiver was addressable
	kind   uint8
	method int   // resMethod: index in the receiver's (or its pointer's) method set
	onPtr  bool  // resMethod: the method is the pointer's
	index  []int // resField
}

const (
	resMethod uint8 = iota + 1
	resField
	resMap
)

func (f *fieldRef) resolve(receiver reflect.Value) *resolved {
	typ, addr := receiver.Type(), receiver.CanAddr()
	if r := f.cache.Load(); r != nil && r.typ == typ && r.addr == addr {
		return r
	}
	r := &resolved{typ: typ, addr: addr}
	ptrType := typ
	onPtr := false
	if k := typ.Kind(); k != reflect.Interface && k != reflect.Pointer && addr {
		ptrType, onPtr = reflect.PointerTo(typ), true
	}
	if m, ok := ptrType.MethodByName(f.name); ok {
		r.kind, r.method, r.onPtr = resMethod, m.Index, onPtr
	} else {
		switch typ.Kind() {
		case reflect.Struct:
			if sf, ok := typ.FieldByName(f.name); ok && sf.IsExported() {
				r.kind, r.index = resField, sf.Index
			}
		case reflect.Map:
			if stringType.AssignableTo(typ.Key()) {
				r.kind = resMap
			}
		}
	}
	f.cache.Store(r)
	return r
}

// field evaluates one name on receiver, as text/template's evalField does.
func (st *state) field(dot reflect.Value, f *fieldRef, args []*operand, final reflect.Value, hasFinal bool, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{}
	}
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		panic(bail{})
	}
	r := f.resolve(receiver)
	switch r.kind {
	case resMethod:
		m := receiver
		if r.onPtr {
			m = m.Addr()
		}
		return st.callValue(dot, m.Method(r.method), args, final, hasFinal)
	case resField:
		if len(args) > 0 || hasFinal {
			panic(bail{})
		}
		if len(r.index) == 1 {
			return receiver.Field(r.index[0])
		}
		v, err := receiver.FieldByIndexErr(r.index)
		if err != nil {
			panic(bail{})
		}
		return v
	case resMap:
		if len(args) > 0 || hasFinal {
			panic(bail{})
		}
		return receiver.MapIndex(f.key)
	}
	panic(bail{})
}

func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return false, false
	}
	return truth, true
}
