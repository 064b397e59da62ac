// fetch_future.cpp — the future a C++ task awaits for a fetch.
#include "core/fetch_future.hpp"

namespace corio {

FetchFuture::FetchFuture(Loop& loop, FetchRequest request) : Future<FetchResponse>(loop, trace::WaitKind::Fetch) {
    // The completion holds a reference: the future lives until the host
    // completes or drops the transfer.
    Ref<FetchFuture> self(this);
    fetch_id_ = loop.host().fetch(loop, std::move(request), [self = std::move(self)](FetchResult&& result) {
        if (self->done()) return;
        if (result.ok()) self->set_result(std::move(result.response));
        else self->set_exception(std::make_exception_ptr(FetchFailed(std::move(*result.error))));
    });
    set_wait_kind(trace::WaitKind::Fetch, fetch_id_);
}

bool FetchFuture::cancel(std::optional<std::string> message) {
    if (!Future<FetchResponse>::cancel(std::move(message))) return false;
    // Drops the completion (and its reference to this future).
    loop().host().cancel_fetch(fetch_id_);
    return true;
}

}  // namespace corio
