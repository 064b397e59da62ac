// fetch.hpp — the data of an HTTP fetch, as every host sees it: the request,
// the response, the error, and the completion a host calls once. How a host
// performs the transfer (libcurl natively, the browser's fetch in
// wasm-bindings) and the rules for delivering completions are in host.hpp;
// the future a C++ task awaits is in fetch_future.hpp. Platform-free.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/small_function.hpp"

namespace corio {

class Host;

// Header fields in the order they were given or received, names as
// written (HTTP names are case-insensitive: compare with iequals).
using FetchHeaders = std::vector<std::pair<std::string, std::string>>;

struct FetchRequest {
    std::string method = "GET";
    std::string url;          // absolute http:// or https:// URL
    FetchHeaders headers;     // sent as given (the host adds Host, Content-Length)
    std::string body;         // bytes; sent when non-empty or when has_body
    bool has_body = false;    // send `body` even if empty (POST with b"")
    // The whole transfer (connect, send, receive) must end within this many
    // seconds of real time, else it fails with FetchError::Kind::Timeout.
    std::optional<double> timeout_s;
    bool follow_redirects = true;
    int max_redirects = 10;
};

struct FetchResponse {
    int status = 0;
    std::string reason;       // "OK", "Not Found" (empty if the server sent none)
    FetchHeaders headers;     // of the final response, in order, case preserved
    std::string body;         // decoded (gzip/deflate removed), as bytes
    std::string url;          // the final URL, after redirects
};

struct FetchError {
    enum class Kind : uint8_t {
        Unavailable,  // this host cannot fetch
        InvalidUrl,   // malformed URL or a scheme other than http(s)
        Connect,      // could not resolve or connect (refused, unreachable)
        Timeout,      // FetchRequest::timeout_s passed
        Redirects,    // more than max_redirects
        Other,        // the transfer failed otherwise (reset, TLS, CORS...)
    };
    Kind kind = Kind::Other;
    std::string message;  // one line, for people
    int os_error = 0;     // errno behind a Connect error, when known
};

const char* fetch_error_kind_name(FetchError::Kind kind) noexcept;  // "connect", ...

// What a completion receives: a response (any HTTP status) or an error.
struct FetchResult {
    std::optional<FetchError> error;
    FetchResponse response;  // meaningful only when ok()
    bool ok() const noexcept { return !error.has_value(); }

    static FetchResult failure(FetchError::Kind kind, std::string message, int os_error = 0) {
        FetchResult r;
        r.error = FetchError{kind, std::move(message), os_error};
        return r;
    }
};

// Identifies a transfer on its host (for Host::cancel_fetch). 0 is never a
// transfer.
using FetchId = uint64_t;
using FetchCompletion = SmallFunction<void(FetchResult&&), 48>;

// The platform's own fetching host, for hosts that keep a clock of their
// own and borrow real I/O from it (VirtualHost): natively a NativeHost
// (libcurl, curl_fetch.cpp); null in the WebAssembly build (fetch_none.cpp),
// where wasm-bindings hands VirtualHost its browser host (set_io_host).
std::unique_ptr<Host> make_io_host();

// ASCII case-insensitive equality, for header names.
bool iequals(std::string_view a, std::string_view b) noexcept;

// A helper for hosts: completions queued on the loop (call_soon) but not yet
// run, so that cancel_fetch() can still drop them. queue() wraps a
// completion and its result in a callable for call_soon; drop(id) makes it
// do nothing when it runs. Dropped and run entries are forgotten.
class FetchDeliveries {
public:
    struct Slot {
        FetchCompletion completion;
        FetchResult result;
    };
    // The callable to hand to loop.call_soon.
    struct Deliver {
        std::shared_ptr<Slot> slot;
        void operator()() {
            if (!slot->completion) return;
            FetchCompletion done = std::move(slot->completion);
            done(std::move(slot->result));
        }
    };
    Deliver queue(FetchId id, FetchCompletion completion, FetchResult result);
    // True if `id` was queued and not yet run: it never will be now.
    bool drop(FetchId id);

private:
    void prune();
    std::vector<std::pair<FetchId, std::weak_ptr<Slot>>> queued_;
};

}  // namespace corio
