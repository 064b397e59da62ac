// browser_host.cpp — performance.now() as the clock, fetch() for HTTP.
#include "browser_host.hpp"

#include <emscripten.h>

#include <string>
#include <utility>

#include "core/loop.hpp"

// Starts a fetch in JavaScript (session.mjs: corioFetch); headers are
// "name\nvalue\n" pairs. JavaScript answers with corio_fetch_done.
EM_JS(void, corio_js_fetch,
      (double id, const char* method, const char* url, const char* headers, const char* body,
       int body_length, double timeout_ms),
      {
          Module.corioFetch(id, UTF8ToString(method), UTF8ToString(url), UTF8ToString(headers),
                            HEAPU8.slice(body, body + body_length), timeout_ms);
      });
EM_JS(void, corio_js_fetch_cancel, (double id), { Module.corioFetchCancel(id); });

namespace corio::wasm {

BrowserHost::BrowserHost() : origin_ms_(emscripten_get_now()) {}

BrowserHost::~BrowserHost() {
    for (auto& [id, transfer] : in_flight_) corio_js_fetch_cancel(static_cast<double>(id));
}

int64_t BrowserHost::now_ns() const {
    return static_cast<int64_t>((emscripten_get_now() - origin_ms_) * 1e6);
}

void BrowserHost::poll(Loop& loop, int64_t timeout_ns) {
    bool delivered = false;
    for (std::size_t i = 0; i < settled_.size();) {
        Settled& s = settled_[i];
        if (s.loop != &loop) {
            ++i;
            continue;
        }
        loop.call_soon(deliveries_.queue(s.id, std::move(s.done), std::move(s.result)));
        settled_.erase(settled_.begin() + static_cast<std::ptrdiff_t>(i));
        delivered = true;
    }
    // Nothing can settle while this code runs: never wait for a fetch.
    if (delivered || !in_flight_.empty() || timeout_ns <= 0) return;
    block(timeout_ns == kForever ? 0 : timeout_ns);
}

void BrowserHost::block(int64_t ns) {
    const int64_t until = now_ns() + ns;
    while (now_ns() < until) {
    }
}

FetchId BrowserHost::fetch(Loop& loop, FetchRequest request, FetchCompletion done) {
    const FetchId id = ++last_id_;
    std::string headers;
    for (const auto& [name, value] : request.headers) headers += name + "\n" + value + "\n";
    in_flight_.emplace(id, InFlight{&loop, std::move(done)});
    const double timeout_ms = request.timeout_s ? *request.timeout_s * 1000 : 0;
    corio_js_fetch(static_cast<double>(id), request.method.c_str(), request.url.c_str(),
                   headers.c_str(), request.body.data(), static_cast<int>(request.body.size()),
                   timeout_ms);
    return id;
}

void BrowserHost::cancel_fetch(FetchId id) {
    if (in_flight_.erase(id)) corio_js_fetch_cancel(static_cast<double>(id));
    for (std::size_t i = 0; i < settled_.size(); ++i) {
        if (settled_[i].id == id) {
            settled_.erase(settled_.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
    }
    deliveries_.drop(id);
}

void BrowserHost::settle(FetchId id, FetchResult result) {
    auto it = in_flight_.find(id);
    if (it == in_flight_.end()) return;  // cancelled meanwhile
    settled_.push_back({id, it->second.loop, std::move(it->second.done), std::move(result)});
    in_flight_.erase(it);
}

}  // namespace corio::wasm
