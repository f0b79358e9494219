package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	ttemplate "text/template"
)

type fnKind uint8

const (
	fnReflect  fnKind = iota // any function, called through reflection
	fnEscaper                // one of html/template's escapers
	fnStrings                // func(string) string
	fnAnys                   // func(...any) string
	fnHTML2                  // func(string, any) (template.HTML, error)
	fnHTML3                  // func(string, any, any) (template.HTML, error)
	fnHTMLStr2               // func(string, string, any) (template.HTML, error)
	fnAnd
	fnOr
	fnNot
	fnLen
	fnIndex
	fnEq
	fnNe
	fnLt
	fnLe
	fnGt
	fnGe
)

// A function is a template function resolved at compile time.
type function struct {
	name string
	kind fnKind
	fn   reflect.Value
	esc  escaper

	strings  func(string) string
	anys     func(...any) string
	html2    func(string, any) (template.HTML, error)
	html3    func(string, any, any) (template.HTML, error)
	htmlStr2 func(string, string, any) (template.HTML, error)
}

var builtinKinds = map[string]fnKind{
	"and": fnAnd, "or": fnOr, "not": fnNot, "len": fnLen, "index": fnIndex,
	"eq": fnEq, "ne": fnNe, "lt": fnLt, "le": fnLe, "gt": fnGt, "ge": fnGe,
}

// builtinFuncs are text/template's builtins a Set calls as plain
// functions.
var builtinFuncs = map[string]any{
	"print":    fmt.Sprint,
	"printf":   fmt.Sprintf,
	"println":  fmt.Sprintln,
	"html":     ttemplate.HTMLEscaper,
	"js":       ttemplate.JSEscaper,
	"urlquery": ttemplate.URLQueryEscaper,
}

// function resolves a name as text/template does: the set's functions
// first (html/template's escapers among them), then the builtins.
func (c *compiler) function(name string) (*function, error) {
	f := &function{name: name}
	if fn, ok := c.s.funcs[name]; ok {
		f.fn = fn
		if !fn.IsValid() || fn.Kind() != reflect.Func || !goodFunc(fn.Type()) {
			return nil, errUnsupported
		}
		switch g := fn.Interface().(type) {
		case func(string) string:
			f.kind, f.strings = fnStrings, g
		case func(...any) string:
			f.kind, f.anys = fnAnys, g
		case func(string, any) (template.HTML, error):
			f.kind, f.html2 = fnHTML2, g
		case func(string, any, any) (template.HTML, error):
			f.kind, f.html3 = fnHTML3, g
		case func(string, string, any) (template.HTML, error):
			f.kind, f.htmlStr2 = fnHTMLStr2, g
		}
		return f, nil
	}
	if isEscaperName(name) {
		e, ok := escaperNamed(name)
		if !ok {
			return nil, errUnsupported
		}
		f.kind, f.esc = fnEscaper, e
		return f, nil
	}
	if k, ok := builtinKinds[name]; ok {
		f.kind = k
		return f, nil
	}
	if g, ok := builtinFuncs[name]; ok {
		f.fn = reflect.ValueOf(g)
		if a, ok := g.(func(...any) string); ok {
			f.kind, f.anys = fnAnys, a
		}
		return f, nil
	}
	// slice, call, and names text/template would not know.
	return nil, errUnsupported
}

// goodFunc reports whether text/template can call a function of type
// typ: one result, or two with an error second.
func goodFunc(typ reflect.Type) bool {
	switch typ.NumOut() {
	case 1:
		return true
	case 2:
		return typ.Out(1) == errorType
	}
	return false
}

var (
	anyType  = reflect.TypeFor[any]()
	trueVal  = reflect.ValueOf(true)
	falseVal = reflect.ValueOf(false)
)

func boolVal(b bool) reflect.Value {
	if b {
		return trueVal
	}
	return falseVal
}

// call calls a template function with the command's arguments and the
// pipeline's value (final).
func (st *state) call(dot reflect.Value, f *function, args []*operand, final reflect.Value, hasFinal bool) reflect.Value {
	n := len(args)
	if hasFinal {
		n++
	}
	switch f.kind {
	case fnReflect:
		return st.callValue(dot, f.fn, args, final, hasFinal)
	case fnEscaper, fnAnys:
		xs := make([]any, 0, n)
		for _, a := range args {
			xs = append(xs, st.anyArg(st.arg(dot, anyType, a)))
		}
		if hasFinal {
			xs = append(xs, st.anyArg(st.validate(final, anyType)))
		}
		if f.kind == fnEscaper {
			return reflect.ValueOf(f.esc.any(xs...))
		}
		return reflect.ValueOf(f.anys(xs...))
	case fnStrings:
		if n != 1 {
			panic(bail{})
		}
		return reflect.ValueOf(f.strings(st.stringArg(dot, args, 0, final)))
	case fnHTML2:
		if n != 2 {
			panic(bail{})
		}
		h, err := f.html2(st.stringArg(dot, args, 0, final), st.anyParam(dot, args, 1, final))
		return htmlResult(h, err)
	case fnHTML3:
		if n != 3 {
			panic(bail{})
		}
		h, err := f.html3(st.stringArg(dot, args, 0, final), st.anyParam(dot, args, 1, final), st.anyParam(dot, args, 2, final))
		return htmlResult(h, err)
	case fnHTMLStr2:
		if n != 3 {
			panic(bail{})
		}
		h, err := f.htmlStr2(st.stringArg(dot, args, 0, final), st.stringArg(dot, args, 1, final), st.anyParam(dot, args, 2, final))
		return htmlResult(h, err)
	}
	return st.builtin(dot, f, args, final, hasFinal, n)
}

func htmlResult(h template.HTML, err error) reflect.Value {
	if err != nil {
		panic(bail{})
	}
	return reflect.ValueOf(h)
}

// param evaluates the i-th parameter of a fixed-arity call: an argument,
// or the pipeline's value for the last one.
func (st *state) param(dot reflect.Value, args []*operand, i int, final reflect.Value, typ reflect.Type) reflect.Value {
	if i < len(args) {
		return st.arg(dot, typ, args[i])
	}
	return st.validate(final, typ)
}

func (st *state) stringArg(dot reflect.Value, args []*operand, i int, final reflect.Value) string {
	return st.param(dot, args, i, final, stringType).String()
}

func (st *state) anyParam(dot reflect.Value, args []*operand, i int, final reflect.Value) any {
	return st.anyArg(st.param(dot, args, i, final, anyType))
}

// anyArg is the interface value reflection would pass for v.
func (st *state) anyArg(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

// callValue calls fun through reflection, as text/template's evalCall
// does.
func (st *state) callValue(dot, fun reflect.Value, args []*operand, final reflect.Value, hasFinal bool) reflect.Value {
	typ := fun.Type()
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			panic(bail{})
		}
	} else if numIn != typ.NumIn() {
		panic(bail{})
	}
	if !goodFunc(typ) {
		panic(bail{})
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = st.arg(dot, typ.In(i), args[i])
	}
	if typ.IsVariadic() {
		et := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = st.arg(dot, et, args[i])
		}
	}
	if hasFinal {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = st.validate(final, t)
	}
	ret := fun.Call(argv)
	if len(ret) == 2 && !ret[1].IsNil() {
		panic(bail{})
	}
	v := ret[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// raw evaluates an argument of a builtin, whose parameters are
// reflect.Values: the value itself, invalid for nil or a missing value.
func (st *state) raw(dot reflect.Value, o *operand) reflect.Value {
	switch o.kind {
	case opNil:
		return reflect.Value{}
	case opBool, opNumber, opString:
		return st.untyped(o)
	}
	return st.operandValue(dot, o)
}

// builtin runs text/template's builtin functions.
func (st *state) builtin(dot reflect.Value, f *function, args []*operand, final reflect.Value, hasFinal bool, n int) reflect.Value {
	switch f.kind {
	case fnAnd, fnOr:
		if n < 1 {
			panic(bail{})
		}
		var v reflect.Value
		for _, a := range args {
			v = st.raw(dot, a)
			if truth(v) == (f.kind == fnOr) {
				return v
			}
		}
		if hasFinal {
			v = final
		}
		return v
	}
	// The others evaluate all their arguments first.
	vals := make([]reflect.Value, 0, n)
	for _, a := range args {
		vals = append(vals, st.raw(dot, a))
	}
	if hasFinal {
		vals = append(vals, final)
	}
	switch f.kind {
	case fnNot:
		if n != 1 {
			panic(bail{})
		}
		return boolVal(!truth(vals[0]))
	case fnLen:
		if n != 1 {
			panic(bail{})
		}
		item, isNil := indirect(vals[0])
		if isNil {
			panic(bail{})
		}
		switch item.Kind() {
		case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
			return reflect.ValueOf(item.Len())
		}
		panic(bail{})
	case fnIndex:
		if n < 1 {
			panic(bail{})
		}
		return index(vals[0], vals[1:])
	case fnEq:
		if n < 1 {
			panic(bail{})
		}
		return boolVal(eq(vals[0], vals[1:]))
	}
	if n != 2 {
		panic(bail{})
	}
	a, b := vals[0], vals[1]
	switch f.kind {
	case fnNe:
		return boolVal(!eq(a, vals[1:]))
	case fnLt:
		return boolVal(lt(a, b))
	case fnLe:
		return boolVal(lt(a, b) || eq(a, vals[1:]))
	case fnGt:
		return boolVal(!(lt(a, b) || eq(a, vals[1:])))
	case fnGe:
		return boolVal(!lt(a, b))
	}
	panic(bail{})
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func index(item reflect.Value, indexes []reflect.Value) reflect.Value {
	item = indirectInterface(item)
	if !item.IsValid() {
		panic(bail{})
	}
	for _, ix := range indexes {
		ix = indirectInterface(ix)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			panic(bail{})
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var x int64
			switch ix.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
				x = ix.Int()
			case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
				x = int64(ix.Uint())
			default:
				panic(bail{})
			}
			// text/template allows x == Len() here and then fails in
			// Index: either way an error, left to html/template.
			if x < 0 || int(x) < 0 || int(x) >= item.Len() {
				panic(bail{})
			}
			item = item.Index(int(x))
		case reflect.Map:
			kt := item.Type().Key()
			switch {
			case !ix.IsValid():
				if !canBeNil(kt) {
					panic(bail{})
				}
				ix = reflect.Zero(kt)
			case ix.Type().AssignableTo(kt):
			default:
				panic(bail{})
			}
			if x := item.MapIndex(ix); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			panic(bail{})
		}
	}
	return item
}

type basic uint8

const (
	invalidKind basic = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

func basicKind(v reflect.Value) basic {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.Complex64, reflect.Complex128:
		return complexKind
	case reflect.String:
		return stringKind
	}
	return invalidKind
}

func isNil(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return v.IsNil()
	}
	return false
}

// eq is text/template's eq.
func eq(a reflect.Value, bs []reflect.Value) bool {
	a = indirectInterface(a)
	if len(bs) == 0 {
		panic(bail{})
	}
	k1 := basicKind(a)
	for _, b := range bs {
		b = indirectInterface(b)
		k2 := basicKind(b)
		t := false
		switch {
		case k1 == intKind && k2 == uintKind:
			t = a.Int() >= 0 && uint64(a.Int()) == b.Uint()
		case k1 == uintKind && k2 == intKind:
			t = b.Int() >= 0 && a.Uint() == uint64(b.Int())
		case k1 != k2:
			if a.IsValid() && b.IsValid() {
				panic(bail{}) // incompatible types
			}
			// A missing value equals nothing.
		case k1 == invalidKind:
			// Pointers, structs, nil...: comparable values of one
			// kind, or anything with nil.
			if a.Kind() != b.Kind() && a.IsValid() && b.IsValid() {
				panic(bail{})
			}
			if isNil(a) || isNil(b) {
				t = isNil(a) == isNil(b)
			} else {
				if !b.Type().Comparable() {
					panic(bail{})
				}
				t = a.Interface() == b.Interface()
			}
		case k1 == boolKind:
			t = a.Bool() == b.Bool()
		case k1 == complexKind:
			t = a.Complex() == b.Complex()
		case k1 == floatKind:
			t = a.Float() == b.Float()
		case k1 == intKind:
			t = a.Int() == b.Int()
		case k1 == stringKind:
			t = a.String() == b.String()
		case k1 == uintKind:
			t = a.Uint() == b.Uint()
		}
		if t {
			return true
		}
	}
	return false
}

func lt(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	k1, k2 := basicKind(a), basicKind(b)
	switch {
	case k1 == intKind && k2 == uintKind:
		return a.Int() < 0 || uint64(a.Int()) < b.Uint()
	case k1 == uintKind && k2 == intKind:
		return b.Int() >= 0 && a.Uint() < uint64(b.Int())
	case k1 != k2:
		panic(bail{})
	}
	switch k1 {
	case floatKind:
		return a.Float() < b.Float()
	case intKind:
		return a.Int() < b.Int()
	case stringKind:
		return a.String() < b.String()
	case uintKind:
		return a.Uint() < b.Uint()
	}
	panic(bail{})
}
