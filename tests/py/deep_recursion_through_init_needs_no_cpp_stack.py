import sys

sys.setrecursionlimit(3000)


class Node:
    def __init__(self, n):
        self.child = Node(n - 1) if n else None


def length(node):
    return 0 if node is None else 1 + length(node.child)


print(length(Node(800)))
