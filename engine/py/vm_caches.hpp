// vm_caches.hpp — the dispatch loop's caches, kept per Code object and
// checked on every use, so that a stale entry only misses:
//   * LOAD_METHOD's method cache (Code::method_cache, one entry per name):
//     the method a receiver's type gave, valid for one type_lookup_epoch
//     (load_method_uncached, vm_ops.cpp, fills it);
//   * the name hints (Code::name_hints, one per name): the dict entry where
//     a global (LOAD_GLOBAL, STORE_GLOBAL) or a module's attribute
//     (LOAD_ATTR, LOAD_METHOD on a module) was found last, checked by key.
// Only vm.cpp includes it: the functions are inline in the dispatch loop.
#pragma once

#include <cstdint>
#include <memory>

#include "core/hot_inline.hpp"
#include "py/code.hpp"
#include "py/dict.hpp"
#include "py/interp.hpp"
#include "py/module.hpp"
#include "py/str.hpp"
#include "py/type.hpp"

namespace corio::py {

// LOAD_METHOD's inline cache (Code::method_cache): the method `obj`'s type
// gave last time for names[name_index], or null (a miss: look it up). An
// instance attribute of the name hides the method.
CORIO_HOT_INLINE Value cached_method(const Code* co, uint32_t name_index, Value obj) {
    if (!co->method_cache || !obj.is_object()) return Value();
    const Code::MethodCacheEntry& e = co->method_cache[name_index];
    Object* o = obj.as_object();
    if (e.type != o->type() || e.epoch != type_lookup_epoch) return Value();
    if (InstanceDictFn dict_of = o->type()->instance_dict) {
        Dict* d = *dict_of(o);
        if (d && d->get_str(co->names[name_index])) return Value();
    }
    return e.method;
}

// d[names[i]] through the code's name hint (Code::name_hints): a global, or
// a module's attribute; null if missing. A miss looks the name up and
// remembers where it was found.
[[gnu::noinline]] inline Value hinted_get_slow(Code* co, uint32_t i, Dict* d) {
    const int64_t ix = d->index_of_str(co->names[i]);
    if (ix < 0) return Value();
    if (!co->name_hints) co->name_hints = std::make_unique<uint32_t[]>(co->names.size());
    co->name_hints[i] = static_cast<uint32_t>(ix);
    return d->entry(static_cast<std::size_t>(ix)).value;
}
inline Value hinted_get(Code* co, uint32_t i, Dict* d) {
    if (co->name_hints)
        if (Value v = d->value_at(co->name_hints[i], co->names[i])) return v;
    return hinted_get_slow(co, i, d);
}
// STORE_GLOBAL: d[names[i]] = v, in place when the hint holds.
inline void hinted_set(Interp& interp, Code* co, uint32_t i, Dict* d, Value v) {
    if (co->name_hints && d->replace_at(co->name_hints[i], co->names[i], v)) return;
    d->set_str(interp, co->names[i], v);
}
// A module's attribute (module_getattr's dict lookup, the common case;
// `__dict__` is the module's own and is left to getattr), or null.
inline Value module_attribute(Interp& interp, Code* co, uint32_t i, Value obj) {
    if (!obj.is_object() || obj.as_object()->type() != interp.types.module || co->names[i] == interp.names.dict)
        return Value();
    return hinted_get(co, i, static_cast<Module*>(obj.as_object())->dict);
}

}  // namespace corio::py
