// future.cpp — state changes and done-callback scheduling of FutureBase.
#include "core/future.hpp"

#include "core/task_base.hpp"

namespace corio {

namespace {
int64_t g_live_futures = 0;  // diagnostics only: counted for leak tests
}

const std::exception_ptr FutureBase::kNoError;

const char* state_name(FutureState state) noexcept {
    switch (state) {
        case FutureState::Pending: return "PENDING";
        case FutureState::Cancelled: return "CANCELLED";
        case FutureState::Finished: return "FINISHED";
    }
    return "?";
}

FutureBase::FutureBase(Loop& loop, trace::WaitKind kind)
    : wait_kind_(kind), loop_(&loop), id_(loop.next_id()) {
    ++g_live_futures;
}

FutureBase::~FutureBase() {
    if (has_first_callback_) release_waiter(first_callback_);
    if (rare_)
        for (auto& c : rare_->more_callbacks) release_waiter(c);
    --g_live_futures;
}

int64_t FutureBase::live_count() noexcept { return g_live_futures; }

void FutureBase::throw_if_done(const char* what) const {
    if (done()) throw InvalidStateError(std::string(state_name(state_)) + ": " + what);
}

bool FutureBase::cancel(std::optional<std::string> message) {
    log_traceback_ = false;
    if (state_ != FutureState::Pending) return false;
    state_ = FutureState::Cancelled;
    if (message) {
        rare().cancel_message = std::move(*message);
        rare_->has_cancel_message = true;
    }
    schedule_callbacks();
    return true;
}

void FutureBase::set_exception(std::exception_ptr error) {
    throw_if_done("set_exception");
    rare().error = std::move(error);
    state_ = FutureState::Finished;
    log_traceback_ = true;
    schedule_callbacks();
}

void FutureBase::finish_with_result() {
    state_ = FutureState::Finished;
    schedule_callbacks();
}

void FutureBase::check_result() const {
    if (state_ == FutureState::Cancelled)
        std::rethrow_exception(const_cast<FutureBase*>(this)->make_cancelled_error());
    if (state_ != FutureState::Finished) throw InvalidStateError("Result is not ready.");
    log_traceback_ = false;
    if (rare_ && rare_->error) std::rethrow_exception(rare_->error);
}

std::exception_ptr FutureBase::exception() const {
    if (state_ == FutureState::Cancelled)
        std::rethrow_exception(const_cast<FutureBase*>(this)->make_cancelled_error());
    if (state_ != FutureState::Finished) throw InvalidStateError("Exception is not set.");
    log_traceback_ = false;
    return stored_error();
}

FutureBase::Rare& FutureBase::rare() {
    if (!rare_) rare_ = std::make_unique<Rare>();
    return *rare_;
}

std::exception_ptr FutureBase::make_cancelled_error() {
    if (rare_ && rare_->cancelled_exc) return std::exchange(rare_->cancelled_exc, nullptr);
    return std::make_exception_ptr(CancelledError(cancel_message()));
}

void FutureBase::add_done_callback(DoneFn fn, const void* key) {
    add_callback({std::move(fn), key});
}

void FutureBase::add_waiter(TaskBase& task) {
    task.add_ref();
    add_callback({nullptr, &task});
}

void FutureBase::prefetch_callbacks() const noexcept {
    if (!has_first_callback_ || !first_callback_.is_waiter()) return;
    // The reference count, and the step handle with the wake-up's fields.
    const char* task = static_cast<const char*>(first_callback_.key);
    for (int line = 0; line < 3; ++line) __builtin_prefetch(task + 64 * line, 1);
}

void FutureBase::add_callback(Callback&& callback) {
    if (done()) schedule(callback);
    else if (!has_first_callback_) {
        first_callback_ = std::move(callback);
        has_first_callback_ = true;
    } else {
        rare().more_callbacks.push_back(std::move(callback));
    }
}

void FutureBase::release_waiter(Callback& callback) noexcept {
    if (callback.is_waiter() && callback.key) callback.waiter()->release();
    callback.key = nullptr;
}

std::size_t FutureBase::remove_done_callback(const void* key) {
    std::size_t removed = 0;
    if (rare_)
        removed += std::erase_if(rare_->more_callbacks, [&](Callback& c) {
            if (c.key != key) return false;
            release_waiter(c);
            return true;
        });
    if (has_first_callback_ && first_callback_.key == key) {
        release_waiter(first_callback_);
        ++removed;
        has_first_callback_ = false;
        first_callback_ = Callback{};
        if (rare_ && !rare_->more_callbacks.empty()) {
            first_callback_ = std::move(rare_->more_callbacks.front());
            rare_->more_callbacks.erase(rare_->more_callbacks.begin());
            has_first_callback_ = true;
        }
    }
    return removed;
}

void FutureBase::schedule(Callback& callback) {
    if (callback.is_waiter()) {
        // Holds the registration's reference until the wake-up is queued.
        Ref<TaskBase> task = Ref<TaskBase>::adopt(callback.waiter());
        callback.key = nullptr;
        task->schedule_wakeup(*this);
    } else {
        loop_->call_soon(*new DoneHandle(std::move(callback.fn), *this));
    }
}

void FutureBase::schedule_callbacks() {
    if (!has_first_callback_) return;
    has_first_callback_ = false;
    // Scheduled from where it is (schedule() moves the callable on once,
    // into its handle): callbacks added from now on are scheduled at once,
    // never stored.
    if (!rare_ || rare_->more_callbacks.empty()) [[likely]] {
        schedule(first_callback_);
        return;
    }
    std::vector<Callback> more = std::move(rare_->more_callbacks);
    schedule(first_callback_);
    for (auto& c : more) schedule(c);
}

}  // namespace corio
