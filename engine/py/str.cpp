// str.cpp — str allocation, equality and hashing, code-point helpers, and
// the str type's slots (repr, comparison, indexing, slicing, iteration,
// +, *, %, the constructor). Methods: str_methods.cpp; formatting:
// str_format.cpp.
#include "py/str.hpp"

#include <cstring>
#include <string>

#include "py/builtin_function.hpp"
#include "py/bytes.hpp"
#include "py/exceptions.hpp"
#include "py/int.hpp"
#include "py/iterators.hpp"
#include "py/number_parse.hpp"
#include "py/protocols.hpp"
#include "py/slice.hpp"
#include "py/str_internal.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

int64_t Str::compute_hash() const noexcept {
    // FNV-1a with a final avalanche; CPython randomizes str hashes, so any
    // good hash will do. Never -1 (CPython's error marker).
    uint64_t h = 14695981039346656037ULL;
    for (std::size_t i = 0; i < size_; ++i) {
        h ^= static_cast<unsigned char>(data_[i]);
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    auto r = static_cast<int64_t>(h);
    return r == -1 ? -2 : r;
}

int64_t utf8_length(std::string_view s) noexcept {
    int64_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

Str* make_str_uninit(Interp& interp, Type* type, std::size_t byte_size, int64_t length, bool ascii) {
    Str* s;
    if (type->is_heap_type() && type->instance_dict) {
        auto* sub = interp.heap.make_sized<Subclassed<Str>>(sizeof(Subclassed<Str>) + byte_size + 1, type,
                                                             byte_size, length, ascii);
        s = sub;
        s->data_ = reinterpret_cast<char*>(sub + 1);
    } else {
        s = interp.heap.make_sized<Str>(sizeof(Str) + byte_size + 1, type, byte_size, length, ascii);
        s->data_ = reinterpret_cast<char*>(s + 1);
    }
    s->data_[byte_size] = '\0';
    return s;
}

char* mutable_data(Str* s) noexcept { return const_cast<char*>(s->data()); }

Str* make_str(Interp& interp, std::string_view utf8) {
    if (utf8.empty() && interp.empty_str) return interp.empty_str;
    if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80 && interp.empty_str)
        return str_from_code_point(interp, static_cast<unsigned char>(utf8[0]));
    bool ascii = true;
    for (char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    int64_t length = ascii ? static_cast<int64_t>(utf8.size()) : utf8_length(utf8);
    Str* s = make_str_uninit(interp, interp.types.str, utf8.size(), length, ascii);
    if (!utf8.empty()) std::memcpy(s->data_, utf8.data(), utf8.size());
    return s;
}

Str* str_from_code_point(Interp& interp, uint32_t c) {
    if (c < kLatin1Cache && interp_str_cache(interp)[c]) return interp_str_cache(interp)[c];
    std::string buf;
    append_utf8(buf, c);
    Str* s = make_str_uninit(interp, interp.types.str, buf.size(), 1, c < 0x80);
    std::memcpy(s->data_, buf.data(), buf.size());
    if (c < kLatin1Cache) {
        interp_str_cache(interp)[c] = s;
        Heap::make_permanent(s);
    }
    return s;
}

bool is_str(Interp& interp, Value v) noexcept {
    return v.is_object() && (v.as_object()->type() == interp.types.str ||
                             (v.as_object()->type()->flags & kTypeStrSubclass));
}

Str* as_str(Interp& interp, Value v) noexcept {
    return is_str(interp, v) ? static_cast<Str*>(v.as_object()) : nullptr;
}

bool str_equal(const Str* a, const Str* b) noexcept {
    if (a == b) return true;
    if (a->byte_size() != b->byte_size()) return false;
    if (a->is_interned() && b->is_interned()) return false;
    if (a->hash_ != -1 && b->hash_ != -1 && a->hash_ != b->hash_) return false;
    return std::memcmp(a->data(), b->data(), a->byte_size()) == 0;
}

Str* str_concat(Interp& interp, Str* a, Str* b) {
    if (a->byte_size() == 0 && a->type() == interp.types.str) return b->type() == interp.types.str ? b : make_str(interp, b->view());
    if (b->byte_size() == 0 && a->type() == interp.types.str) return a;
    Str* s = make_str_uninit(interp, interp.types.str, a->byte_size() + b->byte_size(),
                             a->length() + b->length(), a->is_ascii() && b->is_ascii());
    std::memcpy(mutable_data(s), a->data(), a->byte_size());
    std::memcpy(mutable_data(s) + a->byte_size(), b->data(), b->byte_size());
    return s;
}

std::size_t str_byte_offset(const Str* s, int64_t index) noexcept {
    if (s->is_ascii()) return static_cast<std::size_t>(index);
    std::size_t pos = 0;
    const char* d = s->data();
    for (int64_t i = 0; i < index && pos < s->byte_size(); ++i) {
        ++pos;
        while (pos < s->byte_size() && (static_cast<unsigned char>(d[pos]) & 0xC0) == 0x80) ++pos;
    }
    return pos;
}

std::vector<uint32_t> str_code_points(const Str* s) {
    std::vector<uint32_t> out;
    out.reserve(static_cast<std::size_t>(s->length()));
    std::string_view v = s->view();
    for (std::size_t i = 0; i < v.size();) {
        CodePoint cp = decode_utf8(v, i);
        out.push_back(cp.value);
        i += static_cast<std::size_t>(cp.length);
    }
    return out;
}

Str* str_from_code_points(Interp& interp, const uint32_t* cps, std::size_t n) {
    std::string out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) append_utf8(out, cps[i]);
    return make_str(interp, out);
}

Str* self_str(Value v) noexcept { return static_cast<Str*>(v.as_object()); }

namespace {

Value str_repr_slot(Interp& interp, Value self) { return make_str(interp, py_str_repr(self_str(self)->view())); }

Value str_str_slot(Interp& interp, Value self) {
    Str* s = self_str(self);
    if (s->type() == interp.types.str) return self;
    return make_str(interp, s->view());
}

int64_t str_hash_slot(Interp&, Value self) { return self_str(self)->hash(); }

Value str_compare(Interp& interp, Value a, Value b, CompareOp op) {
    Str* y = as_str(interp, b);
    if (!y) return interp.not_implemented;
    Str* x = self_str(a);
    if (op == CompareOp::Eq) return interp.boolean(str_equal(x, y));
    if (op == CompareOp::Ne) return interp.boolean(!str_equal(x, y));
    int c = x->view().compare(y->view());  // UTF-8 byte order is code-point order
    switch (op) {
    case CompareOp::Lt: return interp.boolean(c < 0);
    case CompareOp::Le: return interp.boolean(c <= 0);
    case CompareOp::Gt: return interp.boolean(c > 0);
    default: return interp.boolean(c >= 0);
    }
}

int64_t str_len(Interp&, Value self) { return self_str(self)->length(); }

Value str_getitem(Interp& interp, Value self, Value key) {
    Str* s = self_str(self);
    if (key.is_object() && key.as_object()->type() == interp.types.slice) {
        SliceBounds b = slice_indices(interp, static_cast<Slice*>(key.as_object()), s->length());
        if (b.length <= 0) return interp.empty_str;
        if (b.step == 1) {
            if (b.length == s->length() && s->type() == interp.types.str) return self;
            std::size_t from = str_byte_offset(s, b.start);
            std::size_t to = str_byte_offset(s, b.start + b.length);
            return make_str(interp, s->view().substr(from, to - from));
        }
        if (s->is_ascii()) {
            std::string out;
            for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) out += s->data()[j];
            return make_str(interp, out);
        }
        std::vector<uint32_t> cps = str_code_points(s);
        std::string out;
        for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step) append_utf8(out, cps[static_cast<std::size_t>(j)]);
        return make_str(interp, out);
    }
    if (!is_int(interp, key) && !interp.type_of(key)->slots.index)
        raise_type_error(interp, std::string("string indices must be integers, not '") + std::string(type_name(interp, key)) + "'");
    int64_t i = index_i64(interp, key);
    if (!normalize_index(i, s->length())) raise_index_error(interp, "string index out of range");
    if (s->is_ascii()) return str_from_code_point(interp, static_cast<unsigned char>(s->data()[i]));
    std::size_t off = str_byte_offset(s, i);
    return str_from_code_point(interp, decode_utf8(s->view(), off).value);
}

bool str_contains(Interp& interp, Value self, Value item) {
    Str* needle = as_str(interp, item);
    if (!needle)
        raise_type_error(interp, std::string("'in <string>' requires string as left operand, not ") + std::string(type_name(interp, item)));
    return self_str(self)->view().find(needle->view()) != std::string_view::npos;
}

Value str_iter(Interp& interp, Value self) { return make_seq_iterator(interp, interp.types.str_iterator, self); }

Value str_add(Interp& interp, Value a, Value b) {
    Str* x = as_str(interp, a);
    Str* y = as_str(interp, b);
    if (!x || !y) return interp.not_implemented;
    return str_concat(interp, x, y);
}

Value str_mul(Interp& interp, Value a, Value b) {
    if (!is_str(interp, a)) std::swap(a, b);
    if (!is_str(interp, a)) return interp.not_implemented;
    if (!is_int(interp, b) && !interp.type_of(b)->slots.index) return interp.not_implemented;
    int64_t n = index_i64(interp, b);
    Str* s = self_str(a);
    if (n <= 0 || s->byte_size() == 0) return interp.empty_str;
    if (n == 1 && s->type() == interp.types.str) return a;
    if (static_cast<uint64_t>(n) > (uint64_t{1} << 40) / s->byte_size()) throw HeapExhausted{0};
    std::size_t total = s->byte_size() * static_cast<std::size_t>(n);
    Str* r = make_str_uninit(interp, interp.types.str, total, s->length() * n, s->is_ascii());
    char* d = mutable_data(r);
    for (int64_t i = 0; i < n; ++i) std::memcpy(d + static_cast<std::size_t>(i) * s->byte_size(), s->data(), s->byte_size());
    return r;
}

Value str_mod(Interp& interp, Value a, Value b) {
    Str* f = as_str(interp, a);
    if (!f) return interp.not_implemented;
    return str_percent_format(interp, f, b);
}

Value str_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value slots[3];
    CallArgs ca{args, nargs, kwnames, nullptr};
    parse_args(interp, ca, ArgSpec{"str", {"object", "encoding", "errors"}, 0, 3}, slots);
    Str* result;
    if (!slots[0]) {
        result = interp.empty_str;
    } else if (slots[1] || slots[2]) {
        if (!is_bytes_like(interp, slots[0]))
            raise_type_error(interp, "decoding str is not supported");
        result = make_str(interp, static_cast<Bytes*>(slots[0].as_object())->data);
    } else {
        result = str(interp, slots[0]);
    }
    if (cls == interp.types.str) return result;
    Str* sub = make_str_uninit(interp, cls, result->byte_size(), result->length(), result->is_ascii());
    std::memcpy(mutable_data(sub), result->data(), result->byte_size());
    return sub;
}

}  // namespace

void init_str_type(Interp& interp) {
    Type* t = interp.types.str;
    t->slots.repr = str_repr_slot;
    t->slots.str = str_str_slot;
    t->slots.hash = str_hash_slot;
    t->slots.compare = str_compare;
    t->slots.len = str_len;
    t->slots.getitem = str_getitem;
    t->slots.contains = str_contains;
    t->slots.iter = str_iter;
    t->slots.binary[binary_slot_index(BinaryOp::Add)] = str_add;
    t->slots.binary[binary_slot_index(BinaryOp::Multiply)] = str_mul;
    t->slots.binary[binary_slot_index(BinaryOp::Remainder)] = str_mod;
    t->slots.new_ = str_new;
    t->subclass_instance_dict = Subclassed<Str>::dict_of;
    init_str_methods(interp);
}

}  // namespace corio::py
