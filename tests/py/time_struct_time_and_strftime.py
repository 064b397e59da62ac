# time: struct_time, gmtime, strftime, asctime and ctime on explicit times
# (deterministic under any clock); the clocks move forward.
import time

t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t.tm_isdst, t[0], t[-1], len(t))
print(time.gmtime(1e9 + 0.7), time.gmtime(86400 * 365.25 * 30))
print(time.asctime(time.gmtime(951782400)), time.asctime((2024, 3, 5, 7, 8, 9, 1, 65, 0)))
print(time.strftime('%A %d %B %Y %j %y %a %b %p %H:%M:%S %%', time.gmtime(951782400)))
print(time.strftime('%H:%M %c | %x | %X', (2024, 3, 5, 17, 8, 9, 1, 65, 0)))
print(type(t).__name__, isinstance(t, tuple), tuple(t)[:3], time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
a = time.monotonic(); b = time.perf_counter_ns(); time.sleep(0.01)
print(time.monotonic() > a, time.perf_counter_ns() > b, time.time() > 1.7e9, isinstance(time.time_ns(), int))
for bad in [lambda: time.sleep(-1), lambda: time.sleep(float('nan')),
            lambda: time.strftime('%Y', (2024, 13, 1, 0, 0, 0, 0, 1, 0))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
