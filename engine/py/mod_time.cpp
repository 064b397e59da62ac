// mod_time.cpp — the `time` module.
//
// Clocks: monotonic()/perf_counter() read interp.host->now_ns() (the loop's
// clock, shared with asyncio); without a host, the C++ steady clock. Under
// the virtual host (shared/conformance/README.md) time() is 1704110400 (2024-01-01
// 12:00:00 UTC) plus that clock, sleep(x) advances it, and local time is
// UTC; otherwise time() is the system clock and local time the C library's.
// Calendar functions use gmtime_r/localtime_r and the C strftime (%Z and %z
// are filled here, so they print "UTC"/"+0000" under the virtual clock).
#include "py/mod_time.hpp"

#include <chrono>
#include <cmath>
#include <ctime>
#include <string>
#include <thread>

#include "core/host.hpp"
#include "core/virtual_host.hpp"
#include "py/builtin_function.hpp"
#include "py/vm.hpp"
#include "py/dict.hpp"
#include "py/exceptions.hpp"
#include "py/float.hpp"
#include "py/int.hpp"
#include "py/interp.hpp"
#include "py/list.hpp"
#include "py/module.hpp"
#include "py/protocols.hpp"
#include "py/str.hpp"
#include "py/tuple.hpp"
#include "py/type.hpp"

namespace corio::py {

namespace {

constexpr int64_t kVirtualEpoch = 1704110400;  // 2024-01-01 12:00:00 UTC
constexpr int64_t kNs = 1000000000;

bool is_virtual(Interp& interp) { return dynamic_cast<corio::VirtualHost*>(interp.host) != nullptr; }

int64_t monotonic_ns(Interp& interp) {
    if (interp.host) return interp.host->now_ns();
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

int64_t wall_ns(Interp& interp) {
    if (is_virtual(interp)) return kVirtualEpoch * kNs + interp.host->now_ns();
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

double wall_seconds(Interp& interp) {
    if (is_virtual(interp)) return static_cast<double>(kVirtualEpoch) + static_cast<double>(interp.host->now_ns()) / 1e9;
    return static_cast<double>(wall_ns(interp)) * 1e-9;
}

Value t_time(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "time", 0, 0);
    return make_float(interp, wall_seconds(interp));
}
Value t_time_ns(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "time_ns", 0, 0);
    return make_int(interp, wall_ns(interp));
}
Value t_monotonic(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "monotonic", 0, 0);
    return make_float(interp, static_cast<double>(monotonic_ns(interp)) / 1e9);
}
Value t_monotonic_ns(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "monotonic_ns", 0, 0);
    return make_int(interp, monotonic_ns(interp));
}
Value t_process_time(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "process_time", 0, 0);
    return make_float(interp, static_cast<double>(std::clock()) / CLOCKS_PER_SEC);
}
Value t_process_time_ns(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "process_time_ns", 0, 0);
    return make_int(interp, static_cast<int64_t>(static_cast<double>(std::clock()) / CLOCKS_PER_SEC * 1e9));
}

Value t_sleep(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "sleep");
    check_nargs(interp, a, "sleep", 1, 1);
    if (!is_int(interp, a[0]) && !is_float(interp, a[0]))
        raise_type_error(interp, "'" + std::string(interp.type_of(a[0])->name->view()) + "' object cannot be interpreted as an integer");
    double secs = to_double(interp, a[0]);
    if (std::isnan(secs)) raise_value_error(interp, "Invalid value NaN (not a number)");
    if (secs < 0) raise_value_error(interp, "sleep length must be non-negative");
    if (std::isinf(secs) || secs * 1e9 > 9.2e18) raise_overflow_error(interp, "sleep length is too large");
    if (secs == 0) return interp.none;
    int64_t ns = static_cast<int64_t>(std::nearbyint(secs * 1e9));
    if (ns < 1) ns = 1;
    Vm& vm = vm_of(interp);
    if (vm.may_suspend(static_cast<const Object*>(a.fn))) {
        // A session lets the time pass (the browser without blocking).
        vm.suspend.kind = SuspendKind::Blocked;
        vm.suspend.block_ns = ns;
        return interp.none;
    }
    if (interp.host) interp.host->block(ns);
    else std::this_thread::sleep_for(std::chrono::nanoseconds(ns));
    return interp.none;
}

// ---- struct_time ----

constexpr const char* kFields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                   "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};


// The struct_time type lives in the module dict; found through the Interp's
// module table so that there is no global state.
Type* struct_time_type(Interp& interp) {
    Value m = interp.modules->get_str(interp, "time");
    Value t = m ? getattr_opt(interp, m, interp.intern("struct_time")) : Value();
    if (!t) raise_runtime_error(interp, "time.struct_time is missing");
    return static_cast<Type*>(t.as_object());
}

Value make_struct_time(Interp& interp, Type* type, const std::tm& tm) {
    Tuple* t = make_tuple_of_type(interp, type, 9);
    int64_t vals[9] = {tm.tm_year + 1900LL, tm.tm_mon + 1LL, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                       (tm.tm_wday + 6) % 7, tm.tm_yday + 1LL, tm.tm_isdst};
    for (std::size_t i = 0; i < 9; ++i) (*t)[i] = Value::small_int(vals[i]);
    return t;
}

Value struct_time_repr(Interp& interp, Value self) {
    Tuple* t = static_cast<Tuple*>(self.as_object());
    std::string out = "time.struct_time(";
    for (std::size_t i = 0; i < 9 && i < t->size(); ++i) {
        if (i) out += ", ";
        out += kFields[i];
        out += '=';
        out += repr_utf8(interp, (*t)[i]);
    }
    out += ')';
    return make_str(interp, out);
}

Value struct_time_getattr(Interp& interp, Value self, Str* name) {
    std::string_view n = name->view();
    Tuple* t = static_cast<Tuple*>(self.as_object());
    for (std::size_t i = 0; i < 9; ++i)
        if (n == kFields[i] && i < t->size()) return (*t)[i];
    if (n == "tm_zone" || n == "tm_gmtoff") {
        if (is_virtual(interp)) return n == "tm_zone" ? Value(make_str(interp, "UTC")) : Value::small_int(0);
        std::tm tm{};
        tm.tm_year = static_cast<int>(index_i64(interp, (*t)[0]) - 1900);
        tm.tm_mon = static_cast<int>(index_i64(interp, (*t)[1]) - 1);
        tm.tm_mday = static_cast<int>(index_i64(interp, (*t)[2]));
        tm.tm_hour = static_cast<int>(index_i64(interp, (*t)[3]));
        tm.tm_isdst = static_cast<int>(index_i64(interp, (*t)[8]));
        std::time_t tt = std::mktime(&tm);
        std::tm local{};
        localtime_r(&tt, &local);
        char buf[64];
        std::size_t len = std::strftime(buf, sizeof buf, n == "tm_zone" ? "%Z" : "%z", &local);
        std::string s(buf, len);
        if (n == "tm_zone") return make_str(interp, s);
        if (s.size() != 5) return Value::small_int(0);
        int64_t off = ((s[1] - '0') * 10 + (s[2] - '0')) * 3600 + ((s[3] - '0') * 10 + (s[4] - '0')) * 60;
        return Value::small_int(s[0] == '-' ? -off : off);
    }
    return generic_getattr(interp, self, name);
}

Value struct_time_new(Interp& interp, Type* cls, const Value* args, std::size_t nargs, Tuple* kwnames) {
    Value v[2];
    parse_args(interp, CallArgs{args, nargs, kwnames, nullptr}, ArgSpec{"struct_time", {"sequence", "dict"}, 1, 2}, v);
    List* items = list_from_iterable(interp, v[0]);
    if (items->size() < 9)
        raise_type_error(interp, "time.struct_time() takes an at least 9-sequence (" + std::to_string(items->size()) +
                                     "-sequence given)");
    if (items->size() > 11)
        raise_type_error(interp, "time.struct_time() takes an at most 11-sequence (" + std::to_string(items->size()) +
                                     "-sequence given)");
    Tuple* t = make_tuple_of_type(interp, cls, 9);
    for (std::size_t i = 0; i < 9; ++i) (*t)[i] = (*items)[i];
    return t;
}

// A seconds argument (None: now) as time_t, floored as CPython's.
std::time_t seconds_arg(Interp& interp, Value v) {
    double secs;
    if (!v || v == interp.none) {
        if (is_virtual(interp)) return static_cast<std::time_t>(kVirtualEpoch + interp.host->now_ns() / kNs);
        secs = wall_seconds(interp);
    } else if (is_int(interp, v)) {
        int64_t i = 0;
        if (!int_to_i64(interp, v, i)) raise_overflow_error(interp, "timestamp out of range for platform time_t");
        return static_cast<std::time_t>(i);
    } else {
        secs = to_double(interp, v);
        if (std::isnan(secs)) raise_value_error(interp, "Invalid value NaN (not a number)");
    }
    double f = std::floor(secs);
    if (!(f > -9.2e18 && f < 9.2e18)) raise_overflow_error(interp, "timestamp out of range for platform time_t");
    return static_cast<std::time_t>(f);
}

std::tm broken_down(Interp& interp, std::time_t tt, bool local) {
    std::tm tm{};
    bool ok = (local && !is_virtual(interp)) ? localtime_r(&tt, &tm) != nullptr : gmtime_r(&tt, &tm) != nullptr;
    if (!ok) raise_overflow_error(interp, "timestamp out of range for platform time_t");
    return tm;
}

Value t_gmtime(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "gmtime", 0, 1);
    return make_struct_time(interp, struct_time_type(interp),
                            broken_down(interp, seconds_arg(interp, a.size() ? a[0] : Value()), false));
}
Value t_localtime(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "localtime", 0, 1);
    return make_struct_time(interp, struct_time_type(interp),
                            broken_down(interp, seconds_arg(interp, a.size() ? a[0] : Value()), true));
}

// A struct_time or 9-tuple as struct tm (CPython's gettmarg + checktm).
std::tm tm_arg(Interp& interp, Value v, const char* fname) {
    if (!is_tuple(interp, v)) raise_type_error(interp, "Tuple or struct_time argument required");
    Tuple* t = static_cast<Tuple*>(v.as_object());
    if (t->size() != 9)
        raise_type_error(interp, std::string(fname) + "(): illegal time tuple argument");
    int64_t f[9];
    for (std::size_t i = 0; i < 9; ++i) f[i] = index_i64(interp, (*t)[i]);
    std::tm tm{};
    tm.tm_year = static_cast<int>(f[0] - 1900);
    tm.tm_mon = static_cast<int>(f[1] - 1);
    tm.tm_mday = static_cast<int>(f[2]);
    tm.tm_hour = static_cast<int>(f[3]);
    tm.tm_min = static_cast<int>(f[4]);
    tm.tm_sec = static_cast<int>(f[5]);
    tm.tm_wday = static_cast<int>((f[6] + 1) % 7);
    tm.tm_yday = static_cast<int>(f[7] - 1);
    tm.tm_isdst = static_cast<int>(f[8]);
    return tm;
}

void check_tm(Interp& interp, std::tm& tm) {
    // strftime's normalisation of zeros, then the range checks.
    if (tm.tm_mon == -1) tm.tm_mon = 0;
    else if (tm.tm_mon < 0 || tm.tm_mon > 11) raise_value_error(interp, "month out of range");
    if (tm.tm_mday == 0) tm.tm_mday = 1;
    else if (tm.tm_mday < 0 || tm.tm_mday > 31) raise_value_error(interp, "day of month out of range");
    if (tm.tm_hour < 0 || tm.tm_hour > 23) raise_value_error(interp, "hour out of range");
    if (tm.tm_min < 0 || tm.tm_min > 59) raise_value_error(interp, "minute out of range");
    if (tm.tm_sec < 0 || tm.tm_sec > 61) raise_value_error(interp, "seconds out of range");
    if (tm.tm_wday < 0) raise_value_error(interp, "day of week out of range");
    if (tm.tm_yday == -1) tm.tm_yday = 0;
    else if (tm.tm_yday < 0 || tm.tm_yday > 365) raise_value_error(interp, "day of year out of range");
}

std::tm now_or(Interp& interp, Value t, const char* fname) {
    if (!t || t == interp.none) return broken_down(interp, seconds_arg(interp, Value()), true);
    return tm_arg(interp, t, fname);
}

std::string zone_text(Interp& interp, const std::tm& tm, bool offset) {
    if (is_virtual(interp)) return offset ? "+0000" : "UTC";
    std::tm copy = tm;
    std::time_t tt = std::mktime(&copy);
    std::tm local{};
    if (!localtime_r(&tt, &local)) return "";
    char buf[64];
    std::size_t n = std::strftime(buf, sizeof buf, offset ? "%z" : "%Z", &local);
    return std::string(buf, n);
}

Value t_strftime(Interp& interp, const CallArgs& a) {
    check_no_kwargs(interp, a, "strftime");
    check_nargs(interp, a, "strftime", 1, 2);
    if (!is_str(interp, a[0]))
        raise_type_error(interp, "strftime() argument 1 must be str, not " + std::string(interp.type_of(a[0])->name->view()));
    std::tm tm = now_or(interp, a.size() > 1 ? a[1] : Value(), "strftime");
    check_tm(interp, tm);
    std::string fmt = str_utf8(interp, a[0]);
    // %Z / %z here; everything else, one directive at a time, by the C library.
    std::string out;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c != '%' || i + 1 >= fmt.size()) {
            out += c;
            continue;
        }
        std::string directive = "%";
        std::size_t j = i + 1;
        while (j < fmt.size() && (fmt[j] == 'E' || fmt[j] == 'O' || fmt[j] == '-' || fmt[j] == '_' || fmt[j] == '0' ||
                                  fmt[j] == '^' || fmt[j] == '#'))
            directive += fmt[j++];
        if (j >= fmt.size()) {
            out += fmt.substr(i);
            break;
        }
        directive += fmt[j];
        i = j;
        if (fmt[j] == 'Z' || fmt[j] == 'z') {
            out += zone_text(interp, tm, fmt[j] == 'z');
            continue;
        }
        // The C locale's date-and-time as glibc (CPython's libc here) writes
        // it; musl (the WebAssembly libc) pads the day with a zero instead.
        if (directive == "%c") directive = "%a %b %e %H:%M:%S %Y";
        char buf[256];
        std::size_t n = std::strftime(buf, sizeof buf, directive.c_str(), &tm);
        out.append(buf, n);
    }
    return make_str(interp, out);
}

std::string asctime_text(const std::tm& tm) {
    static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", kDays[(tm.tm_wday % 7 + 7) % 7],
                  kMonths[(tm.tm_mon % 12 + 12) % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
    return buf;
}

Value t_asctime(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "asctime", 0, 1);
    std::tm tm = now_or(interp, a.size() ? a[0] : Value(), "asctime");
    check_tm(interp, tm);
    return make_str(interp, asctime_text(tm));
}

Value t_ctime(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "ctime", 0, 1);
    std::tm tm = broken_down(interp, seconds_arg(interp, a.size() ? a[0] : Value()), true);
    return make_str(interp, asctime_text(tm));
}

Value t_mktime(Interp& interp, const CallArgs& a) {
    check_nargs(interp, a, "mktime", 1, 1);
    std::tm tm = tm_arg(interp, a[0], "mktime");
    tm.tm_wday = -1;
    std::time_t tt;
    if (is_virtual(interp)) {
        tt = timegm(&tm);
    } else {
        tt = std::mktime(&tm);
    }
    if (tt == static_cast<std::time_t>(-1) && tm.tm_wday == -1) raise_overflow_error(interp, "mktime argument out of range");
    return make_float(interp, static_cast<double>(tt));
}

}  // namespace

Module* make_time_module(Interp& interp) {
    Module* m = make_module(interp, "time");
    Dict* d = m->dict;
    Type* st = new_builtin_type(interp, "struct_time", interp.types.tuple, 0);
    st->module = make_str(interp, "time");
    st->slots.repr = struct_time_repr;
    st->slots.getattr = struct_time_getattr;
    st->slots.new_ = struct_time_new;
    finish_builtin_type(interp, st);
    d->set_str(interp, "struct_time", st);
    struct Fn {
        const char* name;
        NativeFn fn;
    };
    for (const Fn& f : {
             Fn{"time", t_time},         Fn{"time_ns", t_time_ns},
             Fn{"monotonic", t_monotonic}, Fn{"monotonic_ns", t_monotonic_ns},
             Fn{"perf_counter", t_monotonic}, Fn{"perf_counter_ns", t_monotonic_ns},
             Fn{"process_time", t_process_time}, Fn{"process_time_ns", t_process_time_ns},
             Fn{"sleep", t_sleep},       Fn{"gmtime", t_gmtime},
             Fn{"localtime", t_localtime}, Fn{"strftime", t_strftime},
             Fn{"asctime", t_asctime},   Fn{"ctime", t_ctime},
             Fn{"mktime", t_mktime},
         }) {
        BuiltinFunction* b = make_builtin(interp, f.name, f.fn);
        d->set_str(interp, b->name, b);
    }
    if (is_virtual(interp)) {
        d->set_str(interp, "timezone", Value::small_int(0));
        d->set_str(interp, "altzone", Value::small_int(0));
        d->set_str(interp, "daylight", Value::small_int(0));
        d->set_str(interp, "tzname", make_tuple(interp, {make_str(interp, "UTC"), make_str(interp, "UTC")}));
    } else {
        tzset();
        d->set_str(interp, "timezone", make_int(interp, static_cast<int64_t>(::timezone)));
        d->set_str(interp, "altzone", make_int(interp, static_cast<int64_t>(::timezone) - (::daylight ? 3600 : 0)));
        d->set_str(interp, "daylight", Value::small_int(::daylight));
        d->set_str(interp, "tzname", make_tuple(interp, {make_str(interp, ::tzname[0]), make_str(interp, ::tzname[1])}));
    }
    return m;
}

}  // namespace corio::py
