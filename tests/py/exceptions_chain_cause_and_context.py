try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("v") from e
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))

try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("t")
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise OSError("o")
    except OSError:
        raise RuntimeError("r") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))


def name_gone():
    try:
        raise ValueError
    except ValueError as err:
        pass
    return "err" in dir()


print(name_gone())
