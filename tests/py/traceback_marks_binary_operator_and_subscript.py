def total(items):
    return items[0] + items[1] * 2


def main():
    data = [1, "x"]
    return total(data)


main()
