# json: dumps (indent, sort_keys, separators, ensure_ascii, default, cls),
# loads (hooks) and dump/load through file-like objects.
import json

data = {"name": "Ada", "langs": ["en", "fr"], "age": 36, "ratio": 0.1 + 0.2, "ok": True,
        "none": None, "nested": {"b": [1, 2, {"c": []}], "a": {}}, "tuple": (1, 2)}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent="\t"))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps([1, [2, [3, []]], {}], indent=0))
print(json.dumps("héllo \u2028 \U0001F600 \"quoted\" back\\slash\n\t\x00\x1f\x7f"))
print(json.dumps("héllo \U0001F600\x7f", ensure_ascii=False))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "null"}))
print(json.dumps([1e100, 1e-7, 12345678901234567890, -0.0, 3.0, float("inf"), float("-inf"), float("nan")]))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps({"skip": 1, (1, 2): "tuple key"}, skipkeys=True))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode_point(obj):
    if isinstance(obj, Point):
        return {"x": obj.x, "y": obj.y}
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


print(json.dumps([Point(1, 2), Point(3, 4)], default=encode_point))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"tags": {"b", "a"}}, cls=SetEncoder))
for bad in [set(), Point(0, 0), {(1, 2): 3}, b"bytes"]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError:", e)
loop = []
loop.append(loop)
for bad, kwargs in [(loop, {}), (float("nan"), {"allow_nan": False})]:
    try:
        json.dumps(bad, **kwargs)
    except ValueError as e:
        print("ValueError:", e)

text = '{"a": [1, 2.5, -3e2, true, false, null], "s": "\\u00e9\\ud83d\\ude00\\n\\"q\\"", "e": {}, "l": []}'
value = json.loads(text)
print(value, type(value["a"][1]).__name__, type(value["a"][2]).__name__)
print(json.loads(json.dumps(data)) == json.loads(json.dumps(data, indent=4)))
print(json.loads("  [1, 2]  "), json.loads('"just a string"'), json.loads("42"), json.loads("-0.5"), json.loads("null"))
print(json.loads("[NaN, Infinity, -Infinity]"), json.loads(b'{"bytes": 1}'), json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"x": 1, "y": 2}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=list))
print(json.loads("[1.5, 2]", parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"p": {"x": 1, "y": 2}}', object_hook=lambda d: Point(**d) if "x" in d else d)["p"].y)


class Buffer:
    def __init__(self, text=""):
        self.text = text

    def write(self, chunk):
        self.text += chunk

    def read(self):
        return self.text


buf = Buffer()
json.dump({"saved": [1, 2]}, buf, indent=1)
print(buf.text)
print(json.load(Buffer('{"loaded": true}')))
