// errors.hpp — the exceptions the engine raises, named after asyncio's.
// Errors travel through futures as std::exception_ptr, so C++ users catch
// them as usual; the Python layer maps each type to its Python class.
#pragma once

#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace corio {

// Errors that must not be swallowed by the loop's exception handler: they
// leave run_forever, as SystemExit and KeyboardInterrupt do in CPython.
class FatalError : public std::exception {};

// asyncio.CancelledError: the message is the one given to cancel(), if any.
class CancelledError : public std::exception {
public:
    CancelledError() = default;
    explicit CancelledError(std::optional<std::string> message) : message_(std::move(message)) {}
    const std::optional<std::string>& message() const noexcept { return message_; }
    const char* what() const noexcept override { return message_ ? message_->c_str() : ""; }

private:
    std::optional<std::string> message_;
};

// asyncio.InvalidStateError (e.g. result() of a pending future).
class InvalidStateError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

// asyncio.TimeoutError (wait_for, timeout).
class TimeoutError : public std::runtime_error {
public:
    TimeoutError() : std::runtime_error("") {}
};

// RuntimeError raised by the engine (misuse: bad yield, await on itself...).
class RuntimeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ValueError raised by the engine (e.g. Semaphore(-1)).
class ValueError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

class QueueEmpty : public std::exception {
public:
    const char* what() const noexcept override { return ""; }
};

class QueueFull : public std::exception {
public:
    const char* what() const noexcept override { return ""; }
};

// asyncio.BrokenBarrierError.
class BrokenBarrierError : public std::runtime_error {
public:
    BrokenBarrierError() : std::runtime_error("Barrier aborted") {}
    explicit BrokenBarrierError(const std::string& message) : std::runtime_error(message) {}
};

// BaseExceptionGroup raised by TaskGroup: the errors of the failed children.
class ExceptionGroup : public std::exception {
public:
    ExceptionGroup(std::string message, std::vector<std::exception_ptr> errors)
        : message_(std::move(message)), errors_(std::move(errors)) {}
    const char* what() const noexcept override { return message_.c_str(); }
    const std::vector<std::exception_ptr>& errors() const noexcept { return errors_; }

private:
    std::string message_;
    std::vector<std::exception_ptr> errors_;
};

// True if the error is a CancelledError (or a type derived from it).
bool is_cancellation(const std::exception_ptr& error) noexcept;
// True if the error must leave the loop (FatalError).
bool is_fatal(const std::exception_ptr& error) noexcept;
// A one-line description ("TypeName: message") for logs and traces.
std::string describe(const std::exception_ptr& error);

}  // namespace corio
