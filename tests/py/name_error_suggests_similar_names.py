counter = 1
try:
    print(countr)
except NameError as e:
    print(e)


class Point:
    def __init__(self):
        self.value = 1


p = Point()
try:
    p.valeu
except AttributeError as e:
    print(e)
prnt("x")
