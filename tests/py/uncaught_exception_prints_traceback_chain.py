def inner():
    return {}["missing"]


def outer():
    try:
        inner()
    except KeyError as e:
        raise RuntimeError("wrapped") from e


print("before")
outer()
