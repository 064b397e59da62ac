// dict.hpp — Python's dict: CPython's compact, insertion-ordered hash table.
// Entries sit in an array in insertion order (deleted ones leave a hole
// until the next resize); a power-of-two index table maps hashes to entry
// positions with CPython's probing (perturbation). Lookups with interned str
// keys compare pointers first and never call Python code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Str;

class Dict : public Object {
public:
    struct Entry {
        int64_t hash;
        Value key;  // null: deleted
        Value value;
    };

    explicit Dict(Type* type) noexcept : Object(type) {}
    void trace(Tracer& tracer) override;

    std::size_t size() const noexcept { return used_; }

    // d[key] or null when missing; hashing and __eq__ may raise.
    Value get(Interp& interp, Value key);
    // Same with the hash known.
    Value get(Interp& interp, Value key, int64_t hash);
    // Fast path for str keys (exact str): never calls Python code.
    Value get_str(Str* key) const noexcept;
    Value get_str(Interp& interp, std::string_view key);  // interns the key
    void set(Interp& interp, Value key, Value value);
    void set(Interp& interp, Value key, int64_t hash, Value value);
    void set_str(Interp& interp, Str* key, Value value);
    void set_str(Interp& interp, std::string_view key, Value value);  // interns the key
    // del d[key]: false when missing.
    bool remove(Interp& interp, Value key);
    // pop: the removed value, or null when missing.
    Value pop(Interp& interp, Value key);
    void clear() noexcept;
    // setdefault
    Value set_default(Interp& interp, Value key, Value deflt);

    // Iteration over live entries in insertion order:
    //   for (std::size_t i = 0; i < d->entry_count(); ++i)
    //       if (const auto& e = d->entry(i); e.key) ...
    std::size_t entry_count() const noexcept { return entries_.size(); }
    const Entry& entry(std::size_t i) const noexcept { return entries_[i]; }
    Entry& entry(std::size_t i) noexcept { return entries_[i]; }
    // Entry hints (the VM's name caches, vm.cpp): entry `i` holds `key`
    // (compared by pointer: interned names), else -1 / null / false. An
    // entry index is stable until the dict is resized or cleared, and a
    // stale hint only misses.
    int64_t index_of_str(Str* key) const noexcept;
    Value value_at(std::size_t i, const Object* key) const noexcept {
        if (i >= entries_.size()) return Value();
        const Entry& e = entries_[i];
        return e.key.is_object() && e.key.as_object() == key ? e.value : Value();
    }
    // Replaces the value at a hinted entry, as set_str does for a key that
    // is there.
    bool replace_at(std::size_t i, const Object* key, Value value) noexcept {
        if (!value_at(i, key)) return false;
        changed();
        entries_[i].value = value;
        return true;
    }
    // Bumped on every insertion or deletion (iterators detect mutation).
    uint64_t version() const noexcept { return version_; }
    // A type's __dict__: every change to it invalidates the attribute
    // lookup cache (type_lookup, type.cpp) through type_lookup_epoch.
    void mark_type_dict() noexcept { type_dict_ = true; }

private:
    static constexpr int32_t kEmpty = -1;
    static constexpr int32_t kDummy = -2;
    // Index slot of `key` (found: its entry index >= 0) via CPython probing.
    int64_t find(Interp& interp, Value key, int64_t hash, std::size_t* slot);
    int64_t find_str(const Str* key, int64_t hash, std::size_t* slot) const noexcept;
    void insert_new(Interp& interp, Value key, int64_t hash, Value value);
    void resize(Interp& interp, std::size_t min_used);
    void build_index();

    std::vector<Entry> entries_;
    std::vector<int32_t> index_;  // size: a power of two, or empty
    std::size_t used_ = 0;
    std::size_t fill_ = 0;  // index slots not empty (live + dummy)
    uint64_t version_ = 0;
    bool type_dict_ = false;
    void changed() noexcept;
};

// Changes whenever any type's dict or MRO changes, or a type is made: the
// attribute lookup cache's entries are valid for one epoch.
extern uint64_t type_lookup_epoch;

Dict* make_dict(Interp& interp);
bool is_dict(Interp& interp, Value v) noexcept;  // dict or a subclass
// d1.update(other): a dict, a mapping with keys(), or an iterable of pairs.
void dict_update(Interp& interp, Dict* dict, Value other);
// A shallow copy (same type as dict for a plain dict).
Dict* dict_copy(Interp& interp, Dict* dict);

void init_dict_type(Interp& interp);  // dict and its views

}  // namespace corio::py
