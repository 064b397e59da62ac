# traceback: format_exc, print_exc, format_exception, print_exception and
# format_exception_only give the report python prints for an uncaught error.
import traceback


def where(text):
    # The folder of this file differs between machines: keep its name only.
    return text.replace(__file__, "THIS_FILE")


def divide(a, b):
    return a / b


def average(values):
    return divide(sum(values), len(values))


print(repr(traceback.format_exc()))
try:
    average([])
except ZeroDivisionError:
    text = traceback.format_exc()
    print(where(text), end="")
    traceback.print_exc()
    print("handled; the program goes on")

try:
    try:
        {}["key"]
    except KeyError as e:
        raise ValueError("bad lookup") from e
except ValueError as err:
    saved = err
    print(where(traceback.format_exc()), end="")

parts = traceback.format_exception(saved)
print(len(parts), [where(part) for part in parts])
print(where("".join(traceback.format_exception(saved, chain=False))), end="")
print(traceback.format_exception_only(saved))
print(traceback.format_exception_only(ValueError("no traceback")))
print(traceback.format_exception(RuntimeError("never raised")))
traceback.print_exception(saved)
traceback.print_exception(type(saved), saved, saved.__traceback__)


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


sink = Sink()
try:
    int("x")
except ValueError:
    traceback.print_exc(file=sink)
print(where("".join(sink.parts)), end="")
print([where(line) for line in traceback.format_tb(saved.__traceback__)])
try:
    raise TypeError("in context")
except TypeError:
    try:
        [][1]
    except IndexError:
        print(where(traceback.format_exc()), end="")
