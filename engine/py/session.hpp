// session.hpp — a program run in slices. The native `corio` command and the
// browser worker both run programs through a Session: advance() runs the
// program until it has to wait (a timer, I/O, time.sleep) or its embedder
// wants control back, and says which; the embedder lets the time pass its
// own way (natively: Host::poll / Host::block; in the browser: a timer) and
// calls advance() again. Nothing the program can observe differs from a run
// in one go: output, order and virtual times are the same.
//
// How: the module's dispatch loop and the event loop's task steps are
// suspendable (vm.hpp, SuspendKind). `loop.run_until_complete(fut)` (and so
// asyncio.run) suspends the module code while the Session runs the event
// loop itself, iteration by iteration, exactly as Loop::run_forever would;
// time.sleep and the step budget suspend wherever they happen, and the
// Session continues from there. The Session owns the module frame; the
// Interp (with its Vm and host) is the embedder's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/future.hpp"
#include "core/ref.hpp"
#include "py/object.hpp"

namespace corio {
class Loop;
}

namespace corio::py {

class Interp;
struct Frame;

// What the program needs before advance() can go on.
struct Progress {
    enum class State : uint8_t {
        Ready,    // more to run now (preempted: the embedder wanted control)
        Stepped,  // step(): the unit asked for is done
        Waiting,  // the event loop waits `ns` (Host::kForever: only for I/O)
        Blocked,  // time.sleep blocks the whole program for `ns`
        Done,     // finished: exit_status()
    };
    State state;
    int64_t ns = 0;
};

// What ended a program that failed: a SyntaxError before it ran, or an
// uncaught exception (not SystemExit). The text was written to stderr too.
struct Failure {
    enum class Kind : uint8_t { Syntax, Runtime };
    Kind kind;
    std::string message;    // "SyntaxError: msg" / the traceback's last line
    int line = 0;           // 1-based; the innermost frame in the main file
    int col = 0;            // 1-based column of a SyntaxError, else 0
    std::string traceback;  // what CPython prints
};

class Session {
public:
    // Runs stop after this unit when stepping (see step()).
    enum class Unit : uint8_t { Iteration, TaskStep };

    // Compiles nothing yet: the first advance() does (a SyntaxError is the
    // program's first output, as for python).
    Session(Interp& interp, std::string filename, std::string source,
            std::vector<std::string> argv);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Runs until the program must wait, blocks, is preempted or ends.
    Progress advance();
    // Runs at most one unit: one event-loop iteration, or one task step.
    // Code outside the event loop is one unit up to where it starts the
    // loop (or blocks, or ends).
    Progress step(Unit unit);
    // Stops the program as Ctrl+C stops python: KeyboardInterrupt is raised
    // where it is (or where the event loop waits) on the next advance().
    void interrupt() noexcept { interrupt_ = true; }

    bool done() const noexcept { return phase_ == Phase::Done; }
    int exit_status() const noexcept { return status_; }
    // Why the program failed, if it did (null otherwise).
    const Failure* failure() const noexcept { return failed_ ? &failure_ : nullptr; }
    // The event loop the program runs now, if any, and its running task's
    // id (0: none) — the embedder tags output with it.
    Loop* loop() const noexcept;
    uint64_t current_task_id() const noexcept;

private:
    enum class Phase : uint8_t { Start, Module, Driving, Done };

    Progress run(bool stepping, Unit unit);
    Progress start();
    Progress continue_module(Value throw_exc);
    Progress after_module(int exit, Value value);
    Progress drive(bool stepping, Unit unit);
    Progress end_driving(Value throw_exc);
    Progress suspended_in_task();
    Value take_interrupt();
    void finish(int status);
    void run_exit_hooks();
    int report(Value exc);

    Interp& interp_;
    std::string filename_;
    std::string source_;
    std::vector<std::string> argv_;
    Phase phase_ = Phase::Start;
    int status_ = 0;
    bool interrupt_ = false;
    Frame* module_frame_ = nullptr;
    Ref<FutureBase> awaited_;  // Driving: run_until_complete's future
    bool ran_iteration_ = false;
    bool stepping_ = false;
    bool failed_ = false;
    Failure failure_{Failure::Kind::Runtime, {}, 0, 0, {}};
};

}  // namespace corio::py
