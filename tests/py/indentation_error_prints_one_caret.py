print("not run")


def f():
return 1
