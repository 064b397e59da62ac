// iterators.cpp — sequence iterators (list, reversed list, tuple, str, the
// generic __getitem__ iterator), enumerate, zip (strict=), map, filter,
// reversed, and iter(callable, sentinel).
#include "py/iterators.hpp"

#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/list.hpp"
#include "py/number_parse.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/str_internal.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

void SeqIterator::trace(Tracer& tracer) { tracer.visit(seq); }

Value make_seq_iterator(Interp& interp, Type* type, Value seq) { return interp.heap.make<SeqIterator>(type, seq); }

namespace {

SeqIterator* self_it(Value v) { return static_cast<SeqIterator*>(v.as_object()); }
Value iter_self(Interp&, Value self) { return self; }

Value list_iter_next(Interp&, Value self) {
    SeqIterator* it = self_it(self);
    if (!it->seq) return Value();
    List* l = static_cast<List*>(it->seq.as_object());
    if (it->index < l->size()) return (*l)[it->index++];
    it->seq = Value();
    return Value();
}

Value list_reverse_next(Interp&, Value self) {
    SeqIterator* it = self_it(self);
    if (!it->seq) return Value();
    List* l = static_cast<List*>(it->seq.as_object());
    if (it->index > 0 && it->index <= l->size()) return (*l)[--it->index];
    it->seq = Value();
    return Value();
}

Value tuple_iter_next(Interp&, Value self) {
    SeqIterator* it = self_it(self);
    if (!it->seq) return Value();
    Tuple* t = static_cast<Tuple*>(it->seq.as_object());
    if (it->index < t->size()) return (*t)[it->index++];
    it->seq = Value();
    return Value();
}

Value str_iter_next(Interp& interp, Value self) {
    SeqIterator* it = self_it(self);
    if (!it->seq) return Value();
    Str* s = static_cast<Str*>(it->seq.as_object());
    if (it->index >= s->byte_size()) {
        it->seq = Value();
        return Value();
    }
    CodePoint cp = decode_utf8(s->view(), it->index);
    it->index += static_cast<std::size_t>(cp.length);
    return str_from_code_point(interp, cp.value);
}

Value generic_iter_next(Interp& interp, Value self) {
    SeqIterator* it = self_it(self);
    if (!it->seq) return Value();
    try {
        return getitem(interp, it->seq, make_int(interp, static_cast<int64_t>(it->index++)));
    } catch (PyException& e) {
        if (exception_matches(interp, e.exc, interp.exc.IndexError) ||
            exception_matches(interp, e.exc, interp.exc.StopIteration)) {
            it->seq = Value();
            return Value();
        }
        throw;
    }
}

Value seq_length_hint(Interp& interp, const CallArgs& a) {
    SeqIterator* it = self_it(a[0]);
    if (!it->seq) return Value::small_int(0);
    int64_t n = len(interp, it->seq);
    return Value::small_int(std::max<int64_t>(0, n - static_cast<int64_t>(it->index)));
}

// A combinator iterator: enumerate, zip, map, filter, reversed, callable.
class Combinator : public Object {
public:
    explicit Combinator(Type* type) noexcept : Object(type) {}
    void trace(Tracer& tracer) override {
        tracer.visit(func);
        tracer.visit(counter);
        for (Value v : iters) tracer.visit(v);
    }
    Value func;              // map/filter function, iter() callable, reversed's sequence
    Value counter;           // enumerate count, iter() sentinel
    std::vector<Value> iters;
    int64_t index = 0;       // reversed: next index (counting down)
    bool strict = false;     // zip(strict=True)
    bool done = false;
};

Combinator* self_comb(Value v) { return static_cast<Combinator*>(v.as_object()); }

Value enumerate_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value a[2];
    parse_args(interp, CallArgs{args, nargs, kwnames, nullptr}, ArgSpec{"enumerate", {"iterable", "start"}, 1, 2}, a);
    auto* c = make_instance<Combinator>(interp, cls);
    c->iters.push_back(iter(interp, a[0]));
    c->counter = a[1] ? a[1] : Value::small_int(0);
    if (a[1] && !is_int(interp, a[1]))
        raise_type_error(interp, std::string("'") + std::string(type_name(interp, a[1])) + "' object cannot be interpreted as an integer");
    return c;
}

Value enumerate_next(Interp& interp, Value self) {
    Combinator* c = self_comb(self);
    Value v = iter_next(interp, c->iters[0]);
    if (!v) return Value();
    Value n = c->counter;
    c->counter = binary_op(interp, n, Value::small_int(1), BinaryOp::Add);
    return make_tuple(interp, {n, v});
}

Value zip_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    auto* c = make_instance<Combinator>(interp, cls);
    for (std::size_t k = 0; kwnames && k < kwnames->size(); ++k) {
        Str* kw = static_cast<Str*>((*kwnames)[k].as_object());
        if (kw->view() != "strict") raise_type_error(interp, std::string("zip() got an unexpected keyword argument '") + std::string(kw->view()) + "'");
        c->strict = truthy(interp, args[nargs + k]);
    }
    for (std::size_t i = 0; i < nargs; ++i) c->iters.push_back(iter(interp, args[i]));
    return c;
}

Value zip_next(Interp& interp, Value self) {
    Combinator* c = self_comb(self);
    if (c->iters.empty() || c->done) return Value();
    Tuple* t = make_tuple(interp, c->iters.size());
    for (std::size_t i = 0; i < c->iters.size(); ++i) {
        Value v = iter_next(interp, c->iters[i]);
        if (!v) {
            c->done = true;
            if (c->strict) {
                if (i > 0) {
                    std::string which = i == 1 ? " 2 is shorter than argument 1" : std::string(" ") + std::to_string(i + 1) + " is shorter than arguments 1-" + std::to_string(i);
                    raise_value_error(interp, std::string("zip() argument") + which);
                }
                for (std::size_t j = 1; j < c->iters.size(); ++j)
                    if (iter_next(interp, c->iters[j])) {
                        std::string which = j == 1 ? " 2 is longer than argument 1" : std::string(" ") + std::to_string(j + 1) + " is longer than arguments 1-" + std::to_string(j);
                        raise_value_error(interp, std::string("zip() argument") + which);
                    }
            }
            return Value();
        }
        (*t)[i] = v;
    }
    return t;
}

Value map_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "map() takes no keyword arguments");
    if (nargs < 2) raise_type_error(interp, "map() must have at least two arguments.");
    auto* c = make_instance<Combinator>(interp, cls);
    c->func = args[0];
    for (std::size_t i = 1; i < nargs; ++i) c->iters.push_back(iter(interp, args[i]));
    return c;
}

Value map_next(Interp& interp, Value self) {
    Combinator* c = self_comb(self);
    std::vector<Value> vals(c->iters.size());
    for (std::size_t i = 0; i < c->iters.size(); ++i) {
        vals[i] = iter_next(interp, c->iters[i]);
        if (!vals[i]) return Value();
    }
    return call(interp, c->func, vals.data(), vals.size());
}

Value filter_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "filter() takes no keyword arguments");
    if (nargs != 2) raise_type_error(interp, std::string("filter expected 2 arguments, got ") + std::to_string(nargs));
    auto* c = make_instance<Combinator>(interp, cls);
    c->func = args[0];
    c->iters.push_back(iter(interp, args[1]));
    return c;
}

Value filter_next(Interp& interp, Value self) {
    Combinator* c = self_comb(self);
    while (Value v = iter_next(interp, c->iters[0])) {
        bool keep = c->func == interp.none ? truthy(interp, v) : truthy(interp, call(interp, c->func, {v}));
        if (keep) return v;
    }
    return Value();
}

Value reversed_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size()) raise_type_error(interp, "reversed() takes no keyword arguments");
    if (nargs != 1) raise_type_error(interp, std::string("reversed expected 1 argument, got ") + std::to_string(nargs));
    Value seq = args[0];
    if (Value r = call_dunder(interp, seq, interp.names.reversed, nullptr, 0)) return r;
    Type* t = interp.type_of(seq);
    if (!t->slots.getitem || !t->slots.len || (t->flags & kTypeDictSubclass))
        raise_object_error(interp, seq, "is not reversible");
    auto* c = make_instance<Combinator>(interp, cls);
    c->func = seq;
    c->index = len(interp, seq) - 1;
    return c;
}

Value reversed_next(Interp& interp, Value self) {
    Combinator* c = self_comb(self);
    if (c->index < 0 || !c->func) return Value();
    Value v = getitem(interp, c->func, make_int(interp, c->index--));
    return v;
}

Value callable_next(Interp& interp, Value self) {
    Combinator* c = self_comb(self);
    if (c->done) return Value();
    Value v;
    try {
        v = call(interp, c->func, {});
    } catch (PyException& e) {
        if (exception_matches(interp, e.exc, interp.exc.StopIteration)) {
            c->done = true;
            return Value();
        }
        throw;
    }
    if (eq(interp, v, c->counter)) {
        c->done = true;
        return Value();
    }
    return v;
}

void set_iterator(Type* t, NextFn next) {
    t->slots.iter = iter_self;
    t->slots.next = next;
}

}  // namespace

Value make_callable_iterator(Interp& interp, Value callable, Value sentinel) {
    auto* c = interp.heap.make<Combinator>(interp.types.callable_iterator);
    c->func = callable;
    c->counter = sentinel;
    return c;
}

void init_iterator_types(Interp& interp) {
    BuiltinTypes& t = interp.types;
    set_iterator(t.list_iterator, list_iter_next);
    set_iterator(t.list_reverseiterator, list_reverse_next);
    set_iterator(t.tuple_iterator, tuple_iter_next);
    set_iterator(t.str_iterator, str_iter_next);
    set_iterator(t.iterator, generic_iter_next);
    for (Type* it : {t.list_iterator, t.tuple_iterator, t.iterator})
        add_method(interp, it, "__length_hint__", seq_length_hint);
    set_iterator(t.enumerate, enumerate_next);
    t.enumerate->slots.new_ = enumerate_new;
    set_iterator(t.zip, zip_next);
    t.zip->slots.new_ = zip_new;
    set_iterator(t.map, map_next);
    t.map->slots.new_ = map_new;
    set_iterator(t.filter, filter_next);
    t.filter->slots.new_ = filter_new;
    set_iterator(t.reversed, reversed_next);
    t.reversed->slots.new_ = reversed_new;
    set_iterator(t.callable_iterator, callable_next);
    for (Type* ty : {t.enumerate, t.zip, t.map, t.filter, t.reversed})
        ty->subclass_instance_dict = Subclassed<Combinator>::dict_of;
}

}  // namespace corio::py
