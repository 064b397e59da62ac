def g():
    yield me.send(None)


me = g()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def h():
    yield 1


x = h()
print(x.gi_running, x.gi_frame is not None)
list(x)
print(x.gi_frame)
try:
    x.send(5)
except StopIteration:
    print("stopped")
y = h()
try:
    y.send(5)
except TypeError as e:
    print("TypeError:", e)
