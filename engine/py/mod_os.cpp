// mod_os.cpp — the `os` module: its Python part (frozen_os.cpp: environ,
// getenv, getpid, os.path) and urandom.
//
// urandom without the OS: engine/py reaches the outside only through the
// engine's Host, whose one source of variation is its clock. Each call
// seeds a Mersenne Twister (mt19937.hpp) with the host clock's nanoseconds
// and the number of earlier calls, and returns its next bytes. The bytes
// are unpredictable enough for what teaching programs do with them (ids,
// salts in examples) but not cryptographic; under the virtual clock they
// are the same on every run, like everything else there.
#include "py/mod_os.hpp"

#include <chrono>
#include <string>

#include "core/host.hpp"
#include "py/builtin_function.hpp"
#include "py/bytes.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/frozen_modules.hpp"
#include "py/int.hpp"
#include "py/module.hpp"
#include "py/mt19937.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"

namespace corio::py {

std::string_view os_source();  // frozen_os.cpp

namespace {

// Where the os module keeps how many times urandom ran.
constexpr std::string_view kCallsKey = "_urandom_calls";

uint64_t clock_ns(Interp& interp) {
    if (interp.host) return static_cast<uint64_t>(interp.host->now_ns());
    return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::steady_clock::now().time_since_epoch())
                                     .count());
}

// urandom(size): bound to the os module (args[0]), which holds the count.
Value os_urandom(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "urandom");
    if (a.nargs != 2)
        raise_type_error(interp, "urandom() takes exactly one argument (" + std::to_string(a.nargs - 1) + " given)");
    int64_t size = index_i64(interp, a[1]);
    if (size < 0) raise_value_error(interp, "negative argument not allowed");
    Dict* dict = static_cast<Module*>(a[0].as_object())->dict;
    Value calls_v = dict->get_str(interp, kCallsKey);
    uint64_t calls = calls_v && calls_v.is_small_int() ? static_cast<uint64_t>(calls_v.as_small_int()) : 0;
    dict->set_str(interp, kCallsKey, Value::small_int(static_cast<int64_t>(calls + 1)));
    const uint64_t now = clock_ns(interp);
    const uint32_t key[4] = {static_cast<uint32_t>(now), static_cast<uint32_t>(now >> 32),
                             static_cast<uint32_t>(calls), static_cast<uint32_t>(calls >> 32)};
    Mt19937 mt;
    mt.init_by_array(key, 4);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    for (std::size_t i = 0; i < bytes.size(); i += 4) {
        uint32_t word = mt.next_u32();
        for (std::size_t k = 0; k < 4 && i + k < bytes.size(); ++k)
            bytes[i + k] = static_cast<char>((word >> (8 * k)) & 0xff);
    }
    return make_bytes(interp, bytes);
}

}  // namespace

Module* make_os_module(Interp& interp) {
    Module* m = make_module(interp, "os");
    // Registered first: the Python part imports posixpath, which may
    // import os back.
    interp.add_module(m);
    BuiltinFunction* urandom = make_builtin(interp, "urandom", os_urandom);
    urandom->self = m;
    m->dict->set_str(interp, urandom->name, urandom);
    try {
        run_frozen_source(interp, "os", os_source(), m->dict);
    } catch (...) {
        interp.modules->remove(interp, make_str(interp, "os"));
        throw;
    }
    return m;
}

}  // namespace corio::py
