// set.hpp — Python's set and frozenset: a port of CPython 3.11's
// Objects/setobject.c table (linear probes, then perturbation; the same
// resizing), so iteration order matches CPython's for ints and any values
// whose hashes match CPython's.
#pragma once

#include <cstddef>
#include <cstdint>

#include "py/interp.hpp"
#include "py/object.hpp"

namespace corio::py {

class Set : public Object {
public:
    struct Entry {
        Value key;  // null: empty (hash 0) or deleted (hash -1), as CPython
        int64_t hash;
    };
    static constexpr std::size_t kMinSize = 8;

    explicit Set(Type* type) noexcept : Object(type) { table_ = small_; }
    ~Set() override;
    void trace(Tracer& tracer) override;

    std::size_t size() const noexcept { return used_; }
    bool add(Interp& interp, Value key);          // true if newly added
    bool add(Interp& interp, Value key, int64_t hash);
    bool contains(Interp& interp, Value key);
    bool discard(Interp& interp, Value key);      // true if it was present
    Value pop(Interp& interp);                    // KeyError 'pop from an empty set'
    void clear() noexcept;

    // Iteration in table order: for (i = 0; i <= mask(); ++i) if (is_live(i)) key_at(i)
    std::size_t mask() const noexcept { return mask_; }
    bool is_live(std::size_t i) const noexcept;
    Value key_at(std::size_t i) const noexcept { return table_[i].key; }
    int64_t hash_at(std::size_t i) const noexcept { return table_[i].hash; }
    uint64_t version() const noexcept { return version_; }

    // Internal state for set algorithms (setobject.c names).
    void update_from(Interp& interp, Value iterable);  // set_update_internal
    void merge(Interp& interp, const Set* other);      // set_merge

private:
    void insert_clean(Entry* table, std::size_t mask, Value key, int64_t hash) noexcept;
    void resize(Interp& interp, std::size_t min_used);
    Entry* lookup(Interp& interp, Value key, int64_t hash);

    Entry* table_;
    std::size_t mask_ = kMinSize - 1;
    std::size_t fill_ = 0;   // live + dummy
    std::size_t used_ = 0;   // live
    std::size_t finger_ = 0; // pop() search start
    uint64_t version_ = 0;
    Entry small_[kMinSize] = {};
};

Set* make_set(Interp& interp);
Set* make_frozenset(Interp& interp);
bool is_anyset(Interp& interp, Value v) noexcept;  // set, frozenset or subclasses

void init_set_type(Interp& interp);  // set and frozenset

}  // namespace corio::py
