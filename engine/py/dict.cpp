// dict.cpp — the compact dict's table: lookup with CPython's probe sequence,
// insertion, deletion (holes in the entry array), resizing.
#include "py/dict.hpp"

#include <algorithm>

#include "py/exceptions.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {
constexpr std::size_t kMinIndexSize = 8;
constexpr unsigned kPerturbShift = 5;

inline bool is_exact_str(Value v, const Interp& interp) {
    return v.is_object() && v.as_object()->type() == interp.types.str;
}
}  // namespace

void Dict::trace(Tracer& tracer) {
    for (const Entry& e : entries_) {
        if (!e.key) continue;
        tracer.visit(e.key);
        tracer.visit(e.value);
    }
}

Dict* make_dict(Interp& interp) { return interp.heap.make<Dict>(interp.types.dict); }

bool is_dict(Interp& interp, Value v) noexcept {
    return v.is_object() && (v.as_object()->type() == interp.types.dict ||
                             (v.as_object()->type()->flags & kTypeDictSubclass));
}

int64_t Dict::find_str(const Str* key, int64_t hash, std::size_t* slot) const noexcept {
    if (index_.empty()) {
        if (slot) *slot = 0;
        return -1;
    }
    std::size_t mask = index_.size() - 1;
    auto perturb = static_cast<uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (true) {
        int32_t ix = index_[i];
        if (ix == kEmpty) {
            if (slot) *slot = i;
            return -1;
        }
        if (ix >= 0) {
            const Entry& e = entries_[static_cast<std::size_t>(ix)];
            if (e.key == Value(const_cast<Str*>(key))) return ix;
            if (e.hash == hash && e.key.is_object() && e.key.as_object()->type() == key->type() &&
                str_equal(static_cast<const Str*>(e.key.as_object()), key))
                return ix;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int64_t Dict::find(Interp& interp, Value key, int64_t hash, std::size_t* slot) {
    if (is_exact_str(key, interp)) {
        int64_t r = find_str(static_cast<Str*>(key.as_object()), hash, slot);
        if (r >= 0 || index_.empty()) return r;
        // A str subclass key equal to this str would need __eq__; rare: fall through only
        // when such keys might exist (any non-exact-str key).
        return r;
    }
    if (index_.empty()) {
        if (slot) *slot = 0;
        return -1;
    }
    std::size_t mask = index_.size() - 1;
    auto perturb = static_cast<uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (true) {
        int32_t ix = index_[i];
        if (ix == kEmpty) {
            if (slot) *slot = i;
            return -1;
        }
        if (ix >= 0) {
            Entry& e = entries_[static_cast<std::size_t>(ix)];
            if (e.key == key) return ix;
            if (e.hash == hash) {
                Value stored = e.key;
                uint64_t version = version_;
                bool same = eq(interp, stored, key);
                if (version != version_ || index_.empty())
                    raise_runtime_error(interp, "dictionary changed size during iteration");
                if (same) return ix;
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value Dict::get(Interp& interp, Value key) { return get(interp, key, py::hash(interp, key)); }

Value Dict::get(Interp& interp, Value key, int64_t h) {
    int64_t ix = find(interp, key, h, nullptr);
    return ix >= 0 ? entries_[static_cast<std::size_t>(ix)].value : Value();
}

int64_t Dict::index_of_str(Str* key) const noexcept {
    return find_str(key, key->hash(), nullptr);
}

Value Dict::get_str(Str* key) const noexcept {
    int64_t ix = find_str(key, key->hash(), nullptr);
    return ix >= 0 ? entries_[static_cast<std::size_t>(ix)].value : Value();
}

Value Dict::get_str(Interp& interp, std::string_view key) { return get_str(interp.intern(key)); }

void Dict::build_index() {
    std::size_t mask = index_.size() - 1;
    std::fill(index_.begin(), index_.end(), kEmpty);
    for (std::size_t ix = 0; ix < entries_.size(); ++ix) {
        auto perturb = static_cast<uint64_t>(entries_[ix].hash);
        std::size_t i = static_cast<std::size_t>(entries_[ix].hash) & mask;
        while (index_[i] != kEmpty) {
            perturb >>= kPerturbShift;
            i = (i * 5 + perturb + 1) & mask;
        }
        index_[i] = static_cast<int32_t>(ix);
    }
}

void Dict::resize(Interp& interp, std::size_t min_used) {
    // Compact the entries (drop holes), then size the index for 3x growth.
    std::size_t live = 0;
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].key) entries_[live++] = entries_[i];
    entries_.resize(live);
    std::size_t want = std::max(min_used * 3, kMinIndexSize);
    std::size_t size = kMinIndexSize;
    while (size < want) size <<= 1;
    std::size_t old = index_.size();
    index_.assign(size, kEmpty);
    entries_.reserve(size * 2 / 3);
    fill_ = live;
    if (size > old) interp.heap.note_external_bytes(static_cast<std::ptrdiff_t>((size - old) * (4 + sizeof(Entry))));
    build_index();
}

uint64_t type_lookup_epoch = 1;

void Dict::changed() noexcept {
    if (type_dict_) [[unlikely]] ++type_lookup_epoch;
}

void Dict::insert_new(Interp& interp, Value key, int64_t hash, Value value) {
    changed();
    if (index_.empty() || std::max(entries_.size(), fill_) + 1 > index_.size() * 2 / 3) {
        resize(interp, used_);  // CPython's GROWTH_RATE: used * 3, not counting the new key
    }
    std::size_t mask = index_.size() - 1;
    auto perturb = static_cast<uint64_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    while (index_[i] >= 0) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    if (index_[i] == kEmpty) ++fill_;
    index_[i] = static_cast<int32_t>(entries_.size());
    entries_.push_back(Entry{hash, key, value});
    ++used_;
    ++version_;
}

void Dict::set(Interp& interp, Value key, Value value) { set(interp, key, py::hash(interp, key), value); }

void Dict::set(Interp& interp, Value key, int64_t h, Value value) {
    int64_t ix = find(interp, key, h, nullptr);
    if (ix >= 0) {
        changed();
        entries_[static_cast<std::size_t>(ix)].value = value;
        return;
    }
    insert_new(interp, key, h, value);
}

void Dict::set_str(Interp& interp, Str* key, Value value) {
    int64_t h = key->hash();
    int64_t ix = find_str(key, h, nullptr);
    if (ix >= 0) {
        changed();
        entries_[static_cast<std::size_t>(ix)].value = value;
        return;
    }
    insert_new(interp, key, h, value);
}

void Dict::set_str(Interp& interp, std::string_view key, Value value) { set_str(interp, interp.intern(key), value); }

Value Dict::pop(Interp& interp, Value key) {
    if (used_ == 0) {
        py::hash(interp, key);
        return Value();
    }
    int64_t h = py::hash(interp, key);
    int64_t ix = find(interp, key, h, nullptr);
    if (ix < 0) return Value();
    // Find the index slot holding ix and mark it dummy.
    std::size_t mask = index_.size() - 1;
    auto perturb = static_cast<uint64_t>(h);
    std::size_t i = static_cast<std::size_t>(h) & mask;
    while (index_[i] != ix) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = kDummy;
    changed();
    Entry& e = entries_[static_cast<std::size_t>(ix)];
    Value v = e.value;
    e.key = Value();
    e.value = Value();
    --used_;
    ++version_;
    // Trailing holes can go at once (popitem and stack-like use stay O(1)).
    while (!entries_.empty() && !entries_.back().key) entries_.pop_back();
    if (used_ == 0) {
        entries_.clear();
        std::fill(index_.begin(), index_.end(), kEmpty);
        fill_ = 0;
    }
    return v;
}

bool Dict::remove(Interp& interp, Value key) { return static_cast<bool>(pop(interp, key)); }

void Dict::clear() noexcept {
    changed();
    entries_.clear();
    index_.clear();
    used_ = 0;
    fill_ = 0;
    ++version_;
}

Value Dict::set_default(Interp& interp, Value key, Value deflt) {
    int64_t h = py::hash(interp, key);
    int64_t ix = find(interp, key, h, nullptr);
    if (ix >= 0) return entries_[static_cast<std::size_t>(ix)].value;
    insert_new(interp, key, h, deflt);
    return deflt;
}

}  // namespace corio::py
