// mod_aiohttp.cpp — the native half of `aiohttp`: _fetch(fut, method, url,
// headers, body, timeout, allow_redirects, max_redirects) starts the request
// on the host of the future's loop (Host::fetch, host.hpp) and returns at
// once; the host's completion (a loop callback, never inline) sets the
// future's result to
//     (status, reason: bytes, [(name: bytes, value: bytes), ...], body: bytes, url: str)
// or, when the transfer failed,
//     (None, kind: str, message: str, os_errno: int)
// and the Python half (frozen_aiohttp.cpp) turns that into a ClientResponse
// or the aiohttp exception. The future carries the trace wait kind Fetch.
// Cancelling it (task.cancel(), asyncio.timeout, wait_for) aborts the
// transfer: a done callback on the engine future calls Host::cancel_fetch.
//
// Lifetimes: the module's FetchState (a heap object bound to _fetch as its
// self) traces the futures of the transfers in flight. Completions reach it
// through a shared pointer that it clears when it dies, so a completion the
// host still holds then does nothing; it also cancels its transfers then, on
// the embedder's host (interp.host, which outlives the interpreter).
#include "py/mod_aiohttp.hpp"

#include <memory>
#include <string>
#include <unordered_map>

#include "core/fetch.hpp"
#include "core/future.hpp"
#include "core/host.hpp"
#include "core/loop.hpp"
#include "py/builtin_function.hpp"
#include "py/bytes.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/frozen_modules.hpp"
#include "py/int.hpp"
#include "py/interp.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"

namespace corio::py {

std::string_view aiohttp_exceptions_source();  // frozen_aiohttp_exceptions.cpp
std::string_view aiohttp_response_source();    // frozen_aiohttp_response.cpp
std::string_view aiohttp_source();             // frozen_aiohttp.cpp

namespace {

class FetchState final : public Object {
public:
    struct Pending {
        Value future;
        corio::Host* host = nullptr;
        corio::FetchId id = 0;
        bool embedder_host = false;  // interp.host: alive as long as the interpreter
    };

    FetchState(Type* type, Interp& i) : Object(type), interp(&i), self_ref(std::make_shared<FetchState*>(this)) {}
    ~FetchState() override {
        *self_ref = nullptr;
        for (auto& [key, p] : pending)
            if (p.embedder_host) p.host->cancel_fetch(p.id);
    }
    void trace(Tracer& tracer) override {
        for (auto& [key, p] : pending) tracer.visit(p.future);
    }

    // The future was cancelled: abort the transfer.
    void cancel(uint64_t key) {
        auto it = pending.find(key);
        if (it == pending.end()) return;
        Pending p = it->second;
        pending.erase(it);
        p.host->cancel_fetch(p.id);
    }

    void complete(uint64_t key, corio::FetchResult&& result);

    Interp* interp;
    std::shared_ptr<FetchState*> self_ref;
    std::unordered_map<uint64_t, Pending> pending;
    uint64_t last_key = 0;
};

Value result_value(Interp& interp, corio::FetchResult& r) {
    if (!r.ok()) {
        const corio::FetchError& e = *r.error;
        return make_tuple(interp, {interp.none, make_str(interp, corio::fetch_error_kind_name(e.kind)),
                                   make_str(interp, e.message), make_int(interp, e.os_error)});
    }
    corio::FetchResponse& resp = r.response;
    List* headers = make_list(interp, resp.headers.size());
    for (const auto& [name, value] : resp.headers)
        headers->append(interp, make_tuple(interp, {make_bytes(interp, name), make_bytes(interp, value)}));
    return make_tuple(interp, {make_int(interp, resp.status), make_bytes(interp, resp.reason), headers,
                               make_bytes(interp, resp.body), make_str(interp, resp.url)});
}

void FetchState::complete(uint64_t key, corio::FetchResult&& result) {
    auto it = pending.find(key);
    if (it == pending.end()) return;
    Value fut = it->second.future;
    auto* f = dynamic_cast<corio::FutureBase*>(fut.as_object());
    pending.erase(it);
    // `fut` is no longer traced from here, but no collection can run before
    // set_result holds it and the values: the heap collects only at the
    // VM's safe points, and none is reached in between.
    if (!f) return;  // _fetch checked it: cannot happen
    f->remove_done_callback(this);
    if (f->done()) return;
    Value value = result_value(*interp, result);
    call_method(*interp, fut, interp->intern("set_result"), {value});
}

std::string str_arg(Interp& interp, Value v, const char* what) {
    if (!is_str(interp, v)) raise_type_error(interp, std::string("_fetch: ") + what + " must be str");
    return str_utf8(interp, v);
}

// _fetch(fut, method, url, headers, body, timeout, allow_redirects,
// max_redirects), bound to the FetchState (args[0]). Returns the transfer id.
Value aiohttp_fetch(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "_fetch");
    if (a.nargs != 9)
        raise_type_error(interp, "_fetch() takes exactly 8 arguments (" + std::to_string(a.nargs - 1) + " given)");
    auto* st = static_cast<FetchState*>(a[0].as_object());
    Value fut = a[1];
    auto* f = fut.is_object() ? dynamic_cast<corio::FutureBase*>(fut.as_object()) : nullptr;
    if (!f) raise_type_error(interp, "_fetch: a Future was expected, got " + repr_utf8(interp, fut));
    if (f->done()) raise_value_error(interp, "_fetch: the future is already done");

    corio::FetchRequest req;
    req.method = str_arg(interp, a[2], "method");
    req.url = str_arg(interp, a[3], "url");
    Value it = iter(interp, a[4]);
    while (Value item = iter_next(interp, it)) {
        std::string name = str_arg(interp, getitem(interp, item, Value::small_int(0)), "a header name");
        std::string value = str_arg(interp, getitem(interp, item, Value::small_int(1)), "a header value");
        req.headers.emplace_back(std::move(name), std::move(value));
    }
    if (a[5] != interp.none) {
        if (!is_bytes_like(interp, a[5])) raise_type_error(interp, "_fetch: body must be bytes or None");
        req.body = static_cast<Bytes*>(a[5].as_object())->data;
        req.has_body = true;
    }
    if (a[6] != interp.none) req.timeout_s = to_double(interp, a[6]);
    req.follow_redirects = truthy(interp, a[7]);
    req.max_redirects = static_cast<int>(index_i64(interp, a[8]));

    corio::Loop& loop = f->loop();
    corio::Host& host = loop.host();
    const uint64_t key = ++st->last_key;
    st->pending[key] = FetchState::Pending{fut, &host, 0, interp.host == &host};
    corio::FetchId id = host.fetch(loop, std::move(req), [ref = st->self_ref, key](corio::FetchResult&& r) {
        if (FetchState* s = *ref) s->complete(key, std::move(r));
    });
    if (auto p = st->pending.find(key); p != st->pending.end()) p->second.id = id;
    f->set_wait_kind(corio::trace::WaitKind::Fetch, id);
    // Cancelled (not completed: complete() removes this first): abort. The
    // callback reaches the state through the shared pointer too, in case
    // the module died first.
    f->add_done_callback(
        [ref = st->self_ref, key](corio::FutureBase& done) {
            FetchState* s = *ref;
            if (s && done.cancelled()) s->cancel(key);
        },
        st);
    return make_int(interp, static_cast<int64_t>(id));
}

}  // namespace

Module* make_aiohttp_module(Interp& interp) {
    Module* m = make_module(interp, "aiohttp");
    interp.add_module(m);
    auto* st = interp.heap.make<FetchState>(interp.types.object, interp);
    BuiltinFunction* fetch = make_builtin(interp, "_fetch", aiohttp_fetch);
    fetch->self = st;
    m->dict->set_str(interp, fetch->name, fetch);
    try {
        // In dependency order: the responses raise the exceptions, the
        // session makes responses.
        run_frozen_source(interp, "aiohttp.client_exceptions", aiohttp_exceptions_source(), m->dict);
        run_frozen_source(interp, "aiohttp.client_reqrep", aiohttp_response_source(), m->dict);
        run_frozen_source(interp, "aiohttp", aiohttp_source(), m->dict);
    } catch (...) {
        interp.modules->remove(interp, make_str(interp, "aiohttp"));
        throw;
    }
    return m;
}

}  // namespace corio::py
