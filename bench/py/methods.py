# Method calls and attribute updates on a class instance.
class Counter:
    def __init__(self):
        self.count = 0

    def add(self, n):
        self.count += n
        return self


c = Counter()
for i in range(1_000_000):
    c.add(i)
print(c.count)
