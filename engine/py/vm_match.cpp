// vm_match.cpp — the pattern-matching instructions (MATCH_MAPPING,
// MATCH_SEQUENCE, MATCH_KEYS, MATCH_CLASS, COPY_DICT_WITHOUT_KEYS), as
// CPython 3.11's ceval.c match_keys / match_class.
#include <string>
#include <vector>

#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm_ops.hpp"

namespace corio::py {

namespace {

bool derives(Interp& interp, Value v, Type* t) {
    return is_subtype(interp.type_of(v), t);
}

// The builtins whose instances a single positional sub-pattern matches
// whole (CPython's _Py_TPFLAGS_MATCH_SELF).
bool matches_self(Interp& interp, Type* cls) {
    const BuiltinTypes& t = interp.types;
    for (Type* s : {t.bool_, t.bytearray, t.bytes, t.dict, t.float_, t.frozenset, t.int_, t.list, t.set,
                    t.str, t.tuple})
        if (s && is_subtype(cls, s)) return true;
    return false;
}

std::string class_name(Type* cls) { return std::string(cls->name->view()); }

}  // namespace

bool match_mapping(Interp& interp, Value subject) { return is_dict(interp, subject); }

bool match_sequence(Interp& interp, Value subject) {
    const BuiltinTypes& t = interp.types;
    if (derives(interp, subject, t.str) || derives(interp, subject, t.bytes) || derives(interp, subject, t.bytearray))
        return false;
    return derives(interp, subject, t.list) || derives(interp, subject, t.tuple) || derives(interp, subject, t.range);
}

Value match_keys(Interp& interp, Value subject, Value keys) {
    auto* ks = static_cast<Tuple*>(keys.as_object());
    if (ks->size() == 0) return make_tuple(interp, 0);
    std::vector<Value> values;
    Dict* seen = make_dict(interp);
    const bool plain = subject.is_object() && subject.as_object()->type() == interp.types.dict;
    Value get = plain ? Value() : getattr(interp, subject, interp.intern("get"));
    Value dummy = make_list(interp);
    for (Value k : *ks) {
        if (seen->get(interp, k))
            raise_value_error(interp, "mapping pattern checks duplicate key (" + repr_utf8(interp, k) + ")");
        seen->set(interp, k, interp.none);
        Value v;
        if (plain) {
            v = static_cast<Dict*>(subject.as_object())->get(interp, k);
        } else {
            Value args[2] = {k, dummy};
            v = py::call(interp, get, args, 2);
            if (v == dummy) v = Value();
        }
        if (!v) return interp.none;
        values.push_back(v);
    }
    return make_tuple(interp, values.data(), values.size());
}

Value match_class(Interp& interp, Value subject, Value cls_v, Value kwnames_v, uint32_t npos) {
    if (!derives(interp, cls_v, interp.types.type)) raise_type_error(interp, "called match pattern must be a class");
    auto* cls = static_cast<Type*>(cls_v.as_object());
    if (!isinstance(interp, subject, cls)) return interp.none;
    auto* kwnames = static_cast<Tuple*>(kwnames_v.as_object());
    std::vector<Value> attrs;
    std::vector<Str*> seen;
    auto check_seen = [&](Str* name) {
        for (Str* s : seen)
            if (str_equal(s, name))
                raise_type_error(interp, class_name(cls) + "() got multiple sub-patterns for attribute " +
                                             repr_utf8(interp, name));
        seen.push_back(name);
    };
    if (npos) {
        Value match_args = getattr_opt(interp, cls, interp.intern("__match_args__"));
        bool self_match = false;
        std::size_t allowed = 0;
        if (match_args) {
            if (!(match_args.is_object() && match_args.as_object()->type() == interp.types.tuple))
                raise_type_error(interp, class_name(cls) + ".__match_args__ must be a tuple (got " +
                                             std::string(type_name(interp, match_args)) + ")");
            allowed = static_cast<Tuple*>(match_args.as_object())->size();
        } else {
            self_match = matches_self(interp, cls);
            allowed = self_match ? 1 : 0;
        }
        if (npos > allowed)
            raise_type_error(interp, class_name(cls) + "() accepts " + std::to_string(allowed) +
                                         " positional sub-pattern" + (allowed == 1 ? "" : "s") + " (" +
                                         std::to_string(npos) + " given)");
        if (self_match) {
            attrs.push_back(subject);
        } else {
            auto* ma = static_cast<Tuple*>(match_args.as_object());
            for (uint32_t i = 0; i < npos; ++i) {
                Str* name = as_str(interp, (*ma)[i]);
                if (!name)
                    raise_type_error(interp, "__match_args__ elements must be strings (got " +
                                                 std::string(type_name(interp, (*ma)[i])) + ")");
                check_seen(name);
                Value v = getattr_opt(interp, subject, name);
                if (!v) return interp.none;
                attrs.push_back(v);
            }
        }
    }
    for (Value k : *kwnames) {
        auto* name = static_cast<Str*>(k.as_object());
        check_seen(name);
        Value v = getattr_opt(interp, subject, name);
        if (!v) return interp.none;
        attrs.push_back(v);
    }
    return make_tuple(interp, attrs.data(), attrs.size());
}

Value copy_dict_without_keys(Interp& interp, Value subject, Value keys) {
    Dict* rest = make_dict(interp);
    dict_update(interp, rest, subject);
    for (Value k : *static_cast<Tuple*>(keys.as_object())) rest->remove(interp, k);
    return rest;
}

}  // namespace corio::py
