def f():
    raise ExceptionGroup("outer", [ValueError("v"), ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])
f()
