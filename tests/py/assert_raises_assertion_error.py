try:
    assert 1 == 2, "numbers differ"
except AssertionError as e:
    print("AssertionError:", e)
assert True
x = [1]
assert x, "not reached"
assert len(x) == 2
