// session.cpp — running a program in slices (see session.hpp).
#include "py/session.hpp"

#include <memory>
#include <utility>

#include "core/errors.hpp"
#include "core/host.hpp"
#include "core/loop.hpp"
#include "core/task_base.hpp"
#include "py/code.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/frame.hpp"
#include "py/frozen_modules.hpp"
#include "py/heap.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/never_awaited.hpp"
#include "py/run.hpp"
#include "py/str.hpp"
#include "py/traceback.hpp"
#include "py/vm.hpp"
#include "py/vm_source.hpp"

namespace corio::py {

namespace {

std::string dirname_of(std::string_view path) {
    std::size_t slash = path.rfind('/');
    if (slash == std::string_view::npos) return ".";
    if (slash == 0) return "/";
    return std::string(path.substr(0, slash));
}

}  // namespace

Session::Session(Interp& interp, std::string filename, std::string source,
                 std::vector<std::string> argv)
    : interp_(interp), filename_(std::move(filename)), source_(std::move(source)),
      argv_(std::move(argv)) {}

// A session destroyed part-way leaves its frames to the Interp, which the
// embedder discards with it.
Session::~Session() = default;

Loop* Session::loop() const noexcept {
    return phase_ == Phase::Driving && awaited_ ? &awaited_->loop() : nullptr;
}

uint64_t Session::current_task_id() const noexcept {
    Loop* lp = loop();
    TaskBase* task = lp ? lp->current_task() : nullptr;
    return task ? task->id() : 0;
}

Progress Session::advance() { return run(false, Unit::Iteration); }

Progress Session::step(Unit unit) { return run(true, unit); }

Progress Session::run(bool stepping, Unit unit) {
    stepping_ = stepping;
    try {
        switch (phase_) {
            case Phase::Start:
                if (interrupt_) {
                    finish(130);
                    return {Progress::State::Done};
                }
                return start();
            case Phase::Module: return continue_module(take_interrupt());
            case Phase::Driving: return drive(stepping, unit);
            case Phase::Done: break;
        }
    } catch (const HeapExhausted&) {
        if (interp_.write_stderr) interp_.write_stderr("MemoryError\n");
        finish(1);
    }
    return {Progress::State::Done};
}

Value Session::take_interrupt() {
    if (!interrupt_) return Value();
    interrupt_ = false;
    return new_exception(interp_, interp_.exc.KeyboardInterrupt, std::initializer_list<Value>{});
}

void Session::finish(int status) {
    Vm& vm = vm_of(interp_);
    vm.suspend_depth = -1;
    vm.task_step_depth = -1;
    phase_ = Phase::Done;
    status_ = status;
    // CPython's shutdown frees what is left: pending tasks are reported,
    // coroutines never started warn.
    run_exit_hooks();
    report_never_awaited_at_exit(interp_);
}

// The hooks stay in the list (a root) while they run; hooks added
// meanwhile are not run.
void Session::run_exit_hooks() {
    for (std::size_t n = interp_.exit_hooks.size(); n > 0; --n) {
        try {
            interp_.call(interp_.exit_hooks[n - 1], {});
        } catch (const PyException&) {
            // ignored, as CPython ignores errors in a finalizer
        } catch (const HeapExhausted&) {
            break;
        }
    }
    interp_.exit_hooks.clear();
}

// Reports an uncaught exception as python does and keeps what the page
// needs to mark it: the last line, and the innermost line in the main file.
int Session::report(Value exc) {
    int status = report_uncaught(interp_, exc);
    if (exception_matches(interp_, exc, interp_.exc.SystemExit)) return status;
    failed_ = true;
    failure_ = {Failure::Kind::Runtime, {}, 0, 0, {}};
    try {
        failure_.traceback = format_exception(interp_, exc);
    } catch (...) {
        failure_.traceback = "<exception report failed>\n";
    }
    std::string_view text = failure_.traceback;
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    std::size_t nl = text.rfind('\n');
    failure_.message = std::string(nl == std::string_view::npos ? text : text.substr(nl + 1));
    auto* eo = static_cast<ExceptionObject*>(exc.as_object());
    for (Value tb = eo->traceback; tb && tb.is_object();) {
        auto* entry = dynamic_cast<Traceback*>(tb.as_object());
        if (!entry) break;
        if (entry->code && entry->code->filename && entry->code->filename->view() == filename_)
            failure_.line = entry->lineno;
        tb = entry->next;
    }
    return status;
}

Progress Session::start() {
    Vm& vm = vm_of(interp_);
    if (!interp_.builtins->get_str(interp_, "anext")) install_python_builtins(interp_);
    register_source(interp_, filename_, source_);
    vm.module_dir = dirname_of(filename_);
    std::shared_ptr<const CodeSpec> spec;
    try {
        spec = compile_program(source_, filename_);
    } catch (const SyntaxError& err) {
        std::string text = format_syntax_error(err, filename_);
        if (interp_.write_stderr) interp_.write_stderr(text);
        failed_ = true;
        failure_ = {Failure::Kind::Syntax, err.kind + ": " + err.msg, err.lineno, err.offset, text};
        finish(1);
        return {Progress::State::Done};
    }
    Frame* frame = nullptr;
    try {
        if (interp_.argv) {
            interp_.argv->clear();
            for (const std::string& a : argv_) interp_.argv->append(interp_, make_str(interp_, a));
        }
        Code* code = load_code(interp_, spec);
        Module* main = make_module(interp_, "__main__");
        Dict* globals = main->dict;
        globals->set_str(interp_, "__file__", make_str(interp_, filename_));
        globals->set_str(interp_, interp_.names.builtins,
                         interp_.builtins_module ? Value(interp_.builtins_module) : Value(interp_.builtins));
        interp_.add_module(main);
        frame = new_frame(code, nullptr, globals, interp_.builtins, globals);
        enter_frame(vm, frame);
    } catch (const PyException& e) {
        if (frame) free_frame(frame);
        finish(report(e.exc));
        return {Progress::State::Done};
    }
    module_frame_ = frame;
    ++vm.native_depth;
    phase_ = Phase::Module;
    vm.suspend_depth = vm.native_depth;
    RunResult r = run_frame(vm, frame, frame, Value());
    return after_module(static_cast<int>(r.exit), r.value);
}

Progress Session::continue_module(Value throw_exc) {
    Vm& vm = vm_of(interp_);
    vm.suspend_depth = vm.native_depth;
    RunResult r = run_frame(vm, module_frame_, vm.current, throw_exc);
    return after_module(static_cast<int>(r.exit), r.value);
}

Progress Session::after_module(int exit, Value value) {
    Vm& vm = vm_of(interp_);
    vm.suspend_depth = -1;
    if (static_cast<Exit>(exit) == Exit::Suspended) {
        SuspendRequest request = std::exchange(vm.suspend, SuspendRequest{});
        switch (request.kind) {
            case SuspendKind::Blocked: return {Progress::State::Blocked, request.block_ns};
            case SuspendKind::RunLoop: {
                // asyncio's run_until_complete: stop the loop once the
                // future is done, and run it (drive) until it stops.
                auto* future = dynamic_cast<FutureBase*>(request.future.as_object());
                awaited_ = Ref<FutureBase>(future);
                Loop& lp = future->loop();
                lp.enter_run();
                future->add_done_callback([](FutureBase& f) { f.loop().stop(); }, this);
                vm.task_step_depth = vm.native_depth;
                ran_iteration_ = false;
                phase_ = Phase::Driving;
                return {stepping_ ? Progress::State::Stepped : Progress::State::Ready};
            }
            case SuspendKind::Preempted:
            case SuspendKind::None: return {Progress::State::Ready};
        }
    }
    --vm.native_depth;
    leave_frame(vm, module_frame_);
    free_frame(module_frame_);
    module_frame_ = nullptr;
    finish(static_cast<Exit>(exit) == Exit::Raised ? report(value) : 0);
    return {Progress::State::Done};
}

Progress Session::drive(bool stepping, Unit unit) {
    Vm& vm = vm_of(interp_);
    Loop& lp = awaited_->loop();
    lp.set_break_after_step(stepping && unit == Unit::TaskStep);
    for (;;) {
        try {
            if (lp.iteration_interrupted()) {
                if (interrupt_ && lp.suspended_task()) vm.suspend_throw = take_interrupt();
                lp.continue_iteration();
            } else {
                // Loop::run_forever: iterations until stopped (or stalled).
                if (ran_iteration_ && (lp.stopping() || lp.stalled())) return end_driving(Value());
                if (interrupt_) return end_driving(take_interrupt());
                int64_t timeout = lp.next_timeout_ns();
                const bool stalls = timeout == Host::kForever && !lp.host().io_pending();
                if (timeout != 0 && !stalls) return {Progress::State::Waiting, timeout};
                lp.run_once();
                ran_iteration_ = true;
            }
        } catch (const PyException& e) {
            return end_driving(e.exc);
        } catch (const HeapExhausted&) {
            throw;
        } catch (...) {
            return end_driving(exception_from_current(interp_));
        }
        if (lp.iteration_interrupted()) {
            if (lp.suspended_task()) {
                SuspendRequest request = std::exchange(vm.suspend, SuspendRequest{});
                if (request.kind == SuspendKind::Blocked)
                    return {Progress::State::Blocked, request.block_ns};
                return {Progress::State::Ready};
            }
            return {Progress::State::Stepped};  // a task step, when stepping
        }
        if (stepping && unit == Unit::Iteration) return {Progress::State::Stepped};
        if (vm.should_yield && vm.should_yield(vm.yield_context)) return {Progress::State::Ready};
    }
}

Progress Session::end_driving(Value throw_exc) {
    Vm& vm = vm_of(interp_);
    Loop& lp = awaited_->loop();
    lp.set_break_after_step(false);
    lp.exit_run();
    awaited_->remove_done_callback(this);
    vm.task_step_depth = -1;
    if (!throw_exc && !awaited_->done()) {
        const char* message =
            lp.stalled() ? "Event loop stopped before Future completed: nothing is left that could "
                           "complete it (every task waits for something that cannot happen)"
                         : "Event loop stopped before Future completed.";
        throw_exc = new_exception(interp_, interp_.exc.RuntimeError, message);
    }
    awaited_.reset();
    phase_ = Phase::Module;
    return continue_module(throw_exc);
}

}  // namespace corio::py
