// vm_builtins.cpp — the builtins that need the VM: __build_class__ (runs a
// class body), globals(), locals(), exec(), eval(), the no-argument forms of
// dir() and vars(), next() keeping a generator's return value, and the
// zero-argument form of super() (the calling frame's __class__ cell and
// first argument).
#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/code.hpp"
#include "py/vm_source.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/function.hpp"
#include "py/generator.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm_ops.hpp"

namespace corio::py {

namespace {

// Runs `code` in a new frame whose locals are the mapping `locals`.
Value run_with_locals(Interp& interp, Code* code, Function* fn, Dict* globals, Value locals) {
    Vm& vm = vm_of(interp);
    Dict* builtins = fn ? fn->builtins : interp.builtins;
    if (!fn) {
        Value b = globals->get_str(interp.names.builtins);
        if (b && is_dict(interp, b)) builtins = static_cast<Dict*>(b.as_object());
    }
    if (vm.native_depth >= kMaxNativeDepth)
        throw PyException{recursion_error(interp, " while calling a Python object")};
    Frame* f = new_frame(code, fn, globals, builtins, locals);
    try {
        enter_frame(vm, f);
    } catch (...) {
        free_frame(f);
        throw;
    }
    ++vm.native_depth;
    ++vm.nogc;
    RunResult r = run_frame(vm, f, f, Value());
    --vm.native_depth;
    --vm.nogc;
    leave_frame(vm, f);
    free_frame(f);
    if (r.exit == Exit::Raised) throw PyException{r.value};
    return r.value;
}

Type* most_derived_metaclass(Interp& interp, Type* meta, Tuple* bases) {
    Type* winner = meta;
    for (Value b : *bases) {
        Type* t = interp.type_of(b);
        if (is_subtype(winner, t)) continue;
        if (is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        raise_type_error(interp,
                         "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                         "of the metaclasses of all its bases");
    }
    return winner;
}

// PEP 560: a base that is not a class may stand for others, through its
// __mro_entries__(bases) (typing.Generic[T], list[int], NamedTuple). Null
// when no base did.
Tuple* resolve_bases(Interp& interp, Tuple* bases) {
    std::vector<Value> out;
    bool changed = false;
    for (Value b : *bases) {
        Value entries;
        if (!(interp.type_of(b)->flags & kTypeTypeSubclass))
            entries = getattr_opt(interp, b, interp.intern("__mro_entries__"));
        if (!entries) {
            out.push_back(b);
            continue;
        }
        Value bases_v = bases;
        Value r = py::call(interp, entries, &bases_v, 1);
        if (interp.type_of(r) != interp.types.tuple) raise_type_error(interp, "__mro_entries__ must return a tuple");
        for (Value v : *static_cast<Tuple*>(r.as_object())) out.push_back(v);
        changed = true;
    }
    return changed ? make_tuple(interp, out.data(), out.size()) : nullptr;
}

Value build_class(Interp& interp, const CallArgs& a) {
    if (a.nargs < 2) raise_type_error(interp, "__build_class__: not enough arguments");
    if (!is_function(interp, a[0])) raise_type_error(interp, "__build_class__: func must be a function");
    auto* fn = static_cast<Function*>(a[0].as_object());
    if (!is_str(interp, a[1])) raise_type_error(interp, "__build_class__: name is not a string");
    Tuple* orig_bases = make_tuple(interp, a.args + 2, a.nargs - 2);
    Tuple* resolved = resolve_bases(interp, orig_bases);
    Tuple* bases = resolved ? resolved : orig_bases;
    Value meta;
    std::vector<Value> kwvalues;
    std::vector<Value> kwkeys;
    const std::size_t nkw = a.kwnames ? a.kwnames->size() : 0;
    for (std::size_t i = 0; i < nkw; ++i) {
        Value k = (*a.kwnames)[i];
        if (str_utf8(interp, k) == "metaclass") meta = a.args[a.nargs + i];
        else {
            kwkeys.push_back(k);
            kwvalues.push_back(a.args[a.nargs + i]);
        }
    }
    if (!meta) meta = bases->size() ? Value(interp.type_of((*bases)[0])) : Value(interp.types.type);
    if (is_subtype(interp.type_of(meta), interp.types.type))
        meta = most_derived_metaclass(interp, static_cast<Type*>(meta.as_object()), bases);
    Tuple* kwnames = kwkeys.empty() ? nullptr : make_tuple(interp, kwkeys.data(), kwkeys.size());
    Value ns;
    Value prepare = getattr_opt(interp, meta, interp.intern("__prepare__"));
    if (prepare) {
        std::vector<Value> args{a[1], bases};
        args.insert(args.end(), kwvalues.begin(), kwvalues.end());
        ns = py::call(interp, prepare, args.data(), 2, kwnames);
    } else {
        ns = make_dict(interp);
    }
    auto* globals = fn->globals;
    run_with_locals(interp, fn->code, fn, globals, ns);
    if (resolved) setitem(interp, ns, interp.intern("__orig_bases__"), orig_bases);
    std::vector<Value> args{a[1], bases, ns};
    args.insert(args.end(), kwvalues.begin(), kwvalues.end());
    return py::call(interp, meta, args.data(), 3, kwnames);
}

Frame* caller(Interp& interp) {
    Frame* f = vm_of(interp).current;
    if (!f) raise(interp, interp.exc.SystemError, "no current frame");
    return f;
}

Value b_globals(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "globals", 0, 0);
    return caller(interp)->globals;
}

Value frame_locals(Interp& interp, Frame* f) {
    if (f->locals_map()) return f->locals_map();
    Dict* d = make_dict(interp);
    Code* co = f->code;
    for (int i = 0; i < co->nlocals; ++i)
        if (f->slots()[i]) d->set_str(interp, co->varnames[static_cast<std::size_t>(i)], f->slots()[i]);
    for (int i = 0; i < co->ncells + co->nfree; ++i) {
        Value c = f->cells()[i];
        if (!c) continue;
        Value v = static_cast<Cell*>(c.as_object())->contents;
        Str* name = i < co->ncells ? co->cellvars[static_cast<std::size_t>(i)]
                                   : co->freevars[static_cast<std::size_t>(i - co->ncells)];
        if (v) d->set_str(interp, name, v);
    }
    return d;
}

Value b_locals(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "locals", 0, 0);
    return frame_locals(interp, caller(interp));
}

Value b_exec(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "exec", 1, 3);
    Frame* f = caller(interp);
    Value src = a[0];
    Value globals = a.nargs > 1 && a[1] != interp.none ? a[1] : Value();
    Value locals = a.nargs > 2 && a[2] != interp.none ? a[2] : Value();
    if (globals && !is_dict(interp, globals))
        raise_type_error(interp, "exec() globals must be a dict, not " + std::string(type_name(interp, globals)));
    if (!globals) {
        globals = f->globals;
        if (!locals) locals = frame_locals(interp, f);
    } else if (!locals) {
        locals = globals;
    }
    auto* g = static_cast<Dict*>(globals.as_object());
    if (!g->get_str(interp.names.builtins)) g->set_str(interp, interp.names.builtins, interp.builtins);
    Code* code;
    if (is_code(interp, src)) {
        code = static_cast<Code*>(src.as_object());
    } else if (is_str(interp, src)) {
        try {
            code = load_code(interp, compile_program(str_utf8(interp, src), "<string>"));
        } catch (const SyntaxError& err) {
            throw PyException{syntax_error_value(interp, err, "<string>")};
        }
    } else {
        raise_type_error(interp, "exec() arg 1 must be a string, bytes or code object");
    }
    run_with_locals(interp, code, nullptr, g, locals);
    return interp.none;
}

// eval(expression[, globals[, locals]])
Value b_eval(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "eval", 1, 3);
    Frame* f = caller(interp);
    Value src = a[0];
    Value globals = a.nargs > 1 && a[1] != interp.none ? a[1] : Value();
    Value locals = a.nargs > 2 && a[2] != interp.none ? a[2] : Value();
    if (globals && !is_dict(interp, globals))
        raise_type_error(interp, "globals must be a dict");
    if (!globals) {
        globals = f->globals;
        if (!locals) locals = frame_locals(interp, f);
    } else if (!locals) {
        locals = globals;
    }
    auto* g = static_cast<Dict*>(globals.as_object());
    if (!g->get_str(interp.names.builtins)) g->set_str(interp, interp.names.builtins, interp.builtins);
    Code* code;
    if (is_code(interp, src)) {
        code = static_cast<Code*>(src.as_object());
    } else if (is_str(interp, src)) {
        try {
            code = load_code(interp, compile_expression(str_utf8(interp, src), "<string>"));
        } catch (const SyntaxError& err) {
            throw PyException{syntax_error_value(interp, err, "<string>")};
        }
    } else {
        raise_type_error(interp, "eval() arg 1 must be a string, bytes or code object");
    }
    return run_with_locals(interp, code, nullptr, g, locals);
}

// vars() with no argument: the caller's locals.
Value b_vars(Interp& interp, const CallArgs& a) {
    Vm& vm = vm_of(interp);
    if (a.nargs != 0 || a.kwnames) return py::call(interp, vm.builtin_vars, a.args, a.nargs, a.kwnames);
    return frame_locals(interp, caller(interp));
}

// super() with no arguments: the class of the method's __class__ cell and
// its first argument.
Value super_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Vm& vm = vm_of(interp);
    if (nargs != 0 || kwnames) return vm.super_new(interp, cls, args, nargs, kwnames);
    Frame* f = vm.current;
    if (!f || !f->code) raise_runtime_error(interp, "super(): no current frame");
    Code* co = f->code;
    if (co->argcount == 0 && !(co->flags & kCoVarargs)) raise_runtime_error(interp, "super(): no arguments");
    Value first = f->slots()[0];
    for (std::size_t i = 0; i < co->cellvars.size(); ++i)
        if (co->cell_arg[i] == 0 && f->cells()[i]) first = static_cast<Cell*>(f->cells()[i].as_object())->contents;
    if (!first) raise_runtime_error(interp, "super(): arg[0] deleted");
    Value klass;
    for (std::size_t i = 0; i < co->freevars.size(); ++i) {
        if (co->freevars[i]->view() != "__class__") continue;
        Value cell = f->cells()[co->ncells + static_cast<int>(i)];
        if (!cell) break;
        klass = static_cast<Cell*>(cell.as_object())->contents;
        if (!klass) raise_runtime_error(interp, "super(): empty __class__ cell");
        break;
    }
    if (!klass) raise_runtime_error(interp, "super(): __class__ cell not found");
    if (!is_subtype(interp.type_of(klass), interp.types.type))
        raise_runtime_error(interp, "super(): __class__ is not a type (" + std::string(type_name(interp, klass)) + ")");
    Value pair[2] = {klass, first};
    return vm.super_new(interp, cls, pair, 2, nullptr);
}

// next(gen[, default]) keeps a generator's return value in StopIteration.
Value b_next(Interp& interp, const CallArgs& a) {
    Vm& vm = vm_of(interp);
    Generator* g = a.nargs >= 1 && !a.kwnames ? as_generator(interp, a[0]) : nullptr;
    if (!g || g->kind != GenKind::Generator)
        return py::call(interp, vm.builtin_next, a.args, a.nargs, a.kwnames);
    check_nargs(interp, a, "next", 1, 2);
    if (a.nargs == 1) return gen_send(interp, g, interp.none);
    try {
        return gen_send(interp, g, interp.none);
    } catch (const PyException& e) {
        if (!exception_matches(interp, e.exc, interp.exc.StopIteration)) throw;
        return a[1];
    }
}

// dir() with no argument: the caller's local names, sorted.
Value b_dir(Interp& interp, const CallArgs& a) {
    Vm& vm = vm_of(interp);
    if (a.nargs != 0 || a.kwnames) return py::call(interp, vm.builtin_dir, a.args, a.nargs, a.kwnames);
    Value locals = frame_locals(interp, caller(interp));
    List* names = list_from_iterable(interp, locals);
    list_sort(interp, names, Value(), false);
    return names;
}

}  // namespace

void init_vm_builtins(Interp& interp) {
    Dict* b = interp.builtins;
    if (!b) return;
    b->set_str(interp, "__build_class__", make_builtin(interp, "__build_class__", build_class));
    b->set_str(interp, "globals", make_builtin(interp, "globals", b_globals));
    b->set_str(interp, "locals", make_builtin(interp, "locals", b_locals));
    b->set_str(interp, "exec", make_builtin(interp, "exec", b_exec));
    Vm& vm = vm_of(interp);
    vm.builtin_next = b->get_str(interp, "next");
    if (vm.builtin_next) b->set_str(interp, "next", make_builtin(interp, "next", b_next));
    b->set_str(interp, "eval", make_builtin(interp, "eval", b_eval));
    vm.builtin_vars = b->get_str(interp, "vars");
    if (vm.builtin_vars) b->set_str(interp, "vars", make_builtin(interp, "vars", b_vars));
    vm.builtin_dir = b->get_str(interp, "dir");
    if (vm.builtin_dir) b->set_str(interp, "dir", make_builtin(interp, "dir", b_dir));
    if (Type* s = interp.types.super; s && s->slots.new_ && s->slots.new_ != super_new) {
        vm.super_new = s->slots.new_;
        s->slots.new_ = super_new;
    }
}

}  // namespace corio::py
