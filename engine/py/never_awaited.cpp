// never_awaited.cpp — the "coroutine ... was never awaited" warning: the
// watch list of coroutines not started yet, the collector's hook, and
// CPython's text and once-per-location registry (see never_awaited.hpp).
#include "py/never_awaited.hpp"

#include "py/dict.hpp"
#include "py/frame.hpp"
#include "py/generator.hpp"
#include "py/interp.hpp"
#include "py/module.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/syntax_error.hpp"
#include "py/traceback.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"
#include "py/vm.hpp"

namespace corio::py {

namespace {

// warnings' filters_version, which nothing in corio changes.
constexpr int64_t kFiltersVersion = 0;

// The "default" action's registry check (_warnings.c already_warned): true
// if this (text, RuntimeWarning, line) was shown with these globals before;
// else records it. The registry is globals['__warningregistry__'], created
// on first use and reset when its version is not the filters' version.
bool already_warned(Interp& interp, Dict* globals, std::string_view text, int lineno) {
    Str* name = interp.intern("__warningregistry__");
    Value found = globals->get_str(name);
    Dict* registry;
    if (!found) {
        registry = make_dict(interp);
        globals->set_str(interp, name, registry);
    } else if (found.is_object() && is_subtype(interp.type_of(found), interp.types.dict)) {
        registry = static_cast<Dict*>(found.as_object());
    } else {
        return false;  // not a dict: CPython raises inside the warning machinery; just show it
    }
    Value key = make_tuple(interp, {make_str(interp, text), interp.exc.RuntimeWarning, Value::small_int(lineno)});
    Value version = registry->get_str(interp, "version");
    if (!version || !version.is_small_int() || version.as_small_int() != kFiltersVersion) {
        registry->clear();
        registry->set_str(interp, "version", Value::small_int(kFiltersVersion));
    } else if (Value seen = registry->get(interp, key); seen && truthy(interp, seen)) {
        return true;
    }
    registry->set(interp, key, interp.true_);
    return false;
}

bool is_python_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           (c >= '\x1c' && c <= '\x1f');
}

// Line `lineno` of the file, stripped as str.strip() strips (ASCII
// whitespace: the warning module prints `line.strip()`); empty if unknown.
std::string stripped_source_line(Interp& interp, std::string_view filename, int lineno) {
    const std::string* src = source_text(interp, filename);
    if (!src || lineno <= 0) return {};
    SourceLines lines(*src);
    std::string_view line = lines.line(lineno);
    while (!line.empty() && is_python_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_python_space(line.back())) line.remove_suffix(1);
    return std::string(line);
}

// Prints one warning at `frame` (null: no Python frame, CPython's "sys:1").
// At exit CPython's warnings module is gone: it prints the first line only.
void report(Interp& interp, Frame* frame, std::string_view qualname, bool at_exit) {
    const std::string text = "coroutine '" + std::string(qualname) + "' was never awaited";
    Dict* globals = nullptr;
    std::string filename = "sys";
    int lineno = 1;
    if (frame) {
        globals = frame->globals;
        filename = std::string(frame->code->filename->view());
        lineno = frame->code->line_of(frame->lasti());
    } else if (interp.sys_module) {
        globals = interp.sys_module->dict;
    }
    if (globals && already_warned(interp, globals, text, lineno)) return;
    std::string out = filename + ":" + std::to_string(lineno) + ": RuntimeWarning: " + text + "\n";
    if (frame) {
        std::string line = stripped_source_line(interp, filename, lineno);
        if (!line.empty()) out += "  " + line + "\n";
    }
    if (!at_exit) out += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    if (interp.write_stderr) interp.write_stderr(out);
}

std::string_view coroutine_unawaited(Object* obj) {
    auto* coro = static_cast<Generator*>(obj);
    if (coro->state != GenState::Created || coro->unawaited_reported) return {};
    return coro->qualname->view();
}

NeverAwaited* watcher_of(Interp& interp) noexcept {
    return interp.vm ? vm_of(interp).never_awaited.get() : nullptr;
}

}  // namespace

NeverAwaited::NeverAwaited(Interp& interp) : SweepObserver(interp.heap), interp_(interp) {}

void NeverAwaited::before_sweep() {
    // Forget what was awaited since; set aside what is about to be freed
    // (its name now: the object is gone after the sweep).
    std::size_t kept = 0;
    for (Generator* coro : watched_) {
        std::string_view name = coroutine_unawaited(coro);
        if (name.empty()) continue;
        if (Heap::survives(coro)) watched_[kept++] = coro;
        else pending_.emplace_back(name);
    }
    watched_.resize(kept);
    collecting_ = true;
}

void NeverAwaited::compact() {
    std::erase_if(watched_, [](Generator* coro) { return coroutine_unawaited(coro).empty(); });
}

void NeverAwaited::after_collection() noexcept {
    collecting_ = false;
    if (pending_.empty()) return;
    std::vector<std::string> names;
    names.swap(pending_);
    Frame* frame = interp_.vm ? vm_of(interp_).current : nullptr;
    for (const std::string& name : names) {
        try {
            report(interp_, frame, name, false);
        } catch (...) {
            // Out of memory while printing a warning: drop the warning, as
            // CPython's finalizers drop what they cannot report.
        }
    }
}

void warn_never_awaited(Interp& interp, std::string_view qualname) {
    NeverAwaited* watcher = watcher_of(interp);
    if (!watcher) return;
    if (watcher->collecting_) {
        watcher->pending_.emplace_back(qualname);
        return;
    }
    report(interp, vm_of(interp).current, qualname, false);
}

void watch_coroutine(Interp& interp, Generator* coro) {
    NeverAwaited* watcher = watcher_of(interp);
    if (!watcher) return;
    std::vector<Generator*>& watched = watcher->watched_;
    // Grow only if compacting frees less than half: amortised O(1).
    if (watched.size() == watched.capacity() && watched.size() >= 16) {
        watcher->compact();
        if (watched.size() > watched.capacity() / 2) watched.reserve(watched.capacity() * 2);
    }
    watched.push_back(coro);
}

void forget_watched_coroutine(Interp& interp, Generator* coro) noexcept {
    NeverAwaited* watcher = watcher_of(interp);
    if (watcher && !watcher->watched_.empty() && watcher->watched_.back() == coro) watcher->watched_.pop_back();
}

void report_dropped_instances(Interp& interp, Type* type, TakeUnawaited take) {
    if (NeverAwaited* watcher = watcher_of(interp)) watcher->native_types_.emplace_back(type, take);
}

void expression_value_dropped(Interp& interp, Frame* frame, Value value) {
    Object* obj = value.as_object();
    if (obj->type() != vm_of(interp).types.coroutine) {
        NeverAwaited* watcher = watcher_of(interp);
        if (!watcher) return;
        for (auto& [type, take] : watcher->native_types_) {
            if (type != obj->type()) continue;
            std::string_view name = take(obj);
            if (!name.empty()) report(interp, frame, name, false);
            return;
        }
        return;
    }
    auto* coro = static_cast<Generator*>(obj);
    if (coro->state != GenState::Created || coro->unawaited_reported) return;
    coro->unawaited_reported = true;
    report(interp, frame, coro->qualname->view(), false);
}

void report_never_awaited_at_exit(Interp& interp) {
    NeverAwaited* watcher = watcher_of(interp);
    if (!watcher) return;
    watcher->watched_.clear();
    Type* coroutine = vm_of(interp).types.coroutine;
    std::vector<Generator*> unawaited;  // newest first, as the heap lists objects
    interp.heap.for_each_object([&](Object* obj) {
        if (obj->type() == coroutine && !coroutine_unawaited(obj).empty())
            unawaited.push_back(static_cast<Generator*>(obj));
    });
    for (auto it = unawaited.rbegin(); it != unawaited.rend(); ++it) {
        try {
            report(interp, nullptr, std::string(coroutine_unawaited(*it)), true);
        } catch (...) {
            return;  // out of memory at exit: stop reporting
        }
    }
}

}  // namespace corio::py
