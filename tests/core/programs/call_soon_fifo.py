# call_soon is FIFO; what a callback schedules runs in the next iteration;
# due timers join after the handles already ready (tests/core/loop_test.cpp).
import asyncio

def main():
    loop = asyncio.new_event_loop()
    log = []
    def cb(name, again=None):
        print(name)
        if again:
            loop.call_soon(cb, again)
    loop.call_later(0, cb, "timer0")
    loop.call_soon(cb, "a", "a-again")
    loop.call_soon(cb, "b", "b-again")
    loop.call_at(loop.time() + 0.5, cb, "t-0.5-first")
    loop.call_later(0.5, cb, "t-0.5-second")
    loop.call_later(0.25, cb, "t-0.25")
    h = loop.call_later(0.3, cb, "cancelled")
    h.cancel()
    loop.call_later(1, loop.stop)
    loop.run_forever()
    loop.close()

main()
