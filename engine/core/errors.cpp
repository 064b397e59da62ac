// errors.cpp — classification of errors carried as std::exception_ptr.
#include "core/errors.hpp"

#include <typeinfo>

namespace corio {

bool is_cancellation(const std::exception_ptr& error) noexcept {
    if (!error) return false;
    try {
        std::rethrow_exception(error);
    } catch (const CancelledError&) {
        return true;
    } catch (...) {
        return false;
    }
}

bool is_fatal(const std::exception_ptr& error) noexcept {
    if (!error) return false;
    try {
        std::rethrow_exception(error);
    } catch (const FatalError&) {
        return true;
    } catch (...) {
        return false;
    }
}

std::string describe(const std::exception_ptr& error) {
    if (!error) return "no error";
    try {
        std::rethrow_exception(error);
    } catch (const CancelledError& e) {
        return std::string("CancelledError: ") + e.what();
    } catch (const TimeoutError&) {
        return "TimeoutError";
    } catch (const std::exception& e) {
        return std::string(typeid(e).name()) + ": " + e.what();
    } catch (...) {
        return "unknown error";
    }
}

}  // namespace corio
