def f():
    raise ExceptionGroup("outer", [ValueError("v"), ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])
try:
    f()
except* ValueError as e:
    raise RuntimeError("rt") from None
