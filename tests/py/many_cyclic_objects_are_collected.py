class Node:
    def __init__(self, i):
        self.i = i
        self.other = None


total = 0
for i in range(1_000_000):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
    total += b.other.i
print(total)
