// fetch.cpp — the platform-free parts of fetch: the default Host::fetch (no
// fetch on this host), the delivery helper, the names.
#include "core/fetch.hpp"

#include <algorithm>

#include "core/host.hpp"
#include "core/loop.hpp"

namespace corio {

FetchId Host::fetch(Loop& loop, FetchRequest request, FetchCompletion done) {
    (void)request;
    // Not inline: the error reaches the caller from the loop, as any
    // completion does.
    loop.call_soon([done = std::move(done)]() mutable {
        done(FetchResult::failure(FetchError::Kind::Unavailable, "fetch is not available on this host"));
    });
    return 0;
}

const char* fetch_error_kind_name(FetchError::Kind kind) noexcept {
    switch (kind) {
        case FetchError::Kind::Unavailable: return "unavailable";
        case FetchError::Kind::InvalidUrl: return "invalid-url";
        case FetchError::Kind::Connect: return "connect";
        case FetchError::Kind::Timeout: return "timeout";
        case FetchError::Kind::Redirects: return "redirects";
        case FetchError::Kind::Other: return "other";
    }
    return "other";
}

bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

FetchDeliveries::Deliver FetchDeliveries::queue(FetchId id, FetchCompletion completion, FetchResult result) {
    prune();
    auto slot = std::make_shared<Slot>(Slot{std::move(completion), std::move(result)});
    queued_.emplace_back(id, slot);
    return Deliver{std::move(slot)};
}

bool FetchDeliveries::drop(FetchId id) {
    for (auto& [queued_id, weak] : queued_) {
        if (queued_id != id) continue;
        std::shared_ptr<Slot> slot = weak.lock();
        if (!slot || !slot->completion) return false;
        slot->completion.reset();
        return true;
    }
    return false;
}

void FetchDeliveries::prune() {
    // Entries whose handle ran (or whose loop dropped it) are gone.
    queued_.erase(std::remove_if(queued_.begin(), queued_.end(),
                                 [](const auto& e) {
                                     auto slot = e.second.lock();
                                     return !slot || !slot->completion;
                                 }),
                  queued_.end());
}

}  // namespace corio
