// bytes.cpp — bytes and bytearray: construction, repr, comparison, hashing,
// indexing and slicing, +, *, `in`, iteration, and the common methods
// (decode, hex, join, startswith, endswith, find, count, append/extend).
#include "py/bytes.hpp"

#include <cstdio>
#include <string>

#include "py/builtin_function.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/iterators.hpp"
#include "py/list.hpp"
#include "py/protocols.hpp"
#include "py/slice.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

Bytes* make_bytes(Interp& interp, std::string_view data) {
    return interp.heap.make<Bytes>(interp.types.bytes, std::string(data));
}
Bytes* make_bytearray(Interp& interp, std::string_view data) {
    return interp.heap.make<Bytes>(interp.types.bytearray, std::string(data));
}

bool is_bytes_like(Interp& interp, Value v) noexcept {
    if (!v.is_object()) return false;
    Type* t = v.as_object()->type();
    return is_subtype(t, interp.types.bytes) || is_subtype(t, interp.types.bytearray);
}

std::string bytes_repr(std::string_view data, bool bytearray) {
    bool has_single = data.find('\'') != std::string_view::npos;
    bool has_double = data.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out = bytearray ? "bytearray(b" : "b";
    out += quote;
    for (char ch : data) {
        auto c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else out += ch;
    }
    out += quote;
    if (bytearray) out += ')';
    return out;
}

namespace {

Bytes* self_bytes(Value v) { return static_cast<Bytes*>(v.as_object()); }
bool is_bytearray(Interp& interp, Value v) { return is_subtype(interp.type_of(v), interp.types.bytearray); }

std::string bytes_from_value(Interp& interp, Value x) {
    if (is_bytes_like(interp, x)) return self_bytes(x)->data;
    if (is_str(interp, x)) raise_type_error(interp, "string argument without an encoding");
    if (is_int(interp, x)) {
        int64_t n = index_i64(interp, x);
        if (n < 0) raise_value_error(interp, "negative count");
        return std::string(static_cast<std::size_t>(n), '\0');
    }
    std::string out;
    Value it = iter(interp, x);
    while (Value v = iter_next(interp, it)) {
        int64_t b = index_i64(interp, v);
        if (b < 0 || b > 255) raise_value_error(interp, "bytes must be in range(0, 256)");
        out += static_cast<char>(b);
    }
    return out;
}

Value bytes_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value a[3];
    bool ba = is_subtype(cls, interp.types.bytearray);
    parse_args(interp, CallArgs{args, nargs, kwnames, nullptr}, ArgSpec{ba ? "bytearray" : "bytes", {"source", "encoding", "errors"}, 0, 3}, a);
    std::string data;
    if (a[0]) {
        if (Str* s = as_str(interp, a[0])) {
            if (!a[1]) raise_type_error(interp, "string argument without an encoding");
            data = std::string(s->view());
        } else {
            data = bytes_from_value(interp, a[0]);
        }
    }
    return make_instance<Bytes>(interp, cls, std::move(data));
}

void bytearray_init(Interp&, Value, const Value*, std::size_t, Tuple*) {}

Value bytes_repr_slot(Interp& interp, Value self) {
    return make_str(interp, bytes_repr(self_bytes(self)->data, is_bytearray(interp, self)));
}

int64_t bytes_hash(Interp&, Value self) {
    Bytes* b = self_bytes(self);
    if (b->hash == -1) {
        uint64_t h = 14695981039346656037ULL;
        for (char c : b->data) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        b->hash = static_cast<int64_t>(h == static_cast<uint64_t>(-1) ? 1 : h);
    }
    return b->hash;
}

Value bytes_compare(Interp& interp, Value a, Value b, CompareOp op) {
    if (!is_bytes_like(interp, b)) return interp.not_implemented;
    int c = self_bytes(a)->data.compare(self_bytes(b)->data);
    switch (op) {
    case CompareOp::Lt: return interp.boolean(c < 0);
    case CompareOp::Le: return interp.boolean(c <= 0);
    case CompareOp::Eq: return interp.boolean(c == 0);
    case CompareOp::Ne: return interp.boolean(c != 0);
    case CompareOp::Gt: return interp.boolean(c > 0);
    default: return interp.boolean(c >= 0);
    }
}

int64_t bytes_len(Interp&, Value self) { return static_cast<int64_t>(self_bytes(self)->data.size()); }

Value bytes_getitem(Interp& interp, Value self, Value key) {
    const std::string& d = self_bytes(self)->data;
    if (key.is_object() && key.as_object()->type() == interp.types.slice) {
        SliceBounds b = slice_indices(interp, static_cast<Slice*>(key.as_object()), static_cast<int64_t>(d.size()));
        std::string out;
        for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) out += d[static_cast<std::size_t>(j)];
        return is_bytearray(interp, self) ? make_bytearray(interp, out) : make_bytes(interp, out);
    }
    int64_t i = index_i64(interp, key);
    if (!normalize_index(i, static_cast<int64_t>(d.size())))
        raise_index_error(interp, is_bytearray(interp, self) ? "bytearray index out of range" : "index out of range");
    return Value::small_int(static_cast<unsigned char>(d[static_cast<std::size_t>(i)]));
}

void bytearray_setitem(Interp& interp, Value self, Value key, Value value) {
    std::string& d = self_bytes(self)->data;
    int64_t i = index_i64(interp, key);
    if (!normalize_index(i, static_cast<int64_t>(d.size()))) raise_index_error(interp, "bytearray index out of range");
    if (!value) {
        d.erase(static_cast<std::size_t>(i), 1);
        return;
    }
    int64_t b = index_i64(interp, value);
    if (b < 0 || b > 255) raise_value_error(interp, "byte must be in range(0, 256)");
    d[static_cast<std::size_t>(i)] = static_cast<char>(b);
}

bool bytes_contains(Interp& interp, Value self, Value item) {
    const std::string& d = self_bytes(self)->data;
    if (is_int(interp, item)) {
        int64_t b = index_i64(interp, item);
        if (b < 0 || b > 255) raise_value_error(interp, "byte must be in range(0, 256)");
        return d.find(static_cast<char>(b)) != std::string::npos;
    }
    if (!is_bytes_like(interp, item))
        raise_type_error(interp, std::string("a bytes-like object is required, not '") + std::string(type_name(interp, item)) + "'");
    return d.find(self_bytes(item)->data) != std::string::npos;
}

Value bytes_iter(Interp& interp, Value self) {
    return make_seq_iterator(interp, interp.types.iterator, self);
}

Value bytes_add(Interp& interp, Value a, Value b) {
    if (!is_bytes_like(interp, a) || !is_bytes_like(interp, b)) return interp.not_implemented;
    std::string d = self_bytes(a)->data + self_bytes(b)->data;
    return is_bytearray(interp, a) ? make_bytearray(interp, d) : make_bytes(interp, d);
}

Value bytes_mul(Interp& interp, Value a, Value b) {
    if (!is_bytes_like(interp, a)) std::swap(a, b);
    if (!is_bytes_like(interp, a) || !is_int(interp, b)) return interp.not_implemented;
    int64_t n = index_i64(interp, b);
    std::string d;
    for (int64_t i = 0; i < n; ++i) d += self_bytes(a)->data;
    return is_bytearray(interp, a) ? make_bytearray(interp, d) : make_bytes(interp, d);
}

Value m_decode(Interp& interp, const CallArgs& a) { return make_str(interp, self_bytes(a[0])->data); }
Value m_hex(Interp& interp, const CallArgs& a) {
    std::string out;
    for (char c : self_bytes(a[0])->data) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(c));
        out += buf;
    }
    return make_str(interp, out);
}
Value m_append(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "append", 2, 2);
    int64_t b = index_i64(interp, a[1]);
    if (b < 0 || b > 255) raise_value_error(interp, "byte must be in range(0, 256)");
    self_bytes(a[0])->data += static_cast<char>(b);
    return interp.none;
}
Value m_extend(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "extend", 2, 2);
    self_bytes(a[0])->data += bytes_from_value(interp, a[1]);
    return interp.none;
}
Value m_join(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "join", 2, 2);
    std::string out;
    Value it = iter(interp, a[1]);
    bool first = true;
    while (Value v = iter_next(interp, it)) {
        if (!first) out += self_bytes(a[0])->data;
        first = false;
        if (!is_bytes_like(interp, v)) raise_type_error(interp, std::string("sequence item: expected a bytes-like object, ") + std::string(type_name(interp, v)) + " found");
        out += self_bytes(v)->data;
    }
    return is_bytearray(interp, a[0]) ? make_bytearray(interp, out) : make_bytes(interp, out);
}
Value m_startswith(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "startswith", 2, 2);
    return interp.boolean(self_bytes(a[0])->data.rfind(self_bytes(a[1])->data, 0) == 0);
}
Value m_endswith(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "endswith", 2, 2);
    const std::string& d = self_bytes(a[0])->data;
    const std::string& s = self_bytes(a[1])->data;
    return interp.boolean(d.size() >= s.size() && d.compare(d.size() - s.size(), s.size(), s) == 0);
}
Value m_find(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "find", 2, 2);
    std::size_t p = is_int(interp, a[1]) ? self_bytes(a[0])->data.find(static_cast<char>(index_i64(interp, a[1])))
                                         : self_bytes(a[0])->data.find(self_bytes(a[1])->data);
    return Value::small_int(p == std::string::npos ? -1 : static_cast<int64_t>(p));
}
Value m_count(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "count", 2, 2);
    const std::string& d = self_bytes(a[0])->data;
    std::string s = is_int(interp, a[1]) ? std::string(1, static_cast<char>(index_i64(interp, a[1]))) : self_bytes(a[1])->data;
    int64_t n = 0;
    if (s.empty()) return Value::small_int(static_cast<int64_t>(d.size()) + 1);
    for (std::size_t p = d.find(s); p != std::string::npos; p = d.find(s, p + s.size())) ++n;
    return Value::small_int(n);
}

}  // namespace

void init_bytes_types(Interp& interp) {
    for (Type* t : {interp.types.bytes, interp.types.bytearray}) {
        t->slots.new_ = bytes_new;
        t->slots.repr = bytes_repr_slot;
        t->slots.compare = bytes_compare;
        t->slots.len = bytes_len;
        t->slots.getitem = bytes_getitem;
        t->slots.contains = bytes_contains;
        t->slots.iter = bytes_iter;
        t->slots.binary[binary_slot_index(BinaryOp::Add)] = bytes_add;
        t->slots.binary[binary_slot_index(BinaryOp::Multiply)] = bytes_mul;
        t->subclass_instance_dict = Subclassed<Bytes>::dict_of;
        add_method(interp, t, "decode", m_decode);
        add_method(interp, t, "hex", m_hex);
        add_method(interp, t, "join", m_join);
        add_method(interp, t, "startswith", m_startswith);
        add_method(interp, t, "endswith", m_endswith);
        add_method(interp, t, "find", m_find);
        add_method(interp, t, "count", m_count);
    }
    interp.types.bytes->slots.hash = bytes_hash;
    Type* ba = interp.types.bytearray;
    ba->slots.setitem = bytearray_setitem;
    ba->slots.init = bytearray_init;
    add_method(interp, ba, "append", m_append);
    add_method(interp, ba, "extend", m_extend);
}

}  // namespace corio::py
