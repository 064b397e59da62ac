// fetch_future.hpp — a fetch as an engine future, for C++ tasks:
// `FetchResponse r = co_await corio::fetch(loop, {"GET", url});`. The future
// carries the trace wait kind Fetch (a task awaiting it is shown waiting for
// a fetch) and the transfer's id as its owner id. Cancelling the future (a
// task cancelled while it awaits, wait_for, timeout) aborts the transfer on
// the host. A failed transfer raises FetchFailed. The Python layer
// (engine/py/mod_aiohttp.cpp) uses the host directly, with its own futures.
#pragma once

#include <stdexcept>
#include <string>

#include "core/fetch.hpp"
#include "core/future.hpp"

namespace corio {

// The error of a failed transfer (not an HTTP error status: those are
// responses).
class FetchFailed : public std::runtime_error {
public:
    explicit FetchFailed(FetchError error)
        : std::runtime_error(error.message), error_(std::move(error)) {}
    const FetchError& error() const noexcept { return error_; }

private:
    FetchError error_;
};

class FetchFuture final : public Future<FetchResponse> {
public:
    // Starts the transfer on loop.host() at once.
    FetchFuture(Loop& loop, FetchRequest request);
    // asyncio's cancel(), plus aborting the transfer.
    bool cancel(std::optional<std::string> message = std::nullopt) override;
    FetchId fetch_id() const noexcept { return fetch_id_; }

private:
    FetchId fetch_id_ = 0;
};

inline Ref<FetchFuture> fetch(Loop& loop, FetchRequest request) {
    return Ref<FetchFuture>(new FetchFuture(loop, std::move(request)));
}

}  // namespace corio
