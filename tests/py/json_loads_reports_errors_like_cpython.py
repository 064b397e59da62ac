# json.loads rejects malformed documents with CPython's JSONDecodeError
# messages and positions (line, column, char).
import json

documents = ["", "   ", "[1, 2,]", '{"a": 1,}', "{'a': 1}", '{"a" 1}', "[1 2]", '{"a": 1} extra',
             '"unterminated', "[1, 2", '{"a":', "tru", "nul", "01", "1.", "-", '"bad \\x escape"',
             '"tab\there"', '"\\u12"', "{", "[", '{"a": 1', "\n\n  [\n1,\n]", "[1]]", "{1: 2}",
             '{"a" : 1 , "b"}', '["a" "b"]', "[-]", '"\\ud83d\\uZZZZ"', "\ufeff[]"]
for doc in documents:
    try:
        json.loads(doc)
        print(repr(doc), "parsed")
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, "|", repr(e.msg), e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads("[}")
except ValueError as e:
    print("ValueError:", e, type(e).__name__)
try:
    json.loads(None)
except TypeError as e:
    print("TypeError:", e)
