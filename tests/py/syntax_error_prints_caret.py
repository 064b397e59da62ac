print("never")


def broken(x)
    return x
