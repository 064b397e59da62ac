// corio_api.cpp — what the WebAssembly module exports: one program run at a
// time, driven in slices by JavaScript (session.mjs). A run owns its
// interpreter, its host (virtual or browser clock) and its py::Session;
// output and trace events go out through two JavaScript functions the
// embedder installs on the module (corioOutput, corioTrace).
//
//   corio_start(source, filename, argv, virtual_clock, trace)
//   corio_advance(mode, slice_ms) -> Progress::State   mode: 0 run,
//                                    1 step one iteration, 2 step one task step
//   corio_wait_ns()                 the wait/block the last advance reported
//   corio_let_time_pass(ns)         the virtual clock moves on by ns
//   corio_interrupt()               Ctrl+C: KeyboardInterrupt where it is
//   corio_io_pending()              a fetch is in flight (the virtual clock
//                                   must not move on meanwhile)
//   corio_fetch_done(...)           JavaScript's fetch settled
//   corio_poll_io()                 hands settled fetches to the loop
//   corio_end()                     discards the run (after Done)
#include <emscripten.h>

#include <memory>
#include <string>
#include <vector>

#include "browser_host.hpp"
#include "core/loop.hpp"
#include "core/virtual_host.hpp"
#include "py/dict.hpp"
#include "py/interp.hpp"
#include "py/module.hpp"
#include "py/session.hpp"
#include "py/str.hpp"
#include "py/vm.hpp"
#include "trace/event.hpp"

// The embedder's functions (set on the module object before the first run).
EM_JS(void, corio_js_output, (int stream, const char* text, int length, double task), {
    Module.corioOutput(stream, UTF8ToString(text, length), task);
});
EM_JS(void, corio_js_trace,
      (int kind, int wait, double seq, double time_ns, double id, double a, double b,
       const char* text, int length),
      { Module.corioTrace(kind, wait, seq, time_ns, id, a, b, length ? UTF8ToString(text, length) : ""); });

namespace corio::wasm {
namespace {

class TraceToJs final : public trace::Listener {
public:
    void on_event(const trace::Event& e) override {
        corio_js_trace(static_cast<int>(e.kind), static_cast<int>(e.wait), static_cast<double>(e.seq),
                       static_cast<double>(e.time_ns), static_cast<double>(e.id),
                       static_cast<double>(e.a), static_cast<double>(e.b), e.text.data(),
                       static_cast<int>(e.text.size()));
    }
};

double g_slice_end_ms = 0;  // when the current slice must hand control back

bool slice_over(void*) { return emscripten_get_now() >= g_slice_end_ms; }

struct Run {
    BrowserHost browser;  // the real clock, and fetch for both clocks
    std::unique_ptr<VirtualHost> virtual_clock;
    Host* host;
    VirtualHost* virtual_host = nullptr;
    TraceToJs tracer;
    py::Interp interp;
    py::Vm vm{interp};
    py::Session session;
    int64_t wait_ns = 0;

    Run(bool use_virtual_clock, bool trace, std::string filename, std::string source,
        std::vector<std::string> argv)
        : virtual_clock(use_virtual_clock ? std::make_unique<VirtualHost>() : nullptr),
          host(virtual_clock ? static_cast<Host*>(virtual_clock.get()) : &browser),
          virtual_host(virtual_clock.get()),
          session(interp, std::move(filename), std::move(source), std::move(argv)) {
        if (virtual_clock) virtual_clock->set_io_host(&browser);
        interp.host = host;
        if (trace) interp.trace_listener = &tracer;
        // What CPython's WebAssembly port and Pyodide report (natively: "linux").
        interp.sys_module->dict->set_str(interp, "platform", py::make_str(interp, "emscripten"));
        interp.write_stdout = [this](std::string_view s) { output(1, s); };
        interp.write_stderr = [this](std::string_view s) { output(2, s); };
        vm.should_yield = slice_over;
    }
    void output(int stream, std::string_view text) {
        corio_js_output(stream, text.data(), static_cast<int>(text.size()),
                        static_cast<double>(session.current_task_id()));
    }
};

std::unique_ptr<Run> g_run;
std::string g_text;  // storage for the strings returned to JavaScript

std::vector<std::string> split_lines(const char* text) {
    std::vector<std::string> parts;
    std::string s = text;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string::npos) nl = s.size();
        parts.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return parts;
}

const char* keep(std::string text) {
    g_text = std::move(text);
    return g_text.c_str();
}

}  // namespace
}  // namespace corio::wasm

using corio::wasm::g_run;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* corio_version() { return "0.1.0"; }

// The trace tables, comma-separated, in enum order (event.hpp).
EMSCRIPTEN_KEEPALIVE const char* corio_trace_kinds() {
    std::string names;
#define X(name) names += (names.empty() ? "" : ",") + std::string(#name);
    CORIO_TRACE_EVENT_KINDS(X)
#undef X
    return corio::wasm::keep(names);
}

EMSCRIPTEN_KEEPALIVE const char* corio_wait_kinds() {
    std::string names;
#define X(name) names += (names.empty() ? "" : ",") + std::string(#name);
    CORIO_TRACE_WAIT_KINDS(X)
#undef X
    return corio::wasm::keep(names);
}

// argv: the arguments separated by newlines (argv[0] first).
EMSCRIPTEN_KEEPALIVE void corio_start(const char* source, const char* filename, const char* argv,
                                      int virtual_clock, int trace) {
    g_run.reset();
    g_run = std::make_unique<corio::wasm::Run>(virtual_clock != 0, trace != 0, filename, source,
                                               corio::wasm::split_lines(argv));
}

EMSCRIPTEN_KEEPALIVE int corio_advance(int mode, double slice_ms) {
    if (!g_run) return static_cast<int>(corio::py::Progress::State::Done);
    corio::wasm::g_slice_end_ms = emscripten_get_now() + slice_ms;
    using Unit = corio::py::Session::Unit;
    corio::py::Progress p = mode == 0   ? g_run->session.advance()
                            : mode == 1 ? g_run->session.step(Unit::Iteration)
                                        : g_run->session.step(Unit::TaskStep);
    g_run->wait_ns = p.ns;
    return static_cast<int>(p.state);
}

EMSCRIPTEN_KEEPALIVE double corio_wait_ns() { return g_run ? static_cast<double>(g_run->wait_ns) : 0; }

EMSCRIPTEN_KEEPALIVE void corio_let_time_pass(double ns) {
    if (g_run && g_run->virtual_host) g_run->virtual_host->advance(static_cast<int64_t>(ns));
}

EMSCRIPTEN_KEEPALIVE void corio_interrupt() {
    if (g_run) g_run->session.interrupt();
}

EMSCRIPTEN_KEEPALIVE int corio_exit_status() { return g_run ? g_run->session.exit_status() : 0; }

// The loop's clock (seconds) and iteration count, for the page.
EMSCRIPTEN_KEEPALIVE double corio_time() {
    return g_run ? static_cast<double>(g_run->host->now_ns()) / 1e9 : 0;
}
EMSCRIPTEN_KEEPALIVE double corio_iteration() {
    corio::Loop* lp = g_run ? g_run->session.loop() : nullptr;
    return lp ? static_cast<double>(lp->iteration()) : 0;
}

// What ended a failed program: -1 none, 0 syntax error, 1 uncaught exception.
EMSCRIPTEN_KEEPALIVE int corio_failure_kind() {
    const corio::py::Failure* f = g_run ? g_run->session.failure() : nullptr;
    if (!f) return -1;
    return f->kind == corio::py::Failure::Kind::Syntax ? 0 : 1;
}
EMSCRIPTEN_KEEPALIVE int corio_failure_line() {
    const corio::py::Failure* f = g_run ? g_run->session.failure() : nullptr;
    return f ? f->line : 0;
}
EMSCRIPTEN_KEEPALIVE int corio_failure_col() {
    const corio::py::Failure* f = g_run ? g_run->session.failure() : nullptr;
    return f ? f->col : 0;
}
EMSCRIPTEN_KEEPALIVE const char* corio_failure_message() {
    const corio::py::Failure* f = g_run ? g_run->session.failure() : nullptr;
    return corio::wasm::keep(f ? f->message : "");
}
EMSCRIPTEN_KEEPALIVE const char* corio_failure_traceback() {
    const corio::py::Failure* f = g_run ? g_run->session.failure() : nullptr;
    return corio::wasm::keep(f ? f->traceback : "");
}

EMSCRIPTEN_KEEPALIVE int corio_io_pending() { return g_run && g_run->host->io_pending() ? 1 : 0; }

// A fetch settled: a response (error_kind < 0) or an error (FetchError::Kind
// in enum order). headers: "name\nvalue\n" pairs.
EMSCRIPTEN_KEEPALIVE void corio_fetch_done(double id, int status, const char* reason,
                                           const char* headers, const char* body, int body_length,
                                           const char* url, int error_kind, const char* message) {
    if (!g_run) return;
    corio::FetchResult result;
    if (error_kind >= 0) {
        result = corio::FetchResult::failure(static_cast<corio::FetchError::Kind>(error_kind), message);
    } else {
        result.response.status = status;
        result.response.reason = reason;
        result.response.url = url;
        result.response.body.assign(body, static_cast<std::size_t>(body_length));
        std::vector<std::string> lines = corio::wasm::split_lines(headers);
        for (std::size_t i = 0; i + 1 < lines.size(); i += 2)
            result.response.headers.emplace_back(lines[i], lines[i + 1]);
    }
    g_run->browser.settle(static_cast<corio::FetchId>(id), std::move(result));
}

// Delivers settled fetches to an idle loop (a loop in the middle of an
// iteration polls by itself at the next one): 1 if it polled.
EMSCRIPTEN_KEEPALIVE int corio_poll_io() {
    corio::Loop* lp = g_run ? g_run->session.loop() : nullptr;
    if (!lp || lp->iteration_interrupted()) return 0;
    g_run->host->poll(*lp, 0);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void corio_end() { g_run.reset(); }

}  // extern "C"
