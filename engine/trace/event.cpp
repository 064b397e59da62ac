// event.cpp — names of the trace event and wait kinds, from their tables.
#include "trace/event.hpp"

namespace corio::trace {

const char* event_kind_name(EventKind kind) noexcept {
    switch (kind) {
#define X(name) case EventKind::name: return #name;
        CORIO_TRACE_EVENT_KINDS(X)
#undef X
    }
    return "?";
}

const char* wait_kind_name(WaitKind kind) noexcept {
    switch (kind) {
#define X(name) case WaitKind::name: return #name;
        CORIO_TRACE_WAIT_KINDS(X)
#undef X
    }
    return "?";
}

}  // namespace corio::trace
