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
    if (first_callback_) discard(first_callback_);
    if (rare_)
        for (Callback c : rare_->more_callbacks) discard(c);
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
    auto handle = std::make_unique<DoneHandle>(std::move(fn), key);
    add_callback(reinterpret_cast<Callback>(handle.get()) | 1);
    handle.release();  // the future's now (or the loop's)
}

void FutureBase::add_waiter(TaskBase& task) {
    task.add_ref();
    add_callback(reinterpret_cast<Callback>(&task));
}

const void* FutureBase::key_of(Callback c) noexcept {
    if (is_waiter(c)) return waiter_of(c);
    return handle_of(c)->key();
}

bool FutureBase::last_callback_has_key(const void* key) const noexcept {
    if (rare_ && !rare_->more_callbacks.empty()) return key_of(rare_->more_callbacks.back()) == key;
    return first_callback_ && key_of(first_callback_) == key;
}

void FutureBase::discard(Callback c) noexcept {
    if (is_waiter(c)) waiter_of(c)->release();
    else delete handle_of(c);
}

void FutureBase::prefetch_callbacks() const noexcept {
    if (!first_callback_ || !is_waiter(first_callback_)) return;
    // The reference count, and the step handle with the wake-up's fields.
    const char* task = reinterpret_cast<const char*>(first_callback_);
    for (int line = 0; line < 3; ++line) __builtin_prefetch(task + 64 * line, 1);
}

void FutureBase::add_callback(Callback callback) {
    if (done()) schedule(callback);
    else if (!first_callback_) first_callback_ = callback;
    else rare().more_callbacks.push_back(callback);
}

std::vector<FutureBase::CallbackView> FutureBase::callback_views() const {
    std::vector<CallbackView> out;
    auto view = [](Callback c) {
        return is_waiter(c) ? CallbackView{waiter_of(c), nullptr} : CallbackView{nullptr, key_of(c)};
    };
    if (first_callback_) out.push_back(view(first_callback_));
    if (rare_)
        for (Callback c : rare_->more_callbacks) out.push_back(view(c));
    return out;
}

template <class Pred>
std::size_t FutureBase::remove_callbacks_if(Pred matches) noexcept {
    std::size_t removed = 0;
    if (rare_)
        removed += std::erase_if(rare_->more_callbacks, [&](Callback c) {
            if (!matches(c)) return false;
            discard(c);
            return true;
        });
    if (first_callback_ && matches(first_callback_)) {
        discard(first_callback_);
        ++removed;
        first_callback_ = 0;
        if (rare_ && !rare_->more_callbacks.empty()) {
            first_callback_ = rare_->more_callbacks.front();
            rare_->more_callbacks.erase(rare_->more_callbacks.begin());
        }
    }
    return removed;
}

std::size_t FutureBase::remove_done_callback(const void* key) {
    return remove_callbacks_if([key](Callback c) { return key_of(c) == key; });
}

void FutureBase::forget_waiter(const TaskBase& task) noexcept {
    remove_callbacks_if([&task](Callback c) { return is_waiter(c) && waiter_of(c) == &task; });
}

void FutureBase::drop_callbacks() noexcept {
    if (rare_) {
        for (Callback c : rare_->more_callbacks) discard(c);
        rare_->more_callbacks.clear();
    }
    if (first_callback_) discard(std::exchange(first_callback_, 0));
}

void FutureBase::schedule(Callback callback) {
    if (is_waiter(callback)) {
        // Holds the registration's reference until the wake-up is queued.
        Ref<TaskBase> task = Ref<TaskBase>::adopt(waiter_of(callback));
        task->schedule_wakeup(*this);
    } else {
        DoneHandle* handle = handle_of(callback);
        handle->future_ = Ref<FutureBase>(this);
        loop_->call_soon(*handle);
    }
}

void FutureBase::schedule_callbacks() {
    Callback first = std::exchange(first_callback_, 0);
    if (!first) return;
    // Callbacks added from now on are scheduled at once, never stored.
    if (!rare_ || rare_->more_callbacks.empty()) [[likely]] {
        schedule(first);
        return;
    }
    std::vector<Callback> more = std::move(rare_->more_callbacks);
    schedule(first);
    for (Callback c : more) schedule(c);
}

}  // namespace corio
