// browser_host.cpp — performance.now() as the loop's clock.
#include "browser_host.hpp"

#include <emscripten.h>

namespace corio::wasm {

BrowserHost::BrowserHost() : origin_ms_(emscripten_get_now()) {}

int64_t BrowserHost::now_ns() const {
    return static_cast<int64_t>((emscripten_get_now() - origin_ms_) * 1e6);
}

void BrowserHost::poll(Loop&, int64_t timeout_ns) {
    if (timeout_ns <= 0) return;
    block(timeout_ns == kForever ? 0 : timeout_ns);
}

void BrowserHost::block(int64_t ns) {
    const int64_t until = now_ns() + ns;
    while (now_ns() < until) {
    }
}

}  // namespace corio::wasm
