// protocols.cpp — the abstract operations (CPython's Objects/abstract.c and
// object.c): dispatch through the type slots with CPython's fallbacks,
// operand-reflection rules and error messages.
#include "py/protocols.hpp"

#include <string>
#include <vector>

#include "py/builtin_function.hpp"
#include "py/descriptors.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/format_spec.hpp"
#include "py/generic_alias.hpp"
#include "py/int.hpp"
#include "py/iterators.hpp"
#include "py/list.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {
std::string tname(Interp& interp, Value v) { return std::string(type_name(interp, v)); }

Str* checked_str(Interp& interp, Value r, const char* what) {
    Str* s = as_str(interp, r);
    if (!s) raise_type_error(interp, std::string(what) + " returned non-string (type " + tname(interp, r) + ")");
    return s;
}
}  // namespace

Str* repr(Interp& interp, Value v) {
    UnaryFn f = interp.type_of(v)->slots.repr;
    return checked_str(interp, f(interp, v), "__repr__");
}

Str* str(Interp& interp, Value v) {
    if (v.is_object() && v.as_object()->type() == interp.types.str) return static_cast<Str*>(v.as_object());
    UnaryFn f = interp.type_of(v)->slots.str;
    return checked_str(interp, f ? f(interp, v) : interp.type_of(v)->slots.repr(interp, v), "__str__");
}

std::string repr_utf8(Interp& interp, Value v) { return std::string(repr(interp, v)->view()); }
std::string str_utf8(Interp& interp, Value v) { return std::string(str(interp, v)->view()); }

Str* ascii(Interp& interp, Value v) {
    Str* r = repr(interp, v);
    if (r->is_ascii()) return r;
    std::string out;
    std::string_view s = r->view();
    for (std::size_t i = 0; i < s.size();) {
        CodePoint cp = decode_utf8(s, i);
        i += static_cast<std::size_t>(cp.length);
        char buf[16];
        if (cp.value < 0x80) out += static_cast<char>(cp.value);
        else {
            if (cp.value < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", cp.value);
            else if (cp.value < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", cp.value);
            else std::snprintf(buf, sizeof buf, "\\U%08x", cp.value);
            out += buf;
        }
    }
    return make_str(interp, out);
}

int64_t hash(Interp& interp, Value v) {
    if (v.is_small_int()) return int_hash(interp, v);
    Type* t = v.as_object()->type();
    if (t == interp.types.str) return static_cast<Str*>(v.as_object())->hash();
    if (!t->slots.hash) raise_type_error(interp, std::string("unhashable type: '") + std::string(t->name->view()) + "'");
    return t->slots.hash(interp, v);
}

bool eq(Interp& interp, Value a, Value b) {
    if (a == b) return true;
    if (a.is_small_int() && b.is_small_int()) return false;
    if (a.is_object() && b.is_object() && a.as_object()->type() == interp.types.str &&
        b.as_object()->type() == interp.types.str)
        return str_equal(static_cast<Str*>(a.as_object()), static_cast<Str*>(b.as_object()));
    Value r = compare(interp, a, b, CompareOp::Eq);
    if (r == interp.true_) return true;
    if (r == interp.false_) return false;
    return truthy(interp, r);
}

namespace {
constexpr CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                  CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
}

Value compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (a.is_small_int() && b.is_small_int()) {
        int64_t x = a.as_small_int(), y = b.as_small_int();
        switch (op) {
        case CompareOp::Lt: return interp.boolean(x < y);
        case CompareOp::Le: return interp.boolean(x <= y);
        case CompareOp::Eq: return interp.boolean(x == y);
        case CompareOp::Ne: return interp.boolean(x != y);
        case CompareOp::Gt: return interp.boolean(x > y);
        default: return interp.boolean(x >= y);
        }
    }
    Type* ta = interp.type_of(a);
    Type* tb = interp.type_of(b);
    bool checked_reverse = false;
    if (ta != tb && is_subtype(tb, ta) && tb->slots.compare) {
        checked_reverse = true;
        Value r = tb->slots.compare(interp, b, a, kSwapped[static_cast<int>(op)]);
        if (r != interp.not_implemented) return r;
    }
    if (ta->slots.compare) {
        Value r = ta->slots.compare(interp, a, b, op);
        if (r != interp.not_implemented) return r;
    }
    if (!checked_reverse && tb->slots.compare) {
        Value r = tb->slots.compare(interp, b, a, kSwapped[static_cast<int>(op)]);
        if (r != interp.not_implemented) return r;
    }
    if (op == CompareOp::Eq) return interp.boolean(a == b);
    if (op == CompareOp::Ne) return interp.boolean(a != b);
    raise_compare_error(interp, a, b, compare_op_symbol(op));
}

bool compare_bool(Interp& interp, Value a, Value b, CompareOp op) {
    Value r = compare(interp, a, b, op);
    if (r == interp.true_) return true;
    if (r == interp.false_) return false;
    return truthy(interp, r);
}

bool truthy(Interp& interp, Value v) {
    if (v == interp.true_) return true;
    if (v == interp.false_ || v == interp.none) return false;
    if (v.is_small_int()) return v.as_small_int() != 0;
    Type* t = v.as_object()->type();
    if (t->slots.truthy) return t->slots.truthy(interp, v);
    if (t->slots.len) return t->slots.len(interp, v) != 0;
    return true;
}

int64_t len(Interp& interp, Value v) {
    Type* t = interp.type_of(v);
    if (!t->slots.len) raise_type_error(interp, std::string("object of type '") + std::string(t->name->view()) + "' has no len()");
    return t->slots.len(interp, v);
}

int64_t length_hint(Interp& interp, Value v, int64_t fallback) {
    Type* t = interp.type_of(v);
    if (t->slots.len) return t->slots.len(interp, v);
    return fallback;
}

Value getattr(Interp& interp, Value obj, Str* name) {
    Value r = interp.type_of(obj)->slots.getattr(interp, obj, name);
    if (!r) raise_attribute_error(interp, obj, name);
    return r;
}

Value getattr_opt(Interp& interp, Value obj, Str* name) {
    try {
        return interp.type_of(obj)->slots.getattr(interp, obj, name);
    } catch (PyException& e) {
        if (exception_matches(interp, e.exc, interp.exc.AttributeError)) return Value();
        throw;
    }
}

void setattr(Interp& interp, Value obj, Str* name, Value value) {
    SetAttrFn f = interp.type_of(obj)->slots.setattr;
    if (!f) raise_attribute_error(interp, obj, name);
    f(interp, obj, name, value);
}

void delattr(Interp& interp, Value obj, Str* name) { setattr(interp, obj, name, Value()); }

Value lookup_method(Interp& interp, Value obj, Str* name, Value& self_out) {
    Type* t = interp.type_of(obj);
    if (t->slots.getattr == generic_getattr) {
        Value descr = type_lookup(interp, t, name);
        if (descr && (interp.type_of(descr)->flags & kTypeMethodDescriptor)) {
            Dict* d = t->instance_dict ? *t->instance_dict(obj.as_object()) : nullptr;
            if (!d || !d->get_str(name)) {
                self_out = obj;
                return descr;
            }
        }
    }
    self_out = Value();
    return getattr(interp, obj, name);
}

Value call_method(Interp& interp, Value obj, Str* name, std::initializer_list<Value> args) {
    Value self;
    Value f = lookup_method(interp, obj, name, self);
    if (!self) return call(interp, f, args.begin(), args.size());
    std::vector<Value> all;
    all.reserve(args.size() + 1);
    all.push_back(self);
    all.insert(all.end(), args.begin(), args.end());
    return call(interp, f, all.data(), all.size());
}

Value getitem(Interp& interp, Value obj, Value key) {
    Type* t = interp.type_of(obj);
    if (t->slots.getitem) return t->slots.getitem(interp, obj, key);
    if (t->flags & kTypeTypeSubclass) {
        Type* cls = static_cast<Type*>(obj.as_object());
        if (cls == interp.types.type) return make_generic_alias(interp, obj, key);  // type[int]
        if (Value f = type_lookup(interp, cls, interp.names.class_getitem)) {
            Value bound = getattr(interp, obj, interp.names.class_getitem);
            (void)f;
            return call(interp, bound, {key});
        }
        raise_type_error(interp, std::string("type '") + std::string(cls->name->view()) + "' is not subscriptable");
    }
    raise_object_error(interp, obj, "is not subscriptable");
}

void setitem(Interp& interp, Value obj, Value key, Value value) {
    SetItemFn f = interp.type_of(obj)->slots.setitem;
    if (!f) raise_object_error(interp, obj, "does not support item assignment");
    f(interp, obj, key, value);
}

void delitem(Interp& interp, Value obj, Value key) {
    SetItemFn f = interp.type_of(obj)->slots.setitem;
    if (!f) raise_object_error(interp, obj, "doesn't support item deletion");
    f(interp, obj, key, Value());
}

bool contains(Interp& interp, Value container, Value item) {
    Type* t = interp.type_of(container);
    if (t->slots.contains) return t->slots.contains(interp, container, item);
    if (!t->slots.iter && !t->slots.getitem)
        raise_type_error(interp, std::string("argument of type '") + std::string(t->name->view()) + "' is not iterable");
    Value it = iter(interp, container);
    while (Value v = iter_next(interp, it))
        if (eq(interp, v, item)) return true;
    return false;
}

Value iter(Interp& interp, Value v) {
    Type* t = interp.type_of(v);
    if (t->slots.iter) return t->slots.iter(interp, v);
    if (t->slots.getitem && !(t->flags & kTypeDictSubclass)) return make_seq_iterator(interp, interp.types.iterator, v);
    raise_object_error(interp, v, "is not iterable");
}

Value iter_next(Interp& interp, Value iterator) {
    NextFn f = interp.type_of(iterator)->slots.next;
    if (!f) raise_object_error(interp, iterator, "is not an iterator");
    return f(interp, iterator);
}

Value call(Interp& interp, Value callable, const Value* args, std::size_t nargs, Tuple* kwnames) {
    CallFn f = interp.type_of(callable)->slots.call;
    if (!f) raise_object_error(interp, callable, "is not callable");
    return f(interp, callable, args, nargs, kwnames);
}

Value call(Interp& interp, Value callable, std::initializer_list<Value> args) {
    return call(interp, callable, args.begin(), args.size(), nullptr);
}

bool is_callable(Interp& interp, Value v) { return interp.type_of(v)->slots.call != nullptr; }

namespace {

Value binary_op1(Interp& interp, Value v, Value w, int i) {
    Type* tv = interp.type_of(v);
    Type* tw = interp.type_of(w);
    BinaryFn slotv = tv->slots.binary[i];
    BinaryFn slotw = nullptr;
    if (tw != tv) {
        slotw = tw->slots.binary[i];
        if (slotw == slotv) slotw = nullptr;
    }
    if (slotv) {
        if (slotw && is_subtype(tw, tv)) {
            Value x = slotw(interp, v, w);
            if (x != interp.not_implemented) return x;
            slotw = nullptr;
        }
        Value x = slotv(interp, v, w);
        if (x != interp.not_implemented) return x;
    }
    if (slotw) return slotw(interp, v, w);
    return interp.not_implemented;
}

[[noreturn]] void binary_error(Interp& interp, Value a, Value b, BinaryOp op) {
    int i = binary_slot_index(op);
    auto base = static_cast<BinaryOp>(i);
    if (base == BinaryOp::Add) {
        for (Type* seq : {interp.types.str, interp.types.list, interp.types.tuple}) {
            if (interp.type_of(a) == seq && interp.type_of(b) != seq)
                raise_type_error(interp, std::string("can only concatenate ") + std::string(seq->name->view()) + " (not \"" +
                                             tname(interp, b) + "\") to " + std::string(seq->name->view()));
        }
    }
    if (base == BinaryOp::Multiply) {
        auto is_seq = [&](Value v) {
            Type* t = interp.type_of(v);
            return is_str(interp, v) || is_tuple(interp, v) || is_list(interp, v) || t == interp.types.bytes ||
                   t == interp.types.bytearray;
        };
        if (is_seq(a) && !interp.type_of(b)->slots.index)
            raise_type_error(interp, std::string("can't multiply sequence by non-int of type '") + tname(interp, b) + "'");
        if (is_seq(b) && !interp.type_of(a)->slots.index)
            raise_type_error(interp, std::string("can't multiply sequence by non-int of type '") + tname(interp, a) + "'");
    }
    if (base == BinaryOp::Power && i == static_cast<int>(op))
        raise_binary_op_error(interp, a, b, "** or pow()");
    raise_binary_op_error(interp, a, b, binary_op_symbol(op));
}

}  // namespace

Value binary_op(Interp& interp, Value a, Value b, BinaryOp op) {
    int i = binary_slot_index(op);
    if (i != static_cast<int>(op)) {
        if (BinaryFn f = interp.type_of(a)->slots.inplace[i]) {
            Value r = f(interp, a, b);
            if (r != interp.not_implemented) return r;
        }
    }
    Value r = binary_op1(interp, a, b, i);
    if (r != interp.not_implemented) return r;
    binary_error(interp, a, b, op);
}

Value unary_op(Interp& interp, Value v, UnaryOp op) {
    if (op == UnaryOp::Not) return interp.boolean(!truthy(interp, v));
    if (v.is_small_int()) {
        int64_t x = v.as_small_int();
        if (op == UnaryOp::Negative) return make_int(interp, -x);
        if (op == UnaryOp::Positive) return v;
        return Value::small_int(~x);
    }
    Type* t = interp.type_of(v);
    UnaryFn f = op == UnaryOp::Negative ? t->slots.neg : op == UnaryOp::Positive ? t->slots.pos : t->slots.invert;
    if (!f) {
        const char* sym = op == UnaryOp::Negative ? "-" : op == UnaryOp::Positive ? "+" : "~";
        raise_type_error(interp, std::string("bad operand type for unary ") + sym + ": '" + tname(interp, v) + "'");
    }
    return f(interp, v);
}

Value abs(Interp& interp, Value v) {
    if (v.is_small_int()) return make_int(interp, v.as_small_int() < 0 ? -v.as_small_int() : v.as_small_int());
    UnaryFn f = interp.type_of(v)->slots.abs;
    if (!f) raise_type_error(interp, std::string("bad operand type for abs(): '") + tname(interp, v) + "'");
    return f(interp, v);
}

Value index(Interp& interp, Value v) {
    if (v.is_small_int()) return v;
    Type* t = interp.type_of(v);
    if (t == interp.types.int_) return v;
    if (!t->slots.index)
        raise_type_error(interp, std::string("'") + tname(interp, v) + "' object cannot be interpreted as an integer");
    Value r = t->slots.index(interp, v);
    if (!is_int(interp, r))
        raise_type_error(interp, std::string("__index__ returned non-int (type ") + tname(interp, r) + ")");
    return r;
}

int64_t index_i64(Interp& interp, Value v) {
    if (v.is_small_int()) return v.as_small_int();
    Value r = index(interp, v);
    int64_t out;
    if (!int_to_i64(interp, r, out))
        raise(interp, interp.exc.IndexError,
              std::string("cannot fit '") + tname(interp, v) + "' into an index-sized integer");
    return out;
}

bool isinstance(Interp& interp, Value obj, Type* cls) noexcept { return is_subtype(interp.type_of(obj), cls); }

bool isinstance(Interp& interp, Value obj, Value cls) {
    Type* ct = interp.type_of(cls);
    if (ct == interp.types.type) return is_subtype(interp.type_of(obj), static_cast<Type*>(cls.as_object()));
    if (is_tuple(interp, cls)) {
        for (Value c : *static_cast<Tuple*>(cls.as_object()))
            if (isinstance(interp, obj, c)) return true;
        return false;
    }
    if (ct->flags & kTypeTypeSubclass) {
        if (ct->is_heap_type())
            if (Value f = type_lookup(interp, ct, interp.intern("__instancecheck__")); f && interp.type_of(f) != interp.types.method_descriptor)
                return truthy(interp, call_special(interp, f, cls, &obj, 1));
        return is_subtype(interp.type_of(obj), static_cast<Type*>(cls.as_object()));
    }
    if (ct == interp.types.union_type) return union_isinstance(interp, obj, static_cast<UnionType*>(cls.as_object()));
    if (ct == interp.types.generic_alias)
        raise_type_error(interp, "isinstance() argument 2 cannot be a parameterized generic");
    // Any object whose class defines __instancecheck__ (typing.List).
    if (ct->is_heap_type())
        if (Value f = type_lookup(interp, ct, interp.intern("__instancecheck__")))
            return truthy(interp, call_special(interp, f, cls, &obj, 1));
    raise_type_error(interp, "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

bool issubclass(Interp& interp, Value cls, Value classinfo) {
    if (!(interp.type_of(cls)->flags & kTypeTypeSubclass)) raise_type_error(interp, "issubclass() arg 1 must be a class");
    if (is_tuple(interp, classinfo)) {
        for (Value c : *static_cast<Tuple*>(classinfo.as_object()))
            if (issubclass(interp, cls, c)) return true;
        return false;
    }
    Type* ct = interp.type_of(classinfo);
    if (ct == interp.types.union_type) return union_issubclass(interp, cls, static_cast<UnionType*>(classinfo.as_object()));
    if (ct == interp.types.generic_alias)
        raise_type_error(interp, "issubclass() argument 2 cannot be a parameterized generic");
    if (!(ct->flags & kTypeTypeSubclass) && ct->is_heap_type())
        if (Value f = type_lookup(interp, ct, interp.intern("__subclasscheck__")))
            return truthy(interp, call_special(interp, f, classinfo, &cls, 1));
    if (!(ct->flags & kTypeTypeSubclass))
        raise_type_error(interp, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    if (ct->is_heap_type())
        if (Value f = type_lookup(interp, ct, interp.intern("__subclasscheck__")); f && interp.type_of(f) != interp.types.method_descriptor)
            return truthy(interp, call_special(interp, f, classinfo, &cls, 1));
    return is_subtype(static_cast<Type*>(cls.as_object()), static_cast<Type*>(classinfo.as_object()));
}

Str* format(Interp& interp, Value v, Str* spec) {
    Type* t = interp.type_of(v);
    try {
        if (t == interp.types.int_) {
            if (v.is_small_int()) return make_str(interp, format_int(v.as_small_int(), spec->view()));
            return make_str(interp, format_int(int_to_bigint(interp, v), spec->view(), interp.max_str_digits));
        }
        if (t == interp.types.float_) return make_str(interp, format_float(float_value(v), spec->view()));
        if (t == interp.types.str) {
            if (spec->byte_size() == 0) return static_cast<Str*>(v.as_object());
            return make_str(interp, format_str(static_cast<Str*>(v.as_object())->view(), spec->view()));
        }
    } catch (const NumberError&) {
        raise(interp, exception_from_current(interp));
    }
    Value sv = spec;
    Value r = call_dunder(interp, v, interp.names.format, &sv, 1);
    if (!r) raise_type_error(interp, std::string("Type ") + tname(interp, v) + " doesn't define __format__");
    Str* s = as_str(interp, r);
    if (!s) raise_type_error(interp, std::string("__format__ must return a str, not ") + tname(interp, r));
    return s;
}

}  // namespace corio::py
